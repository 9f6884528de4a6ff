// Wording of findings: a seed's value written in the draft's case.
import { STARTS_CAPITAL } from './text';

// (Module constants: the bundler writes a literal with Unicode property escapes as `new RegExp(...)`,
// which a function would build again at every call.)
const WORD_START_LOWER = /(^|[\s-])(\p{Ll})/gu;
const STARTS_LOWER = /^\p{Ll}/u;

export function titleCase(s: string): string {
  return s.replace(WORD_START_LOWER, (_m, a: string, b: string) => a + b.toUpperCase());
}

export function matchCase(value: string, like: string): string {
  if (STARTS_CAPITAL.test(like) && STARTS_LOWER.test(value)) return titleCase(value);
  if (STARTS_LOWER.test(like) && like === like.toLowerCase() && STARTS_CAPITAL.test(value)) return value.toLowerCase();
  return value;
}
