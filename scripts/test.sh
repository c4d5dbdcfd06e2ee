#!/usr/bin/env bash
# Runs every test. Installs what the tests use: the Node tools (antlr-ng, ajv, the SARIF schema) from
# package-lock.json, and PostgreSQL from Debian for the event-store tests (they start their own throw-away
# server on 127.0.0.1). Works on a fresh Debian machine with the .NET SDK and Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
dotnet test PlanLang.sln -c Release --nologo "$@"
