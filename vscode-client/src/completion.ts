// Completion capture: an inline suggestion accepted with Tab (or the hover's
// Accept button) runs `editor.action.inlineSuggest.commit`. The extension
// registers a command of that id, which takes precedence over the built-in
// one, expects the next edit of the document to be the completion, and runs
// the built-in command by unregistering itself for the call (as other
// provenance tools do). The edit then goes out with an
// `aiprov/didInsertCompletion` notice right after it (client.ts).
//
// Not observable this way (docs/vscode.md): partial accepts (next word or
// line), completion-list items, and text an AI tool inserts by other means.

import * as vscode from 'vscode';
import * as config from './config';
import { AiprovContext } from './context';

const commitCommand = 'editor.action.inlineSuggest.commit';
const expectationMs = 2_000;

/** The tool to name: the setting, else GitHub Copilot when installed, else `unknown`. */
function completionSource(): { tool: string; model?: string } {
  let tool = config.get('completion.tool').trim();
  if (!tool) tool = vscode.extensions.getExtension('GitHub.copilot') ? 'copilot' : 'unknown';
  const model = config.get('completion.model').trim();
  return model ? { tool, model } : { tool };
}

export function activate({ extension, client }: AiprovContext): void {
  let registration: vscode.Disposable | undefined;
  const register = (): void => {
    registration = vscode.commands.registerCommand(commitCommand, async (...args: unknown[]) => {
      const editor = vscode.window.activeTextEditor;
      if (editor && config.get('completion.capture')) {
        client.insertions.expect({
          uri: client.protocolUri(editor.document.uri),
          what: { kind: 'completion', source: completionSource() },
          expires: Date.now() + expectationMs,
        });
      }
      registration?.dispose();
      registration = undefined;
      try {
        await vscode.commands.executeCommand(commitCommand, ...args);
      } finally {
        register();
      }
    });
  };
  register();
  extension.subscriptions.push({ dispose: () => registration?.dispose() });
}
