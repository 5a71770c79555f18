// Decorations from `aiprov/regions`, like vscode-clangd's inactive regions:
// a gutter mark and an overview-ruler colour per region state (reviewed,
// unreviewed, forbidden). Colours are theme colours contributed in
// package.json (`aiprov.reviewedRegion`, …), so themes can change them; the
// gutter bars come in a light and a dark variant. VS Code moves decorations
// with the text as it is edited, and each publish of the server brings the
// regions it now sees (RegionStore), so the marks follow the regions.
// `aiprov.decorations.enabled` turns them off.

import * as vscode from 'vscode';
import * as config from './config';
import { AiprovContext } from './context';
import { RegionState, regionState, linesOf } from './regions';
import { RegionStore } from './region-store';

const states: RegionState[] = ['reviewed', 'unreviewed', 'forbidden'];

function createDecorationTypes(context: vscode.ExtensionContext): Map<RegionState, vscode.TextEditorDecorationType> {
  const types = new Map<RegionState, vscode.TextEditorDecorationType>();
  for (const state of states) {
    types.set(
      state,
      vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        overviewRulerColor: new vscode.ThemeColor(`aiprov.${state}Region`),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        light: { gutterIconPath: vscode.Uri.joinPath(context.extensionUri, 'media', `gutter-${state}-light.svg`) },
        dark: { gutterIconPath: vscode.Uri.joinPath(context.extensionUri, 'media', `gutter-${state}-dark.svg`) },
        gutterIconSize: 'contain',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
  }
  return types;
}

/** The ranges to decorate in `editor`, per state (also in the API, for the end-to-end test). */
export function decorationRanges(store: RegionStore, editor: vscode.TextEditor): Map<RegionState, vscode.Range[]> {
  const ranges = new Map<RegionState, vscode.Range[]>(states.map((s) => [s, []]));
  const result = store.get(editor.document.uri);
  if (!result) return ranges;
  for (const region of result.regions) {
    const [first, last] = linesOf(region.range);
    ranges.get(regionState(region))!.push(new vscode.Range(first, 0, last, 0));
  }
  return ranges;
}

export function activate({ extension, store }: AiprovContext): void {
  const types = createDecorationTypes(extension);
  const decorate = (editor: vscode.TextEditor): void => {
    const ranges = config.get('decorations.enabled') ? decorationRanges(store, editor) : undefined;
    for (const state of states) editor.setDecorations(types.get(state)!, ranges?.get(state) ?? []);
  };
  const decorateAll = (): void => vscode.window.visibleTextEditors.forEach(decorate);
  extension.subscriptions.push(
    ...types.values(),
    store.onDidChange((uri) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) decorate(editor);
    }),
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    config.onDidChange(['decorations.enabled'], decorateAll),
  );
  decorateAll();
}
