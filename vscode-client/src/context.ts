// What every feature's `activate` gets, like vscode-clangd's ClangdContext:
// extension.ts builds it once, so the features share one client (and its
// output channel) and one region store. Settings are not in it: config.ts
// reads them for everyone.

import * as vscode from 'vscode';
import { AiprovClient } from './client';
import { RegionStore } from './region-store';

export interface AiprovContext {
  /** VS Code's context: subscriptions, the extension's URI and storage. */
  readonly extension: vscode.ExtensionContext;
  /** The language client; `client.output` is the `aiprov` output channel. */
  readonly client: AiprovClient;
  /** The regions of the open documents (decorations, status bar, commands). */
  readonly store: RegionStore;
}
