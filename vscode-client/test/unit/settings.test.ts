// The settings' defaults the code falls back on (src/settings.ts) are the
// ones package.json declares, which VS Code shows and applies: same names,
// same values, none missing on either side. package.json is read from disk
// here, not through settings.ts's import, so an edit to either alone fails.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaults, section } from '../../src/settings';

interface Property {
  type: string;
  default: unknown;
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
const declared: Record<string, Property> = manifest.contributes.configuration.properties;

describe('settings', () => {
  it('has every setting package.json declares, and no other', () =>
    assert.deepStrictEqual(
      Object.keys(defaults).map((name) => `${section}.${name}`).sort(),
      Object.keys(declared).sort(),
    ));
  for (const [name, value] of Object.entries(defaults)) {
    it(`defaults ${section}.${name} to package.json's default`, () =>
      assert.deepStrictEqual(value, declared[`${section}.${name}`]?.default));
  }
  for (const [key, property] of Object.entries(declared)) {
    it(`declares a default of ${key}'s type in package.json`, () =>
      assert.strictEqual(Array.isArray(property.default) ? 'array' : typeof property.default, property.type));
  }
});
