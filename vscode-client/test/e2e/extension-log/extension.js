// Test-only (run-e2e.js installs it next to aiprov, which never ships it):
// custom LSP notifications and decorations are not visible from the page, so
// when AIPROV_VSCODE_TEST_LOG names a file this extension appends one JSON
// line to it per notice aiprov sends, per server state, per settings change
// and per decoration update, from what aiprov's activate returns (its API,
// src/api.ts). Nothing happens without the variable.
//
// It activates after aiprov (extensionDependencies), which has started the
// server by then, so it first logs the state and decorations aiprov already
// has: the test waits for those, whichever came first.
'use strict';
const fs = require('fs');
const vscode = require('vscode');

exports.activate = (context) => {
  const file = process.env.AIPROV_VSCODE_TEST_LOG;
  if (!file) return;
  const aiprov = vscode.extensions.getExtension('aiprov.aiprov').exports;
  const log = (entry) => fs.appendFileSync(file, JSON.stringify({ time: Date.now(), ...entry }) + '\n');
  const logState = (state) => log({ event: 'state', state, detail: aiprov.detail, pid: aiprov.serverPid });
  const logDecorations = (uri) => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri.toString()) continue;
      const ranges = {};
      for (const [state, list] of aiprov.decorationRanges(editor)) ranges[state] = list.map((r) => [r.start.line, r.end.line]);
      log({ event: 'decorations', uri: uri.toString(), version: aiprov.regionsVersion(uri), ranges });
    }
  };
  context.subscriptions.push(
    aiprov.onDidSendNotice((notice) => log({ event: 'notice', ...notice })),
    aiprov.onDidChangeState(logState),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiprov')) log({ event: 'config', aiprov: vscode.workspace.getConfiguration('aiprov') });
    }),
    aiprov.onDidChangeRegions(logDecorations),
  );
  logState(aiprov.state);
  for (const editor of vscode.window.visibleTextEditors) if (aiprov.regionsVersion(editor.document.uri) !== undefined) logDecorations(editor.document.uri);
  log({ event: 'activated' });
};
