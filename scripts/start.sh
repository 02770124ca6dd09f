#!/usr/bin/env bash
# One command from a fresh clone: install, build both products, serve the standalone SPA with the
# default directory, and say where the unpacked extension is.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-4173}"

[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
npm run build

cat <<MSG

Radar ES is built.

  Standalone app (default directory loaded on first start):  http://localhost:${PORT}/
  Browser extension (unpacked):                              $(pwd)/dist/extension

  To load the extension in Chromium or Chrome: open chrome://extensions, switch on
  "Developer mode", click "Load unpacked" and choose the folder above.

Press Ctrl+C to stop the app.
MSG
exec npx vite preview --mode spa --port "$PORT" --strictPort
