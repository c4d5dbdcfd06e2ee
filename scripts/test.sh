#!/usr/bin/env bash
# Runs every test. Installs what the tests use: the Node tools (antlr-ng, ajv, the SARIF schema) from
# package-lock.json (and the VS Code extension's from editors/vscode/package-lock.json), and from Debian PostgreSQL (the event-store tests start their own throw-away server on
# 127.0.0.1), Chromium with CJK fonts and poppler-utils (PDF tests). Works on a fresh Debian machine with the
# .NET SDK and Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the tests use: PostgreSQL (event store), Chromium + CJK fonts (PDF), poppler-utils (pdftotext),
# Graphviz (the response flow diagram), clang and zlib (the Native AOT build of planlang-check).
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Serif CJK" || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ -x /usr/bin/dot ] || missing+=(graphviz)
ls /usr/bin/clang /usr/bin/clang-[0-9]* >/dev/null 2>&1 || missing+=(clang)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
dotnet test PlanLang.sln -c Release --nologo "$@"
# The VS Code extension: compile, package the .vsix with vsce, then test it against the CLI the line above built.
(cd editors/vscode \
  && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error \
  && npm run --silent build \
  && npm run --silent package \
  && npm test)
