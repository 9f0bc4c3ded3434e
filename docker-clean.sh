#!/usr/bin/env bash
# Removes the step containers a pipeline run on DATA_ROOT (default: this repository's data_root) left
# behind: failed ones are kept for inspection, and a crashed run's may still be running. Only
# containers whose label orchestrator.data-root names that folder (symbolic links resolved) are
# touched, and a running one only with --force: it may belong to a run that is still going.
# --all also removes the pipeline's images (wine/*, whatever IMAGE_PREFIX they were built with, and
# older builds of them that a rebuild left untagged: all carry the label wine-pipeline.image) and
# every container made from them, of any data root (such as the compose service's orchestrator).
set -euo pipefail
shopt -s inherit_errexit

readonly TASK_LABEL=orchestrator.task
readonly DATA_ROOT_LABEL=orchestrator.data-root

usage() { echo "usage: $0 [--force] [--all] [DATA_ROOT]" >&2; exit 2; }
die() { echo "docker-clean: error: $*" >&2; exit 1; }

force=false
remove_images=false
data_root=
for argument in "$@"; do
  case "$argument" in
    --force) force=true ;;
    --all) remove_images=true ;;
    -*) usage ;;
    *) [[ -z $data_root ]] || usage; data_root=$argument ;;
  esac
done
data_root=$(realpath -m "${data_root:-$(dirname "${BASH_SOURCE[0]}")/data_root}")

remove_step_containers() {
  local id state root removed=() running=0
  while IFS='|' read -r id state root; do
    [[ -n $root && $(realpath -m "$root") == "$data_root" ]] || continue
    if [[ $state == running ]] && ! $force; then
      running=$((running + 1))
      continue
    fi
    removed+=("$id")
  done < <(docker ps -a --filter "label=$TASK_LABEL" --format "{{.ID}}|{{.State}}|{{.Label \"$DATA_ROOT_LABEL\"}}")
  if ((${#removed[@]})); then
    docker rm -f "${removed[@]}" >/dev/null
  fi
  echo "docker-clean: removed ${#removed[@]} step container(s) of $data_root"
  ((running == 0)) \
    || echo "docker-clean: left $running running step container(s) of $data_root; a run may still use them (--force removes them)"
}

remove_images() {
  local images users running image
  # Newest first: an image's children are newer than it, and removing a child also removes its
  # untagged parents.
  mapfile -t images < <(docker image ls --filter label=wine-pipeline.image --format '{{.CreatedAt}}|{{.ID}}' \
    | sort -r | cut -d '|' -f 2 | awk '!seen[$0]++')
  users=()
  for image in "${images[@]}"; do
    mapfile -t -O "${#users[@]}" users < <(docker ps -aq --filter "ancestor=$image")
  done
  mapfile -t users < <(printf '%s\n' "${users[@]}" | grep . | sort -u || true)
  if ((${#users[@]})) && ! $force; then
    mapfile -t running < <(docker ps -q --filter status=running "${users[@]/#/--filter=id=}" 2>/dev/null || true)
    ((${#running[@]} == 0)) \
      || die "${#running[@]} running container(s) use the pipeline's images (${running[*]}); nothing removed (--force removes them too)"
  fi
  if ((${#users[@]})); then
    docker rm -f "${users[@]}" >/dev/null
  fi
  for image in "${images[@]}"; do
    # Already gone when a child's removal took it along.
    docker rmi -f "$image" >/dev/null 2>&1 || true
  done
  echo "docker-clean: removed ${#images[@]} image(s) and ${#users[@]} other container(s) using them"
}

if $remove_images; then
  remove_images
else
  remove_step_containers
fi
