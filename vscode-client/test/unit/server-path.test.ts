// How `aiprov.path` is resolved before the server starts, so a missing
// server is reported with the setting to change.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveServerPath } from '../../src/server-path';

describe('resolveServerPath', () => {
  let dir: string;
  let bin: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiprov-path-'));
    bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'aiprov'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'notexec'), '', { mode: 0o644 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds a bare name on PATH', () =>
    assert.deepStrictEqual(resolveServerPath('aiprov', `/nonexistent${path.delimiter}${bin}`, undefined), { ok: true, path: path.join(bin, 'aiprov') }));
  it('defaults an empty setting to aiprov', () => assert.strictEqual(resolveServerPath('  ', bin, undefined).ok, true));
  it('reports a bare name missing from PATH', () =>
    assert.deepStrictEqual(resolveServerPath('aiprov', '/nonexistent', undefined), {
      ok: false,
      message: "'aiprov' (setting aiprov.path) was not found on PATH",
    }));
  it('takes an absolute path', () =>
    assert.deepStrictEqual(resolveServerPath(path.join(bin, 'aiprov'), '', undefined), { ok: true, path: path.join(bin, 'aiprov') }));
  it('resolves a relative path against the workspace folder', () =>
    assert.deepStrictEqual(resolveServerPath('bin/aiprov', '', dir), { ok: true, path: path.join(bin, 'aiprov') }));
  it('reports a path that does not exist', () => {
    const result = resolveServerPath(path.join(dir, 'build/bin/aiprov'), '', undefined);
    assert.strictEqual(result.ok, false);
    assert.match((result as { message: string }).message, /does not exist$/);
  });
  it('reports a file that is not executable', () => {
    const result = resolveServerPath(path.join(bin, 'notexec'), '', undefined);
    assert.match((result as { message: string }).message, /is not an executable file$/);
  });
  it('reports a directory', () => assert.strictEqual(resolveServerPath(bin, '', undefined).ok, false));
  it('expands ~', () => {
    const result = resolveServerPath('~/surely-not-here/aiprov', '', undefined);
    assert.match((result as { message: string }).message, new RegExp(`^'${os.homedir()}/surely-not-here/aiprov'`));
  });
});
