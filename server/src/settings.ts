// The factdesk.* settings: their defaults, and a forgiving parser that reports what it could not use.
import type { FactKind, Severity } from './engine';

export type SeverityChoice = Severity | 'default';

export interface Settings {
  seedPaths: string[];
  enable: boolean;
  checks: Record<FactKind, boolean>;
  severity: Record<FactKind, SeverityChoice>;
  debounceMs: number;
  maxFileSize: number;
  draftGlobs: string[];
}

/** Setting names of the per-kind switches ("checks.names") by kind. */
export const CHECK_KEYS: Record<FactKind, string> = { name: 'names', title: 'titles', date: 'dates', figure: 'figures' };
export const KINDS: FactKind[] = ['name', 'title', 'date', 'figure'];
const SEVERITIES: SeverityChoice[] = ['default', 'error', 'warning', 'information', 'hint'];

export function defaultSettings(): Settings {
  return {
    seedPaths: [],
    enable: true,
    checks: { name: true, title: true, date: true, figure: true },
    severity: { name: 'default', title: 'default', date: 'default', figure: 'default' },
    debounceMs: 300,
    maxFileSize: 1_000_000,
    draftGlobs: ['**/*.md', '**/*.markdown', '**/*.txt'],
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a factdesk settings object (the `factdesk` section, or a flat object with dotted keys).
 * Anything malformed is replaced by its default and described in `problems`; nothing throws.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const s = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: s, problems };
  if (!isRecord(raw)) {
    problems.push(`the factdesk settings should be an object, not ${JSON.stringify(raw)}; using the defaults`);
    return { settings: s, problems };
  }
  // Accept both nested ({checks: {names: true}}) and flat ({"checks.names": true}) forms.
  const get = (path: string): unknown => {
    if (path in raw) return raw[path];
    const parts = path.split('.');
    let v: unknown = raw;
    for (const p of parts) {
      if (!isRecord(v)) return undefined;
      v = v[p];
    }
    return v;
  };
  const bad = (key: string, v: unknown, want: string, fallback: unknown) =>
    problems.push(`factdesk.${key} should be ${want}, not ${JSON.stringify(v)}; using ${JSON.stringify(fallback)}`);

  const seedPaths = get('seedPaths');
  if (seedPaths !== undefined) {
    if (Array.isArray(seedPaths) && seedPaths.every((p) => typeof p === 'string')) s.seedPaths = seedPaths.filter((p) => p.trim() !== '');
    else if (typeof seedPaths === 'string' && seedPaths.trim()) s.seedPaths = [seedPaths];
    else bad('seedPaths', seedPaths, 'a list of paths', s.seedPaths);
  }
  const enable = get('enable');
  if (enable !== undefined) {
    if (typeof enable === 'boolean') s.enable = enable;
    else bad('enable', enable, 'true or false', s.enable);
  }
  for (const kind of KINDS) {
    const key = `checks.${CHECK_KEYS[kind]}`;
    const v = get(key);
    if (v === undefined) continue;
    if (typeof v === 'boolean') s.checks[kind] = v;
    else bad(key, v, 'true or false', s.checks[kind]);
  }
  for (const kind of KINDS) {
    const key = `severity.${kind}`;
    const v = get(key);
    if (v === undefined) continue;
    if (typeof v === 'string' && (SEVERITIES as string[]).includes(v)) s.severity[kind] = v as SeverityChoice;
    else bad(key, v, `one of ${SEVERITIES.join(', ')}`, s.severity[kind]);
  }
  const debounce = get('debounceMs');
  if (debounce !== undefined) {
    if (typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 && debounce <= 60_000) s.debounceMs = Math.round(debounce);
    else bad('debounceMs', debounce, 'a number of milliseconds from 0 to 60000', s.debounceMs);
  }
  const max = get('maxFileSize');
  if (max !== undefined) {
    if (typeof max === 'number' && Number.isFinite(max) && max > 0) s.maxFileSize = Math.floor(max);
    else bad('maxFileSize', max, 'a positive number of bytes', s.maxFileSize);
  }
  const globs = get('draftGlobs');
  if (globs !== undefined) {
    if (Array.isArray(globs) && globs.every((g) => typeof g === 'string')) s.draftGlobs = globs;
    else bad('draftGlobs', globs, 'a list of glob patterns', s.draftGlobs);
  }
  return { settings: s, problems };
}

/** Merges setting sources: later ones win, key by key (objects merged one level deep). */
export function mergeRaw(...sources: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const src of sources) {
    if (!isRecord(src)) continue;
    for (const [k, v] of Object.entries(src)) {
      if (v === undefined || v === null) continue;
      out[k] = isRecord(v) && isRecord(out[k]) ? { ...(out[k] as Record<string, unknown>), ...v } : v;
    }
  }
  return out;
}
