// `npm run package` builds the .vsix users install: it must hold the bundles, the seeds and the docs, and
// nothing else (no sources, no node_modules), and stay small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { listZip } from './zip';

const root = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; main: string; scripts: Record<string, string> };

test('npm run package (its vsce step, on the build) makes a .vsix with the bundles, seeds and docs only (README links included), under 2 MB', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-vsix-'));
  try {
    const out = join(dir, `${pkg.name}-${pkg.version}.vsix`);
    // `npm run package` is `npm run build && vsce package …`; npm test has built already, and rebuilding
    // here could race other test files reading dist/, so run its vsce command (same flags) on the build.
    const vsce = pkg.scripts.package.split('&&').map((c) => c.trim()).find((c) => c.startsWith('vsce '));
    assert.ok(vsce, `the package script does not run vsce: ${pkg.scripts.package}`);
    const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
    const r = spawnSync(`${vsce} --out '${out}'`, { cwd: root, encoding: 'utf8', shell: true, env });
    assert.equal(r.status, 0, `${vsce} failed:\n${r.stdout}\n${r.stderr}`);
    const size = statSync(out).size;
    assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${size} bytes, over 2 MB`);

    const entries = listZip(out);
    const names = entries.map((e) => e.name).sort();
    const inExt = names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    assert.deepEqual(names.filter((n) => !n.startsWith('extension/')).sort(), ['[Content_Types].xml', 'extension.vsixmanifest']);

    const seeds = readdirSync(join(root, 'seeds')).filter((f) => statSync(join(root, 'seeds', f)).isFile()).map((f) => `seeds/${f}`);
    assert.ok(seeds.length > 0, 'the repository has no bundled seeds');
    const required = ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/client.js', 'dist/server.js', 'dist/cli.js', ...seeds];
    for (const f of required) assert.ok(inExt.includes(f), `${f} is missing from the .vsix; it holds:\n${inExt.join('\n')}`);
    const allowed = (f: string) => required.includes(f) || /^images\/[\w.-]+\.png$/.test(f) || /^docs\/[\w.-]+\.md$/.test(f);
    assert.deepEqual(inExt.filter((f) => !allowed(f)), [], 'the .vsix holds files it should not');
    assert.ok(!names.some((n) => /node_modules|\.ts$|\.map$|(^|\/)(src|test|scripts|examples)\//.test(n)), 'sources or node_modules in the .vsix');

    // The packed files are the built ones, byte for byte in size; the manifest's main is among them.
    const sizeOf = new Map(entries.map((e) => [e.name.slice('extension/'.length), e.size]));
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js', ...seeds]) assert.equal(sizeOf.get(f), statSync(join(root, f)).size, `${f} differs from the built file`);
    assert.ok(inExt.includes(pkg.main.replace(/^\.\//, '')), `main ${pkg.main} is not packed`);
    // The README's relative images (its tour) are in the package, so the extension page shows them.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((u) => !/^[a-z]+:/i.test(u));
    for (const img of images) assert.ok(inExt.includes(img.replace(/^\.\//, '')), `README image ${img} is not in the .vsix`);
    // Its relative links to other documents (docs/) are packed too, so they open from the extension page.
    const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)].map((m) => m[1]).filter((u) => !/^[a-z]+:/i.test(u));
    assert.ok(links.some((u) => u.startsWith('docs/')), 'the README links no document under docs/');
    for (const link of links) assert.ok(inExt.includes(link.replace(/^\.\//, '')), `README link ${link} is not in the .vsix`);
    // The server bundle carries its dependencies (packaged with --no-dependencies): it must not be a stub.
    assert.ok((sizeOf.get('dist/server.js') ?? 0) > 50_000, 'dist/server.js looks unbundled');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no regular expression with Unicode property escapes is written inside a function of the server (the bundle would build it at every call)', () => {
  // esbuild writes a literal such as /^\p{Lu}/u as `new RegExp("^\\p{Lu}", "u")`: at module level that is
  // built once, inside a function at every call (one in the name comparisons once cost seconds a megabyte).
  const literal = /(?:^|[=(,:!&|?\s])\/(?:[^/\n\\]|\\.)*\\p\{(?:[^/\n\\]|\\.)*\/[dgimsuy]*/;
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts'))
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            // (an indented line that is not a comment: inside a function, a class or a multi-line constant)
            if (/^\s+(?!\/\/|\*|\/\*)/.test(line) && literal.test(line)) found.push(`${path.slice(root.length + 1)}:${i + 1}: ${line.trim()}`);
          });
    }
  };
  walk(join(root, 'server', 'src'));
  assert.deepEqual(found, [], 'make these module constants');
});
