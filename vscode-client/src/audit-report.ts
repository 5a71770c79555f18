// "Open Workspace Audit Report": runs `aiprov export --format html` on the
// first workspace folder (the page auditors get, docs/export.md) and shows
// it in a webview. The page is self-contained and carries its own
// Content-Security-Policy (only its inline style and script, by hash), which
// the webview keeps; the file is also left in the extension's storage so it
// can be opened in a browser.

import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import * as config from './config';
import { AiprovContext } from './context';
import { resolveServerPath } from './server-path';

function runExport(executable: string, folder: string, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['export', '--format', 'html', '-o', output, '.'], { cwd: folder, maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      // Findings make `aiprov export` say so on stderr; only a missing page is a failure.
      if (error && !fs.existsSync(output)) reject(new Error(stderr.trim() || error.message));
      else resolve();
    });
  });
}

async function openAuditReport({ extension: context, client: { output } }: AiprovContext): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('aiprov: open a folder to audit first.');
    return;
  }
  const resolved = resolveServerPath(config.get('path'), process.env.PATH, folder.uri.fsPath);
  if (!resolved.ok) {
    void vscode.window.showErrorMessage(`aiprov: cannot build the audit report: ${resolved.message}.`);
    return;
  }
  // The export runs where the extension host runs (beside the files, also in
  // a remote or code-server setup), so the page goes to a local directory.
  const storage = context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : path.join(os.tmpdir(), 'aiprov-vscode');
  const page = path.join(storage, 'aiprov-audit.html');
  output.appendLine(`aiprov: ${resolved.path} export --format html -o ${page} . (in ${folder.uri.fsPath})`);
  try {
    fs.mkdirSync(storage, { recursive: true });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'aiprov: exporting the audit report…' },
      () => runExport(resolved.path, folder.uri.fsPath, page),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`aiprov: aiprov export failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  output.appendLine(`aiprov: audit report written to ${page}`);
  const panel = vscode.window.createWebviewPanel('aiprov.auditReport', `AI audit: ${folder.name}`, vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [],
  });
  panel.webview.html = fs.readFileSync(page, 'utf8');
}

export function activate(ctx: AiprovContext): void {
  ctx.extension.subscriptions.push(vscode.commands.registerCommand('aiprov.openAuditReport', () => openAuditReport(ctx)));
}
