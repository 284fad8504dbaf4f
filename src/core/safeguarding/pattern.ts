import { analyse, type Token } from '../text/nlp.js';

/**
 * A phrase pattern over lemmas, written in a knowledge pack so an LA can add its own without code:
 *
 * - words are matched against what was typed and against its dictionary form ("hits" meets "hit");
 * - `a|b|c` any of these; `@adult` any entry of the pack's `adult` word list; `bruis*` any word
 *   starting so; `#num` any number (a pupil reference such as 4021); `not_allowed` (underscores)
 *   the words in a row; hyphens and apostrophes are read as the tokeniser reads them ("step-dad");
 * - `word?` may be left out; `..` up to 3 other words may come between, `...` up to 8, `....` up to 16
 *   (same sentence only).
 *
 * Example: `@adult .. @harm-verb .. @child` meets "mum's new boyfriend shouts at him and pushes him".
 * A match is dropped when "not", "no", "never", "without"… stands among its words or just before
 * them ("no bruises seen"), unless the pattern spells out the negation itself ("nothing to eat").
 */
export interface Pattern {
  source: string;
  slots: readonly Slot[];
  /** The pattern spells out a negation, so a negation near it is what it looks for. */
  negationIsPart: boolean;
}

interface Slot {
  words: ReadonlySet<string>;
  /** Entries of more than one word, matched in a row. */
  sequences: readonly (readonly string[])[];
  prefixes: readonly string[];
  number: boolean;
  optional: boolean;
  /** How many other words may stand between the previous matched word and this one. */
  gapBefore: number;
}

const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'no', 'never', 'nothing', 'nobody', 'noone', 'none', 'without', 'nowhere', 'neither', 'nor']);
/** How far before a match a negation still governs it, in words (and only within its clause). */
const NEGATION_REACH = 3;
const GAPS: Record<string, number> = { '..': 3, '...': 8, '....': 16 };

/** One written entry as the words the tokeniser would produce, so "can't" and "step-dad" meet what people type. */
function entryWords(entry: string): string[] {
  const plain = entry.replace(/_/g, ' ');
  return /^[a-z0-9]+\*?$/.test(plain) ? [plain] : analyse(plain).map((t) => t.word);
}

/**
 * Compiles one pattern. `lexicon` maps a word-list name to its entries. Throws Error naming the
 * problem (an unknown `@list`, a pattern that starts with a gap or an optional word) for the pack
 * loader to report.
 */
export function compilePattern(source: string, lexicon: Readonly<Record<string, readonly string[]>>): Pattern {
  // The pack's validation and the check both compile every pattern at start-up: do it once.
  let byLexicon = compiled.get(lexicon);
  if (!byLexicon) compiled.set(lexicon, (byLexicon = new Map()));
  let pattern = byLexicon.get(source);
  if (!pattern) byLexicon.set(source, (pattern = compile(source, lexicon)));
  return pattern;
}

const compiled = new WeakMap<object, Map<string, Pattern>>();

function compile(source: string, lexicon: Readonly<Record<string, readonly string[]>>): Pattern {
  const slots: Slot[] = [];
  let gap = 0;
  for (const part of source.trim().toLowerCase().split(/\s+/)) {
    if (part in GAPS) {
      if (slots.length === 0) throw new Error(`"${source}" starts with a gap`);
      // ".. ..." once silently meant only the last gap; say so rather than guess which was meant.
      if (gap) throw new Error(`"${source}" has two gaps in a row: write one, ".." (3 words), "..." (8) or "...." (16)`);
      gap = GAPS[part]!;
      continue;
    }
    const optional = part.endsWith('?') && part.length > 1;
    const slot = { words: new Set<string>(), sequences: [] as string[][], prefixes: [] as string[], number: false, optional, gapBefore: gap };
    for (const alt of (optional ? part.slice(0, -1) : part).split('|').filter(Boolean)) {
      const entries = alt.startsWith('@') ? lexicon[alt.slice(1)] : [alt];
      if (!entries) throw new Error(`"${source}" uses @${alt.slice(1)}, which is not one of the word lists`);
      for (const entry of entries) addEntry(slot, entry.toLowerCase());
    }
    if (slots.length === 0 && optional) throw new Error(`"${source}" starts with an optional word`);
    slots.push(slot);
    gap = 0;
  }
  if (slots.length === 0) throw new Error('a pattern is empty');
  const negationIsPart = slots.some((s) => [...s.words].some((w) => NEGATIONS.has(w)) || s.sequences.some((q) => q.some((w) => NEGATIONS.has(w))));
  return { source, slots, negationIsPart };
}

