// What the extension's `activate` returns (its `exports`, which
// `vscode.extensions.getExtension('aiprov.aiprov').exports` hands to another
// extension in the same extension host): read-only views of the client and
// the regions. Its user is the end-to-end test's logger
// (test/e2e/extension-log/), a separate extension the test installs:
// custom notifications and decoration ranges are not visible from the page,
// and this way no test code ships in the bundle. Nothing here can change
// what the extension does.

import * as vscode from 'vscode';
import { ServerState } from './client';
import { AiprovContext } from './context';
import { decorationRanges } from './decorations';
import { Notice } from './insertions';
import { RegionState } from './regions';

export interface AiprovApi {
  /** A provenance notice went to the server (right after its didChange). */
  readonly onDidSendNotice: vscode.Event<Notice>;
  readonly onDidChangeState: vscode.Event<ServerState>;
  readonly state: ServerState;
  /** Why the server is in its state (missing executable, exit status…). */
  readonly detail: string;
  /** The server's process id while it runs. */
  readonly serverPid: number | undefined;
  /** New regions for a document. */
  readonly onDidChangeRegions: vscode.Event<vscode.Uri>;
  /** The document's regions as of the last refresh: its version, if any. */
  regionsVersion(uri: vscode.Uri): number | null | undefined;
  /** The ranges the decorations mark in `editor`, per state. */
  decorationRanges(editor: vscode.TextEditor): Map<RegionState, vscode.Range[]>;
}

export function api({ client, store }: AiprovContext): AiprovApi {
  return {
    onDidSendNotice: client.onDidSendNotice,
    onDidChangeState: client.onDidChangeState,
    get state() {
      return client.state;
    },
    get detail() {
      return client.detail;
    },
    get serverPid() {
      return client.serverPid;
    },
    onDidChangeRegions: store.onDidChange,
    regionsVersion: (uri) => store.get(uri)?.version,
    decorationRanges: (editor) => decorationRanges(store, editor),
  };
}
