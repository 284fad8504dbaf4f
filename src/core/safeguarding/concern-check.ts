import type { ConcernModelFile } from '../../knowledge/schema/concern-model.js';
import type { Concerns, ConcernCategory } from '../../knowledge/schema/concerns.js';
import { analyse, type Token } from '../text/nlp.js';
import { clip } from '../views/fit.js';
import { compilePattern, firstWords, matchAt, negatedSpan, patternWords, type Pattern } from './pattern.js';
import { ConcernModel } from './concern-model.js';
import { TypoFix } from './typo-fix.js';

/** What one check found: the category and the person's own words that raised it. */
export interface Concern {
  kind: 'risk' | 'exclusion';
  category: string;
  label: string;
  contact: 'dsl' | 'lado';
  /** The words as typed, at most about 80 characters. */
  quote: string;
  /** `pattern` when a pack pattern matched `quote`; `model` when the learned reader found the sentence quoted. */
  by?: 'pattern' | 'model';
}

interface Rule {
  kind: Concern['kind'];
  category: ConcernCategory;
  pattern: Pattern;
  topic: boolean;
  notWhen: readonly Pattern[];
  notInSentence: readonly Pattern[];
}

/**
 * The concern check, compiled once from the pack. `check` runs on every text that enters (typed
 * messages, search words, every form field), so it is built for speed: the patterns are indexed by
 * their first word and the text is read once by the NLP library.
 */
export class ConcernCheck {
  readonly #byFirst = new Map<string, Rule[]>();
  readonly #unindexed: Rule[] = [];
  /** The pack's `asReason` patterns, read only in a suspension's or exclusion's recorded reason. */
  readonly #reasonByFirst = new Map<string, Rule[]>();
  readonly #reasonUnindexed: Rule[] = [];
  readonly #teaching: ReadonlySet<string>;
  readonly #settled: readonly Pattern[];
  readonly #doubt: readonly Pattern[];
  readonly #typos: TypoFix;
  /** Recent answers by text: a form's notes are read where they enter and again by the guidance. */
  readonly #recent = new Map<string, readonly Concern[]>();
  readonly #model: ConcernModel | undefined;
  readonly #categories = new Map<string, { kind: Concern['kind']; category: ConcernCategory; notInSentence: readonly Pattern[]; needs: readonly Pattern[] }>();

  /**
   * Throws Error naming the category and pattern that cannot be compiled, or a model category the
   * pack does not define. `model` is the pack's optional learned reader (concern-model.json).
   */
  constructor(concerns: Concerns, model?: ConcernModelFile) {
    this.#teaching = new Set(concerns.teachingContext.map((w) => w.toLowerCase()));
    const compile = (category: ConcernCategory, source: string) => {
      try {
        return compilePattern(source, concerns.lexicon);
      } catch (err) {
        throw new Error(`concerns → ${category.id}: ${(err as Error).message}`);
      }
    };
    this.#settled = concerns.settledContext.map((source) => compilePattern(source, concerns.lexicon));
    this.#doubt = concerns.doubtContext.map((source) => compilePattern(source, concerns.lexicon));
    for (const [kind, list] of [['risk', concerns.risk], ['exclusion', concerns.exclusion]] as const) {
      for (const category of list) {
        const notWhen = category.notWhen.map((s) => compile(category, s));
        const notInSentence = category.notInSentence.map((s) => compile(category, s));
        for (const [topic, sources] of [[false, category.signs], [true, category.topics]] as const) {
          for (const source of sources) this.#index({ kind, category, pattern: compile(category, source), topic, notWhen, notInSentence });
        }
        for (const source of category.asReason) this.#index({ kind, category, pattern: compile(category, source), topic: false, notWhen, notInSentence }, this.#reasonByFirst, this.#reasonUnindexed);
      }
    }
    this.#typos = new TypoFix(this.#vocabulary(concerns));
    for (const kind of ['risk', 'exclusion'] as const)
      for (const category of concerns[kind]) this.#categories.set(category.id, { kind, category, notInSentence: category.notInSentence.map((src) => compile(category, src)), needs: category.modelNeeds.map((src) => compile(category, src)) });
    this.#model = model && new ConcernModel(model, new Set(this.#categories.keys()));
  }

