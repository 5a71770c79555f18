#!/bin/sh
# Runs "$@" in vscode-client/ when the extension's npm dependencies are
# installed, else exits 77 (ctest: skipped) and says why. Used by
# tests/scripts/vscode-client.cmake.
cd "$(dirname "$0")/.." || exit 1
if [ ! -d node_modules/@vscode/vsce ] || [ ! -d node_modules/mocha ] || [ ! -d node_modules/vscode-languageclient ]; then
  echo "skipped: vscode-client/node_modules is not installed (scripts/setup runs npm ci there)" >&2
  exit 77
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "skipped: node $(node --version 2>/dev/null) is older than 20 (scripts/setup installs node 20 into vscode-client/.node)" >&2
  exit 77
fi
exec "$@"
