#!/usr/bin/env bash
# Regenerates the committed expression parser from src/PlanLang/Expressions/PlanExpr.g4 with antlr-ng
# (npm, no Java). GeneratedParserTests fails until the result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/antlr-ng ] || npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
rm -f src/PlanLang/Expressions/Generated/*
npm run --silent antlr
git status --short src/PlanLang/Expressions/Generated