  /** Every word any pattern or context list knows, for the typo fixer. */
  #vocabulary(concerns: Concerns): string[] {
    // Each rule is indexed under every word it can start with: take each once.
    const rules = new Set([...this.#byFirst.values(), ...this.#reasonByFirst.values()].flat().concat(this.#unindexed, this.#reasonUnindexed));
    const patterns = new Set([...rules].flatMap((r) => [r.pattern, ...r.notWhen, ...r.notInSentence]).concat(this.#settled, this.#doubt));
    return [...new Set([...patterns].flatMap(patternWords).concat(concerns.teachingContext))];
  }

  #index(rule: Rule, byFirst = this.#byFirst, unindexed = this.#unindexed): void {
    const first = firstWords(rule.pattern);
    if (!first) return void unindexed.push(rule);
    for (const w of first) {
      const list = byFirst.get(w);
      if (list) list.push(rule);
      else byFirst.set(w, [rule]);
    }
  }

  /** Every category found in `text`, each once, in the order found. `explain` receives excused matches too (for tuning). */
  check(text: string, explain?: (line: string) => void): Concern[] {
    return this.#remembered(text, false, explain);
  }

  /**
   * As `check`, for the reason recorded for a suspension or exclusion ("late three times this
   * week"): there the exclusion goes without saying, so the pack's `asReason` patterns count too
   * (seed 003 "Fixed-Term Exclusion": not for lateness, truancy, a minor uniform breach, poor
   * academic performance or a parent's behaviour; seed 000 Appendix 4).
   */
  checkReason(text: string, explain?: (line: string) => void): Concern[] {
    return this.#remembered(text, true, explain);
  }

  #remembered(text: string, reason: boolean, explain?: (line: string) => void): Concern[] {
    if (!text.trim()) return [];
    const key = reason ? `reason\u0000${text}` : text;
    const known = explain ? undefined : this.#recent.get(key);
    if (known) return [...known];
    const found = this.#read(text, reason, explain);
    if (this.#recent.size >= RECENT_TEXTS) this.#recent.delete(this.#recent.keys().next().value!);
    this.#recent.set(key, found);
    return [...found];
  }

  #read(text: string, reason: boolean, explain?: (line: string) => void): Concern[] {
    const tokens = analyse(text).map((t) => {
      const meant = this.#typos.fix(t.word);
      return meant ? { ...t, word: meant, lemma: meant } : t;
    });
    const teaching = tokens.some((t) => this.#teaching.has(t.word) || this.#teaching.has(t.lemma));
    // Worked out only once something matched: most texts match nothing.
    let settled: SettledPhrase[] | undefined;
    const isSettled = (at: number, risk: boolean) => settledAt(tokens, (settled ??= this.#settledStarts(tokens)), at, risk);
    let doubted: boolean | undefined;
    const inDoubt = () => (doubted ??= tokens.some((_, i) => this.#doubt.some((p) => matchAt(p, tokens, i))));
    const found = new Map<string, Concern>();
    // Where each match started, for the learned reader's veto.
    const startOf = new Map<string, number>();
    // Worries a negation cancelled ("no bruises seen"): the learned reader must not read them back
    // in. Only worries: for an exclusion the negation is often the sign ("we can't manage him").
    const negated: number[][] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const byLemma = t.lemma === t.word ? undefined : this.#byFirst.get(t.lemma);
      const rules = [...(this.#byFirst.get(t.word) ?? []), ...(byLemma ?? []), ...this.#unindexed];
      if (reason) rules.push(...(this.#reasonByFirst.get(t.word) ?? []), ...((t.lemma !== t.word && this.#reasonByFirst.get(t.lemma)) || []), ...this.#reasonUnindexed);
      for (const rule of rules) {
        const key = `${rule.kind}:${rule.category.id}`;
        if (found.has(key)) continue;
        const at = matchAt(rule.pattern, tokens, i, rule.kind === 'risk' ? negated : undefined);
        if (!at) continue;
        const excuse = rule.topic && teaching ? 'teaching context' : isSettled(at[0]!, rule.kind === 'risk') ? 'settled context' : this.#excused(rule, tokens, at, inDoubt);
        explain?.(`${rule.category.id} ${rule.topic ? 'topic' : 'sign'} "${rule.pattern.source}" → "${quote(text, tokens, at)}"${excuse ? ` excused by ${excuse}` : ''}`);
        if (excuse) continue;
        found.set(key, { kind: rule.kind, category: rule.category.id, label: rule.category.label, contact: rule.category.contact, quote: quote(text, tokens, at), by: 'pattern' });
        startOf.set(key, at[0]!);
      }
    }
    if (found.size && this.#model) this.#veto(found, startOf, tokens, explain);
    if (!found.size && this.#model) {
      const cancelled = new Set(negated.flatMap((m) => negatedSpan(tokens, m)));
      const fromModel = this.#modelReading(text, cancelled.size ? tokens.filter((_, i) => !cancelled.has(i)) : tokens, explain);
      if (fromModel) return [fromModel];
    }
    return [...found.values()];
  }

  /**
   * The learned reader, for texts no pattern matched: when it is sure of a category, the notice
   * quotes the sentence it was surest about (the person's own words, as with a pattern).
   */
  #modelReading(text: string, tokens: readonly Token[], explain?: (line: string) => void): Concern | undefined {
    const model = this.#model!;
    const sentences: number[][] = [];
    tokens.forEach((t, i) => (sentences[t.sentence] ??= []).push(i));
    const read = sentences.filter((at) => at.length);
    // The sentence that reads most as a worry, by the three-label reader: the category reader
    // costs ten times as much a sentence.
    let best = read[0] ?? [];
    if (read.length > 1) {
      let bestWorry = -Infinity;
      for (const at of read) {
        const worry = model.worry(at.map((i) => tokens[i]!)) ?? -Infinity;
        if (worry > bestWorry) [best, bestWorry] = [at, worry];
      }
    }
    let reading = model.read(tokens);
    explain?.(`model: ${reading ? `${reading.category} by ${reading.margin.toFixed(1)} (counts from ${model.minMargin})` : 'nothing known'}`);
    if (!model.counts(reading) && read.length > 1) {
      // A long routine note dilutes one worrying sentence: read that sentence on its own too.
      reading = model.read(best.map((i) => tokens[i]!));
      explain?.(`model, its most worrying sentence alone: ${reading ? `${reading.category} by ${reading.margin.toFixed(1)}` : 'nothing known'}`);
    }
    if (!model.counts(reading)) return undefined;
    const known = this.#categories.get(reading.category)!;
    // The category's own "ordinary in this sentence" words hold for the reader too (grandparents are not private fostering).
    const ordinary = known.notInSentence.find((p) => best.some((i) => matchAt(p, tokens, i)));
    if (ordinary) {
      explain?.(`model: ${known.category.id} excused by "${ordinary.source}" in the sentence`);
      return undefined;
    }
    if (known.needs.length && !tokens.some((_, i) => known.needs.some((p) => matchAt(p, tokens, i)))) {
      explain?.(`model: ${known.category.id} needs one of its words (modelNeeds), and the text has none`);
      return undefined;
    }
    return { kind: known.kind, category: known.category.id, label: known.category.label, contact: known.category.contact, quote: quote(text, tokens, best), by: 'model' };
  }

  /**
   * Drops a pattern's match whose clause the learned reader finds ordinary by more than its veto
   * (a training course, a lesson plan, a closed record): the words matched, the clause is not a
   * worry. Read by clause (a sentence, split at "but", "however"…), so a worry buried in a long
   * routine note, or turned round after "closed last month but", is judged on its own words.
   */
  #veto(found: Map<string, Concern>, startOf: ReadonlyMap<string, number>, tokens: readonly Token[], explain?: (line: string) => void): void {
    const model = this.#model!;
    if (model.veto === Infinity) return;
    const byClause = new Map<number, number | undefined>();
    for (const [key, concern] of found) {
      const [from, to] = clauseAround(tokens, startOf.get(key)!);
      if (!byClause.has(from)) byClause.set(from, model.worry(tokens.slice(from, to)));
      const worry = byClause.get(from);
      if (worry === undefined || worry > -model.veto) continue;
      explain?.(`${concern.category} "${concern.quote}" vetoed: its clause reads as ordinary by ${(-worry).toFixed(1)} (veto from ${model.veto})`);
      found.delete(key);
    }
  }

  /** Where each phrase saying the worry is absent or over starts ("closed by social care"). */
  #settledStarts(tokens: readonly Token[]): SettledPhrase[] {
    const out: SettledPhrase[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const p = this.#settled.find((q) => matchAt(q, tokens, i));
      if (p) out.push({ at: i, forwardOnly: SAYS_NONE.test(p.source) });
    }
    return out;
  }

  /**
   * The notWhen pattern that overlaps the match, or a notInSentence pattern in its sentence: then it
   * does not count. A notWhen does not excuse a worry when the text doubts the explanation given
   * (`inDoubt`: "fell off his bike, story keeps changing"): the excuse is then what is in question.
   */
  #excused(rule: Rule, tokens: readonly Token[], at: readonly number[], inDoubt: () => boolean): string | undefined {
    const sentence = tokens[at[0]!]!.sentence;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.sentence !== sentence) continue;
      const hit = rule.notInSentence.find((p) => matchAt(p, tokens, i));
      if (hit) return `"${hit.source}" in the sentence`;
    }
    if (rule.kind === 'risk' && rule.notWhen.length && inDoubt()) return undefined;
    const from = at[0]!;
    const to = at[at.length - 1]!;
    // A notWhen counts when it overlaps the match: "hit by a ball in PE" excuses "hit", not a later disclosure.
    for (let i = Math.max(0, from - 8); i <= to; i++) {
      for (const p of rule.notWhen) {
        const m = matchAt(p, tokens, i);
        if (m && m[m.length - 1]! >= from) return `"${p.source}"`;
      }
    }
    return undefined;
  }
}

/** Words that turn a sentence round: what follows is not covered by what came before. */
const CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas', 'except']);

/** Where a settled phrase starts, and whether it only speaks for what comes after it. */
interface SettledPhrase {
  at: number;
  forwardOnly: boolean;
}

/**
 * A settled phrase that says there is nothing ("no concerns", "nothing to report") speaks for what
 * follows it and its own clause, not for a worry written before it: "Dad hits him; no other
 * concerns" ends many record notes, and the worry stands.
 */
const SAYS_NONE = /^(no|nothing)\b/;

/**
 * Whether a match starting at token `at` is covered by a settled phrase: one in the same sentence
 * with no turn between them, so "closed by social care last month but the bruising has started
 * again" still counts while "the bruising was explained and the case closed" does not. A phrase
 * that says there is nothing covers only its own clause and what follows it (SAYS_NONE) for a risk of
 * harm; for an exclusion it still covers the sentence ("off roll: parent's choice, no concerns").
 */
function settledAt(tokens: readonly Token[], phrases: readonly SettledPhrase[], at: number, risk: boolean): boolean {
  const sentence = tokens[at]!.sentence;
  return phrases.some(({ at: s, forwardOnly }) => {
    if (tokens[s]!.sentence !== sentence) return false;
    if (risk && forwardOnly && s > at && tokens[s]!.clause !== tokens[at]!.clause) return false;
    for (let i = Math.min(s, at) + 1; i < Math.max(s, at); i++) if (CONTRAST.has(tokens[i]!.word)) return false;
    return true;
  });
}

/** The clause around token `at`, as [from, to): its sentence, cut at the turns (CONTRAST) either side. */
function clauseAround(tokens: readonly Token[], at: number): [number, number] {
  const sentence = tokens[at]!.sentence;
  let from = at;
  while (from > 0 && tokens[from - 1]!.sentence === sentence && !CONTRAST.has(tokens[from - 1]!.word)) from--;
  let to = at + 1;
  while (to < tokens.length && tokens[to]!.sentence === sentence && !CONTRAST.has(tokens[to]!.word)) to++;
  return [from, to];
}

/** How many recent texts keep their answer (a bounded memory, oldest forgotten first). */
const RECENT_TEXTS = 256;

/** The person's own words from the first to the last matched word, trimmed to about 80 characters. */
/** How many words a quote may run on past its match to finish the clause. */
const QUOTE_RUN_ON = 4;

function quote(text: string, tokens: readonly Token[], at: readonly number[]): string {
  // "n't go home", "'s new boyfriend" and "nt go home" (from "cant", typed without its apostrophe)
  // start inside a word: quote from the word's start. A token that begins where a word ends, with
  // no space between, is the rest of that word.
  const first = at[0]!;
  const prev = first > 0 ? tokens[first - 1]! : undefined;
  const insideWord = prev !== undefined && (/^['’]|^n't$/.test(tokens[first]!.word) || (prev.end === tokens[first]!.start && /[a-z0-9]$/.test(prev.word)));
  const start = insideWord ? prev.start : tokens[first]!.start;
  // A match can end mid-phrase ("with a black", "same clothes all"): run on to the end of its
  // clause when that is a few words away, so the quote reads as the person wrote it.
  let last = at[at.length - 1]!;
  const clause = tokens[last]!.clause;
  let more = 0;
  const runsOn = (i: number) => i < tokens.length && tokens[i]!.clause === clause && /[a-z0-9]/.test(tokens[i]!.word);
  while (runsOn(last + 1) && more < QUOTE_RUN_ON) {
    last++;
    more++;
  }
  // Still mid-clause after a few words: the clause is long, so the match alone is the clearer quote.
  if (runsOn(last + 1)) last = at[at.length - 1]!;
  return clip(text.slice(start, tokens[last]!.end).replace(/\s+/g, ' '), 80);
}
