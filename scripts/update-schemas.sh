#!/usr/bin/env bash
# Regenerates schemas/*.schema.json from the plan language's model (src/PlanLang/Syntax/Schema).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project cli -c Release -- schema -o schemas
git --no-pager diff --stat -- schemas
