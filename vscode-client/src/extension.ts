// Entry point: creates the language client and hands it to each feature, as
// vscode-clangd does. Each feature lives in its own file and exports
// `activate`.

import * as vscode from 'vscode';
import * as auditReport from './audit-report';
import { AiprovClient } from './client';
import * as commands from './commands';
import * as completion from './completion';
import * as decorations from './decorations';
import * as paste from './paste';
import { RegionStore } from './region-store';
import * as status from './status';
import * as testLog from './test-log';

let client: AiprovClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = new AiprovClient();
  const store = new RegionStore(client);
  context.subscriptions.push(client, store);
  testLog.activate(context, client, store);
  status.activate(context, client, store);
  decorations.activate(context, store);
  commands.activate(context, client, store);
  auditReport.activate(context, client.output);
  paste.activate(context, client);
  completion.activate(context, client);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiprov.path') || e.affectsConfiguration('aiprov.arguments')) void client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
