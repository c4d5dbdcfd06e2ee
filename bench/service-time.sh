#!/usr/bin/env bash
# The response service under load (docs/performance.md, "The response service"): `planlang serve` as a process on
# SQLite, INCIDENTS incidents × TASKS armed tasks (lateness of every fired deadline), then CLIENTS concurrent HTTP
# clients acknowledging every task (commands/s, p50/p99), against the raw store append rate in the same run.
# Usage: bash bench/service-time.sh [INCIDENTS] [TASKS] [CLIENTS]     (defaults 1000 10 32)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build cli -c Release --nologo -v quiet >/dev/null
dotnet build bench/PlanLang.Bench -c Release --nologo -v quiet >/dev/null
dotnet bench/PlanLang.Bench/bin/Release/net10.0/PlanLang.Bench.dll service "${1:-1000}" "${2:-10}" "${3:-32}"
