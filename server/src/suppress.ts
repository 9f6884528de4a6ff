// Inline suppression comments in drafts:
//   <!-- factdesk-ignore-next-line -->      the next line that has text is not flagged
//   <!-- factdesk-disable --> … <!-- factdesk-enable -->   nothing between them is flagged
// Each may name kinds to limit it: <!-- factdesk-ignore-next-line figure title -->.
import type { FactKind } from './engine';
import { KINDS } from './settings';

export const IGNORE_NEXT_LINE = '<!-- factdesk-ignore-next-line -->';

export interface Suppression {
  /** 0-based lines, inclusive. */
  fromLine: number;
  toLine: number;
  /** Kinds it applies to; undefined = all. */
  kinds?: FactKind[];
  /** Which comment made it: "ignore-next-line" or "disable". */
  by: 'ignore-next-line' | 'disable';
  /** Line of the comment itself. */
  line: number;
}

const COMMENT = /<!--\s*factdesk-(ignore-next-line|disable|enable)((?:\s+[a-z]+)*)\s*-->/g;

function kindsOf(words: string): FactKind[] | undefined {
  const list = words.trim().split(/\s+/).filter(Boolean);
  if (list.length === 0) return undefined;
  const kinds = list.map((w) => w.replace(/s$/, '')).filter((w): w is FactKind => (KINDS as string[]).includes(w));
  return kinds.length ? kinds : undefined;
}

/** Finds the suppressions a text declares. */
export function parseSuppressions(text: string): Suppression[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out: Suppression[] = [];
  let open: { line: number; kinds?: FactKind[] } | undefined;
  for (const m of text.matchAll(COMMENT)) {
    const line = lineOf(m.index ?? 0);
    const kinds = kindsOf(m[2] ?? '');
    if (m[1] === 'ignore-next-line') {
      let next = line + 1;
      while (next < lines.length && lines[next].trim() === '') next++;
      if (next < lines.length) out.push({ fromLine: next, toLine: next, kinds, by: 'ignore-next-line', line });
    } else if (m[1] === 'disable') {
      if (!open) open = { line, kinds };
    } else if (open) {
      out.push({ fromLine: open.line, toLine: line, kinds: open.kinds, by: 'disable', line: open.line });
      open = undefined;
    }
  }
  if (open) out.push({ fromLine: open.line, toLine: lines.length - 1, kinds: open.kinds, by: 'disable', line: open.line });
  return out;
}

/** The suppression that covers a finding starting on this line, if any. */
export function suppressionFor(list: Suppression[], line: number, kind: FactKind): Suppression | undefined {
  return list.find((s) => line >= s.fromLine && line <= s.toLine && (!s.kinds || s.kinds.includes(kind)));
}
