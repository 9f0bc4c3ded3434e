#!/usr/bin/env bash
# Runs the eight published steps as processes on sample data and prints, per step and end to
# end, wall time, CPU time (user + system: less swayed by other load on the machine) and peak RSS,
# and train_model's fit time apart from its start-up and data loading.
# Usage: bench/steps-bench.sh [ROWS ...]   (default: 10000)
# TRAIN_OPTIONS adds options to train_model, e.g. TRAIN_OPTIONS="--trees 200 --bins 1024".
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
publish="$repo/artifacts/publish"
steps=(download_data make_dataset clean_data extract_features transform_data impute_data train_model evaluate_model)

command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
# Published every time (a no-op when up to date), so the figures are never those of stale binaries.
for step in "${steps[@]}"; do
  dotnet publish "$repo/steps/$step" -c Release -o "$publish/$step" --nologo -v quiet >/dev/null \
    || { echo "bench: publishing $step failed" >&2; exit 1; }
done

args_for() {
  local step=$1 d=$2 rows=$3
  case $step in
    download_data) echo "--name wine_dataset --url sample://wine-reviews?rows=$rows&seed=42 --out-dir $d/raw" ;;
    make_dataset) echo "--in-csv $d/raw/wine_dataset.csv --out-dir $d/interim --flag .SUCCESS_MakeDatasets" ;;
    clean_data) echo "--in-train-csv $d/interim/train.csv --in-test-csv $d/interim/test.csv --out-dir $d/interim --flag .SUCCESS_CleanData" ;;
    extract_features) echo "--in-train-csv $d/interim/train_cleaned.csv --in-test-csv $d/interim/test_cleaned.csv --out-dir $d/interim --flag .SUCCESS_ExtractFeatures" ;;
    transform_data) echo "--in-train-csv $d/interim/train_features_extracted.csv --in-test-csv $d/interim/test_features_extracted.csv --out-dir $d/interim --flag .SUCCESS_TransformData" ;;
    impute_data) echo "--in-train-csv $d/interim/train_transformed.csv --in-test-csv $d/interim/test_transformed.csv --out-dir $d/interim --flag .SUCCESS_ImputeData" ;;
    train_model) echo "--in-train-features-csv $d/interim/train_features.csv --in-train-target-csv $d/interim/train_target.csv --out-dir $d/output ${TRAIN_OPTIONS:-}" ;;
    evaluate_model) echo "--in-test-features-csv $d/interim/test_features.csv --in-test-target-csv $d/interim/test_target.csv --in-trained-model $d/output/model.zip --out-dir $d/output --flag .SUCCESS_EvaluateModel" ;;
  esac
}

for rows in "${@:-10000}"; do
  data=$(mktemp -d)
  trap 'rm -rf "$data"' EXIT
  mkdir -p "$data/raw" "$data/interim" "$data/output"
  printf '\n%d rows\n%-18s %10s %10s %14s\n' "$rows" step "wall (s)" "cpu (s)" "peak RSS (MB)"
  total=0 total_cpu=0 peak=0
  for step in "${steps[@]}"; do
    read -ra argv <<<"$(args_for "$step" "$data" "$rows")"
    /usr/bin/time -f '%e %U %S %M' -o "$data/time" dotnet "$publish/$step/$step.dll" "${argv[@]}" >"$data/$step.log" 2>&1 \
      || { echo "bench: $step failed:" >&2; tail -5 "$data/$step.log" >&2; exit 1; }
    read -r wall user sys rss_kb <"$data/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    printf '%-18s %10.2f %10.2f %14.0f\n' "$step" "$wall" "$cpu" "$((rss_kb / 1024))"
    total=$(awk -v a="$total" -v b="$wall" 'BEGIN { print a + b }')
    total_cpu=$(awk -v a="$total_cpu" -v b="$cpu" 'BEGIN { print a + b }')
    (( rss_kb > peak )) && peak=$rss_kb
  done
  printf '%-18s %10.2f %10.2f %14.0f\n' "end to end" "$total" "$total_cpu" "$((peak / 1024))"
  grep -h "training a random forest\|trained in" "$data/train_model.log" || true
  grep -h "Mean square error" "$data/evaluate_model.log" || true
  cat "$data/output/metrics.json" 2>/dev/null && echo
  rm -rf "$data"
done
