#!/usr/bin/env bash
# Whole-process timing of `planlang check` with every analysis, against ajv-cli validating only the JSON Schema of
# the same files, in one run: the sample workspace plans/ and a generated workspace of 1,000 plans and 20
# registries. One warm-up run each, then the median of RUNS (default 5). Prints a Markdown table for
# docs/performance.md. Needs `npm ci` (ajv-cli) — scripts/test.sh runs it. ajv-cli reads YAML with js-yaml
# (YAML 1.1: unquoted dates become timestamps), so it is run on the generated workspace, whose dates are quoted.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
out=bench/out
[ -x node_modules/.bin/ajv ] || npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
dotnet build cli -c Release --nologo -v quiet >/dev/null
# The installed tool: the same build, compiled ahead of time (ReadyToRun) as `dotnet publish` makes it.
dotnet publish cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true --nologo -v quiet -o "$out/planlang-r2r" >/dev/null
# The check command alone, compiled with Native AOT (cli/check): how a CI runner installs the checker.
dotnet publish cli/check -c Release -r linux-x64 --nologo -v quiet -o "$out/planlang-check-aot" >/dev/null
node bench/generate-workspace.mjs "$out/ws-1000" 1000 20 >/dev/null

build=(dotnet cli/bin/Release/net10.0/planlang.dll check --today 2026-11-22)
r2r=("$out/planlang-r2r/planlang" check --today 2026-11-22)
aot=("$out/planlang-check-aot/planlang-check" check --today 2026-11-22)
ajv() {
  local ws=$1
  node_modules/.bin/ajv validate --strict=false -s schemas/plan.schema.json -d "$ws/**/*.plan.yaml" >/dev/null 2>&1
  node_modules/.bin/ajv validate --strict=false -s schemas/registry.schema.json -d "$ws/**/*.registry.yaml" >/dev/null 2>&1
  node_modules/.bin/ajv validate --strict=false -s schemas/config.schema.json -d "$ws/planlang.yaml" >/dev/null 2>&1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() {
  "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}

ajv_big=$(measure ajv "$out/ws-1000")
build_big=$(measure "${build[@]}" "$out/ws-1000")
r2r_big=$(measure "${r2r[@]}" "$out/ws-1000")
aot_big=$(measure "${aot[@]}" "$out/ws-1000")
build_plans=$(measure "${build[@]}" plans)
r2r_plans=$(measure "${r2r[@]}" plans)
aot_plans=$(measure "${aot[@]}" plans)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "| workspace | files | ajv-cli, schema only (ms) | planlang-check, Native AOT (ms) | ratio | planlang check, ReadyToRun (ms) | ratio | planlang check, dotnet build output (ms) | ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
echo "| plans/ (sample) | $(find plans -name '*.yaml' | wc -l) | — | $aot_plans | | $r2r_plans | | $build_plans | |"
echo "| ws-1000 (generated) | $(find "$out/ws-1000" -name '*.yaml' | wc -l) | $ajv_big | $aot_big | $(ratio "$aot_big" "$ajv_big") | $r2r_big | $(ratio "$r2r_big" "$ajv_big") | $build_big | $(ratio "$build_big" "$ajv_big") |"
