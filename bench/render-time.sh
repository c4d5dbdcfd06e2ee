#!/usr/bin/env bash
# Whole-process time of `planlang render handbook --format pdf` for the largest sample plan and a generated
# ≈60-page plan, median of RUNS (default 3), and the share spent printing in Chromium (PDF time minus the same
# command writing only HTML). Prints a Markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
out=bench/out
dotnet build cli -c Release --nologo -v quiet >/dev/null
large=$(node bench/generate-large-plan.mjs "$out/large-ws")
cli=(dotnet cli/bin/Release/net10.0/planlang.dll render handbook)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() {
  "$@" >/dev/null
  for _ in $(seq "$runs"); do
    local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
  done | median
}
echo "| plan | pages | html only (ms) | pdf (ms) | Chromium share |"
echo "|---|---|---|---|---|"
for plan in plans/longwan/typhoon.plan.yaml "$large"; do
  html=$(measure "${cli[@]}" "$plan" --format html -o "$out/render")
  pdf=$(measure "${cli[@]}" "$plan" --format pdf -o "$out/render")
  file=$(ls -t "$out"/render/*.handbook.pdf | head -1)
  pages=$(pdfinfo "$file" | awk '/^Pages/ {print $2}')
  share=$(awk -v a="$pdf" -v b="$html" 'BEGIN { printf "%.0f%%", 100 * (a - b) / a }')
  echo "| $(basename "$plan") | $pages | $html | $pdf | $share |"
done
