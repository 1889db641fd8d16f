/**
 * Generic ranking for autocomplete and "did you mean…": glossary terms, publishers, house tiers and team terms.
 * Pure and bounded: any string, however long or strange, is answered quickly and never throws.
 */

export interface Searchable<T> {
  item: T;
  /** keys[0] is the primary (display) name; the rest are ids, aliases, publishers… */
  keys: readonly string[];
  /**
   * Descriptive words ("influencer tiers", "blog post", "Instagram") that help a query of several
   * words beside a key ("Mediakix tiers") but never match alone: "blog" names no one publisher.
   */
  tags?: readonly string[];
}

/** Discord offers at most 25 autocomplete choices, so that is the natural default. */
export const DEFAULT_LIMIT = 25;
/** No key is anywhere near this long, so longer queries cannot match better; it caps the edit-distance work. */
export const MAX_QUERY_LENGTH = 100;
/** Raw input is cut before normalising, so a megabyte of text costs no more than a line. */
const MAX_RAW_LENGTH = 1_000;

/** Best first. A key matches in the best way it can; an entry ranks by its best key. */
export type MatchKind = 'exact' | 'prefix' | 'word' | 'substring' | 'fuzzy' | 'within';
// A typo reading and a whole key among other words rank together, by distance: the typos, or twice
// the words the key leaves over ("kol" in "kol influencer" leaves one; "top influencer" is two typos away).
const KIND_RANK: Record<MatchKind, number> = { exact: 0, prefix: 1, word: 2, substring: 3, fuzzy: 4, within: 4 };

export interface Match<T> {
  item: T;
  kind: MatchKind;
  /** Edit distance for fuzzy matches; twice the query's words outside the key for `within`; 0 otherwise. */
  distance: number;
}

/**
 * Lower case, no accents, no invisible characters, letters and digits only, single spaces.
 * Format characters (zero-width space/joiner, RTL/LTR marks, BOM) are deleted rather than
 * turned into spaces: they are invisible, so "enga\u200Bgement" should read as one word.
 */
export function normalise(text: string, maxLength = MAX_QUERY_LENGTH): string {
  if (typeof text !== 'string') return '';
  return text
    .slice(0, Math.max(MAX_RAW_LENGTH, maxLength * 2))
    // Decompose before and after lower-casing: either step can expose the other's work (𝔸 → A → a, İ → i̇).
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    // A count's thousands separators do not part it: "1,000" is one word, which "1" does not match.
    .replace(/(\d)[,.](?=\d{3}(?!\d))/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, maxLength)
    .trimEnd();
}

interface Prepared {
  norm: string;
  /** Without spaces, so "mid tier", "mid-tier" and "midtier" meet. */
  compact: string;
  words: string[];
  /** `norm` as it appears after a word break: " rate" finds "engagement rate". */
  afterSpace: string;
  /** Digits alone ("1", "-5", "2017") match whole words only (a year): as a prefix or a typo they match at random ("1" is not "10,000"). */
  hasLetter: boolean;
}

/** Keys (titles, publishers) may run longer than any sensible query; they are our data, not input. */
const MAX_KEY_LENGTH = 300;

function prepare(text: string, maxLength = MAX_QUERY_LENGTH): Prepared {
  const norm = normalise(text, maxLength);
  return { norm, compact: norm.replace(/ /g, ''), words: norm === '' ? [] : norm.split(' '), afterSpace: ` ${norm}`, hasLetter: /\p{L}/u.test(norm) };
}

