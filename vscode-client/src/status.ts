// The status bar item: the server's state and, for the C/C++ file in the
// active editor, the share of its lines in AI-assisted regions (each line
// counted once, unknown and external pastes not counted; regions.ts).
// Clicking it shows the file's provenance, or, when the server is not
// running, restarts it (or opens the aiprov.path setting if it is missing).

import * as vscode from 'vscode';
import { AiprovContext } from './context';
import { aiShare, countByState } from './regions';

/** Lines of a document as the share counts them: no final empty line. */
export function documentLines(document: vscode.TextDocument): number {
  const count = document.lineCount;
  return count > 0 && document.lineAt(count - 1).text === '' ? count - 1 : count;
}

export function activate({ extension, client, store }: AiprovContext): void {
  const item = vscode.window.createStatusBarItem('aiprov.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'aiprov';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const isSource = editor !== undefined && ['c', 'cpp'].includes(editor.document.languageId);
    item.backgroundColor = undefined;
    switch (client.state) {
      case 'missing':
        item.text = '$(error) aiprov: server not found';
        item.tooltip = `${client.detail}\nClick to set aiprov.path.`;
        item.command = { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['aiprov.path'] };
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'crashed':
        item.text = '$(error) aiprov: server crashed';
        item.tooltip = `The aiprov language server ${client.detail}.\nClick to restart it.`;
        item.command = 'aiprov.restartServer';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'starting':
      case 'restarting':
        item.text = '$(sync~spin) aiprov: starting';
        item.tooltip = 'The aiprov language server is starting.';
        item.command = undefined;
        break;
      case 'stopped':
        item.text = '$(circle-slash) aiprov: stopped';
        item.tooltip = 'The aiprov language server is stopped. Click to start it.';
        item.command = 'aiprov.restartServer';
        break;
      case 'running': {
        const result = isSource ? store.get(editor.document.uri) : undefined;
        if (!isSource || !result) {
          item.text = '$(shield) aiprov';
          item.tooltip = 'The aiprov language server is running.';
        } else {
          const share = aiShare(result.regions, documentLines(editor.document));
          const counts = countByState(result.regions);
          item.text = `$(shield) AI ${share.percent}%`;
          item.tooltip =
            `aiprov: server running\n${share.aiLines} of ${share.totalLines} lines AI-assisted (${share.percent}%)\n` +
            `${result.regions.length} region(s): ${counts.reviewed} reviewed, ${counts.unreviewed} unreviewed, ${counts.forbidden} forbidden\n` +
            'Click for this file\'s provenance.';
          if (counts.forbidden > 0) item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        }
        item.command = 'aiprov.showProvenance';
        break;
      }
    }
    item.show();
  };
  extension.subscriptions.push(
    item,
    client.onDidChangeState(update),
    store.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
  update();
}
