// The one place that reads the extension's settings, as vscode-clangd's
// config.ts is for clangd's: typed by name (settings.ts), with package.json's
// defaults, and a change event per setting. Every other file asks here, so
// no file repeats a default (test/unit/config-only.test.ts checks that no
// other file reads the configuration).

import * as vscode from 'vscode';
import { SettingName, Settings, defaults, section } from './settings';

/** The value of `aiprov.<name>` (package.json's default when it is not set). */
export function get<K extends SettingName>(name: K): Settings[K] {
  return vscode.workspace.getConfiguration(section).get<Settings[K]>(name, defaults[name]);
}

/** Runs `listener` when one of `names` changes (in any scope). */
export function onDidChange(names: readonly SettingName[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (names.some((name) => e.affectsConfiguration(`${section}.${name}`))) listener();
  });
}
