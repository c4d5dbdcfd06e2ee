#!/usr/bin/env bash
# Screenshots of the VS Code extension at work in a real VS Code: code-server (VS Code 1.100's web build, from npm)
# with editors/vscode/planlang.vsix installed, on a copy of plans/, driven by Debian's Chromium through puppeteer-core.
# Writes docs/images/editor-completion.png, editor-hover.png and editor-diagnostic.png. Not part of the test run: it
# builds native modules (needs build-essential, libkrb5-dev, libx11-dev, libxkbfile-dev, libsecret-1-dev, ripgrep,
# installed below) and takes a few minutes the first time; the tools are cached in ~/.cache/planlang.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
cache=${PLANLANG_TOOLS:-$HOME/.cache/planlang/editor-screenshots}
code_server_version=4.100.3 # the last code-server for Node 20 (this machine's Node)
puppeteer_version=24.43.1

need=()
for p in build-essential pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium fonts-noto-cjk curl; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -f "$cache/.done-$code_server_version" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  (cd "$cache" && npm init -y >/dev/null \
    && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "code-server@$code_server_version" "puppeteer-core@$puppeteer_version")
  # Native modules are built here (their install scripts would download prebuilt binaries), code-server's own
  # postinstall is replayed without its one download: ripgrep comes from Debian instead of GitHub.
  (cd "$cache" && npm_config_yes=true npm rebuild argon2 --build-from-source --loglevel=error)
  vscode="$cache/node_modules/code-server/lib/vscode"
  (cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  natives=$(cd "$vscode" && find node_modules -name binding.gyp -not -path "*/node_modules/*/node_modules/*" | sed 's#/binding.gyp##; s#^node_modules/##' | sort -u)
  (cd "$vscode" && npm_config_yes=true npm rebuild $natives --loglevel=error)
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin" && ln -sf "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  (cd "$vscode" && rm -rf node_modules.asar && ln -s node_modules node_modules.asar)
  (cd "$vscode/bin/remote-cli" && ln -sf code-linux.sh code-server)
  (cd "$vscode/bin/helpers" && ln -sf browser-linux.sh browser.sh)
  (cd "$vscode/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  touch "$cache/.done-$code_server_version"
fi

dotnet build cli -c Release --nologo -v q >/dev/null
(cd editors/vscode && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && npm run --silent build >/dev/null && npm run --silent package >/dev/null)

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r plans "$work/plans"
mkdir -p "$work/user/User"
cat > "$work/user/User/settings.json" <<JSON
{
  "planlang.path": "$repo/cli/bin/Release/net10.0/planlang",
  "planlang.language": "zh-CN",
  "workbench.colorTheme": "Default Light Modern",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "editor.minimap.enabled": false,
  "editor.fontFamily": "'Noto Sans Mono CJK SC', monospace",
  "editor.fontSize": 14,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off"
}
JSON
code_server="$cache/node_modules/.bin/code-server"
"$code_server" --user-data-dir "$work/user" --extensions-dir "$work/ext" --install-extension editors/vscode/planlang.vsix >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
"$code_server" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$work/user" --extensions-dir "$work/ext" "$work/plans" >"$work/code-server.log" 2>&1 &
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
NODE_PATH="$cache/node_modules" node scripts/editor-screenshots.mjs "http://127.0.0.1:$port/?folder=$work/plans" "$work/plans" docs/images \
  || { tail -50 "$work/code-server.log"; exit 1; }
