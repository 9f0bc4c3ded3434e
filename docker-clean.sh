#!/usr/bin/env bash
# Removes the step containers a pipeline run left behind (failed ones are kept for inspection),
# running or not: every container labelled wine-pipeline.task.
# --all also removes the pipeline's images (wine/*, whatever IMAGE_PREFIX they were built with, and
# older builds of them that a rebuild left untagged: all carry the label wine-pipeline.image) and
# any other container made from them (such as the compose service's orchestrator).
set -euo pipefail

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
  # Newest first: an image's children are newer than it, and removing a child also removes its
  # untagged parents.
  mapfile -t images < <(docker image ls --filter label=wine-pipeline.image --format '{{.CreatedAt}}|{{.ID}}' \
    | sort -r | cut -d '|' -f 2 | awk '!seen[$0]++')
  users=()
  for image in "${images[@]}"; do
    mapfile -t -O "${#users[@]}" users < <(docker ps -aq --filter "ancestor=$image")
  done
  mapfile -t users < <(printf '%s\n' "${users[@]}" | grep . | sort -u || true)
  if ((${#users[@]})); then
    docker rm -f "${users[@]}" >/dev/null
  fi
  for image in "${images[@]}"; do
    # Already gone when a child's removal took it along.
    docker rmi -f "$image" >/dev/null 2>&1 || true
  done
  echo "docker-clean: removed ${#images[@]} image(s) and ${#users[@]} other container(s) using them"
fi
