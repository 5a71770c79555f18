// The regions of one document as `aiprov/regions` returns them
// (docs/lsp.md), and what the extension derives from them: the state a
// decoration shows and the AI-assisted share in the status bar. Pure logic
// (no `vscode` import) so the unit tests run in plain node.

import type { Range } from './insertions';

export interface Region {
  range: Range;
  source: 'annotation' | 'pragma' | 'attribute' | 'ledger' | string;
  tool: string;
  model?: string;
  origin?: string;
  review: 'reviewed' | 'unreviewed' | 'stale' | string;
  verdict: 'allow' | 'review' | 'forbid' | string;
  lineCount: number;
  unknownPaste: boolean;
  checks: string[];
}

export interface RegionsResult {
  uri: string;
  version: number | null;
  regions: Region[];
}

/** What a region's gutter mark and overview-ruler colour show. */
export type RegionState = 'reviewed' | 'unreviewed' | 'forbidden';

/**
 * An unknown paste is not known to be AI's, so never forbidden: it needs a
 * look, like an unreviewed region. Any other region is forbidden when the
 * file's policy forbids AI-assisted code (or the server reports it as
 * forbidden), else reviewed only when its review is current (a stale review
 * is unreviewed).
 */
export function regionState(region: Region): RegionState {
  if (region.unknownPaste) return 'unreviewed';
  if (region.verdict === 'forbid' || region.checks.includes('aiprov-forbidden-region')) return 'forbidden';
  return region.review === 'reviewed' ? 'reviewed' : 'unreviewed';
}

/**
 * Whether a region counts as AI-assisted: an unknown paste is shown but not
 * counted, nor is a ledger record of a plain paste (origin `paste`,
 * contributor unknown: not known to be AI's).
 */
export function countsAsAiAssisted(region: Region): boolean {
  return !region.unknownPaste && !(region.source === 'ledger' && region.origin === 'paste');
}

/** The 0-based lines a range takes: one ending at column 0 of a later line does not take that line. */
export function linesOf(range: Range): [number, number] {
  const last = range.end.line > range.start.line && range.end.character === 0 ? range.end.line - 1 : range.end.line;
  return [range.start.line, last];
}

export interface Share {
  /** Lines in at least one AI-assisted region, each counted once. */
  aiLines: number;
  /** Lines of the document (a final empty line after the last newline not counted). */
  totalLines: number;
  /** aiLines / totalLines in percent, rounded; 0 for an empty document. */
  percent: number;
}

/** The AI-assisted share of a document of `totalLines` lines. */
export function aiShare(regions: readonly Region[], totalLines: number): Share {
  const covered = new Set<number>();
  for (const region of regions) {
    if (!countsAsAiAssisted(region)) continue;
    const [first, last] = linesOf(region.range);
    for (let line = Math.max(first, 0); line <= last && line < totalLines; ++line) covered.add(line);
  }
  const aiLines = covered.size;
  return { aiLines, totalLines, percent: totalLines > 0 ? Math.round((100 * aiLines) / totalLines) : 0 };
}

/** One line about a region, for lists and logs: `L11-16 claude-code (claude-sonnet-4) agent · unreviewed · forbid`. */
export function describeRegion(region: Region): string {
  const [first, last] = linesOf(region.range);
  const lines = first === last ? `L${first + 1}` : `L${first + 1}-${last + 1}`;
  const who = region.unknownPaste
    ? 'paste of unknown origin'
    : `${region.tool}${region.model ? ` (${region.model})` : ''}${region.origin ? ` ${region.origin}` : ''}`;
  return `${lines} ${who} · ${region.review} · ${region.verdict}`;
}

/** Counts of regions per state, e.g. for a tooltip. */
export function countByState(regions: readonly Region[]): Record<RegionState, number> {
  const counts: Record<RegionState, number> = { reviewed: 0, unreviewed: 0, forbidden: 0 };
  for (const region of regions) ++counts[regionState(region)];
  return counts;
}
