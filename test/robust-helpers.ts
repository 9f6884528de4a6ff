// Shared helpers for the robustness tests: a temp folder with the bundled seed and a known draft,
// and a runner for the built CLI (dist/cli.js) that never hangs a test.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';

export const ROOT = resolve(__dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SEED = join(ROOT, 'seeds', '000_f8f410645ccb42d2.txt');
export const SEED_TEXT = readFileSync(SEED, 'utf8');

/** A draft with one known finding against the bundled seed: "Hakan Fiden" for "Hakan Fidan". */
export const DRAFT_TEXT = `---
date: 2023-12-05
---
# Gaza toll keeps rising

Authorities in Gaza said on Tuesday that the death toll from Israeli attacks had risen past 15,800 since Oct. 7.

Foreign Minister Hakan Fiden, who held talks in London last month, renewed calls for a cease-fire.
`;
/** What the CLI prints for that finding (line 8, column 18). */
export const KNOWN_FINDING = /:8:18: error \[name\] The seeds spell this name Hakan Fidan, not Hakan Fiden\./;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

export function runCli(args: string[], options: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, ...options });
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), signal: r.signal };
}

/** Every stderr line is one "factdesk: ..." line; no stack trace, no Node warning. */
export function assertCleanStderr(stderr: string): void {
  for (const line of stderr.split('\n').filter(Boolean)) {
    assert.match(line, /^factdesk: /, `unexpected stderr line: ${line}`);
    assert.doesNotMatch(line, /\bat .+:\d+:\d+\)?$|Error:|node:internal/, `stack trace on stderr: ${line}`);
  }
}

export class TempDir {
  readonly path: string;
  constructor(prefix = 'factdesk-robust-') {
    this.path = mkdtempSync(join(tmpdir(), prefix));
  }
  dir(...parts: string[]): string {
    const p = join(this.path, ...parts);
    mkdirSync(p, { recursive: true });
    return p;
  }
  file(rel: string, content: string | Uint8Array): string {
    const p = join(this.path, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
    return p;
  }
  /** A seed folder holding the bundled seed (as good.txt). */
  seeds(name = 'seeds'): string {
    const d = this.dir(name);
    copyFileSync(SEED, join(d, 'good.txt'));
    return d;
  }
  draft(name = 'draft.md', text = DRAFT_TEXT): string {
    return this.file(name, text);
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
