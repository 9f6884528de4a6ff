// Bundles the VS Code client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { engineVersion as computeEngineVersion } from './engine-version.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const engineVersion = computeEngineVersion();
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
// esbuild writes files without the execute bit; `npx factdesk` and the package's bin need it.
chmodSync('dist/cli.js', 0o755);
if (watch) console.log('watch mode is not supported; run npm run build again');
