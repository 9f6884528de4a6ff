// An index opened from flat tables, then changed: the seeds removed or changed since are masked in the
// tables, and the seeds added or changed are indexed in a small in-memory overlay. Every look-up merges
// the two as the index built afresh over the same seeds, in the same order, would answer it: a seed of
// the overlay has a rank among the tables' seeds (a changed seed keeps its place; an added one goes where
// it is listed, or last), and lists (postings, names, people, mentions) are merged by that order.
import type { Entity } from './people';
import type { StoredFacts } from './persist';
import type { HeldFacts } from './held';
import type { FlatIndex } from './flat';
import { HONORIFIC_PREFIX } from './builder';
import type { PersonRecord, SeedDoc, SeedIndex, SeedSentence } from './seeds';

/** Where a name or a person is first met: seed (rank), sentence in it, and place in that sentence. */
interface Place {
  rank: number;
  sentence: number;
  at: number;
}

function before(a: Place, b: Place): boolean {
  return a.rank !== b.rank ? a.rank < b.rank : a.sentence !== b.sentence ? a.sentence < b.sentence : a.at < b.at;
}

/** A value remembered under a kind and a key (each kind's memory cleared when it reaches 20,000). */
export function memoized<T>(memos: Map<string, Map<string, unknown>>, kind: string, key: string, compute: () => T): T {
  let memo = memos.get(kind);
  if (!memo) memos.set(kind, (memo = new Map()));
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= 20000) memo.clear();
  memo.set(key, value);
  return value;
}


/** What a masked seed held that removal must take back: read from its stored facts (its text may be gone). */
export type StoredOf = (doc: number) => StoredFacts;

interface OverlayDoc {
  path: string;
  facts: HeldFacts;
  rank: number;
}

export class Layered {
  /** Flat seeds masked (removed or changed), and their sentences. */
  readonly masked: Uint8Array;
  private readonly maskedSentence: Uint8Array;
  private maskedCount = 0;
  private maskedSentences = 0;
  private maskedFacts = 0;
  /** Lower-case words of the masked seeds, with the number of their sentences that write each. */
  private readonly maskedLower = new Map<string, number>();
  /** Terms (numbers in the tables) of the masked seeds' sentences: only their postings need filtering. */
  private readonly maskedTerms = new Set<number>();
  /** People a masked seed mentions: their records are worked out again. */
  private readonly affected = new Set<string>();
  /** The overlay's seeds, by rank, and the index built of them alone (in that order). */
  private docs: OverlayDoc[] = [];
  private overlay: SeedIndex;
  private rankOf = new Map<SeedDoc, number>();
  private overlaySentences: SeedSentence[] = [];
  private lastRank: number;
  private readonly cache = new Map<string, Map<string, unknown>>();
  private readonly ownWeights = new Map<number, number>();

  constructor(
    readonly flat: FlatIndex,
    private readonly storedOf: StoredOf,
    private readonly fresh: () => SeedIndex,
  ) {
    this.masked = new Uint8Array(flat.docCount);
    this.maskedSentence = new Uint8Array(flat.tables.sentences);
    this.overlay = fresh();
    this.lastRank = flat.docCount;
    flat.masked = this.masked;
  }

  /** Sentence numbers: the tables' first, then the overlay's. */
  get base(): number {
    return this.flat.tables.sentences;
  }

  get capacity(): number {
    return this.base + this.overlaySentences.length;
  }

  private changed(): void {
    this.cache.clear();
    this.ownWeights.clear();
    this.flat.resetWeights();
  }

  private memo<T>(kind: string, key: string, compute: () => T): T {
    return memoized(this.cache, kind, key, compute);
  }

  // ---- Changes ------------------------------------------------------------------------------------

  has(path: string): boolean {
    if (this.docs.some((d) => d.path === path)) return true;
    const n = this.flat.docNumber(path);
    return n >= 0 && !this.masked[n];
  }

  /** Removes a seed; its rank if it was indexed (a changed seed keeps it), else undefined. */
  remove(path: string): number | undefined {
    const at = this.docs.findIndex((d) => d.path === path);
    if (at >= 0) {
      const [doc] = this.docs.splice(at, 1);
      this.rebuild();
      return doc.rank;
    }
    const n = this.flat.docNumber(path);
    if (n < 0 || this.masked[n]) return undefined;
    this.mask(n);
    this.changed();
    return n;
  }

