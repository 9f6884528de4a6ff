// The workspace file .factdesk.json: claims the desk accepted, seeds to ignore, per-kind switches.
// Read by the language server and the CLI alike; written only when the user accepts a claim.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { FactKind, Finding } from './engine';
import { CHECK_KEYS, KINDS } from './settings';

export const WORKSPACE_FILE = '.factdesk.json';

export interface AcceptedClaim {
  kind: FactKind;
  /** The draft's wording that is accepted although the seeds say otherwise. */
  text: string;
  /** What the seeds said when it was accepted (optional: without it, the wording is accepted against any seed value). */
  expected?: string;
  note?: string;
}

export interface WorkspaceConfig {
  accepted: AcceptedClaim[];
  /** Seed files or folders (relative to the workspace root, or globs) that are not loaded. */
  ignoredSeeds: string[];
  /** Per-kind switches: false turns a kind off in this workspace. */
  checks: Partial<Record<FactKind, boolean>>;
}

export function emptyConfig(): WorkspaceConfig {
  return { accepted: [], ignoredSeeds: [], checks: {} };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses the file's text; malformed parts are skipped and described. */
export function parseWorkspaceConfig(text: string): { config: WorkspaceConfig; problems: string[] } {
  const config = emptyConfig();
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    problems.push(`${WORKSPACE_FILE} is not valid JSON (${(err as Error).message}); ignoring it`);
    return { config, problems };
  }
  if (!isRecord(raw)) {
    problems.push(`${WORKSPACE_FILE} should hold an object; ignoring it`);
    return { config, problems };
  }
  if (raw.accepted !== undefined) {
    if (!Array.isArray(raw.accepted)) problems.push(`${WORKSPACE_FILE}: "accepted" should be a list`);
    else
      raw.accepted.forEach((a, i) => {
        if (isRecord(a) && typeof a.text === 'string' && typeof a.kind === 'string' && (KINDS as string[]).includes(a.kind)) {
          config.accepted.push({
            kind: a.kind as FactKind,
            text: a.text,
            ...(typeof a.expected === 'string' ? { expected: a.expected } : {}),
            ...(typeof a.note === 'string' ? { note: a.note } : {}),
          });
        } else problems.push(`${WORKSPACE_FILE}: accepted[${i}] needs "kind" (name, title, date or figure) and "text"; skipped`);
      });
  }
  if (raw.ignoredSeeds !== undefined) {
    if (Array.isArray(raw.ignoredSeeds) && raw.ignoredSeeds.every((s) => typeof s === 'string')) config.ignoredSeeds = raw.ignoredSeeds;
    else problems.push(`${WORKSPACE_FILE}: "ignoredSeeds" should be a list of paths`);
  }
  if (raw.checks !== undefined) {
    if (!isRecord(raw.checks)) problems.push(`${WORKSPACE_FILE}: "checks" should be an object such as {"figures": false}`);
    else
      for (const [k, v] of Object.entries(raw.checks)) {
        const kind = KINDS.find((kd) => kd === k || CHECK_KEYS[kd] === k);
        if (!kind || typeof v !== 'boolean') problems.push(`${WORKSPACE_FILE}: checks.${k} is not a known switch (names, titles, dates, figures: true or false)`);
        else config.checks[kind] = v;
      }
  }
  return { config, problems };
}

/** Loads root/.factdesk.json if it exists. */
export function loadWorkspaceConfig(root: string): { config: WorkspaceConfig; problems: string[]; path: string; exists: boolean } {
  const path = join(root, WORKSPACE_FILE);
  if (!existsSync(path)) return { config: emptyConfig(), problems: [], path, exists: false };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { config: emptyConfig(), problems: [`cannot read ${path}: ${(err as Error).message}`], path, exists: true };
  }
  return { ...parseWorkspaceConfig(text), path, exists: true };
}

export function isAccepted(config: WorkspaceConfig, f: Pick<Finding, 'kind' | 'text' | 'expected'>): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return config.accepted.some((a) => a.kind === f.kind && norm(a.text) === norm(f.text) && (a.expected === undefined || norm(a.expected) === norm(f.expected)));
}

/** Records an accepted claim in root/.factdesk.json, keeping whatever else the file holds. */
export function acceptClaim(root: string, claim: AcceptedClaim): { path: string; added: boolean } {
  const path = join(root, WORKSPACE_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    const parsed = JSON.parse(text) as unknown; // a broken file is not overwritten: the caller reports the error
    if (!isRecord(parsed)) throw new Error(`${WORKSPACE_FILE} does not hold an object; not changing it`);
    raw = parsed;
  }
  const list = Array.isArray(raw.accepted) ? (raw.accepted as unknown[]) : [];
  const { config } = parseWorkspaceConfig(JSON.stringify({ accepted: list }));
  if (config.accepted.some((a) => a.kind === claim.kind && a.text === claim.text && a.expected === claim.expected)) return { path, added: false };
  list.push({ kind: claim.kind, text: claim.text, ...(claim.expected !== undefined ? { expected: claim.expected } : {}), ...(claim.note ? { note: claim.note } : {}) });
  raw.accepted = list;
  writeFileSync(path, JSON.stringify(raw, null, 2) + '\n');
  return { path, added: true };
}

/** Is this seed file ignored by the workspace file? Patterns are paths or globs relative to root. */
export function isSeedIgnored(config: WorkspaceConfig, root: string, seedPath: string, match: (glob: string, rel: string) => boolean): boolean {
  if (config.ignoredSeeds.length === 0) return false;
  const rel = relative(root, resolve(seedPath)).split(sep).join('/');
  for (const p of config.ignoredSeeds) {
    const pat = p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
    if (rel === pat || rel.startsWith(pat + '/') || resolve(root, p) === resolve(seedPath) || match(pat, rel)) return true;
  }
  return false;
}
