// The extension's settings and their defaults, taken from package.json's
// `contributes.configuration` so the defaults live in one place: VS Code
// shows and applies those, and the code falls back on the same values. The
// interface gives each setting its type; a default of another type in
// package.json does not compile. Pure (no `vscode` import): unit-tested
// against package.json (test/unit/settings.test.ts). config.ts reads them.

import { contributes } from '../package.json';

/** Each `aiprov.*` setting, without the `aiprov.` prefix, and its type. */
export interface Settings {
  path: string;
  arguments: string[];
  /** Read by vscode-languageclient itself (the client's id is `aiprov`). */
  'trace.server': string;
  'decorations.enabled': boolean;
  'paste.capture': boolean;
  'completion.capture': boolean;
  'completion.tool': string;
  'completion.model': string;
  'annotate.tools': string[];
}

export type SettingName = keyof Settings;

/** The section every setting is under. */
export const section = 'aiprov';

const declared = contributes.configuration.properties;

export const defaults: Readonly<Settings> = {
  path: declared['aiprov.path'].default,
  arguments: declared['aiprov.arguments'].default,
  'trace.server': declared['aiprov.trace.server'].default,
  'decorations.enabled': declared['aiprov.decorations.enabled'].default,
  'paste.capture': declared['aiprov.paste.capture'].default,
  'completion.capture': declared['aiprov.completion.capture'].default,
  'completion.tool': declared['aiprov.completion.tool'].default,
  'completion.model': declared['aiprov.completion.model'].default,
  'annotate.tools': declared['aiprov.annotate.tools'].default,
};
