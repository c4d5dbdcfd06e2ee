#!/usr/bin/env bash
# The console under its people (docs/performance.md, "The responders' console"): `planlang serve` on SQLite, INCIDENTS
# incidents, RESPONDERS simulated responders holding their page's live stream, one acknowledgement every 40 ms;
# page-load p95 and the time from an action to every other open page showing it (p95).
# Usage: bash bench/console-time.sh [INCIDENTS] [RESPONDERS] [ACTIONS]     (defaults 50 200 5)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build cli -c Release --nologo -v quiet >/dev/null
dotnet build bench/PlanLang.Bench -c Release --nologo -v quiet >/dev/null
dotnet bench/PlanLang.Bench/bin/Release/net10.0/PlanLang.Bench.dll console "${1:-50}" "${2:-200}" "${3:-5}"
