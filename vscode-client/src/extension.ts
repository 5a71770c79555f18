// Entry point: creates the language client and the region store once, and
// hands them to each feature in one AiprovContext, as vscode-clangd does.
// Each feature lives in its own file and exports `activate(ctx)`.

import * as vscode from 'vscode';
import { AiprovApi, api } from './api';
import * as auditReport from './audit-report';
import { AiprovClient } from './client';
import * as commands from './commands';
import * as completion from './completion';
import * as config from './config';
import { AiprovContext } from './context';
import * as decorations from './decorations';
import * as paste from './paste';
import { RegionStore } from './region-store';
import * as status from './status';

let client: AiprovClient | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<AiprovApi> {
  client = new AiprovClient();
  const ctx: AiprovContext = { extension, client, store: new RegionStore(client) };
  extension.subscriptions.push(ctx.client, ctx.store);
  for (const feature of [status, decorations, commands, auditReport, paste, completion]) feature.activate(ctx);
  extension.subscriptions.push(config.onDidChange(['path', 'arguments'], () => void client?.restart()));
  await client.start();
  return api(ctx);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