  /** Adds a seed (after `remove` if it was indexed) at a rank: given, or after every seed. */
  add(path: string, facts: HeldFacts, rank?: number): void {
    const r = rank ?? ++this.lastRank;
    this.lastRank = Math.max(this.lastRank, r);
    const last = this.docs[this.docs.length - 1];
    this.docs.push({ path, facts, rank: r });
    if (!last || last.rank < r) this.append(this.docs[this.docs.length - 1]);
    else {
      this.docs.sort((a, b) => a.rank - b.rank);
      this.rebuild();
    }
  }

  private mask(n: number): void {
    const t = this.flat.tables;
    this.masked[n] = 1;
    this.maskedCount++;
    this.maskedFacts += t.docFacts[n];
    this.maskedSentences += t.docFirst[n + 1] - t.docFirst[n];
    this.maskedSentence.fill(1, t.docFirst[n], t.docFirst[n + 1]);
    for (let id = t.docFirst[n]; id < t.docFirst[n + 1]; id++) for (const term of t.sentenceTerms.list(id)) this.maskedTerms.add(term);
    const stored = this.storedOf(n);
    const surnames = new Map(stored.surnames);
    const personKey = (e: Entity) => {
      if (e.tokens.length === 1) {
        const full = surnames.get(e.tokens[0]);
        if (full && full.key !== e.key) return full.key;
      }
      return e.key;
    };
    for (const s of stored.sentences) {
      for (const w of s.lower ?? []) this.maskedLower.set(w, (this.maskedLower.get(w) ?? 0) + 1);
      for (const e of s.entities) if (e.type === 'person') this.affected.add(personKey(e));
      for (const p of s.people) this.affected.add(personKey(p.person));
    }
    for (const [, full] of surnames) this.affected.add(full.key);
  }

  private append(doc: OverlayDoc): void {
    this.overlay.addExtracted(doc.path, doc.facts);
    const seed = this.overlay.seed(doc.path)!;
    this.rankOf.set(seed, doc.rank);
    for (const s of seed.sentences) this.overlaySentences[s.id] = s;
    this.changed();
  }

  private rebuild(): void {
    this.overlay = this.fresh();
    this.rankOf = new Map();
    this.overlaySentences = [];
    const docs = this.docs;
    this.docs = [];
    for (const d of docs) {
      this.docs.push(d);
      this.append(d);
    }
    this.changed();
  }

  // ---- Seeds --------------------------------------------------------------------------------------

  get stats(): { files: number; facts: number; sentences: number } {
    const o = this.overlay.stats;
    const t = this.flat.tables;
    return { files: this.flat.docCount - this.maskedCount + o.files, facts: t.facts - this.maskedFacts + o.facts, sentences: t.sentences - this.maskedSentences + o.sentences };
  }

  *seeds(): IterableIterator<SeedDoc> {
    const own = [...this.overlay.seeds];
    let k = 0;
    for (let n = 0; n < this.flat.docCount; n++) {
      while (k < own.length && this.rankOf.get(own[k])! < n) yield own[k++];
      if (!this.masked[n]) yield this.flat.doc(n);
    }
    while (k < own.length) yield own[k++];
  }

  seed(path: string): SeedDoc | undefined {
    const own = this.overlay.seed(path);
    if (own) return own;
    const n = this.flat.docNumber(path);
    return n < 0 || this.masked[n] ? undefined : this.flat.doc(n);
  }

  private rankOfSentence(s: SeedSentence): number {
    return this.rankOf.get(s.seed)!;
  }

  sentence(id: number): SeedSentence {
    return id < this.base ? this.flat.sentence(id) : this.overlaySentences[id - this.base];
  }

  // ---- Terms --------------------------------------------------------------------------------------

  /** How many sentences have a term (without reading a list the tables have as it is). */
  postingCount(term: string): number {
    const t = this.flat.tables.terms.find(term);
    if (!this.maskedTerms.has(t) && !this.overlay.knowsTerm(term)) return t < 0 ? 0 : this.flat.tables.postings.length(t);
    return this.postings(term)?.length ?? 0;
  }