function addEntry(slot: { words: Set<string>; sequences: string[][]; prefixes: string[]; number: boolean }, entry: string): void {
  if (entry === '#num') return void (slot.number = true);
  if (entry.endsWith('*') && /^[a-z0-9]+\*$/.test(entry)) return void slot.prefixes.push(entry.slice(0, -1));
  const words = entryWords(entry);
  if (words.length === 1) slot.words.add(words[0]!);
  else if (words.length > 1) slot.sequences.push(words);
}

const meetsWord = (slot: Slot, t: Token): boolean =>
  slot.words.has(t.word) || slot.words.has(t.lemma) || (slot.number && /^\d+$/.test(t.word)) || slot.prefixes.some((p) => t.word.startsWith(p) || t.lemma.startsWith(p));

/** Where a slot can end when it starts at token `i` (exclusive ends): one word, or a whole sequence. */
function endsAt(slot: Slot, tokens: readonly Token[], i: number): number[] {
  const ends: number[] = [];
  if (meetsWord(slot, tokens[i]!)) ends.push(i + 1);
  for (const seq of slot.sequences) {
    const sentence = tokens[i]!.sentence;
    if (seq.every((w, k) => { const t = tokens[i + k]; return t !== undefined && t.sentence === sentence && (t.word === w || t.lemma === w); })) ends.push(i + seq.length);
  }
  return ends;
}

/** The first words a pattern can start with, for indexing; undefined when it can start with any word (a prefix or #num). */
export function firstWords(p: Pattern): ReadonlySet<string> | undefined {
  const first = p.slots[0]!;
  if (first.prefixes.length || first.number) return undefined;
  return new Set([...first.words, ...first.sequences.map((q) => q[0]!)]);
}

/**
 * Where `p` matches starting at token `at`: the indexes of the matched tokens, or undefined.
 * Tries the nearest candidate for each slot first, so the quoted span is as short as it can be.
 * A match a negation cancels is not returned; it is added to `negatedOut` when given.
 */
export function matchAt(p: Pattern, tokens: readonly Token[], at: number, negatedOut?: number[][]): number[] | undefined {
  if (!tokens[at]) return undefined;
  for (const end of endsAt(p.slots[0]!, tokens, at)) {
    const found = fill(p, tokens, 1, end - 1, range(at, end));
    if (!found) continue;
    if (p.negationIsPart || !negated(tokens, found)) return found;
    negatedOut?.push(found);
  }
  return undefined;
}

/**
 * The words a negated match covers, with the negation words that governed it ("no bruises seen"),
 * so a reader after the patterns does not read the worry back in. Token indexes.
 */
export function negatedSpan(tokens: readonly Token[], found: readonly number[]): number[] {
  const first = found[0]!;
  const isNegation = (t: Token) => NEGATIONS.has(t.word) || NEGATIONS.has(t.lemma);
  const before: number[] = [];
  for (let i = Math.max(0, first - NEGATION_REACH); i < first; i++) if (tokens[i]!.clause === tokens[first]!.clause && isNegation(tokens[i]!)) before.push(i);
  return [...before, ...range(first, found[found.length - 1]! + 1)];
}

function fill(p: Pattern, tokens: readonly Token[], si: number, last: number, got: number[]): number[] | undefined {
  if (si === p.slots.length) return got;
  const slot = p.slots[si]!;
  const sentence = tokens[last]!.sentence;
  for (let i = last + 1; i <= last + 1 + slot.gapBefore && i < tokens.length && tokens[i]!.sentence === sentence; i++) {
    for (const end of endsAt(slot, tokens, i)) {
      const rest = fill(p, tokens, si + 1, end - 1, [...got, ...range(i, end)]);
      if (rest) return rest;
    }
  }
  return slot.optional ? fill(p, tokens, si + 1, last, got) : undefined;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);

/** A negation word just before the match, in the clause where the match starts, or among its words. */
function negated(tokens: readonly Token[], found: readonly number[]): boolean {
  const first = found[0]!;
  const isNegation = (t: Token) => NEGATIONS.has(t.word) || NEGATIONS.has(t.lemma);
  for (let i = Math.max(0, first - NEGATION_REACH); i < first; i++) if (tokens[i]!.clause === tokens[first]!.clause && isNegation(tokens[i]!)) return true;
  for (let i = first; i <= found[found.length - 1]!; i++) if (isNegation(tokens[i]!)) return true;
  return false;
}

/** Every literal word a pattern can match (for the typo fixer's vocabulary). */
export function patternWords(p: Pattern): string[] {
  return p.slots.flatMap((s) => [...s.words, ...s.sequences.flat(), ...s.prefixes]);
}
