// FactDesk's engine: no editor, no file system. Adapters (CLI, language server) feed it texts.
export { checkDraft, type CheckOptions } from './check';
export { extractFacts, type TextFacts, type SentenceFacts } from './facts';
export { SeedIndex, evidenceOf, type SeedDoc, type SeedSentence, type PersonRecord, type SeedSummary } from './seeds';
export { parseText, formatOf, LineMap, type ParsedText, type Sentence, type Span, type TextFormat } from './text';
export type { CheckResult, Claim, ClaimStatus, Evidence, FactKind, Finding, Severity } from './types';
export { isFlag } from './types';
export { storeFacts, restoreFacts, FACTS_FORMAT, type StoredFacts } from './persist';
export { readSeed, holdFacts, type HeldFacts, HeldSentenceFacts } from './held';
export { packFlat, unpackFlat, stringHash, StringTable, FLAT_FORMAT, type FlatTables, type DocLoader, type Checksum } from './flat';