  /** Sentences (numbers) with a term, in index order, or undefined. */
  postings(term: string): ArrayLike<number> | undefined {
    const t = this.flat.tables.terms.find(term);
    // A term no masked seed has and the overlay has not: the tables' list as it is.
    if (!this.maskedTerms.has(t) && !this.overlay.knowsTerm(term)) return t < 0 ? undefined : this.flat.tables.postings.list(t);
    return this.memo('postings', term, () => {
      let flat: ArrayLike<number> = t < 0 ? [] : this.flat.tables.postings.list(t);
      if (this.maskedTerms.has(t)) flat = Array.prototype.filter.call(flat, (id: number) => this.maskedSentence[id] === 0) as number[];
      const own = this.overlay.withTerm(term);
      if (own.length === 0) return flat.length ? flat : undefined;
      const out: number[] = [];
      let i = 0;
      for (const s of own) {
        const r = this.rankOfSentence(s);
        while (i < flat.length && this.flat.docOf(flat[i]) < r) out.push(flat[i++]);
        out.push(this.base + s.id);
      }
      while (i < flat.length) out.push(flat[i++]);
      return out;
    });
  }

  withTerm(term: string): readonly SeedSentence[] {
    return this.memo('withTerm', term, () => Array.from(this.postings(term) ?? [], (id) => this.sentence(id)));
  }

  knowsTerm(term: string): boolean {
    return (this.postings(term)?.length ?? 0) > 0;
  }

  termCount(id: number): number {
    return id < this.base ? this.flat.termCount(id) : this.overlaySentences[id - this.base].terms.length;
  }

  ownWeight(id: number, idf: (term: string) => number): number {
    if (id < this.base) return this.flat.ownWeight(id, idf);
    let w = this.ownWeights.get(id);
    if (w === undefined) {
      w = 0;
      for (const t of this.overlaySentences[id - this.base].terms) if (!t.startsWith('=')) w += idf(t);
      this.ownWeights.set(id, w);
    }
    return w;
  }

  // ---- Names and words ----------------------------------------------------------------------------

  knowsEntity(key: string, within?: ReadonlySet<SeedDoc>): boolean {
    return this.flat.knowsEntity(key, within) || this.overlay.knowsEntity(key, within);
  }

  knowsNameToken(token: string, within?: ReadonlySet<SeedDoc>): boolean {
    return this.flat.knowsNameToken(token, within) || this.overlay.knowsNameToken(token, within);
  }

  knowsLowerWord(key: string): boolean {
    if (this.overlay.knowsLowerWord(key)) return true;
    const t = this.flat.tables;
    const w = t.lowerWords.find(key);
    return w >= 0 && t.lowerCounts[w] > (this.maskedLower.get(key) ?? 0);
  }

  /** Where a sentence first writes a name: its place among the sentence's names. */
  private placeIn(s: SeedSentence, rank: number, key: string): Place {
    const first = s.seed.sentences.indexOf(s);
    return { rank, sentence: first, at: s.facts.entities.findIndex((e) => e.key === key) };
  }

  /** The first unmasked sentence of the tables that writes a name. */
  private flatFirst(key: string): SeedSentence | undefined {
    const t = this.flat.tables;
    const n = t.names.find(key);
    if (n < 0) return undefined;
    const first = t.nameFirst[n];
    if (!this.maskedSentence[first]) return this.flat.sentence(first);
    for (const d of t.nameDocs.list(n)) {
      if (this.masked[d]) continue;
      for (const s of this.flat.doc(d).sentences) if (s.facts.entities.some((e) => e.key === key)) return s;
    }
    return undefined;
  }

  entitySentence(key: string): SeedSentence | undefined {
    return this.memo('first', key, () => {
      const f = this.flatFirst(key);
      const o = this.overlay.entitySentence(key);
      if (!o) return f;
      if (!f) return o;
      return this.flat.docOf(f.id) < this.rankOfSentence(o) ? f : o;
    });
  }

  entityNamesOfLength(length: number): readonly string[] {
    const t = this.flat.tables;
    return this.memo('length', String(length), () => {
      const at = t.lengthKeys.indexOf(length);
      return this.mergeNames(at < 0 ? [] : t.lengthNames.list(at), this.overlay.entityNamesOfLength(length));
    });
  }

  entityNamesLike(key: string, shape: string, length: number): readonly string[] {
    const t = this.flat.tables;
    return this.memo('shape', shape, () => {
      const s = t.shapes.find(shape);
      return this.mergeNames(s < 0 ? [] : t.shapeNames.list(s), this.overlay.entityNamesLike(key, length));
    });
  }

