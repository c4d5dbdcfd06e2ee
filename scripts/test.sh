#!/usr/bin/env bash
# Runs every test. Installs the Node tools the tests use (antlr-ng, ajv, the SARIF schema) from package-lock.json,
# then builds and tests the solution. Works on a fresh Debian machine with the .NET SDK and Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
dotnet test PlanLang.sln -c Release --nologo "$@"
