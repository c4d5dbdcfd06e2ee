#!/usr/bin/env bash
# Screenshots of every console view at desktop (1280 px) and phone (375 px) width, zh-CN and en, for docs/console.md:
# runs the console's view tests (tests/PlanLang.Tests/Console/ConsoleViewsTests.cs, DrillConsoleTests.cs, ConsoleFeedTests.cs: a real `planlang serve`, Debian's
# Chromium through Playwright, axe-core on every view) with PLANLANG_CONSOLE_SCREENSHOTS set, which saves each view
# it checks into docs/images/console/. Review the pictures in the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/PlanLang.Tests -c Release --nologo -v quiet
PLANLANG_CONSOLE_SCREENSHOTS="$(pwd)/docs/images/console" \
  dotnet test tests/PlanLang.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~PlanLang.Tests.Console.ConsoleViewsTests|FullyQualifiedName~PlanLang.Tests.Console.DrillConsoleTests|FullyQualifiedName~PlanLang.Tests.Console.ConsoleFeedTests"
ls -1 docs/images/console