  /** Names of the tables (numbers, in first-mention order) and of the overlay, in first-mention order. */
  private mergeNames(flatNames: ArrayLike<number>, own: readonly string[]): string[] {
    const t = this.flat.tables;
    if (this.maskedCount === 0 && own.length === 0) return Array.from(flatNames, (n) => t.names.get(n));
    const base: string[] = [];
    const extras: Array<{ item: string; place: Place }> = [];
    const inBase = new Set<string>();
    for (let i = 0; i < flatNames.length; i++) {
      const n = flatNames[i];
      const name = t.names.get(n);
      if (!this.maskedSentence[t.nameFirst[n]]) {
        base.push(name);
        inBase.add(name);
      } else {
        const s = this.flatFirst(name);
        if (s) extras.push({ item: name, place: this.placeIn(s, this.flat.docOf(s.id), name) });
      }
    }
    const dropped = new Set<string>();
    for (const name of own) {
      const s = this.overlay.entitySentence(name)!;
      const place = this.placeIn(s, this.rankOfSentence(s), name);
      const extra = extras.find((e) => e.item === name);
      if (extra) {
        if (before(place, extra.place)) extra.place = place;
      } else if (inBase.has(name)) {
        if (place.rank < this.flat.docOf(t.nameFirst[t.names.find(name)])) {
          dropped.add(name);
          extras.push({ item: name, place });
        }
      } else extras.push({ item: name, place });
    }
    const kept = dropped.size ? base.filter((n) => !dropped.has(n)) : base;
    return this.merge(kept, extras, (name) => {
      const id = t.nameFirst[t.names.find(name)];
      const rank = this.flat.docOf(id);
      return { rank, full: () => this.placeIn(this.flat.sentence(id), rank, name) };
    });
  }

