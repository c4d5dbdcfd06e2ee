#!/usr/bin/env bash
# Regenerates the import test corpus (tests/ImportCorpus/documents) from its sources (tests/ImportCorpus/sources):
# Word documents through the OpenXml SDK, PDFs printed by Debian's Chromium from HTML. Review the diff of the sources;
# the documents are binary and are rewritten whole.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/ImportCorpus/documents
rm -rf "$out"
dotnet run --project tests/ImportCorpus -c Release -- tests/ImportCorpus/sources "$out"
browser=${PLANLANG_CHROMIUM:-/usr/bin/chromium}
for html in "$out"/*.html; do
  [ -e "$html" ] || continue
  pdf="${html%.html}.pdf"
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "file://$(realpath "$html")" 2>/dev/null
  rm "$html"
done
ls -l "$out"
