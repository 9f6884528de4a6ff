// Trust: the manifest declares what works in Restricted Mode, and every setting that names a
// place on disk is among the settings VS Code ignores from an untrusted workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './robust-helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('untrustedWorkspaces: limited, with a description and existing restricted settings', () => {
  const u = pkg.capabilities?.untrustedWorkspaces;
  assert.equal(u?.supported, 'limited');
  assert.ok(typeof u.description === 'string' && u.description.length > 40);
  const props = Object.keys(pkg.contributes.configuration.properties ?? {});
  assert.ok(u.restrictedConfigurations.length > 0);
  for (const key of u.restrictedConfigurations) assert.ok(props.includes(key), `${key} is not a contributed setting`);
});

test('every setting that names a path, folder or cache is restricted', () => {
  const restricted = new Set(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations);
  for (const [key, schema] of Object.entries<{ description?: string; markdownDescription?: string }>(pkg.contributes.configuration.properties)) {
    const text = `${key} ${schema.description ?? ''} ${schema.markdownDescription ?? ''}`;
    const last = key.split('.').pop() ?? key;
    if (/(?:paths?|folders?|dirs?|directory|cache)$/i.test(last) || /\b(?:folder|directory|path)s? (?:to|of|where)\b/i.test(text)) assert.ok(restricted.has(key), `${key} should be in restrictedConfigurations`);
  }
});
