// config.ts is the only file of src/ that reads the settings or listens for
// their changes, so no other file repeats a default or a setting's name
// outside the typed table (src/settings.ts).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const src = path.resolve(__dirname, '../../../src');
const reads = /\b(getConfiguration|onDidChangeConfiguration|affectsConfiguration)\s*\(/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('config.ts', () => {
  it('is the only file in src/ that reads the configuration', () => {
    const readers = sources(src)
      .filter((file) => reads.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(src, file));
    assert.deepStrictEqual(readers, ['config.ts']);
  });
});
