// Where a paste or completion is after its edit, and which edit is the
// paste: the ranges the extension puts in aiprov/didPaste and
// aiprov/didInsertCompletion (docs/lsp.md).

import * as assert from 'assert';
import { countLines, InsertionTracker, rangesAfterEdit, Range, TextChange } from '../../src/insertions';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});
const tenLines = Array.from({ length: 10 }, (_, i) => `int pasted${i} = ${i};`).join('\n') + '\n';

describe('countLines', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\nb', 2],
    ['a\nb\n', 2],
    ['a\r\nb\r\n', 2],
    ['\n\n', 2],
    [tenLines, 10],
  ];
  for (const [text, lines] of cases) it(`${JSON.stringify(text).slice(0, 20)} has ${lines} lines`, () => assert.strictEqual(countLines(text), lines));
});

describe('rangesAfterEdit', () => {
  const cases: Array<{ name: string; changes: TextChange[]; after: Range[] }> = [
    { name: 'insertion at a line start', changes: [{ range: r(5, 0, 5, 0), text: tenLines }], after: [r(5, 0, 15, 0)] },
    { name: 'insertion mid-line without newline', changes: [{ range: r(2, 4, 2, 4), text: 'abc' }], after: [r(2, 4, 2, 7)] },
    { name: 'replacement of a selection', changes: [{ range: r(3, 0, 7, 2), text: 'x\ny' }], after: [r(3, 0, 4, 1)] },
    { name: 'deletion', changes: [{ range: r(3, 0, 4, 0), text: '' }], after: [r(3, 0, 3, 0)] },
    {
      name: 'two cursors, listed bottom first as VS Code does',
      changes: [
        { range: r(10, 0, 10, 0), text: 'a\nb\n' },
        { range: r(2, 0, 2, 0), text: 'c\nd\ne\n' },
      ],
      after: [r(13, 0, 15, 0), r(2, 0, 5, 0)],
    },
    {
      name: 'two changes on one line',
      changes: [
        { range: r(1, 8, 1, 9), text: 'XY' },
        { range: r(1, 2, 1, 4), text: 'p\nq' },
      ],
      after: [r(2, 5, 2, 7), r(1, 2, 2, 1)],
    },
    { name: 'CRLF text', changes: [{ range: r(0, 0, 0, 0), text: 'a\r\nbb' }], after: [r(0, 0, 1, 2)] },
    { name: 'UTF-16 units', changes: [{ range: r(0, 0, 0, 0), text: 'é😀' }], after: [r(0, 0, 0, 3)] },
  ];
  for (const c of cases) it(c.name, () => assert.deepStrictEqual(rangesAfterEdit(c.changes), c.after));
});

describe('InsertionTracker', () => {
  const uri = 'file:///w/evals/tasks/arithmetic_task.cpp';

  it('turns the edit replacing the pasted-over range into a didPaste notice at its new place', () => {
    const tracker = new InsertionTracker();
    tracker.expect({ uri, what: { kind: 'paste', source: { kind: 'external' } }, ranges: [r(5, 0, 5, 0)], expires: 100 });
    const notices = tracker.noticesForEdit(uri, [{ range: r(5, 0, 5, 0), text: tenLines }], 50);
    assert.deepStrictEqual(notices, [
      { method: 'aiprov/didPaste', params: { textDocument: { uri }, range: r(5, 0, 15, 0), source: { kind: 'external' } } },
    ]);
    assert.strictEqual(tracker.pending.length, 0);
  });

  it('keeps a paste expectation across an unrelated edit of the document', () => {
    const tracker = new InsertionTracker();
    tracker.expect({ uri, what: { kind: 'paste', source: { kind: 'workspace', uri: 'file:///w/a.cpp' } }, ranges: [r(5, 0, 6, 3)], expires: 100 });
    assert.deepStrictEqual(tracker.noticesForEdit(uri, [{ range: r(1, 0, 1, 0), text: 'x' }], 10), []);
    const notices = tracker.noticesForEdit(uri, [{ range: r(5, 0, 6, 3), text: 'a\nb\nc' }], 20);
    assert.strictEqual(notices.length, 1);
    assert.deepStrictEqual(notices[0].params.source, { kind: 'workspace', uri: 'file:///w/a.cpp' });
    assert.deepStrictEqual(notices[0].params.range, r(5, 0, 7, 1));
  });

  it('reports one notice per cursor of a multi-cursor paste', () => {
    const tracker = new InsertionTracker();
    tracker.expect({ uri, what: { kind: 'paste', source: { kind: 'external' } }, ranges: [r(2, 0, 2, 0), r(8, 0, 8, 0)], expires: 100 });
    const notices = tracker.noticesForEdit(
      uri,
      [
        { range: r(8, 0, 8, 0), text: 'a\nb\n' },
        { range: r(2, 0, 2, 0), text: 'c\nd\n' },
      ],
      1,
    );
    assert.deepStrictEqual(
      notices.map((n) => n.params.range),
      [r(10, 0, 12, 0), r(2, 0, 4, 0)],
    );
  });

  it('ignores other documents and drops expired expectations', () => {
    const tracker = new InsertionTracker();
    tracker.expect({ uri, what: { kind: 'paste', source: { kind: 'external' } }, ranges: [r(0, 0, 0, 0)], expires: 100 });
    assert.deepStrictEqual(tracker.noticesForEdit('file:///w/other.cpp', [{ range: r(0, 0, 0, 0), text: tenLines }], 50), []);
    assert.strictEqual(tracker.pending.length, 1);
    assert.deepStrictEqual(tracker.noticesForEdit(uri, [{ range: r(0, 0, 0, 0), text: tenLines }], 101), []);
    assert.strictEqual(tracker.pending.length, 0);
  });

  it('takes the next edit of the document as an accepted completion, whatever its range', () => {
    const tracker = new InsertionTracker();
    tracker.expect({ uri, what: { kind: 'completion', source: { tool: 'copilot', model: 'gpt-4o' } }, expires: 100 });
    const notices = tracker.noticesForEdit(uri, [{ range: r(4, 2, 4, 6), text: 'for (int i = 0; i < n; ++i)\n    sum += i;' }], 5);
    assert.deepStrictEqual(notices, [
      {
        method: 'aiprov/didInsertCompletion',
        params: { textDocument: { uri }, range: r(4, 2, 5, 13), source: { tool: 'copilot', model: 'gpt-4o' } },
      },
    ]);
    assert.deepStrictEqual(tracker.noticesForEdit(uri, [{ range: r(9, 0, 9, 0), text: 'x' }], 6), []);
  });

  it('settles a completion whose edit inserted nothing without a notice', () => {
    const tracker = new InsertionTracker();
    tracker.expect({ uri, what: { kind: 'completion', source: { tool: 'unknown' } }, expires: 100 });
    assert.deepStrictEqual(tracker.noticesForEdit(uri, [{ range: r(1, 0, 1, 3), text: '' }], 5), []);
    assert.strictEqual(tracker.pending.length, 0);
  });
});
