// Where inserted text lies once an edit is applied, and which edits a paste or
// an accepted completion produced. Pure logic (no `vscode` import) so the
// unit tests run in plain node.
//
// The server wants the range of a paste *after* its didChange (docs/lsp.md,
// "aiprov/didPaste"), while VS Code describes an edit by the ranges it
// replaces in the document *before* it. Positions are UTF-16 code units, which
// is what JavaScript string lengths count and what the server negotiates with
// vscode-languageclient.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One replacement of an edit: `range` in the document before the edit. */
export interface TextChange {
  range: Range;
  text: string;
}

function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Lines of `text` counted as the server's LineTable does: "a\nb" and
 * "a\nb\n" are both 2, "" is 0.
 */
export function countLines(text: string): number {
  if (text === '') return 0;
  const lines = splitLines(text);
  return lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}

/**
 * The range each change's new text occupies after the whole edit, in the
 * order of `changes`. The changes of one edit do not overlap and all refer to
 * the document before it (VS Code's `contentChanges`, which it lists bottom
 * first so that applying them one by one also works).
 */
export function rangesAfterEdit(changes: readonly TextChange[]): Range[] {
  const order = changes.map((_, i) => i);
  order.sort((a, b) => comparePositions(changes[a].range.start, changes[b].range.start));
  const result: Range[] = new Array(changes.length);
  let lineDelta = 0;
  let previousOldEnd: Position | undefined;
  let previousNewEnd: Position | undefined;
  for (const i of order) {
    const { range, text } = changes[i];
    const start: Position = { line: range.start.line + lineDelta, character: range.start.character };
    // A change starting on the line where the previous one ended shifts along
    // that line by how much the previous one moved its end.
    if (previousOldEnd && previousNewEnd && previousOldEnd.line === range.start.line) {
      start.character = previousNewEnd.character + (range.start.character - previousOldEnd.character);
    }
    const lines = splitLines(text);
    const last = lines[lines.length - 1];
    const end: Position =
      lines.length === 1
        ? { line: start.line, character: start.character + last.length }
        : { line: start.line + lines.length - 1, character: last.length };
    result[i] = { start, end };
    lineDelta += lines.length - 1 - (range.end.line - range.start.line);
    previousOldEnd = range.end;
    previousNewEnd = end;
  }
  return result;
}

/** What the server is told about one insertion (the `source` of the notice). */
export type InsertionSource =
  | { kind: 'paste'; source: { kind: 'workspace' | 'external'; uri?: string } }
  | { kind: 'completion'; source: { tool: string; model?: string } };

/** A notice to send right after the didChange that carried the insertion. */
export interface Notice {
  method: 'aiprov/didPaste' | 'aiprov/didInsertCompletion';
  params: {
    textDocument: { uri: string };
    range: Range;
    source: Record<string, string>;
  };
}

/**
 * An insertion the extension is waiting to see in a document's next edit.
 * A paste names the ranges it replaces (what `provideDocumentPasteEdits`
 * receives), so only the edit replacing exactly those is taken as the
 * paste; a completion takes the next edit of its document whatever it is.
 */
export interface ExpectedInsertion {
  uri: string;
  what: InsertionSource;
  /** Ranges the paste replaces, before the edit; absent for a completion. */
  ranges?: readonly Range[];
  /** Milliseconds since the epoch after which the expectation is dropped. */
  expires: number;
}

/**
 * Expected insertions, matched against the edits of each document as they
 * arrive. Keyed by the URI string the caller uses for both sides.
 */
export class InsertionTracker {
  private expected: ExpectedInsertion[] = [];

  expect(insertion: ExpectedInsertion): void {
    this.expected.push(insertion);
  }

  /** Pending expectations (for tests and diagnostics). */
  get pending(): readonly ExpectedInsertion[] {
    return this.expected;
  }

  /**
   * The notices for one edit of `uri` (its changes as VS Code lists them),
   * consuming the expectations it settles. A completion's expectation is
   * settled by the next edit of its document even when that inserted
   * nothing (the suggestion was gone); a paste's only by the edit replacing
   * its ranges, or by expiring.
   */
  noticesForEdit(uri: string, changes: readonly TextChange[], now: number): Notice[] {
    this.expected = this.expected.filter((e) => e.expires >= now);
    const after = rangesAfterEdit(changes);
    const notices: Notice[] = [];
    const remaining: ExpectedInsertion[] = [];
    for (const e of this.expected) {
      if (e.uri !== uri) {
        remaining.push(e);
        continue;
      }
      const matched: number[] = [];
      changes.forEach((change, i) => {
        if (change.text === '') return;
        if (e.ranges === undefined || e.ranges.some((r) => rangesEqual(r, change.range))) matched.push(i);
      });
      if (e.ranges !== undefined && matched.length === 0) {
        remaining.push(e);
        continue;
      }
      for (const i of matched) {
        notices.push(
          e.what.kind === 'paste'
            ? {
                method: 'aiprov/didPaste',
                params: { textDocument: { uri }, range: after[i], source: { ...e.what.source } },
              }
            : {
                method: 'aiprov/didInsertCompletion',
                params: { textDocument: { uri }, range: after[i], source: { ...e.what.source } },
              },
        );
      }
    }
    this.expected = remaining;
    return notices;
  }
}