  /**
   * Inserts the extras (each at its place) among the base (in order): a base item's seed decides, and
   * its full place is worked out only when an extra is in the same seed.
   */
  private merge<T>(base: T[], extras: Array<{ item: T; place: Place }>, placeOf: (item: T) => { rank: number; full: () => Place }): T[] {
    if (extras.length === 0) return base;
    extras.sort((a, b) => (before(a.place, b.place) ? -1 : before(b.place, a.place) ? 1 : 0));
    const out: T[] = [];
    let i = 0;
    for (const e of extras) {
      // base items before the extra
      let lo = i;
      let hi = base.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const p = placeOf(base[mid]);
        const earlier = p.rank !== e.place.rank ? p.rank < e.place.rank : before(p.full(), e.place);
        if (earlier) lo = mid + 1;
        else hi = mid;
      }
      while (i < lo) out.push(base[i++]);
      out.push(e.item);
    }
    while (i < base.length) out.push(base[i++]);
    return out;
  }

  // ---- People -------------------------------------------------------------------------------------

  /**
   * Where a seed first notes a person (as the index notes people: a name of a person, then the titled
   * people of each sentence; a surname alone that the seed has in full is that person), with the name it
   * is noted by; undefined if it does not.
   */
  private noteIn(doc: SeedDoc, rank: number, key: string): { place: Place; name: string; tokens: string[] } | undefined {
    const surnames = doc.facts.surnames;
    const note = (e: Entity) => {
      if (e.tokens.length === 1) {
        const full = surnames.get(e.tokens[0]);
        if (full && full.key !== e.key) return full.key === key ? full : undefined;
      }
      return e.key === key ? e : undefined;
    };
    const sentences = doc.sentences;
    for (let i = 0; i < sentences.length; i++) {
      const f = sentences[i].facts;
      let at = 0;
      for (const e of f.entities) {
        const hit = e.type === 'person' ? note(e) : undefined;
        if (hit) return { place: { rank, sentence: i, at }, name: hit.text.replace(HONORIFIC_PREFIX, ''), tokens: hit.tokens };
        at++;
      }
      for (const p of f.people) {
        const hit = note(p.person);
        if (hit) return { place: { rank, sentence: i, at }, name: hit.text.replace(HONORIFIC_PREFIX, ''), tokens: hit.tokens };
        at++;
      }
    }
    return undefined;
  }

  private rankOfSeed(doc: SeedDoc): number {
    return this.rankOf.get(doc) ?? this.flat.docNumber(doc.path);
  }

  /** A person as the index built afresh would hold it, with the place it is first noted (lazily). */
  private record(key: string): { rec: PersonRecord; rank: number; full: () => Place } | undefined {
    return this.memo('person', key, () => {
      const own = this.overlay.person(key);
      let flat = this.flat.person(key);
      let flatNote: { rank: number; full: () => Place } | undefined;
      if (flat && this.affected.has(key)) {
        const mentions = flat.mentions.filter((m) => !this.maskedSentence[m.id]);
        const titles = flat.titles.filter((t) => !this.maskedSentence[t.at.id]);
        const firstStays = flat.mentions.length > 0 && !this.maskedSentence[flat.mentions[0].id];
        let name = flat.name;
        let tokens = flat.tokens;
        let found: Place | undefined;
        if (!firstStays) {
          const seen = new Set<SeedDoc>();
          for (const m of mentions) {
            if (seen.has(m.seed)) continue;
            seen.add(m.seed);
            const n = this.noteIn(m.seed, this.rankOfSeed(m.seed), key);
            if (n) {
              ({ name, tokens } = n);
              found = n.place;
              break;
            }
          }
        }
        flat = firstStays || found ? { key, name, tokens, titles, mentions } : undefined;
        if (found) {
          const place = found;
          flatNote = { rank: place.rank, full: () => place };
        }
      }
      if (flat && !flatNote) {
        const first = flat.mentions[0].seed;
        const rank = this.rankOfSeed(first);
        flatNote = { rank, full: () => this.noteIn(first, rank, key)!.place };
      }
      if (!own) return flat && { rec: flat, ...flatNote! };
      const ownFirst = own.mentions[0].seed;
      const ownRank = this.rankOfSeed(ownFirst);
      const ownNote = { rank: ownRank, full: () => this.noteIn(ownFirst, ownRank, key)!.place };
      if (!flat) return { rec: own, ...ownNote };
      const byRank = (a: SeedSentence, b: SeedSentence) => this.rankOfSeed(a.seed) - this.rankOfSeed(b.seed);
      const mergeBy = <T>(x: T[], y: T[], at: (v: T) => SeedSentence) => {
        const out: T[] = [];
        let i = 0;
        for (const v of y) {
          while (i < x.length && byRank(at(x[i]), at(v)) < 0) out.push(x[i++]);
          out.push(v);
        }
        while (i < x.length) out.push(x[i++]);
        return out;
      };
      const flatFirst = flatNote!.rank < ownRank;
      const lead = flatFirst ? flat : own;
      const rec: PersonRecord = {
        key,
        name: lead.name,
        tokens: lead.tokens,
        titles: mergeBy(flat.titles, own.titles, (t) => t.at),
        mentions: mergeBy(flat.mentions, own.mentions, (m) => m),
      };
      return { rec, ...(flatFirst ? flatNote! : ownNote) };
    });
  }

  person(key: string): PersonRecord | undefined {
    if (!this.affected.has(key) && !this.overlay.person(key)) return this.flat.person(key);
    return this.record(key)?.rec;
  }

  /** People of the tables (in order) and of the overlay, each once, in the order they are first noted. */
  private mergePeople(flatKeys: string[], ownKeys: string[]): PersonRecord[] {
    const base: string[] = [];
    const extras: Array<{ item: string; place: Place }> = [];
    const own = new Set(ownKeys);
    for (const k of flatKeys) {
      if (!this.affected.has(k) && !own.has(k)) base.push(k);
      else {
        const r = this.record(k);
        if (!r) continue;
        // A record noted first where the tables have it keeps its place among them.
        const stays = !this.affected.has(k) || (this.flat.person(k)!.mentions[0] && !this.maskedSentence[this.flat.person(k)!.mentions[0].id]);
        if (stays && r.rank === this.rankOfSeed(this.flat.person(k)!.mentions[0].seed)) base.push(k);
        else extras.push({ item: k, place: r.full() });
      }
    }
    const flatSet = new Set(flatKeys);
    for (const k of ownKeys) if (!flatSet.has(k)) extras.push({ item: k, place: this.record(k)!.full() });
    return this.merge(base, extras, (k) => {
      const r = this.record(k)!;
      return { rank: r.rank, full: r.full };
    }).map((k) => this.person(k)!);
  }

  bySurname(surname: string): PersonRecord[] {
    return this.memo('surname', surname, () => {
      const flat = this.flat.bySurname(surname).map((p) => p.key);
      const own = this.overlay.bySurname(surname).map((p) => p.key);
      if (own.length === 0 && !flat.some((k) => this.affected.has(k))) return this.flat.bySurname(surname);
      return this.mergePeople(flat, own);
    });
  }

  allPersons(): IterableIterator<PersonRecord> {
    const flat = [...this.flat.allPersons()].map((p) => p.key);
    const own = [...this.overlay.allPersons()].map((p) => p.key);
    return this.mergePeople(flat, own).values();
  }
}
