// Trust: the manifest declares what works in Restricted Mode, and every setting that names a
// place on disk is among the settings VS Code ignores from an untrusted workspace. When the language
// server stops, the VS Code client restarts it and says so, up to 5 times in 3 minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './robust-helpers';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../client/src/restartPolicy';

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

test('a server that stops is restarted, with a message each time, up to 5 times in 3 minutes; then a clear message that it stays stopped', () => {
  assert.equal(MAX_RESTARTS, 5);
  assert.equal(RESTART_WINDOW_MS, 3 * 60 * 1000);
  const policy = new RestartPolicy();
  const t0 = 1_000_000;
  for (let i = 1; i <= 5; i++) {
    const d = policy.serverStopped(t0 + i * 10_000);
    assert.equal(d.restart, true, `stop ${i}`);
    assert.equal(d.message, `FactDesk's language server stopped and was restarted (${i} of at most 5 restarts in 3 minutes).`);
  }
  const last = policy.serverStopped(t0 + 60_000);
  assert.equal(last.restart, false);
  assert.equal(last.message, "FactDesk's language server stopped 6 times in 3 minutes and will not be restarted. The FactDesk log (FactDesk: Show Log) says why; reload the window to start it again.");
});

test('stops spread over time are always restarted: only those in the last 3 minutes count', () => {
  const policy = new RestartPolicy();
  for (let i = 0; i < 20; i++) assert.equal(policy.serverStopped(i * 40_000).restart, true, `stop ${i} (40 s apart: at most 5 in any 3 minutes)`);
  const burst = new RestartPolicy(2, 1000);
  assert.deepEqual([0, 100, 200].map((t) => burst.serverStopped(t).restart), [true, true, false]);
  assert.equal(new RestartPolicy(2, 1000).serverStopped(5000).restart, true);
  const later = new RestartPolicy(2, 1000);
  for (const t of [0, 100]) later.serverStopped(t);
  assert.equal(later.serverStopped(1100).restart, true, 'the first two stops are out of the window');
});

test('the restart policy has no vscode import (it runs in these tests), and the client uses it for its error handler', () => {
  const policy = readFileSync(join(ROOT, 'client', 'src', 'restartPolicy.ts'), 'utf8');
  assert.doesNotMatch(policy, /from ['"]vscode/);
  const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  assert.match(client, /errorHandler: \{/);
  assert.match(client, /restarts\.serverStopped\(Date\.now\(\)\)/);
  assert.match(client, /CloseAction\.Restart : CloseAction\.DoNotRestart/);
  assert.ok(readFileSync(join(ROOT, 'dist', 'client.js'), 'utf8').includes('stopped and was restarted'), 'the built client holds the message');
});
