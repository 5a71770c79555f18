// The region commands of the palette and the editor context menu. Each one
// asks the server, which owns every rewrite: annotate and mark-reviewed run
// the server's `aiprov.annotateSelection` / `aiprov.markReviewed`
// (workspace/executeCommand; the server answers with workspace/applyEdit,
// which vscode-languageclient applies), so the editor writes exactly what
// `aiprov review` would. The client's own commands have other ids than the
// server's because vscode-languageclient registers the server's.

import * as vscode from 'vscode';
import { AiprovClient } from './client';
import * as config from './config';
import { AiprovContext } from './context';
import { aiShare, describeRegion, linesOf } from './regions';
import { RegionStore } from './region-store';
import { documentLines } from './status';

/** The server answers ContentModified when the document changed under the request: ask again once. */
const contentModified = -32801;

function activeSourceEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && ['c', 'cpp'].includes(editor.document.languageId)) return editor;
  void vscode.window.showInformationMessage('aiprov: open a C or C++ file first.');
  return undefined;
}

function reportFailure(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  void vscode.window.showErrorMessage(`aiprov: ${what}: ${message}`);
}

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: number }).code !== contentModified) throw error;
    return run();
  }
}

/** The last line a selection takes: one ending at column 0 of a later line does not take that line. */
function lastSelectedLine(selection: vscode.Selection): number {
  return selection.end.line > selection.start.line && selection.end.character === 0 ? selection.end.line - 1 : selection.end.line;
}

async function annotateSelection(client: AiprovClient): Promise<void> {
  const editor = activeSourceEditor();
  if (!editor) return;
  const tools = config.get('annotate.tools');
  const picked = await vscode.window.showQuickPick([...tools.map((label) => ({ label })), { label: 'Other…', other: true }], {
    title: 'aiprov: Annotate Selection as AI-Assisted',
    placeHolder: 'Which tool wrote the selected lines?',
  });
  if (!picked) return;
  let tool: string | undefined = picked.label;
  if ('other' in picked) {
    tool = await vscode.window.showInputBox({
      title: 'aiprov: tool',
      prompt: 'The tool that wrote the selected lines (letters, digits, ".", "_", "-")',
      validateInput: (v) => (/^[A-Za-z0-9._-]+$/.test(v) ? undefined : 'letters, digits, ".", "_" and "-" only'),
    });
    if (!tool) return;
  }
  const selection = editor.selection;
  try {
    await withRetry(() =>
      client.executeCommand('aiprov.annotateSelection', {
        uri: client.protocolUri(editor.document.uri),
        version: editor.document.version,
        line: selection.start.line,
        lastLine: Math.max(selection.start.line, lastSelectedLine(selection)),
        tool,
      }),
    );
  } catch (error) {
    reportFailure('annotate the selection', error);
  }
}

async function markReviewed(client: AiprovClient): Promise<void> {
  const editor = activeSourceEditor();
  if (!editor) return;
  const line = editor.selection.active.line;
  try {
    await withRetry(async () => {
      // The server's own code action knows where the region's directive is
      // and whether it can be reviewed; run the command it carries.
      const actions = await client.codeActions(editor.document, new vscode.Range(line, 0, line, 0), 'quickfix.aiprov.review');
      const action = actions.find((a) => a.command?.command === 'aiprov.markReviewed');
      if (!action?.command) {
        void vscode.window.showInformationMessage(`aiprov: no AI-assisted region to review at line ${line + 1}.`);
        return;
      }
      await client.executeCommand(action.command.command, (action.command.arguments ?? [])[0] as object);
    });
  } catch (error) {
    reportFailure('mark the region reviewed', error);
  }
}

async function showProvenance(client: AiprovClient, store: RegionStore): Promise<void> {
  const editor = activeSourceEditor();
  if (!editor) return;
  let result;
  try {
    result = (await store.refresh(editor.document.uri)) ?? (await client.regions(editor.document));
  } catch (error) {
    reportFailure("show this file's provenance", error);
    return;
  }
  const share = aiShare(result.regions, documentLines(editor.document));
  const items = result.regions.map((region) => ({
    label: describeRegion(region),
    detail: region.checks.length > 0 ? `findings: ${region.checks.join(', ')}` : undefined,
    region,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `aiprov: ${vscode.workspace.asRelativePath(editor.document.uri)}: ${share.aiLines} of ${share.totalLines} lines AI-assisted (${share.percent}%)`,
    placeHolder: items.length > 0 ? 'Pick a region to go to it' : 'No AI-assisted regions in this file',
  });
  if (!picked) return;
  const [first] = linesOf(picked.region.range);
  const position = new vscode.Position(first, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function activate({ extension, client, store }: AiprovContext): void {
  extension.subscriptions.push(
    vscode.commands.registerCommand('aiprov.annotate', () => annotateSelection(client)),
    vscode.commands.registerCommand('aiprov.review', () => markReviewed(client)),
    vscode.commands.registerCommand('aiprov.showProvenance', () => showProvenance(client, store)),
    vscode.commands.registerCommand('aiprov.restartServer', () => client.restart()),
  );
}
