#!/usr/bin/env bash
# Rewrites the golden files under tests/**/Baselines/ from the current compiler, then shows what changed.
# Review the diff like code before committing: an unexplained change is a regression.
set -euo pipefail
cd "$(dirname "$0")/.."
PLANLANG_UPDATE_BASELINES=1 dotnet test tests/PlanLang.Tests --nologo --filter "Category=Baseline"
git --no-pager diff --stat -- tests
