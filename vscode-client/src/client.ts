// The language client: starts `aiprov lsp`, restarts it, reports a missing
// or crashing server, and sends the extension's provenance notices in the
// only order the server can use (docs/lsp.md, "Paste provenance": a notice
// right after the didChange that carried the insertion).
//
// Ordering. vscode-languageclient sends didChange from its own
// onDidChangeTextDocument listener, so a notice cannot simply be sent from
// the paste provider (too early: the paste is not applied yet) or after the
// edit (another message, e.g. a diagnostic pull or code-lens request, may go
// first). Two middleware hooks make it exact:
//   - `didChange` sees VS Code's change event first and turns the insertions
//     it settles (InsertionTracker) into notices, keyed by URI and version;
//   - `sendNotification` sees the didChange leave: it hands the didChange to
//     the connection and, in the same synchronous step, the notices.
// `connection.sendNotification` is synchronous up to the writer, whose
// semaphore queues messages in call order, so nothing can come between the
// didChange and its notices.

import * as path from 'path';
import { ChildProcess, spawn } from 'child_process';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  State,
} from 'vscode-languageclient/node';
import * as config from './config';
import { InsertionTracker, Notice, TextChange } from './insertions';
import { RegionsResult } from './regions';
import { resolveServerPath } from './server-path';

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing' | 'restarting' | 'crashed';

/** Files whose provenance the server analyzes. */
export const documentSelector: Array<{ scheme: string; language: string }> = [
  { scheme: 'file', language: 'c' },
  { scheme: 'file', language: 'cpp' },
  { scheme: 'untitled', language: 'c' },
  { scheme: 'untitled', language: 'cpp' },
];

/** More crashes than this within `crashWindowMs` and the server is left stopped. */
const maxCrashes = 4;
const crashWindowMs = 3 * 60 * 1000;

export class AiprovClient implements vscode.Disposable {
  /** Pastes and completions waiting for the edit that carries them. */
  readonly insertions = new InsertionTracker();
  readonly output: vscode.OutputChannel;

  private client: LanguageClient | undefined;
  private stateValue: ServerState = 'stopped';
  private stateDetail = '';
  private crashes: number[] = [];
  private lastExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private serverProcess: ChildProcess | undefined;
  private stopping = false;
  /** Notices computed in the didChange hook, sent by the sendNotification hook. */
  private readonly noticesByChange = new Map<string, Notice[]>();

  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly diagnosticsEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** The server published diagnostics for a document: its regions may have changed. */
  readonly onDidPublishDiagnostics = this.diagnosticsEmitter.event;
  private readonly noticeEmitter = new vscode.EventEmitter<Notice>();
  /** A provenance notice went to the server (right after its didChange). */
  readonly onDidSendNotice = this.noticeEmitter.event;

  constructor() {
    this.output = vscode.window.createOutputChannel('aiprov');
  }

  get state(): ServerState {
    return this.stateValue;
  }

  /** Why the server is in its state (missing executable, exit status…), for the status bar. */
  get detail(): string {
    return this.stateDetail;
  }

