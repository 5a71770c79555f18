// Paste capture: tells the server where pasted C/C++ text came from, with
// `aiprov/didPaste` right after the didChange that carries the paste (see
// client.ts for the ordering).
//
// A DocumentPasteEditProvider is the one place VS Code shows an extension a
// paste as such. On copy, `prepareDocumentPaste` adds the source file and
// ranges to the clipboard's data transfer under our own MIME type, and keeps
// the copied text; on paste, `provideDocumentPasteEdits` finds either (copied
// in this VS Code: from a workspace file, or from a file outside the
// workspace) or neither (copied anywhere else: `external`). The text is the
// fallback because VS Code hands the copy's data transfer back only when the
// clipboard kept its metadata, which a browser (code-server) may drop. The provider returns no edit, so the paste is
// VS Code's own, untouched, and it answers at once (no I/O, no request to
// the server), so the paste is not delayed. It only records what to expect;
// the edit that replaces exactly the pasted-over ranges is the paste.
//
// Every paste is reported, whatever its size: the server compares it with
// the file's `paste-min-lines` (only it reads the policy) and ignores a
// notice for a smaller insertion; a notice costs one small message.

import * as vscode from 'vscode';
import { AiprovClient, documentSelector } from './client';
import * as config from './config';
import { AiprovContext } from './context';

/** Set on copy from a C/C++ editor; read back on paste. */
const copyMimeType = 'application/vnd.aiprov.copy-source';
/** How long a paste may take to be applied after the provider was asked. */
const expectationMs = 10_000;

interface CopySource {
  uri: string;
  ranges: Array<{ start: { line: number; character: number }; end: { line: number; character: number } }>;
}

/** Clipboard text compared without line-ending differences or a final line break. */
function normalizeCopiedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/**
 * The text a copy of `ranges` puts on the clipboard: the selections joined by
 * line breaks, or, for an empty selection (`editor.emptySelectionClipboard`),
 * its whole line.
 */
function copiedText(document: vscode.TextDocument, ranges: readonly vscode.Range[]): string {
  return ranges
    .map((r) => (r.isEmpty ? document.lineAt(r.start.line).text : document.getText(r)))
    .join('\n');
}

class PasteProvenanceProvider implements vscode.DocumentPasteEditProvider {
  /** The last copy from a C/C++ editor, for pastes whose data transfer lost our item. */
  private lastCopy: { text: string; source: string } | undefined;

  constructor(private readonly client: AiprovClient) {}

  prepareDocumentPaste(document: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer): void {
    const source: CopySource = {
      uri: document.uri.toString(),
      ranges: ranges.map((r) => ({
        start: { line: r.start.line, character: r.start.character },
        end: { line: r.end.line, character: r.end.character },
      })),
    };
    dataTransfer.set(copyMimeType, new vscode.DataTransferItem(JSON.stringify(source)));
    this.lastCopy = { text: normalizeCopiedText(copiedText(document, ranges)), source: JSON.stringify(source) };
  }

  async provideDocumentPasteEdits(
    document: vscode.TextDocument,
    ranges: readonly vscode.Range[],
    dataTransfer: vscode.DataTransfer,
  ): Promise<undefined> {
    if (!config.get('paste.capture')) return undefined;
    // VS Code applies the paste only once every provider has answered, so
    // the expectation below exists before the edit does. `value` is the
    // string prepareDocumentPaste stored, when the copy was made in this
    // extension host; otherwise the item comes back as text.
    const item = dataTransfer.get(copyMimeType);
    let raw = typeof item?.value === 'string' ? item.value : await item?.asString();
    if (!raw && this.lastCopy) {
      const pasted = await dataTransfer.get('text/plain')?.asString();
      if (pasted !== undefined && normalizeCopiedText(pasted) === this.lastCopy.text) raw = this.lastCopy.source;
    }
    const kind = raw ? this.kindOfCopy(raw) : { kind: 'external' as const };
    this.client.insertions.expect({
      uri: this.client.protocolUri(document.uri),
      what: { kind: 'paste', source: kind },
      ranges: ranges.map((r) => ({
        start: { line: r.start.line, character: r.start.character },
        end: { line: r.end.line, character: r.end.character },
      })),
      expires: Date.now() + expectationMs,
    });
    return undefined;
  }

  private kindOfCopy(raw: string): { kind: 'workspace' | 'external'; uri?: string } {
    try {
      const source = JSON.parse(raw) as CopySource;
      const uri = vscode.Uri.parse(source.uri);
      return { kind: vscode.workspace.getWorkspaceFolder(uri) ? 'workspace' : 'external', uri: source.uri };
    } catch {
      return { kind: 'external' };
    }
  }
}

export function activate({ extension, client }: AiprovContext): void {
  extension.subscriptions.push(
    vscode.languages.registerDocumentPasteEditProvider(documentSelector, new PasteProvenanceProvider(client), {
      providedPasteEditKinds: [vscode.DocumentDropOrPasteEditKind.Text.append('aiprov')],
      copyMimeTypes: [copyMimeType],
      pasteMimeTypes: ['text/plain'],
    }),
  );
}
