#!/usr/bin/env bash
# Publishes the nine pipeline steps and the orchestrator, then builds their images on one shared
# base: <prefix>/base:VERSION, <prefix>/<step, '_' as '-'>:VERSION, <prefix>/orchestrator:VERSION.
# The prefix is $IMAGE_PREFIX (default wine). Without registry access the base is built on the
# offline stand-in for the official .NET runtime image (base_docker/build-offline-base.sh).
# --if-missing builds only when one of those images is missing (test.sh uses it), else rebuilds.
set -euo pipefail
# A failure inside $(...) stops the script too, instead of yielding whatever was echoed before it.
shopt -s inherit_errexit

readonly STEPS=(download_data make_dataset clean_data extract_features transform_data impute_data
                train_model select_model evaluate_model)
readonly OFFICIAL_RUNTIME=mcr.microsoft.com/dotnet/runtime:10.0
# `orchestrator serve` needs ASP.NET Core, which the official runtime image lacks (the offline one has it).
readonly OFFICIAL_ASPNET=mcr.microsoft.com/dotnet/aspnet:10.0
readonly OFFLINE_RUNTIME=wine/dotnet-runtime-offline:10.0
readonly PULL_TIMEOUT_SECONDS=30
# Framework-dependent, but for one platform: the plotting and ML packages otherwise ship native
# libraries for every OS and CPU (over 150 MB of them), and the images only ever run linux-x64.
readonly RUNTIME_ID=linux-x64

die() { echo "build-task-images: error: $*" >&2; exit 1; }
phase() { echo "build-task-images: $*"; }

if_missing=false
[[ ${1:-} == --if-missing ]] && { if_missing=true; shift; }
if [[ $# -ne 1 ]]; then
  echo "usage: $0 [--if-missing] VERSION   (e.g. $0 0.1; image prefix from IMAGE_PREFIX, default wine)" >&2
  exit 1
fi
readonly VERSION=$1
readonly PREFIX=${IMAGE_PREFIX:-wine}
[[ $VERSION =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "'$VERSION' is not a valid image tag"

cd "$(dirname "${BASH_SOURCE[0]}")"
readonly PUBLISH_ROOT=$PWD/artifacts/publish
readonly BUILD_LOG=$PWD/artifacts/build-task-images.log
mkdir -p "$PUBLISH_ROOT"
: >"$BUILD_LOG"

command -v dotnet >/dev/null || die "dotnet is not on PATH (the .NET 10 SDK is needed to publish)"
docker info >/dev/null 2>&1 || die "the Docker engine does not answer (run scripts/ensure-docker.sh)"

# Runs a command with its output in the build log, showing the log's tail if it fails.
logged() {
  echo "+ $*" >>"$BUILD_LOG"
  "$@" >>"$BUILD_LOG" 2>&1 || die "'$*' failed; last lines of $BUILD_LOG:$(echo; tail -n 15 "$BUILD_LOG")"
}

image_name() { echo "$PREFIX/${1//_/-}:$VERSION"; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
image_bytes() { docker image inspect -f '{{.Size}}' "$1"; }
megabytes() { awk -v bytes="$1" 'BEGIN { printf "%.1f MB", bytes / 1e6 }'; }

publish_all() {
  local started=$SECONDS project name
  local projects=(orchestrator/orchestrator.csproj)
  for name in "${STEPS[@]}"; do projects+=("steps/$name/$name.csproj"); done

  for project in "${projects[@]}"; do
    [[ -f $project ]] || die "$project is missing"
  done
  # Each publish restores its own project: a no-op after the first time, and unlike one restore
  # up front it survives a plain `dotnet build` (which drops the $RUNTIME_ID target) in between.
  phase "publishing (Release, framework-dependent, $RUNTIME_ID) into artifacts/publish/"
  for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    rm -rf "${PUBLISH_ROOT:?}/$name"
    logged dotnet publish "$project" -c Release -r "$RUNTIME_ID" --self-contained false \
      -p:UseAppHost=false -o "$PUBLISH_ROOT/$name"
  done
  phase "published in $((SECONDS - started)) s"
}

# The official runtime image when it is here or can be pulled, else the offline stand-in.
runtime_image() {
  if docker image inspect "$OFFICIAL_RUNTIME" >/dev/null 2>&1 \
     || timeout "$PULL_TIMEOUT_SECONDS" docker pull -q "$OFFICIAL_RUNTIME" >/dev/null 2>&1; then
    echo "$OFFICIAL_RUNTIME"
    return
  fi
  echo "build-task-images: $OFFICIAL_RUNTIME cannot be pulled; using the offline base $OFFLINE_RUNTIME" >&2
  base_docker/build-offline-base.sh >&2
  echo "$OFFLINE_RUNTIME"
}

# The label lets docker-clean.sh --all find every image of the pipeline, older builds included.
build_image() {
  local tag=$1 dockerfile=$2 context=$3 base=$4
  logged docker build -f "$dockerfile" --build-arg "BASE_IMAGE=$base" "${@:5}" \
    --label "wine-pipeline.image=$tag" -t "$tag" "$context"
}

build_images() {
  local started=$SECONDS runtime base name
  runtime=$(runtime_image)
  base=$(image_name base)
  phase "building $base on $runtime"
  build_image "$base" base_docker/Dockerfile base_docker "$runtime"
  for name in "${STEPS[@]}" orchestrator; do
    local dockerfile=steps/$name/Dockerfile
    local extra=()
    [[ $name == orchestrator ]] && dockerfile=orchestrator/Dockerfile
    [[ $name == orchestrator && $runtime == "$OFFICIAL_RUNTIME" ]] && extra=(--build-arg "ASPNET_IMAGE=$OFFICIAL_ASPNET")
    phase "building $(image_name "$name")"
    build_image "$(image_name "$name")" "$dockerfile" "$PUBLISH_ROOT/$name" "$base" "${extra[@]}"
  done
  phase "images built in $((SECONDS - started)) s"
}

# Every image's size and, for the others, what it adds over the shared base (their own layers).
report_sizes() {
  local base base_bytes name bytes
  base=$(image_name base)
  base_bytes=$(image_bytes "$base")
  printf '%-36s %10s %16s\n' IMAGE SIZE "ADDS OVER BASE"
  printf '%-36s %10s %16s\n' "$base" "$(megabytes "$base_bytes")" -
  for name in "${STEPS[@]}" orchestrator; do
    bytes=$(image_bytes "$(image_name "$name")")
    printf '%-36s %10s %16s\n' "$(image_name "$name")" "$(megabytes "$bytes")" \
      "+$(megabytes $((bytes - base_bytes)))"
  done
}

# With --if-missing: exits when every image is there, else says how many are missing.
skip_if_present() {
  local names=(base "${STEPS[@]}" orchestrator) missing=() name
  for name in "${names[@]}"; do
    image_exists "$(image_name "$name")" || missing+=("$(image_name "$name")")
  done
  if ((${#missing[@]} == 0)); then
    phase "all ${#names[@]} images $PREFIX/*:$VERSION exist; nothing built (run without --if-missing to rebuild)"
    exit 0
  fi
  phase "${#missing[@]} of ${#names[@]} images missing (${missing[*]}); building all, usually 2 to 5 minutes"
}

! $if_missing || skip_if_present
publish_all
build_images
report_sizes
