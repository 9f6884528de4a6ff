// Wording of findings: a seed's value written in the draft's case.

export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

export function matchCase(value: string, like: string): string {
  if (/^\p{Lu}/u.test(like) && /^\p{Ll}/u.test(value)) return titleCase(value);
  if (/^\p{Ll}/u.test(like) && like === like.toLowerCase() && /^\p{Lu}/u.test(value)) return value.toLowerCase();
  return value;
}
