// For the end-to-end test only: custom LSP notifications and decorations are
// not visible from the page, so when AIPROV_VSCODE_TEST_LOG names a file the
// extension appends one JSON line per notice sent, per server state and per
// decoration update to it. Nothing happens without the variable.

import * as fs from 'fs';
import * as vscode from 'vscode';
import { AiprovClient } from './client';
import { decorationRanges } from './decorations';
import { RegionStore } from './region-store';

export function activate(context: vscode.ExtensionContext, client: AiprovClient, store: RegionStore): void {
  const file = process.env.AIPROV_VSCODE_TEST_LOG;
  if (!file) return;
  const log = (entry: object): void => fs.appendFileSync(file, JSON.stringify({ time: Date.now(), ...entry }) + '\n');
  context.subscriptions.push(
    client.onDidSendNotice((notice) => log({ event: 'notice', ...notice })),
    client.onDidChangeState((state) => log({ event: 'state', state, detail: client.detail, pid: client.serverPid })),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiprov')) log({ event: 'config', aiprov: vscode.workspace.getConfiguration('aiprov') });
    }),
    store.onDidChange((uri) => {
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document.uri.toString() !== uri.toString()) continue;
        const ranges: Record<string, number[][]> = {};
        for (const [state, list] of decorationRanges(store, editor)) ranges[state] = list.map((r) => [r.start.line, r.end.line]);
        log({ event: 'decorations', uri: uri.toString(), version: store.get(uri)?.version, ranges });
      }
    }),
  );
  log({ event: 'activated' });
}
