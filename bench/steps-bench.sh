#!/usr/bin/env bash
# Runs the eight published steps as processes on sample data and prints, per step and end to
# end, wall time and peak RSS. Usage: bench/steps-bench.sh [ROWS ...]   (default: 10000)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
publish="$repo/artifacts/publish"
steps=(download_data make_dataset clean_data extract_features transform_data impute_data train_model evaluate_model)

command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
for step in "${steps[@]}"; do
  if [[ ! -f "$publish/$step/$step.dll" ]]; then
    echo "bench: publishing $step" >&2
    dotnet publish "$repo/steps/$step" -c Release -o "$publish/$step" --nologo -v quiet >/dev/null
  fi
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
    train_model) echo "--in-train-features-csv $d/interim/train_features.csv --in-train-target-csv $d/interim/train_target.csv --out-dir $d/output" ;;
    evaluate_model) echo "--in-test-features-csv $d/interim/test_features.csv --in-test-target-csv $d/interim/test_target.csv --in-trained-model $d/output/model.zip --out-dir $d/output --flag .SUCCESS_EvaluateModel" ;;
  esac
}

for rows in "${@:-10000}"; do
  data=$(mktemp -d)
  trap 'rm -rf "$data"' EXIT
  mkdir -p "$data/raw" "$data/interim" "$data/output"
  printf '\n%d rows\n%-18s %10s %14s\n' "$rows" step "wall (s)" "peak RSS (MB)"
  total=0 peak=0
  for step in "${steps[@]}"; do
    read -ra argv <<<"$(args_for "$step" "$data" "$rows")"
    /usr/bin/time -f '%e %M' -o "$data/time" dotnet "$publish/$step/$step.dll" "${argv[@]}" >"$data/$step.log" 2>&1 \
      || { echo "bench: $step failed:" >&2; tail -5 "$data/$step.log" >&2; exit 1; }
    read -r wall rss_kb <"$data/time"
    printf '%-18s %10.2f %14.0f\n' "$step" "$wall" "$((rss_kb / 1024))"
    total=$(awk -v a="$total" -v b="$wall" 'BEGIN { print a + b }')
    (( rss_kb > peak )) && peak=$rss_kb
  done
  printf '%-18s %10.2f %14.0f\n' "end to end" "$total" "$((peak / 1024))"
  grep -h "Mean square error" "$data/evaluate_model.log" || true
  cat "$data/output/metrics.json" 2>/dev/null && echo
  rm -rf "$data"
done
