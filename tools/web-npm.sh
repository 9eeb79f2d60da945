#!/bin/bash
# web-npm.sh: web/node_modules as web/package-lock.json pins it (npm ci),
# for building the page (esbuild, @bjorn3/browser_wasi_shim) and testing it
# (playwright-core, which drives Debian's Chromium and downloads no browser).
# Does nothing when the install is already that lockfile's.
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null; then
	echo "web-npm: npm is not installed (it comes with nodejs from NodeSource, or Debian's npm package)" >&2
	exit 1
fi
if ! cmp -s package-lock.json node_modules/.fosterbeds-lock 2>/dev/null; then
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	cp package-lock.json node_modules/.fosterbeds-lock
fi
