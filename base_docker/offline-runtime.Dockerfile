# Stand-in for mcr.microsoft.com/dotnet/runtime:10.0 where no registry is reachable: the host's
# .NET runtime on a debootstrapped Debian. Built by build-offline-base.sh (the build context is
# a folder holding the copied dotnet/ tree); not meant to be built by hand.
ARG MINBASE_IMAGE=wine/debian-minbase:bookworm
FROM ${MINBASE_IMAGE}
ARG DOTNET_VERSION
COPY dotnet /usr/share/dotnet
# The same variables the official runtime image sets.
ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_VERSION=${DOTNET_VERSION} \
    DOTNET_RUNNING_IN_CONTAINER=true \
    PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
