#!/usr/bin/env bash
# Builds a local .NET runtime image without any container registry, for machines (like many
# air-gapped clusters) that reach only a Debian mirror: a debootstrapped bookworm plus the .NET
# runtime already installed on this host. Result: wine/dotnet-runtime-offline:10.0, a stand-in for
# mcr.microsoft.com/dotnet/runtime:10.0. Skips images that already exist unless --rebuild.
set -euo pipefail

readonly MINBASE_IMAGE=wine/debian-minbase:bookworm
readonly RUNTIME_IMAGE=wine/dotnet-runtime-offline:10.0
readonly SUITE=bookworm
# libicu72 for globalization, fontconfig and DejaVu fonts for the plotting step.
readonly PACKAGES=(ca-certificates libicu72 libssl3 tzdata zlib1g fonts-dejavu-core libfontconfig1)
readonly DOTNET_HOST_ROOT=${DOTNET_ROOT:-/usr/share/dotnet}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly HERE

die() { echo "build-offline-base: error: $*" >&2; exit 1; }
phase() { echo "build-offline-base: [$SECONDS s] $*"; }

rebuild=false
case "${1:-}" in
  --rebuild) rebuild=true ;;
  "") ;;
  *) echo "usage: $0 [--rebuild]" >&2; exit 2 ;;
esac

[[ $(id -u) == 0 ]] || die "debootstrap and chroot need root"
command -v debootstrap >/dev/null || "$HERE/../scripts/ensure-packages.sh" debootstrap
docker info >/dev/null 2>&1 || die "the Docker engine does not answer (scripts/ensure-docker.sh starts it)"

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }

# The URIs apt uses on this host: deb822 .sources files, then sources.list (skipping [options]).
apt_uris() {
  cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '$1 == "URIs:" { print $2 }' || true
  awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; break } }' \
    /etc/apt/sources.list 2>/dev/null || true
}
debian_mirror() {
  apt_uris | awk '/debian/ && !/security/ && !found { print; found = 1 }
                  END { if (!found) print "http://deb.debian.org/debian" }'
}
security_mirror() { apt_uris | awk '/debian-security/ && !found { print; found = 1 }'; }

# Newest installed .NET 10 version of a shared framework, e.g. 10.0.12.
framework_version() {
  local dir=$DOTNET_HOST_ROOT/shared/$1 version
  version=$(find "$dir" -mindepth 1 -maxdepth 1 -name '10.*' -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
  [[ -n $version ]] || die "no .NET 10 $1 under $dir: install the .NET 10 runtime (or SDK) on this host"
  echo "$version"
}

build_minbase() {
  local rootfs=$1 mirror security
  mirror=$(debian_mirror)
  security=$(security_mirror)
  phase "debootstrap --variant=minbase $SUITE from $mirror"
  debootstrap --variant=minbase "$SUITE" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
    || die "debootstrap failed; last lines of $rootfs.log:$(echo; tail -n 5 "$rootfs.log")"

  phase "installing ${PACKAGES[*]}"
  # The updates and security suites too, so the image gets the host's patch levels.
  {
    echo "deb $mirror $SUITE main"
    echo "deb $mirror $SUITE-updates main"
    [[ -z $security ]] || echo "deb $security $SUITE-security main"
  } >"$rootfs/etc/apt/sources.list"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"
  # Snapshot mirrors serve Release files past their Valid-Until date. Translations, manuals and
  # docs (but not copyright files) go, as in Debian's own slim images: nothing here reads them.
  chroot "$rootfs" /bin/sh -c "
      export DEBIAN_FRONTEND=noninteractive
      apt-get -qq -o Acquire::Check-Valid-Until=false update &&
      apt-get -qq -o Dpkg::Use-Pty=0 install --no-install-recommends ${PACKAGES[*]} &&
      apt-get clean &&
      rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log &&
      rm -rf /usr/share/locale/* /usr/share/man/* /usr/share/info/* &&
      find /usr/share/doc -type f ! -name copyright -delete" \
    >>"$rootfs.log" 2>&1 || die "package install failed; last lines of $rootfs.log:$(echo; tail -n 5 "$rootfs.log")"
  umount "$rootfs/proc"
  : >"$rootfs/etc/resolv.conf"

  phase "importing the root file system as $MINBASE_IMAGE"
  tar --numeric-owner -C "$rootfs" -c . | docker import --change 'CMD ["bash"]' \
    --change "LABEL wine-pipeline.image=debian-minbase" - "$MINBASE_IMAGE" >/dev/null
}

build_runtime() {
  local context=$1 netcore aspnet
  netcore=$(framework_version Microsoft.NETCore.App)
  aspnet=$(framework_version Microsoft.AspNetCore.App)
  phase "adding the host's .NET runtime $netcore (ASP.NET Core $aspnet) as $RUNTIME_IMAGE"
  mkdir -p "$context/dotnet/shared"
  cp -a "$DOTNET_HOST_ROOT/dotnet" "$DOTNET_HOST_ROOT/host" "$DOTNET_HOST_ROOT"/LICENSE.txt \
        "$DOTNET_HOST_ROOT"/ThirdPartyNotices.txt "$context/dotnet/"
  mkdir -p "$context/dotnet/shared/Microsoft.NETCore.App" "$context/dotnet/shared/Microsoft.AspNetCore.App"
  cp -a "$DOTNET_HOST_ROOT/shared/Microsoft.NETCore.App/$netcore" "$context/dotnet/shared/Microsoft.NETCore.App/"
  cp -a "$DOTNET_HOST_ROOT/shared/Microsoft.AspNetCore.App/$aspnet" "$context/dotnet/shared/Microsoft.AspNetCore.App/"
  docker build -f "$HERE/offline-runtime.Dockerfile" \
    --build-arg "MINBASE_IMAGE=$MINBASE_IMAGE" --build-arg "DOTNET_VERSION=$netcore" \
    --label wine-pipeline.image=dotnet-runtime-offline \
    -t "$RUNTIME_IMAGE" "$context" >"$context.log" 2>&1 \
    || die "docker build failed; last lines of its output:$(echo; tail -n 5 "$context.log")"
}

workdir=$(mktemp -d /var/tmp/wine-offline-base.XXXXXX)
cleanup() {
  mountpoint -q "$workdir/rootfs/proc" 2>/dev/null && umount "$workdir/rootfs/proc"
  rm -rf "$workdir"
}
trap cleanup EXIT

replaced_ids="$(image_id "$RUNTIME_IMAGE") $(image_id "$MINBASE_IMAGE")"

if $rebuild || ! image_exists "$MINBASE_IMAGE"; then
  build_minbase "$workdir/rootfs"
else
  phase "$MINBASE_IMAGE exists, skipped (--rebuild to redo)"
fi

if $rebuild || ! image_exists "$RUNTIME_IMAGE"; then
  build_runtime "$workdir/context"
else
  phase "$RUNTIME_IMAGE exists, skipped (--rebuild to redo)"
fi

# A rebuild leaves the old images untagged; drop them (child first) unless something still uses them.
for id in $replaced_ids; do
  [[ $id == "$(image_id "$RUNTIME_IMAGE")" || $id == "$(image_id "$MINBASE_IMAGE")" ]] \
    || docker rmi "$id" >/dev/null 2>&1 || true
done

phase "done: $RUNTIME_IMAGE ($(docker image inspect -f '{{.Size}}' "$RUNTIME_IMAGE" | awk '{ printf "%.0f MB\n", $1 / 1e6 }'))"
