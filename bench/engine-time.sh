#!/usr/bin/env bash
# Whole-process engine timing of this checkout against another build, in one run, interleaved:
#   1. one `planlang run observe` process on the sample typhoon incident (start, Ⅳ declared), median of RUNS;
#   2. 1,040 commands in one process (40 incidents × 26 commands through a typhoon, one worker: the server's case),
#      from bench/PlanLang.Bench `engine 40 1`;
#   3. `planlang check` on the generated 1,000-plan workspace, median of RUNS.
# BASE is a checkout of the baseline commit (git worktree add /tmp/base <commit>); its CLI and bench are built here.
# Usage: BASE=/tmp/base RUNS=9 bash bench/engine-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-9}
base=${BASE:?set BASE to a checkout of the baseline commit}
out=bench/out
mkdir -p "$out"
for tree in . "$base"; do
  dotnet build "$tree/cli" -c Release --nologo -v quiet >/dev/null
  dotnet build "$tree/bench/PlanLang.Bench" -c Release --nologo -v quiet >/dev/null
done
[ -d "$out/ws-1000" ] || node bench/generate-workspace.mjs "$out/ws-1000" 1000 20 >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

observe() {
  local tree=$1 ws=$out/observe-ws-$2
  rm -rf "$ws" && cp -r plans "$ws" && rm -rf "$ws/.planlang"
  local P=(dotnet "$tree/cli/bin/Release/net10.0/planlang.dll" run)
  "${P[@]}" start "$ws/longwan/typhoon.plan.yaml" --id t1 --workspace "$ws" --at 2026-08-01T02:00:00+08:00 >/dev/null
  "${P[@]}" declare t1 IV --by office --workspace "$ws" --at 2026-08-01T02:01:00+08:00 >/dev/null
  for i in $(seq 10 $((10 + runs))); do
    ms "${P[@]}" observe t1 "rain.h1=${i}mm" --workspace "$ws" --at "2026-08-01T02:${i}:00+08:00"
  done | median
}

check() {
  local tree=$1
  dotnet "$tree/cli/bin/Release/net10.0/planlang.dll" check "$out/ws-1000" --today 2026-11-22 >/dev/null || true
  for _ in $(seq "$runs"); do ms dotnet "$tree/cli/bin/Release/net10.0/planlang.dll" check "$out/ws-1000" --today 2026-11-22 || true; done | median
}

engine() { dotnet "$1/bench/PlanLang.Bench/bin/Release/net10.0/PlanLang.Bench.dll" engine 40 1 | grep '^engine:'; }

echo "| measure | baseline | this checkout | ratio |"
echo "|---|---:|---:|---:|"
ob=$(observe "$base" base); on=$(observe . new)
echo "| one \`run observe\` process (median of $runs) | $ob ms | $on ms | $(awk "BEGIN{printf \"%.2f\", $on/$ob}") |"
eb=$(engine "$base"); en=$(engine .)
cb=$(echo "$eb" | sed -E 's/.* ([0-9]+) commands\/s.*/\1/'); cn=$(echo "$en" | sed -E 's/.* ([0-9]+) commands\/s.*/\1/')
echo "| 1,040 commands in one process | $cb commands/s | $cn commands/s | $(awk "BEGIN{printf \"%.2f\", $cn/$cb}") |"
echo "|  baseline: $eb | | | |"
echo "|  this checkout: $en | | | |"
kb=$(check "$base"); kn=$(check .)
echo "| \`check\` on 1,000 plans (median of $runs) | $kb ms | $kn ms | $(awk "BEGIN{printf \"%.2f\", $kn/$kb}") |"
