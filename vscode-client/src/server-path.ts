// Finds the `aiprov` executable the setting names, before starting it, so a
// missing server is reported as such (with the setting to change) instead of
// as a connection error. Pure node (no `vscode` import): unit-tested.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type Resolution = { ok: true; path: string } | { ok: false; message: string };

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `setting` as the user wrote `aiprov.path`: `~/…` is the home directory; a
 * value with a slash is a path (relative ones against `baseDir`, the first
 * workspace folder); a bare name is looked up on `searchPath` (PATH).
 */
export function resolveServerPath(setting: string, searchPath: string | undefined, baseDir: string | undefined): Resolution {
  let value = setting.trim() || 'aiprov';
  if (value === '~' || value.startsWith('~/')) value = path.join(os.homedir(), value.slice(1));
  if (value.includes('/') || value.includes(path.sep)) {
    const file = path.isAbsolute(value) ? value : path.resolve(baseDir ?? process.cwd(), value);
    if (isExecutableFile(file)) return { ok: true, path: file };
    return {
      ok: false,
      message: fs.existsSync(file)
        ? `'${file}' (setting aiprov.path) is not an executable file`
        : `'${file}' (setting aiprov.path) does not exist`,
    };
  }
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, value);
    if (isExecutableFile(file)) return { ok: true, path: file };
  }
  return { ok: false, message: `'${value}' (setting aiprov.path) was not found on PATH` };
}
