#!/usr/bin/env bash
# The long fuzz run (docs/reliability.md): every harness of tests/PlanLang.Fuzz for SECONDS each (default 600), two
# at a time (the machine has two cores), with a table of inputs per harness. A failure prints the CsCheck seed that
# reproduces it: `dotnet tests/PlanLang.Fuzz/bin/Release/net10.0/planlang-fuzz.dll --harness NAME --seed SEED`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
dotnet build tests/PlanLang.Fuzz -c Release --nologo -v quiet >/dev/null
fuzz="dotnet tests/PlanLang.Fuzz/bin/Release/net10.0/planlang-fuzz.dll"
out="$(mktemp -d)"
run() { for h in "$@"; do $fuzz --harness "$h" --seconds "$seconds" > "$out/$h.md" 2> "$out/$h.err" || echo "FAILED: $h (see $out/$h.err)"; done; }
run observations lsp-framing yaml-front-end cli &
run expressions cap engine &
wait
echo "| harness | inputs | seconds | inputs/s |"
echo "|---|---:|---:|---:|"
cat "$out"/*.md | grep -v -e '^| harness' -e '^|---' -e '^| total'
total=0
for n in $(cat "$out"/*.md | grep -v -e '^| harness' -e '^|---' -e '^| total' | cut -d'|' -f3 | tr -d ' ,'); do
  case "$n" in ''|*[!0-9]*) ;; *) total=$((total + n)) ;; esac
done
echo "| total | $total | | |"
if grep -q FAILED "$out"/*.md; then exit 1; fi
