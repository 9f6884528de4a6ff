// The BBC corpus beside the project (development machines only) and the built CLI, for the scripts that
// check drafts made from it (archive-check, paraphrase-check). Exits with a clear message without them.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const corpus = resolve(root, '..', 'shared', 'corpus', 'bbc');
export const cli = join(root, 'dist', 'cli.js');

/** The corpus's articles ({ name: "sport-005.txt", path }), in order; exits when the corpus or the CLI is missing. */
export function bbcArticles(script) {
  if (!existsSync(corpus)) {
    console.error(`${script}: ${corpus} is missing (the BBC corpus sits beside the project on development machines)`);
    process.exit(2);
  }
  if (!existsSync(cli)) {
    console.error(`${script}: run npm run build first`);
    process.exit(2);
  }
  return readdirSync(corpus)
    .filter((t) => existsSync(join(corpus, t)) && !t.includes('.'))
    .flatMap((t) => readdirSync(join(corpus, t)).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: `${t}-${f}`, path: join(corpus, t, f) })));
}
