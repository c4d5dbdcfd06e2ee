#!/usr/bin/env bash
# Whole-process timing of `planlang check`: the sample workspace plans/ and a generated workspace of 1,000 plans
# and 20 registries, median of 5 runs each (after one warm-up run). Prints a Markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
dotnet build cli -c Release --nologo -v quiet >/dev/null
node bench/generate-workspace.mjs bench/out/ws-1000 1000 20 >/dev/null
cli=(dotnet cli/bin/Release/net10.0/planlang.dll check)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() {
  local target=$1
  "${cli[@]}" "$target" --today 2026-11-22 >/dev/null || { echo "check of $target failed" >&2; exit 1; }
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "${cli[@]}" "$target" --today 2026-11-22 >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}

plans_ms=$(measure plans)
big_ms=$(measure bench/out/ws-1000)
echo "| workspace | files | median of $runs (ms) |"
echo "|---|---|---|"
echo "| plans/ (sample) | $(find plans -name '*.yaml' | wc -l) | $plans_ms |"
echo "| bench/out/ws-1000 (generated) | $(find bench/out/ws-1000 -name '*.yaml' | wc -l) | $big_ms |"
