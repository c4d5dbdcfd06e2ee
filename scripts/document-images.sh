#!/usr/bin/env bash
# Regenerates the page images of docs/documents.md from the sample workspace: every document kind printed to PDF
# (Chromium), pages found by their text (pdftotext) and drawn with pdftoppm. Look at each image before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cp -r plans "$out/plans"
dotnet build cli -c Release -v q -nologo > /dev/null
planlang() { dotnet cli/bin/Release/net10.0/planlang.dll "$@"; }
ws="$out/plans"
planlang render handbook "$ws/longwan/typhoon.plan.yaml" -f pdf -o "$out" > /dev/null
planlang render cards "$ws/longwan/typhoon.plan.yaml" -f pdf -o "$out" > /dev/null
planlang render filing "$ws/longwan/typhoon.plan.yaml" "$ws/enterprise/binhai-chem/comprehensive.plan.yaml" -f pdf -o "$out" > /dev/null
planlang render coverage "$ws" -f pdf -o "$out" > /dev/null
planlang drill "$ws/longwan/typhoon.plan.yaml" "$ws/drills/longwan-typhoon.drill.yaml" --instant --id drill-1 -w "$ws" > /dev/null
planlang render after-action drill-1 -w "$ws" -f pdf -o "$out" > /dev/null

# page N of PDF to docs/images/NAME.png
page() { pdftoppm -f "$2" -l "$2" -r 70 -png -singlefile "$1" "docs/images/$3"; }
# the first page of PDF whose text contains TEXT
find_page() {
  local pages; pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
  for ((i = 1; i <= pages; i++)); do
    if pdftotext -f "$i" -l "$i" "$1" - | tr -d ' \n' | grep -q "$2"; then echo "$i"; return; fi
  done
  echo 1
}
handbook="$out/longwan-typhoon.handbook.pdf"
page "$handbook" 1 handbook-cover-01
page "$handbook" 3 handbook-contents
page "$handbook" "$(find_page "$handbook" '4.2.1')" handbook-tasks-07
page "$handbook" "$(find_page "$handbook" '附件1应急响应流程图')" handbook-flow
page "$out/longwan-typhoon.cards.pdf" 1 card-1
page "$out/longwan-typhoon.cards.pdf" 2 card-2
page "$out/binhai-chem-comprehensive.filing.pdf" 1 filing-enterprise-1
page "$out/longwan-typhoon.filing.pdf" 1 filing-district-1
page "$out/plans.coverage.pdf" 1 coverage-1
page "$out/plans.coverage.pdf" 2 coverage-2
page "$out/drill-1.after-action.pdf" 1 after-action-1
page "$out/drill-1.after-action.pdf" 2 after-action-2
echo "docs/images regenerated; review them with git diff --stat docs/images and by looking at each one."
