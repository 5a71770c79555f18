# The VS Code extension (vscode-client/, docs/vscode.md): type check, bundle
# and package it as a .vsix with vsce, run its unit tests (mocha, the logic
# that needs no VS Code), and install the .vsix into real VS Code
# (code-server 4.100.3 in headless chromium, driven by playwright-core) to
# check it end to end on a copy of examples/eval-repo. Included by
# tests/CMakeLists.txt.
#
# The npm dependencies come from scripts/setup (`npm ci` in vscode-client/
# and in vscode-client/test/e2e/code-server/). Each test exits 77 (SKIP) only
# when they, code-server or chromium are not installed, and says so.

set(AIPROV_VSCODE_DIR ${PROJECT_SOURCE_DIR}/vscode-client)
set(AIPROV_VSIX ${CMAKE_CURRENT_BINARY_DIR}/vscode-client/aiprov.vsix)
# Exits 77 when vscode-client/node_modules (or node 20) is missing.
set(AIPROV_VSCODE_IF_INSTALLED ${AIPROV_VSCODE_DIR}/test/run-if-installed.sh)

# node 20: tests/scripts/node.cmake puts it first on PATH for every test.
# vscode-client.e2e runs `env node`, not `node`: ctest looks a bare command
# up on its own PATH, before the test's PATH applies.

# `vsce package` runs the `vscode:prepublish` script first: `tsc --noEmit`
# and the esbuild bundle (dist/extension.js, next to the sources, since vsce
# packages the folder it runs in; dist/ is ignored by git).
add_test(NAME vscode-client.package
  COMMAND ${AIPROV_VSCODE_IF_INSTALLED} sh -c "mkdir -p \"$(dirname \"$0\")\" && rm -f \"$0\" && npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository --out \"$0\" && test -s \"$0\""
          ${AIPROV_VSIX}
  WORKING_DIRECTORY ${AIPROV_VSCODE_DIR})
set_tests_properties(vscode-client.package PROPERTIES
  FIXTURES_SETUP aiprov_vsix
  TIMEOUT 180)

add_test(NAME vscode-client.unit
  COMMAND ${AIPROV_VSCODE_IF_INSTALLED} npm test --silent
  WORKING_DIRECTORY ${AIPROV_VSCODE_DIR})
set_tests_properties(vscode-client.unit PROPERTIES
  TIMEOUT 120)

# About 45 s: starts code-server on 127.0.0.1 itself and kills its process
# group after; screenshots of each step land in vscode-e2e/.
add_test(NAME vscode-client.e2e
  COMMAND env node ${AIPROV_VSCODE_DIR}/test/e2e/run-e2e.js
          --aiprov ${AIPROV_TOOL_DIR}/aiprov
          --vsix ${AIPROV_VSIX}
          --out ${CMAKE_CURRENT_BINARY_DIR}/vscode-e2e)
set_tests_properties(vscode-client.e2e PROPERTIES
  FIXTURES_REQUIRED aiprov_vsix
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS e2e)

set_tests_properties(vscode-client.package vscode-client.unit PROPERTIES
  SKIP_RETURN_CODE 77
  LABELS vscode)
