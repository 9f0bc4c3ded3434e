#!/usr/bin/env bash
# Runs the eight published steps as processes on sample data and prints, per step and end to
# end, wall time, CPU time (user + system: less swayed by other load on the machine) and peak RSS,
# and train_model's fit time apart from its start-up and data loading.
# With BEFORE=<git ref> it also publishes that commit's steps and runs the two side by side on the
# same raw file, alternating ROUNDS times (default 3), and prints the medians and after/before ratios.
# Usage: bench/steps-bench.sh [ROWS ...]   (default: 10000)
# TRAIN_OPTIONS adds options to the current train_model, e.g. TRAIN_OPTIONS="--trees 200 --bins 1024".
# Where a python3 with scikit-learn is found (apt-get install -y python3-sklearn), the reference's
# forest is also fitted on the same features (bench/reference-forest.py), for its fit time and test MSE.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
steps=(download_data make_dataset clean_data extract_features transform_data impute_data train_model evaluate_model)

command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Published every time (a no-op when up to date), so the figures are never those of stale binaries.
publish_steps() { # checkout, publish folder
  for step in "${steps[@]}"; do
    dotnet publish "$1/steps/$step" -c Release -o "$2/$step" --nologo -v quiet >/dev/null \
      || { echo "bench: publishing $step of $1 failed" >&2; exit 1; }
  done
}
sides=(after)
publish_steps "$repo" "$repo/artifacts/publish"
declare -A publish=([after]="$repo/artifacts/publish")
if [[ -n ${BEFORE:-} ]]; then
  mkdir "$work/before-checkout"
  git -C "$repo" archive "$BEFORE" | tar -x -C "$work/before-checkout"
  publish_steps "$work/before-checkout" "$work/before-publish"
  sides=(before after)
  publish[before]="$work/before-publish"
fi

args_for() {
  local step=$1 d=$2 raw=$3 side=$4
  case $step in
    download_data) echo "--name wine_dataset --url $raw --out-dir $d/raw" ;;
    make_dataset) echo "--in-csv $d/raw/wine_dataset.csv --out-dir $d/interim --flag .SUCCESS_MakeDatasets" ;;
    clean_data) echo "--in-train-csv $d/interim/train.csv --in-test-csv $d/interim/test.csv --out-dir $d/interim --flag .SUCCESS_CleanData" ;;
    extract_features) echo "--in-train-csv $d/interim/train_cleaned.csv --in-test-csv $d/interim/test_cleaned.csv --out-dir $d/interim --flag .SUCCESS_ExtractFeatures" ;;
    transform_data) echo "--in-train-csv $d/interim/train_features_extracted.csv --in-test-csv $d/interim/test_features_extracted.csv --out-dir $d/interim --flag .SUCCESS_TransformData" ;;
    impute_data) echo "--in-train-csv $d/interim/train_transformed.csv --in-test-csv $d/interim/test_transformed.csv --out-dir $d/interim --flag .SUCCESS_ImputeData" ;;
    train_model) echo "--in-train-features-csv $d/interim/train_features.csv --in-train-target-csv $d/interim/train_target.csv --out-dir $d/output $([[ $side == after ]] && echo "${TRAIN_OPTIONS:-}")" ;;
    evaluate_model) echo "--in-test-features-csv $d/interim/test_features.csv --in-test-target-csv $d/interim/test_target.csv --in-trained-model $d/output/model.zip --out-dir $d/output --flag .SUCCESS_EvaluateModel" ;;
  esac
}

# One pipeline run of a side; appends "side round step wall cpu rss_kb" lines to $work/times.
run_side() { # side, round, raw file
  local side=$1 round=$2 raw=$3 d="$work/run-$1-$2"
  mkdir -p "$d/raw" "$d/interim" "$d/output"
  for step in "${steps[@]}"; do
    read -ra argv <<<"$(args_for "$step" "$d" "$raw" "$side")"
    /usr/bin/time -f '%e %U %S %M' -o "$d/time" dotnet "${publish[$side]}/$step/$step.dll" "${argv[@]}" >"$d/$step.log" 2>&1 \
      || { echo "bench: $side $step failed:" >&2; tail -5 "$d/$step.log" >&2; exit 1; }
    read -r wall user sys rss_kb <"$d/time"
    echo "$side $round $step $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $rss_kb" >>"$work/times"
  done
  grep -h "trained in" "$d/train_model.log" | sed "s/^/$side: /" >>"$work/fits" || true
  grep -ho "Mean square error of the model is: [0-9.]*" "$d/evaluate_model.log" | sed "s/^/$side: /" >>"$work/fits" || true
}

# The median over rounds of a column (4 wall, 5 cpu, 6 rss) for a side and step ("end to end" sums the steps of each round, and takes the largest RSS).
median() { # side, step, column
  awk -v side="$1" -v step="$2" -v col="$3" '
    $1 == side && (step == "end to end" || $3 == step) {
      if (col == 6) { v[$2] = (v[$2] > $6 ? v[$2] : $6) } else { v[$2] += $col } }
    END { for (r in v) print (col == 6 ? v[r] / 1024 : v[r]) }' "$work/times" \
    | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

for rows in "${@:-10000}"; do
  rm -f "$work/times" "$work/fits"
  # One raw file for every run, from the current generator, so both sides see the same data.
  dotnet "$repo/artifacts/publish/download_data/download_data.dll" --name sample --url "sample://wine-reviews?rows=$rows&seed=42" --out-dir "$work" >/dev/null
  rounds=$([[ ${#sides[@]} -gt 1 ]] && echo "${ROUNDS:-3}" || echo 1)
  for round in $(seq "$rounds"); do
    # Alternating which side goes first, so that load drifting on a shared machine favours neither.
    if (( round % 2 )); then order=("${sides[@]}"); else mapfile -t order < <(printf "%s\n" "${sides[@]}" | tac); fi
    for side in "${order[@]}"; do run_side "$side" "$round" "$work/sample.csv"; done
  done
  printf '\n%d rows, %d round(s), load average %s (median of the rounds)\n' "$rows" "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
  header=$(printf '%-16s' step); for side in "${sides[@]}"; do header+=$(printf ' %12s %12s %9s' "$side wall s" "$side cpu s" "RSS MB"); done
  [[ ${#sides[@]} -gt 1 ]] && header+=$(printf ' %11s %10s' "wall ratio" "cpu ratio")
  echo "$header"
  for step in "${steps[@]}" "end to end"; do
    line=$(printf '%-16s' "$step")
    for side in "${sides[@]}"; do line+=$(printf ' %12.2f %12.2f %9.0f' "$(median "$side" "$step" 4)" "$(median "$side" "$step" 5)" "$(median "$side" "$step" 6)"); done
    if [[ ${#sides[@]} -gt 1 ]]; then
      line+=$(awk -v a="$(median after "$step" 4)" -v b="$(median before "$step" 4)" -v c="$(median after "$step" 5)" -v d="$(median before "$step" 5)" 'BEGIN { printf " %11.2f %10.2f", a / b, c / d }')
    fi
    echo "$line"
  done
  sort "$work/fits"
  for python in python3 /usr/bin/python3; do
    if "$python" -c "import sklearn" 2>/dev/null; then
      "$python" "$repo/bench/reference-forest.py" "$work/run-after-1/interim"
      break
    fi
  done
done
