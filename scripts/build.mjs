// Bundles the VS Code client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
// The engine's fingerprint keys the persisted index: its sources and the date parser's version.
const engineHash = createHash('sha256');
const engineDir = new URL('../server/src/engine/', import.meta.url);
for (const f of readdirSync(engineDir).sort()) engineHash.update(f).update(readFileSync(new URL(f, engineDir)));
engineHash.update(JSON.parse(readFileSync(new URL('../node_modules/chrono-node/package.json', import.meta.url), 'utf8')).version);
const engineVersion = `${pkg.version}+${engineHash.digest('hex').slice(0, 16)}`;
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: false,
  minify: true,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  define: { FACTDESK_VERSION: JSON.stringify(pkg.version), FACTDESK_ENGINE_HASH: JSON.stringify(engineVersion) },
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
if (watch) console.log('watch mode is not supported; run npm run build again');
