// The regions of the open C/C++ documents, fetched with `aiprov/regions`
// after each diagnostics publish of a visible document (the server publishes
// after every change and every policy or ledger reload, so that is when
// regions can change) and when an editor becomes visible. Decorations and the
// status bar read them from here, so one request serves both.

import * as vscode from 'vscode';
import { AiprovClient } from './client';
import { RegionsResult } from './regions';

/** Publishes often come in pairs (lexer pass, then AST pass): wait this long for the second. */
const refreshDelayMs = 80;

export class RegionStore implements vscode.Disposable {
  private readonly byUri = new Map<string, RegionsResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** New regions for a document. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: AiprovClient) {
    this.disposables.push(
      client.onDidPublishDiagnostics((uri) => this.scheduleRefresh(uri)),
      client.onDidChangeState((state) => {
        if (state === 'running') for (const editor of vscode.window.visibleTextEditors) this.scheduleRefresh(editor.document.uri);
        else if (state !== 'starting') this.clearAll();
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) if (!this.byUri.has(editor.document.uri.toString())) this.scheduleRefresh(editor.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.byUri.delete(doc.uri.toString());
      }),
    );
  }

  get(uri: vscode.Uri): RegionsResult | undefined {
    return this.byUri.get(uri.toString());
  }

  /** Fetches the regions of `uri` now, if it is an open document the server knows. */
  async refresh(uri: vscode.Uri): Promise<RegionsResult | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || !this.client.isRunning || !['c', 'cpp'].includes(document.languageId)) return undefined;
    try {
      const result = await this.client.regions(document);
      this.byUri.set(uri.toString(), result);
      this.emitter.fire(uri);
      return result;
    } catch (error) {
      // InvalidParams while the didOpen is still on its way, or the server
      // went away: the next publish asks again.
      this.client.output.appendLine(`aiprov: regions of ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private scheduleRefresh(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(uri);
      }, refreshDelayMs),
    );
  }

  private clearAll(): void {
    const uris = [...this.byUri.keys()];
    this.byUri.clear();
    for (const uri of uris) this.emitter.fire(vscode.Uri.parse(uri));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
