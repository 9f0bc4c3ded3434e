#!/usr/bin/env bash
# Copies images from the main engine onto every node of the test swarm (scripts/swarm-up.sh), as
# `docker save | docker load`: the swarm needs no registry, but every node must hold the image of
# any task it may be given.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/swarm-env.sh
source "$here/swarm-env.sh"

(($# > 0)) || { echo "usage: $0 IMAGE..." >&2; exit 2; }
archive=$(mktemp "${TMPDIR:-/tmp}/swarm-images.XXXXXX.tar")
trap 'rm -f "$archive"' EXIT
docker save -o "$archive" "$@"
for node in "${SWARM_NODES[@]}"; do
  node_docker "$node" load -q -i "$archive" >/dev/null
done
echo "swarm-load-images: $* on ${#SWARM_NODES[@]} nodes"
