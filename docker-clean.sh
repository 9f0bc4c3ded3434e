#!/usr/bin/env bash
# Removes the step containers a pipeline run left behind (failed ones are kept for inspection),
# running or not: every container labelled wine-pipeline.task.
# --all also removes the pipeline's images (<IMAGE_PREFIX, default wine>/*).
set -euo pipefail

readonly PREFIX=${IMAGE_PREFIX:-wine}

remove_images=false
case "${1:-}" in
  --all) remove_images=true ;;
  "") ;;
  *) echo "usage: $0 [--all]" >&2; exit 2 ;;
esac

mapfile -t containers < <(docker ps -aq --filter label=wine-pipeline.task)
if ((${#containers[@]})); then
  docker rm -f "${containers[@]}" >/dev/null
fi
echo "docker-clean: removed ${#containers[@]} step container(s)"

if $remove_images; then
  mapfile -t images < <(docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX/" || true)
  if ((${#images[@]})); then
    docker rmi "${images[@]}" >/dev/null
  fi
  echo "docker-clean: removed ${#images[@]} image(s) named $PREFIX/*"
fi
