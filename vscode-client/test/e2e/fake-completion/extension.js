// Test-only stand-in for an AI completion extension (run-e2e.js installs it
// next to aiprov): on an empty line of a C++ file it offers three fixed lines
// as an inline suggestion, which the test accepts with Tab.
'use strict';
const vscode = require('vscode');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.languages.registerInlineCompletionItemProvider({ language: 'cpp' }, {
      provideInlineCompletionItems(document, position) {
        if (document.lineAt(position.line).text.trim() !== '') return [];
        const text = 'int completed0 = 0;\nint completed1 = 1;\nint completed2 = 2;';
        return [new vscode.InlineCompletionItem(text, new vscode.Range(position, position))];
      },
    }),
  );
};
