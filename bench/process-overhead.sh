#!/usr/bin/env bash
# Process executor overhead: the whole pipeline through `orchestrator run --executor process`
# against the same eight published steps run directly one after another (bench/steps-bench.sh),
# alternating, on the 10,000-row sample. Usage: bench/process-overhead.sh [ROUNDS]   (default 3)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
publish="$repo/artifacts/publish"

dotnet publish "$repo/orchestrator" -c Release -o "$publish/orchestrator" --nologo -v quiet >/dev/null
"$repo/bench/steps-bench.sh" 1000 >/dev/null # publishes any missing step

seconds() { date +%s.%N; }
direct=() orchestrated=()
for ((round = 1; round <= rounds; round++)); do
  start=$(seconds)
  "$repo/bench/steps-bench.sh" 10000 >/dev/null
  direct+=("$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { print b - a }')")

  data=$(mktemp -d)
  start=$(seconds)
  dotnet "$publish/orchestrator/orchestrator.dll" run --executor process --data-root "$data" \
    --steps-dir "$publish" >"$data.log" 2>&1 || { tail -5 "$data.log" >&2; exit 1; }
  orchestrated+=("$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { print b - a }')")
  rm -rf "$data" "$data.log"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
d=$(median "${direct[@]}") o=$(median "${orchestrated[@]}")
printf 'steps run directly:         %s s (median of %d; runs: %s)\n' "$d" "$rounds" "${direct[*]}"
printf 'orchestrator, process exec: %s s (median of %d; runs: %s)\n' "$o" "$rounds" "${orchestrated[*]}"
awk -v d="$d" -v o="$o" 'BEGIN { printf "overhead ratio: %.3fx\n", o / d }'
