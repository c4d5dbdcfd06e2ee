#!/usr/bin/env bash
# `planlang import` of DOCUMENTS (default 500) generated Word plans of about PAGES (default 30) pages, in one command:
# wall time and peak memory, for docs/performance.md (issue 16's goal: ≤ 60 s on this machine).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build cli -c Release --nologo -v quiet >/dev/null
dotnet build bench/PlanLang.Bench -c Release --nologo -v quiet >/dev/null
dotnet bench/PlanLang.Bench/bin/Release/net10.0/PlanLang.Bench.dll import "${1:-500}" "${2:-30}"