/** How many typos a query of this length may contain and still match. */
function fuzzTolerance(length: number): number {
  // Three letters are too few to guess from: "cpm" must not suggest "com…" or "coming".
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/** Mid-word hits for one or two letters are noise ("er" in "influencer"); they need three. */
const MIN_MID_WORD = 3;

/**
 * "Did you mean" may reach further, but still not to unrelated words: about a third of the query.
 * Not for three characters or fewer, though: one edit in "12" or "a b" is half the query, and
 * would turn junk into "L2" or anything else that short.
 */
function looseTolerance(length: number): number {
  if (length <= 3) return 0;
  return Math.max(fuzzTolerance(length), Math.round(length / 3));
}

/**
 * Smallest optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions)
 * between `query` and any prefix of `text`, so "engagment" is 1 away from "engagement rate".
 * Returns max + 1 as soon as no alignment can come within `max`: rows never get cheaper, so
 * a row whose every cell exceeds `max` ends the search.
 */
export function prefixDistance(query: string, text: string, max: number, from = 0): number {
  const m = query.length;
  if (m === 0) return 0;
  const n = Math.min(text.length - from, m + max);
  if (n < m - max) return max + 1;
  // Three rolling rows of the table: the one two rows up is what a swap of two letters reads.
  let older = new Int32Array(n + 1);
  let prev = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const qc = query.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(from + j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (qc === tc ? 0 : 1));
      if (i > 1 && j > 1 && qc === text.charCodeAt(from + j - 2) && query.charCodeAt(i - 2) === tc) {
        v = Math.min(v, older[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [older, prev, cur] = [prev, cur, older];
  }
  let best = max + 1;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/** Fuzzy distance from the query to the key, starting at the key's start or any word start. */
function fuzzyDistance(q: Prepared, key: Prepared, max: number): number {
  let best = max + 1;
  let offset = 0;
  for (const word of key.words) {
    best = Math.min(best, prefixDistance(q.norm, key.norm, Math.min(max, best - 1), offset));
    if (best === 0) break;
    offset += word.length + 1;
  }
  return best;
}

/** Every query word starts some key word, in any order: "reach er" finds "ER by reach". */
function wordsMatch(q: Prepared, key: Prepared): boolean {
  return q.words.length > 1 && q.words.every((w) => key.words.some((k) => k.startsWith(w)));
}

function matchKey(q: Prepared, key: Prepared, tolerance: number): { kind: MatchKind; distance: number } | null {
  if (key.compact === '') return null;
  if (key.norm === q.norm || key.compact === q.compact) return { kind: 'exact', distance: 0 };
  if (!q.hasLetter) return ` ${key.norm} `.includes(` ${q.norm} `) ? { kind: 'word', distance: 0 } : null;
  if (key.norm.startsWith(q.norm) || key.compact.startsWith(q.compact)) return { kind: 'prefix', distance: 0 };
  if (key.norm.includes(q.afterSpace) || wordsMatch(q, key)) return { kind: 'word', distance: 0 };
  // Mid-word, but not across words: "roi" must not match "micRO Influencer".
  if (q.compact.length >= MIN_MID_WORD && q.words.length === 1 && key.norm.includes(q.norm)) return { kind: 'substring', distance: 0 };
  // The key typed whole among other words ("engagement" in "engagement bait"), or a typo reading of the query.
  // Each word left over weighs as two typos: "influencer teirss" reads as Influencer tiers before Influencer.
  const within = keyWithin(q, key) ? { kind: 'within' as const, distance: 2 * (q.words.length - key.words.length) } : null;
  // With no typo allowed, a fuzzy match would be a prefix of the key or of one of its words: both were ruled out above.
  const distance = tolerance === 0 ? Infinity : fuzzyDistance(q, key, tolerance);
  const fuzzy = distance <= tolerance ? { kind: 'fuzzy' as const, distance } : null;
  return fuzzy && (!within || better(fuzzy, within)) ? fuzzy : within;
}

/** A whole key among the words of a longer query, as typed: "kol" in "kol influencer", "ugc" in "ugc creator". */
function keyWithin(q: Prepared, key: Prepared): boolean {
  return q.words.length > key.words.length && key.compact.length >= 2 && ` ${q.norm} `.includes(` ${key.norm} `);
}

/** Ranks, then distance; at equal distance a reading of the whole query beats a key that leaves words over. */
function compareMatches(a: { kind: MatchKind; distance: number }, b: { kind: MatchKind; distance: number }): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.distance - b.distance || Number(a.kind === 'within') - Number(b.kind === 'within');
}

function better(a: { kind: MatchKind; distance: number }, b: { kind: MatchKind; distance: number }): boolean {
  return compareMatches(a, b) < 0;
}

/** A limit as given, whole and not below 0; the fallback when none is given or it is not a finite number. */
export function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(0, Math.floor(limit));
}

// Keys are fixed data: each entry's keys are normalised once, not on every keystroke.
const preparedKeys = new WeakMap<Searchable<unknown>, Prepared[]>();
const preparedTags = new WeakMap<Searchable<unknown>, { keyWords: string[]; tagWords: string[] }>();

function keysOf(entry: Searchable<unknown>): Prepared[] {
  let keys = preparedKeys.get(entry);
  if (!keys) {
    keys = entry.keys.map((key) => prepare(key, MAX_KEY_LENGTH));
    preparedKeys.set(entry, keys);
  }
  return keys;
}

function wordsOf(entry: Searchable<unknown>): { keyWords: string[]; tagWords: string[] } {
  let words = preparedTags.get(entry);
  if (!words) {
    const keyWords = [...new Set(keysOf(entry).flatMap((k) => k.words))];
    const tagWords = [...new Set((entry.tags ?? []).flatMap((t) => prepare(t, MAX_KEY_LENGTH).words))];
    words = { keyWords, tagWords };
    preparedTags.set(entry, words);
  }
  return words;
}

/**
 * A query of several words, each starting a word of the entry's keys or tags, with at least one
 * word of three or more characters starting a key word: "Mediakix tiers", "TapInfluence blog".
 */
function tagsMatch(q: Prepared, entry: Searchable<unknown>): boolean {
  if (q.words.length < 2 || !entry.tags?.length) return false;
  const { keyWords, tagWords } = wordsOf(entry);
  const startsKey = (w: string) => keyWords.some((k) => k.startsWith(w));
  const startsTag = (w: string) => tagWords.some((t) => t.startsWith(w));
  if (q.words.some((w) => w.length >= MIN_MID_WORD && startsKey(w)) && q.words.every((w) => startsKey(w) || startsTag(w))) return true;
  // A name written as one word, typed in pieces beside whole tag words: "hype auditor tiers".
  const named = q.words.filter((w) => !tagWords.includes(w)).join('');
  return named.length >= MIN_MID_WORD && named.length < q.compact.length && keysOf(entry).some((key) => key.compact.startsWith(named));
}

/** How much further a typo reading ranks when a word of the query is not one of the entry's words with its own typos. */
const SCATTER_PENALTY = 2;

function rank<T>(q: Prepared, entries: readonly Searchable<T>[], tolerance: (length: number) => number): Match<T>[] {
  const max = tolerance(q.norm.length);
  const matches: (Match<T> & { index: number })[] = [];
  entries.forEach((entry, index) => {
    let best: { kind: MatchKind; distance: number } | null = null;
    for (const key of keysOf(entry)) {
      const found = matchKey(q, key, max);
      if (found && (best === null || better(found, best))) best = found;
      if (best?.kind === 'exact') break;
    }
    if ((best === null || KIND_RANK[best.kind] > KIND_RANK.word) && tagsMatch(q, entry)) best = { kind: 'word', distance: 0 };
    // A typo reading whose typos all fall on one word ("engagement bait" as "engagement rate") ranks as two typos further.
    if (best?.kind === 'fuzzy' && !wordsSpelled(q, entry)) best = { kind: 'fuzzy', distance: best.distance + SCATTER_PENALTY };
    if (best) matches.push({ item: entry.item, ...best, index });
  });
  // Sort is stable, but the index makes "ties keep input order" explicit.
  matches.sort((a, b) => compareMatches(a, b) || a.index - b.index);
  return matches.map(({ item, kind, distance }) => ({ item, kind, distance }));
}

/**
 * Ranked matches with how each matched: exact key, prefix, word-start substring, mid-word
 * substring, then typo-tolerant fuzzy matches and whole keys among the query's words ("kol" in
 * "kol influencer") together, by distance (see KIND_RANK). Ties keep input order. A query with
 * nothing searchable in it (empty, only emoji or punctuation) matches nothing.
 */
export function searchMatches<T>(query: string, entries: readonly Searchable<T>[], limit?: number): Match<T>[] {
  return searchPrepared(prepare(query), entries, clampLimit(limit, DEFAULT_LIMIT));
}

function searchPrepared<T>(q: Prepared, entries: readonly Searchable<T>[], cap: number): Match<T>[] {
  if (cap === 0 || q.compact === '') return [];
  return rank(q, entries, fuzzTolerance).slice(0, cap);
}

/**
 * Autocomplete ranking (see `searchMatches`). An empty or unsearchable query returns the
 * entries in input order, as autocomplete shows before anything is typed. A short query that
 * matches nothing is offered the whole keys one slip away ("rio": ROI), as `bestMatches` may answer it.
 */
export function rankMatches<T>(query: string, entries: readonly Searchable<T>[], limit?: number): T[] {
  const cap = clampLimit(limit, DEFAULT_LIMIT);
  // Prepared once: normalising (Unicode decomposition, property classes) is the costly part of a keystroke.
  const q = prepare(query);
  if (q.compact === '') return entries.slice(0, cap).map((e) => e.item);
  const found = searchPrepared(q, entries, cap).map((m) => m.item);
  return found.length ? found : oneSlipFromWhole(q, entries).slice(0, cap);
}

/** The first entry with a key equal to the query, ignoring case, accents, spaces and punctuation. */
export function findExact<T>(query: string, entries: readonly Searchable<T>[]): T | undefined {
  const q = prepare(query);
  if (q.compact === '') return undefined;
  return entries.find((e) => keysOf(e).some((k) => k.compact === q.compact))?.item;
}

/** A query this short allows no typo inside a key, but may be one slip from a whole key ("cmp" for CPM). */
const SHORT_QUERY = 3;

/**
 * A query of three characters allows no typo inside a key (one edit turns "cmp" into the start of
 * "campaign"), but when it matches nothing as typed it may be one slip from a whole key, a swap of
 * two letters included: "cmp" CPM, "rio" ROI. Those entries, or none for any other query.
 */
function oneSlipFromWhole<T>(q: Prepared, entries: readonly Searchable<T>[]): T[] {
  if (q.compact.length !== SHORT_QUERY || !q.hasLetter) return [];
  return entries.filter((e) => wholeDistance(q, e, 1) <= 1).map((e) => e.item);
}

/**
 * The entries a short query spells whole but for two neighbouring letters swapped, the commonest
 * slip ("rio" ROI, "cmp" CPM). A letter changed instead makes another word as often as a typo
 * ("sov", share of voice, is not AOV), so only a swap is taken as the entry meant.
 */
function swappedFromWhole<T>(q: Prepared, entries: readonly Searchable<T>[]): T[] {
  if (q.compact.length !== SHORT_QUERY || !q.hasLetter) return [];
  return entries.filter((e) => keysOf(e).some((key) => swapsNeighbours(q.compact, key.compact))).map((e) => e.item);
}

/** Whether `a` is `b` with two neighbouring characters swapped, and nothing else changed. */
function swapsNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * "Did you mean…": the `n` nearest entries, allowing more typos than autocomplete (about a
 * third of the query) but nothing further, so unrelated words suggest nothing; a short query, the
 * whole keys one slip away (see `oneSlipFromWhole`).
 */
export function closest<T>(query: string, entries: readonly Searchable<T>[], n = 3): T[] {
  const cap = clampLimit(n, 3);
  const q = prepare(query);
  if (cap === 0 || q.compact === '') return [];
  const ranked = rank(q, entries, looseTolerance);
  return (ranked.length ? ranked.map((m) => m.item) : oneSlipFromWhole(q, entries)).slice(0, cap);
}

/**
 * Edit distance between two short strings: insertions, deletions, substitutions and swaps of two
 * neighbouring characters, each one edit ("roi" and "rio" are one apart), as in `prefixDistance`.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let older: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j]!, older[j - 2]! + 1);
    }
    [older, prev] = [prev, cur];
  }
  return prev[b.length]!;
}

/** How closely the query spells one of the entry's keys as a whole: typos count, extra words do. */
function wholeDistance(q: Prepared, entry: Searchable<unknown>, max: number): number {
  let best = max + 1;
  for (const key of keysOf(entry)) {
    // Lengths further apart than `max` are more than `max` edits apart: no table needed.
    if (Math.abs(key.compact.length - q.compact.length) > max) continue;
    best = Math.min(best, editDistance(q.compact, key.compact));
  }
  return best;
}

/**
 * Whether each word of the query with four letters or more is a word of the entry's keys but for
 * the typos a word that long may have (see fuzzTolerance), or part of a key written without spaces
 * ("midtier"): the edits a whole query allows must not all fall on one word, or "engagement bait"
 * would be "engagement rate". Shorter words ("of", "a", "x" in "later x fohr") are too short to
 * tell a typo from a word left out, and numbers (a year: "Mediakix 2020") are no typos of words.
 */
function wordsSpelled(q: Prepared, entry: Searchable<unknown>): boolean {
  return q.words.every((w) => w.length <= SHORT_QUERY || !/\p{L}/u.test(w) || spelledBy(entry, w));
}

/**
 * A word of four letters or more without a plural's final "s" ("rates", "raets"); a shorter one as
 * it is ("cps"). What it gives is read with typos allowed, so a short word that lost a letter would
 * be a slip from keys it never meant; the glossary's exact lookups (findTerm) drop any word's "s".
 */
const singularOf = (word: string): string => (word.length > SHORT_QUERY ? word.replace(/s$/, '') : word);

/** Whether the entry's keys have `word`, but for the typos a word that long may have, or have it inside a key written without spaces. */
function spelledBy(entry: Searchable<unknown>, word: string): boolean {
  const typos = fuzzTolerance(word.length);
  // A plural's "s" is no typo: "raets" is "rate" with one.
  const forms = [...new Set([word, singularOf(word)])];
  const close = (form: string, k: string) => Math.abs(k.length - form.length) <= typos && editDistance(form, k) <= typos;
  return forms.some((form) => wordsOf(entry).keyWords.some((k) => close(form, k))) || keysOf(entry).some((key) => key.compact.includes(word));
}

/**
 * The typos a query may have and still open one entry without asking. One word of fewer than eight
 * letters gets one, since an ordinary word two letters from a key ("reading", "seeding") is more
 * often that word than a typo; a longer one two ("engagments"); several words are held to their
 * own typos (`wordsSpelled`).
 */
function clearTypos(q: Prepared): number {
  const length = q.norm.length;
  if (q.words.length > 1) return fuzzTolerance(length);
  return Math.min(fuzzTolerance(length), length < 8 ? 1 : 2);
}

/** Matches that are equally good for choosing one: a prefix of one key and a word start in another tie. */
function standing(m: Match<unknown>): number {
  return m.kind === 'prefix' ? KIND_RANK.word : KIND_RANK[m.kind];
}

/** The entry's own name (its first key) contains the query, as typed: "influence" in TapInfluence. */
function inOwnName(q: Prepared, entry: Searchable<unknown>): boolean {
  const name = keysOf(entry)[0];
  return name !== undefined && q.hasLetter && q.compact.length >= MIN_MID_WORD && (name.norm.includes(q.norm) || name.compact.includes(q.compact));
}

/**
 * Whether the query, as typed, comes close to the whole of one of the entry's keys: its first
 * words, whole ("sprout" of Sprout Social, "quarterly brand partnership" of a longer name), most of
 * it from its start ("digi" of Digiday), whole words that make up a third of it ("medium" of
 * Digital Reflections (Medium); "hype auditor" of HypeAuditor), or the start of the entry's own name, three characters or more
 * ("hype" of HypeAuditor). One word inside a longer title ("marketing" of "Standard Terminology in
 * Influencer Marketing") or a fragment of two letters ("sp") names no one.
 */
function nearlyWhole(q: Prepared, entry: Searchable<unknown>): boolean {
  const name = keysOf(entry)[0];
  if (name && q.hasLetter && q.compact.length >= MIN_MID_WORD && name.compact.startsWith(q.compact)) return true;
  const typedWords = wordsAndRuns(q);
  return keysOf(entry).some((key) => {
    if (key.norm.startsWith(`${q.norm} `)) return true;
    if (key.compact.startsWith(q.compact) && 2 * q.compact.length >= key.compact.length) return true;
    const whole = key.words.filter((word) => typedWords.has(word)).length;
    return whole > 0 && 3 * whole >= key.words.length;
  });
}

/** The query's words, and each run of neighbouring words written together: "hype auditor" is also "hypeauditor". */
function wordsAndRuns(q: Prepared): Set<string> {
  const runs = new Set<string>();
  q.words.forEach((_, start) => {
    for (let end = start + 1; end <= q.words.length; end++) runs.add(q.words.slice(start, end).join(''));
  });
  return runs;
}

/**
 * The entries, other than the typo reading `guess`, that a word the reading changes names whole:
 * a word its keys do not have, even with a word's own typos ("kol" beside Top influencer). A key
 * of two letters counts only as an entry's own name ("L2"), not as an alias ("ER" in "cost er click").
 */
function namedByChangedWords<T>(q: Prepared, guess: Searchable<T>, ranked: readonly Match<T>[], entryOf: ReadonlyMap<T, Searchable<T>>): T[] {
  const changed = prepare(q.words.filter((w) => !spelledBy(guess, w)).join(' '));
  const named = (key: Prepared, index: number) => (key.compact.length >= SHORT_QUERY || index === 0) && ` ${changed.norm} `.includes(` ${key.norm} `);
  return ranked.filter((m) => m.item !== guess.item && m.kind === 'within' && keysOf(entryOf.get(m.item)!).some(named)).map((m) => m.item);
}

/** Entries each named whole by some of the query's words, when together they name all of them ("L2 inc"); else none. */
function namedTogether<T>(q: Prepared, ranked: readonly Match<T>[], entryOf: ReadonlyMap<T, Searchable<T>>): T[] {
  const whole = ranked.filter((m) => m.kind === 'within');
  const covered = new Set(whole.flatMap((m) => keysOf(entryOf.get(m.item)!).filter((key) => keyWithin(q, key)).flatMap((key) => key.words)));
  return q.words.every((w) => covered.has(w)) ? whole.map((m) => m.item) : [];
}

/** The best matches for a query, and whether the first is the clear best: one entry to open without asking. */
export interface BestMatches<T> {
  matches: T[];
  clear: boolean;
}

/** What `bestMatches` looks through: the query, what autocomplete offers for it, best first, and how many matches to give. */
interface Lookup<T> {
  q: Prepared;
  ranked: readonly Match<T>[];
  entryOf: ReadonlyMap<T, Searchable<T>>;
  cap: number;
}

/** An entry whose whole key the query spells, and with how many typos. */
interface Spelling<T> {
  item: T;
  d: number;
}

/**
 * A forgiving lookup: the best matches for what was typed, and whether one is the clear best.
 * Only what autocomplete offers counts (the same typo tolerance), so a command never answers with
 * an entry autocomplete does not show. The rules are tried in turn, and the first that answers
 * decides; when none does, `matches` is empty (a generic word, a fragment, a name matching nothing
 * well), and the caller says it knows no such entry, with `closest` as suggestions.
 */
export function bestMatches<T>(query: string, entries: readonly Searchable<T>[], n = 5): BestMatches<T> {
  const none = { matches: [], clear: false };
  const q = prepare(query);
  if (q.compact === '') return none;
  const ranked = rank(q, entries, fuzzTolerance);
  if (ranked.length === 0) return clearBySwap(q, entries) ?? none;
  const look: Lookup<T> = { q, ranked, entryOf: new Map(entries.map((e) => [e.item, e])), cap: Math.max(n, 1) };
  const near = wholeSpellings(look);
  const spelled = clearSpellings(look, near);
  return typoAgainstAKey(look, near) ?? tiedSpellings(look, spelled) ?? clearBySpelling(look, spelled) ?? namedTogetherOffered(look) ?? byWordStart(look) ?? none;
}

/**
 * Clear when the query is short, matches nothing as typed, and is a whole key of one entry alone
 * with two neighbouring letters swapped (see `swappedFromWhole`).
 */
function clearBySwap<T>(q: Prepared, entries: readonly Searchable<T>[]): BestMatches<T> | undefined {
  const swapped = swappedFromWhole(q, entries);
  return swapped.length === 1 ? { matches: swapped, clear: true } : undefined;
}

/** The entries the query spells a whole key of, typos allowed as autocomplete allows them, nearest first. */
function wholeSpellings<T>(look: Lookup<T>): Spelling<T>[] {
  const tolerance = fuzzTolerance(look.q.norm.length);
  // A plural with a typo ("ovrlaps", "conversion raets") is as near as its singular.
  const singular = prepare(look.q.words.map(singularOf).join(' '));
  return look.ranked
    .map((m) => {
      const entry = look.entryOf.get(m.item)!;
      return { item: m.item, d: Math.min(wholeDistance(look.q, entry, tolerance), wholeDistance(singular, entry, tolerance)) };
    })
    .filter((s) => s.d <= tolerance)
    .sort((a, b) => a.d - b.d);
}

/**
 * The spellings that may open an entry without asking: no typo, or the few a query may have to
 * be taken as a misspelling (`clearTypos`) with each word within its own typos (`wordsSpelled`).
 */
function clearSpellings<T>(look: Lookup<T>, near: readonly Spelling<T>[]): Spelling<T>[] {
  return near.filter((s) => s.d === 0 || (s.d <= clearTypos(look.q) && wordsSpelled(look.q, look.entryOf.get(s.item)!)));
}

/**
 * Not clear, offering both: the nearest typo reading changes a word which is itself another
 * entry's whole key, so the reading is a guess against what was typed ("kol influencer" is KOL
 * as much as a misspelt "top influencer").
 */
function typoAgainstAKey<T>(look: Lookup<T>, near: readonly Spelling<T>[]): BestMatches<T> | undefined {
  const guess = near[0];
  if (!guess || guess.d === 0) return undefined;
  const namedWhole = namedByChangedWords(look.q, look.entryOf.get(guess.item)!, look.ranked, look.entryOf);
  return namedWhole.length ? { matches: [...namedWhole, guess.item].slice(0, look.cap), clear: false } : undefined;
}

/**
 * Not clear, offering those tied: two entries are spelled equally near. Ties are never broken by
 * which key is shorter: "2017" opens none of the three publishers it names.
 */
function tiedSpellings<T>(look: Lookup<T>, spelled: readonly Spelling<T>[]): BestMatches<T> | undefined {
  const [one, two] = spelled;
  if (!one || !two || one.d !== two.d) return undefined;
  return { matches: spelled.filter((s) => s.d === one.d).map((s) => s.item).slice(0, look.cap), clear: false };
}

/**
 * Clear: the query spells a whole key of that entry and of no other ("mediakx" is Mediakix;
 * "engagment rate" is "engagement rate", not "engagement rate by followers"), unless it has typos
 * and other entries match it as typed ("influencer" is in several titles: it is not a misspelt
 * "Afluencer").
 */
function clearBySpelling<T>(look: Lookup<T>, spelled: readonly Spelling<T>[]): BestMatches<T> | undefined {
  const one = spelled[0];
  if (!one) return undefined;
  const othersAsTyped = look.ranked.some((m) => m.item !== one.item && m.kind !== 'fuzzy' && m.kind !== 'within');
  if (one.d !== 0 && othersAsTyped) return undefined;
  return { matches: [one.item, ...look.ranked.map((m) => m.item).filter((item) => item !== one.item)].slice(0, look.cap), clear: true };
}

/** Not clear, offering them: the query's words name several entries whole between them ("L2 inc"). */
function namedTogetherOffered<T>(look: Lookup<T>): BestMatches<T> | undefined {
  if (look.ranked[0]?.kind !== 'within') return undefined;
  const together = namedTogether(look.q, look.ranked, look.entryOf);
  return together.length > 1 ? { matches: together.slice(0, look.cap), clear: false } : undefined;
}

/**
 * The best match starts a key or a word of one, as typed; a prefix and a word start tie ("digi":
 * Digiday and Digital Reflections). A typo, or a piece of a word, is clear only when it spells a
 * whole key (`clearBySpelling`), so nothing else answers here.
 */
function byWordStart<T>(look: Lookup<T>): BestMatches<T> | undefined {
  const first = look.ranked[0];
  if (!first || standing(first) !== KIND_RANK.word) return undefined;
  const contenders = look.ranked.filter((m) => standing(m) === KIND_RANK.word);
  const named = contenders.filter((m) => nearlyWhole(look.q, look.entryOf.get(m.item)!));
  return clearByPrefix(look, contenders, named) ?? offeredContenders(look, contenders, named);
}

/** Clear: it is the only entry that starts so, and the query is close to one of its keys as a whole (see `nearlyWhole`). */
function clearByPrefix<T>(look: Lookup<T>, contenders: readonly Match<T>[], named: readonly Match<T>[]): BestMatches<T> | undefined {
  if (contenders.length !== 1 || named.length !== 1) return undefined;
  return { matches: look.ranked.slice(0, look.cap).map((m) => m.item), clear: true };
}

/**
 * Not clear, offering the ones tied for best when one of them is close to a whole key, not what
 * merely came next ("2019" beside "2017"); an entry whose own name holds the query, even mid-word,
 * before one with it in a title only: "influence" offers TapInfluence before the titles that say
 * "influencer".
 */
function offeredContenders<T>(look: Lookup<T>, contenders: readonly Match<T>[], named: readonly Match<T>[]): BestMatches<T> | undefined {
  if (!named.length) return undefined;
  const ownName = look.ranked.filter((m) => inOwnName(look.q, look.entryOf.get(m.item)!));
  const offered = [...ownName, ...contenders.filter((m) => !ownName.includes(m))];
  return { matches: offered.slice(0, look.cap).map((m) => m.item), clear: false };
}
