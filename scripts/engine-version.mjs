// The engine's fingerprint, which keys the persisted index: its sources and the date parser's version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export function engineVersion() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const h = createHash('sha256');
  const dir = new URL('../server/src/engine/', import.meta.url);
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(new URL(f, dir)));
  h.update(JSON.parse(readFileSync(new URL('../node_modules/chrono-node/package.json', import.meta.url), 'utf8')).version);
  return `${pkg.version}+${h.digest('hex').slice(0, 16)}`;
}
