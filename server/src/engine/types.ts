// The shapes the engine hands to its adapters (CLI, language server).
import type { Span } from './text';

export type FactKind = 'name' | 'title' | 'date' | 'figure';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Does a finding of this severity count as a flag (a contradiction)? Information and hints are notes. */
export function isFlag(severity: Severity): boolean {
  return severity === 'error' || severity === 'warning';
}

/** A seed sentence that supports a finding or a confirmation. */
export interface Evidence {
  /** The seed file's path, as the seeds were loaded. */
  seed: string;
  /** The sentence's range in the seed text (UTF-16 offsets). */
  range: Span;
  quote: string;
  /** The seed's own date (YYYY-MM-DD), if it has one. */
  date?: string;
}

/** A draft claim the seeds contradict (or a note about one). Ranges are UTF-16 offsets into the draft. */
export interface Finding {
  kind: FactKind;
  /** A stable rule identifier, e.g. "figure-mismatch". */
  code: string;
  range: Span;
  text: string;
  /** The seed's value: the quick fix replaces `text` with it. */
  expected: string;
  message: string;
  severity: Severity;
  evidence: Evidence[];
}

export type ClaimStatus = 'confirmed' | 'contradicted' | 'unverified';

/** Every checkable statement of the draft, with what the seeds say of it. */
export interface Claim {
  kind: FactKind;
  range: Span;
  text: string;
  status: ClaimStatus;
  evidence: Evidence[];
  expected?: string;
}

export interface CheckResult {
  findings: Finding[];
  claims: Claim[];
  /** The draft's date (YYYY-MM-DD) from its header or the caller, if any. */
  date?: string;
}
