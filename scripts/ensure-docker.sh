#!/usr/bin/env bash
# Makes sure this machine can build and run the pipeline's containers: installs Debian's Docker
# engine and the tools the image builds and tests use when they are missing, and starts the engine
# when its socket does not answer. Quick and harmless when everything is already there.
set -euo pipefail

# busybox-static: the engine tests' own tiny image; debootstrap: the offline base image;
# time: timing the builds; chromium: the web UI's headless-browser test and benchmark.
readonly PACKAGES=(docker.io docker-compose busybox-static debootstrap time chromium strace)
readonly START_TIMEOUT_SECONDS=60
readonly DOCKERD_LOG=/var/log/dockerd.log

die() { echo "ensure-docker: error: $*" >&2; exit 1; }

engine_answers() { docker info >/dev/null 2>&1; }

start_engine() {
  engine_answers && return
  # Another dockerd may still be starting; a second one would fight it for the socket.
  if ! pgrep -x dockerd >/dev/null; then
    [[ $(id -u) == 0 ]] || die "the Docker engine is not running, and starting it needs root"
    echo "ensure-docker: starting dockerd (log: $DOCKERD_LOG)"
    # Machines without systemd (containers, CI sandboxes) get a plain background daemon.
    if [[ -d /run/systemd/system ]]; then
      systemctl start docker
    else
      setsid dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
    fi
  fi
  local waited=0
  until engine_answers; do
    ((waited < START_TIMEOUT_SECONDS)) \
      || die "the Docker engine did not answer within ${START_TIMEOUT_SECONDS} s; see $DOCKERD_LOG:$(echo; tail -n 5 "$DOCKERD_LOG" 2>/dev/null)"
    sleep 1
    waited=$((waited + 1))
  done
  echo "ensure-docker: engine up after ${waited} s"
}

"$(dirname "${BASH_SOURCE[0]}")/ensure-packages.sh" "${PACKAGES[@]}"
start_engine