  /** The server's process id while it runs (in the API: the end-to-end test kills it). */
  get serverPid(): number | undefined {
    const child = this.serverProcess;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  get isRunning(): boolean {
    return this.client !== undefined && this.client.state === State.Running;
  }

  private setState(state: ServerState, detail = ''): void {
    this.stateValue = state;
    this.stateDetail = detail;
    this.stateEmitter.fire(state);
  }

  /** The URI string the client puts in its messages for `uri`. */
  protocolUri(uri: vscode.Uri): string {
    return this.client ? this.client.code2ProtocolConverter.asUri(uri) : uri.toString();
  }

  async start(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const resolved = resolveServerPath(config.get('path'), process.env.PATH, folder);
    if (!resolved.ok) {
      this.setState('missing', resolved.message);
      this.output.appendLine(`aiprov: cannot start the language server: ${resolved.message}`);
      void vscode.window
        .showErrorMessage(
          `aiprov: the language server cannot start: ${resolved.message}. Install aiprov or set aiprov.path to its executable.`,
          'Open Settings',
        )
        .then((choice) => {
          if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'aiprov.path');
        });
      return;
    }
    const args = ['lsp', ...config.get('arguments')];
    const serverOptions = (): Promise<ChildProcess> => {
      this.output.appendLine(`aiprov: starting ${resolved.path} ${args.join(' ')}`);
      const child = spawn(resolved.path, args, { cwd: folder ?? path.dirname(resolved.path), stdio: 'pipe' });
      this.lastExit = undefined;
      this.serverProcess = child;
      child.on('exit', (code, signal) => {
        this.lastExit = { code, signal };
        this.output.appendLine(`aiprov: server exited (${signal ? `signal ${signal}` : `status ${code}`})`);
      });
      return Promise.resolve(child);
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      synchronize: {},
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
        closed: () => this.onServerClosed(),
      },
      middleware: {
        didChange: (event, next) => {
          this.noticesForChange(event);
          return next(event);
        },
        sendNotification: (type, next, params) => {
          const method = typeof type === 'string' ? type : type.method;
          if (method !== 'textDocument/didChange') return next(type, params);
          const doc = (params as { textDocument: { uri: string; version: number } }).textDocument;
          const key = `${doc.uri}#${doc.version}`;
          const notices = this.noticesByChange.get(key) ?? [];
          this.noticesByChange.delete(key);
          // No await between these calls: see the comment at the top of this file.
          const sent = [next(type, params)];
          for (const notice of notices) {
            sent.push(next(notice.method, notice.params as never));
            this.noticeEmitter.fire(notice);
          }
          return Promise.all(sent).then(() => undefined);
        },
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          this.diagnosticsEmitter.fire(uri);
        },
        // The server both pushes diagnostics and answers pulls with the same
        // findings; vscode-languageclient would show each twice (one
        // collection per model). Keep the push ones, which follow every
        // change and every ledger or policy reload.
        provideDiagnostics: () => ({ kind: 'full', items: [] }) as never,
      },
    };
    this.client = new LanguageClient('aiprov', 'aiprov', serverOptions, clientOptions);
    this.client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState('running');
      else if (e.newState === State.Starting) this.setState(this.stateValue === 'crashed' ? 'restarting' : 'starting');
      else if (e.newState === State.Stopped && this.stateValue !== 'crashed' && this.stateValue !== 'missing')
        this.setState('stopped');
    });
    this.stopping = false;
    this.setState('starting');
    try {
      await this.client.start();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.setState('crashed', `could not start: ${why}`);
      void vscode.window.showErrorMessage(`aiprov: the language server failed to start: ${why}`, 'Show Output').then((c) => {
        if (c) this.output.show();
      });
    }
  }

  private exitDescription(): string {
    if (!this.lastExit) return 'the connection closed';
    return this.lastExit.signal ? `killed by ${this.lastExit.signal}` : `exited with status ${this.lastExit.code}`;
  }

  /** The server's stdout closes a moment before node reports its exit: wait for it (up to 1 s). */
  private waitForExit(): Promise<void> {
    const child = this.serverProcess;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 1000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async onServerClosed(): Promise<{ action: CloseAction; handled: boolean }> {
    if (this.stopping) return { action: CloseAction.DoNotRestart, handled: true };
    await this.waitForExit();
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < crashWindowMs);
    this.crashes.push(now);
    const why = this.exitDescription();
    if (this.crashes.length > maxCrashes) {
      this.setState('crashed', `${why}; stopped after ${this.crashes.length} crashes in 3 minutes`);
      void vscode.window
        .showErrorMessage(
          `aiprov: the language server ${why} and crashed ${this.crashes.length} times in 3 minutes; it was not restarted.`,
          'Restart',
          'Show Output',
        )
        .then((choice) => {
          if (choice === 'Restart') void vscode.commands.executeCommand('aiprov.restartServer');
          else if (choice === 'Show Output') this.output.show();
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.setState('crashed', `${why}; restarting`);
    void vscode.window.showWarningMessage(`aiprov: the language server ${why}; restarting it.`);
    return { action: CloseAction.Restart, handled: true };
  }

  private noticesForChange(event: vscode.TextDocumentChangeEvent): void {
    if (this.insertions.pending.length === 0) return;
    const uri = this.protocolUri(event.document.uri);
    const changes: TextChange[] = event.contentChanges.map((c) => ({
      range: {
        start: { line: c.range.start.line, character: c.range.start.character },
        end: { line: c.range.end.line, character: c.range.end.character },
      },
      text: c.text,
    }));
    const notices = this.insertions.noticesForEdit(uri, changes, Date.now());
    if (notices.length > 0) this.noticesByChange.set(`${uri}#${event.document.version}`, notices);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.stopping = true;
    if (client) {
      try {
        await client.stop(3000);
      } catch (error) {
        this.output.appendLine(`aiprov: stopping the server: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Disposing also unregisters the commands the server declared, so a new
      // client can register them again.
      try {
        await client.dispose(1000);
      } catch {
        // Already stopped.
      }
    }
    this.setState('stopped');
  }

  async restart(): Promise<void> {
    await this.stop();
    this.crashes = [];
    await this.start();
  }

  private requireClient(): LanguageClient {
    if (!this.client || this.client.state !== State.Running)
      throw new Error(`the aiprov language server is not running (${this.stateValue}${this.stateDetail ? `: ${this.stateDetail}` : ''})`);
    return this.client;
  }

  /** The document's regions (docs/lsp.md, `aiprov/regions`). */
  async regions(document: vscode.TextDocument): Promise<RegionsResult> {
    const client = this.requireClient();
    return client.sendRequest<RegionsResult>('aiprov/regions', {
      textDocument: { uri: this.protocolUri(document.uri) },
    });
  }

  /** Runs one of the server's `aiprov.*` commands; the server applies its edit with workspace/applyEdit. */
  async executeCommand(command: string, argument: object): Promise<unknown> {
    const client = this.requireClient();
    return client.sendRequest('workspace/executeCommand', { command, arguments: [argument] });
  }

  /** The server's code actions of `kind` for `line` of `document`, as LSP objects. */
  async codeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    kind: string,
  ): Promise<Array<{ title: string; kind?: string; command?: { command: string; arguments?: unknown[] } }>> {
    const client = this.requireClient();
    const result = await client.sendRequest<Array<{ title: string; command?: { command: string; arguments?: unknown[] } }> | null>(
      'textDocument/codeAction',
      {
        textDocument: { uri: this.protocolUri(document.uri) },
        range: client.code2ProtocolConverter.asRange(range),
        context: { diagnostics: [], only: [kind] },
      },
    );
    return result ?? [];
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
    this.diagnosticsEmitter.dispose();
    this.noticeEmitter.dispose();
    this.output.dispose();
  }
}
