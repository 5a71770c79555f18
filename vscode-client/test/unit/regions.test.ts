// The state each region's decoration shows and the AI-assisted share in the
// status bar, from aiprov/regions results shaped as docs/lsp.md shows them.

import * as assert from 'assert';
import { aiShare, countByState, describeRegion, linesOf, Region, regionState } from '../../src/regions';

function region(first: number, last: number, fields: Partial<Region> = {}): Region {
  return {
    range: { start: { line: first, character: 0 }, end: { line: last, character: 15 } },
    source: 'annotation',
    tool: 'claude-code',
    review: 'unreviewed',
    verdict: 'review',
    lineCount: last - first + 1,
    unknownPaste: false,
    checks: [],
    ...fields,
  };
}

describe('regionState', () => {
  const cases: Array<[string, Partial<Region>, string]> = [
    ['reviewed', { review: 'reviewed' }, 'reviewed'],
    ['unreviewed', { review: 'unreviewed', checks: ['aiprov-unreviewed-region'] }, 'unreviewed'],
    ['stale review', { review: 'stale', checks: ['aiprov-stale-review'] }, 'unreviewed'],
    ['forbidden by the policy', { verdict: 'forbid', review: 'reviewed' }, 'forbidden'],
    ['forbidden by its check', { checks: ['aiprov-forbidden-region'] }, 'forbidden'],
    ['unknown paste', { source: 'ledger', unknownPaste: true, review: 'reviewed', verdict: 'allow' }, 'unreviewed'],
    ['unknown paste in a forbidden path', { source: 'ledger', unknownPaste: true, verdict: 'forbid', checks: ['aiprov-unknown-paste'] }, 'unreviewed'],
  ];
  for (const [name, fields, state] of cases) it(`${name} is ${state}`, () => assert.strictEqual(regionState(region(1, 2, fields)), state));
});

describe('linesOf', () => {
  it('takes the end line', () => assert.deepStrictEqual(linesOf(region(3, 5).range), [3, 5]));
  it('drops a last line the range ends at column 0 of', () =>
    assert.deepStrictEqual(linesOf({ start: { line: 3, character: 0 }, end: { line: 6, character: 0 } }), [3, 5]));
  it('keeps a one-line empty range', () =>
    assert.deepStrictEqual(linesOf({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }), [3, 3]));
});

describe('aiShare', () => {
  it('counts each line once across overlapping regions', () => {
    const share = aiShare([region(0, 9), region(5, 14), region(5, 6)], 40);
    assert.deepStrictEqual(share, { aiLines: 15, totalLines: 40, percent: 38 });
  });
  it('does not count unknown or external pastes', () => {
    const share = aiShare(
      [region(0, 9, { source: 'ledger', unknownPaste: true }), region(10, 19, { source: 'ledger', origin: 'paste' }), region(20, 21, { source: 'ledger', origin: 'completion' })],
      100,
    );
    assert.deepStrictEqual(share, { aiLines: 2, totalLines: 100, percent: 2 });
  });
  it('is 0 for an empty document', () => assert.deepStrictEqual(aiShare([], 0), { aiLines: 0, totalLines: 0, percent: 0 }));
  it('ignores lines past the end of the document', () => assert.strictEqual(aiShare([region(8, 20)], 10).aiLines, 2));
  it('the eval task: 6 of 20 lines', () => assert.strictEqual(aiShare([region(10, 15, { verdict: 'forbid' }), region(18, 19, { tool: 'copilot' })], 20).percent, 40));
});

describe('describeRegion and countByState', () => {
  it('describes a region on one line, 1-based', () =>
    assert.strictEqual(
      describeRegion(region(10, 15, { model: 'claude-sonnet-4', origin: 'agent', verdict: 'forbid' })),
      'L11-16 claude-code (claude-sonnet-4) agent · unreviewed · forbid',
    ));
  it('names an unknown paste', () =>
    assert.strictEqual(describeRegion(region(4, 4, { source: 'ledger', tool: 'unknown', unknownPaste: true })), 'L5 paste of unknown origin · unreviewed · review'));
  it('counts per state', () =>
    assert.deepStrictEqual(countByState([region(0, 1, { review: 'reviewed' }), region(2, 3), region(4, 5, { verdict: 'forbid' })]), {
      reviewed: 1,
      unreviewed: 1,
      forbidden: 1,
    }));
});
