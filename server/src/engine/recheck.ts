// Re-checking a draft as it is typed: a draft sentence's checks are remembered with everything they read
// beyond the sentence itself, and replayed where all of it reads the same again. A replay is the same as
// checking the sentence afresh, because a check's only inputs are the sentence (with the prose around it),
// the draft's date, the kinds checked, the index and what it reads through the ledger: the story's seeds
// (fingerprinted once per check), a seed's topic weight, the draft's full mention of a surname, whether the
// draft writes a name, and a finding recorded earlier over a span; and its only outputs are the ledger's
// records, made through push, confirm and unverified, which a replay makes again in the same order.
import { type SeedDoc } from './seeds';
import { type Span } from './text';
import { type Evidence, type FactKind, type Finding } from './types';

/** A record a sentence's checks made through the ledger, its draft ranges relative to the sentence. */
export type LedgerOp =
  | { op: 'push'; finding: Finding }
  | { op: 'confirm'; kind: FactKind; span: Span; evidence: Evidence[] }
  | { op: 'unverified'; kind: FactKind; span: Span };

/** What one draft sentence's checks read beyond the sentence, and the records they made. */
export interface SentenceReads {
  /** The draft offset the relative ranges are measured from (the sentence's start), and the sentence's end. */
  origin: number;
  end: number;
  /** Topic weight of each seed asked about. */
  weights: Map<SeedDoc, number>;
  /** The draft's full mention of each surname asked about (a fingerprint; '' for none). */
  surnames: Map<string, string>;
  /** Whether the draft writes each name asked about. */
  names: Map<string, boolean>;
  /** The finding recorded over each span asked about (a fingerprint; '' for none), by relative span. */
  findings: Map<string, string>;
  ops: LedgerOp[];
  /**
   * False when a record falls outside the sentence (and so outside what the sentence's key holds), or the
   * records could change what a read of the ledger finds (see findingOver): such checks are not remembered.
   */
  local: boolean;
}

export function newReads(origin: number, end: number): SentenceReads {
  return { origin, end, weights: new Map(), surnames: new Map(), names: new Map(), findings: new Map(), ops: [], local: true };
}

export function shiftSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

/** A copy of evidence (seed ranges: never shifted). */
export function copyEvidence(ev: Evidence[]): Evidence[] {
  return ev.map((e) => ({ ...e, range: { start: e.range.start, end: e.range.end } }));
}

export function copyFinding(f: Finding, d: number): Finding {
  return { ...f, range: shiftSpan(f.range, d), evidence: copyEvidence(f.evidence) };
}
