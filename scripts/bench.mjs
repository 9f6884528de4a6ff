// npm run bench [-- --quick] [-- --warm [--warm-count N]] [-- --sizes 10,100]
// Bundles scripts/bench.ts with esbuild (so that no TypeScript loader is timed) and runs it with node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineVersion } from './engine-version.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The bundle goes to a temporary folder of this checkout's own (node_modules may be shared by worktrees).
const outDir = join(tmpdir(), `factdesk-bench-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'bench.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
await build({
  entryPoints: [join(root, 'scripts', 'bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: { FACTDESK_VERSION: JSON.stringify(pkg.version), FACTDESK_ENGINE_HASH: JSON.stringify(engineVersion()) },
});
const r = spawnSync(process.execPath, ['--expose-gc', outfile, '--root', root, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
