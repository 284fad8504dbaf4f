import type { ConcernModelFile } from '../../knowledge/schema/concern-model.js';
import type { Concerns, ConcernCategory } from '../../knowledge/schema/concerns.js';
import { analyse, type Token } from '../text/nlp.js';
import { clip } from '../views/fit.js';
import { compilePattern, firstWords, matchAt, patternWords, type Pattern } from './pattern.js';
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
  readonly #teaching: ReadonlySet<string>;
  readonly #settled: readonly Pattern[];
  readonly #typos: TypoFix;
  /** Recent answers by text: a form's notes are read where they enter and again by the guidance. */
  readonly #recent = new Map<string, readonly Concern[]>();
  readonly #model: ConcernModel | undefined;
  readonly #categories = new Map<string, { kind: Concern['kind']; category: ConcernCategory }>();

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
    for (const [kind, list] of [['risk', concerns.risk], ['exclusion', concerns.exclusion]] as const) {
      for (const category of list) {
        const notWhen = category.notWhen.map((s) => compile(category, s));
        const notInSentence = category.notInSentence.map((s) => compile(category, s));
        for (const [topic, sources] of [[false, category.signs], [true, category.topics]] as const) {
          for (const source of sources) this.#index({ kind, category, pattern: compile(category, source), topic, notWhen, notInSentence });
        }
      }
    }
    this.#typos = new TypoFix(this.#vocabulary(concerns));
    for (const kind of ['risk', 'exclusion'] as const) for (const category of concerns[kind]) this.#categories.set(category.id, { kind, category });
    this.#model = model && new ConcernModel(model, new Set(this.#categories.keys()));
  }

  /** Every word any pattern or context list knows, for the typo fixer. */
  #vocabulary(concerns: Concerns): string[] {
    // Each rule is indexed under every word it can start with: take each once.
    const rules = new Set([...this.#byFirst.values()].flat().concat(this.#unindexed));
    const patterns = new Set([...rules].flatMap((r) => [r.pattern, ...r.notWhen, ...r.notInSentence]).concat(this.#settled));
    return [...new Set([...patterns].flatMap(patternWords).concat(concerns.teachingContext))];
  }

  #index(rule: Rule): void {
    const first = firstWords(rule.pattern);
    if (!first) return void this.#unindexed.push(rule);
    for (const w of first) {
      const list = this.#byFirst.get(w);
      if (list) list.push(rule);
      else this.#byFirst.set(w, [rule]);
    }
  }

  /** Every category found in `text`, each once, in the order found. `explain` receives excused matches too (for tuning). */
  check(text: string, explain?: (line: string) => void): Concern[] {
    if (!text.trim()) return [];
    const known = explain ? undefined : this.#recent.get(text);
    if (known) return [...known];
    const found = this.#read(text, explain);
    if (this.#recent.size >= RECENT_TEXTS) this.#recent.delete(this.#recent.keys().next().value!);
    this.#recent.set(text, found);
    return [...found];
  }

  #read(text: string, explain?: (line: string) => void): Concern[] {
    const tokens = analyse(text).map((t) => {
      const meant = this.#typos.fix(t.word);
      return meant ? { ...t, word: meant, lemma: meant } : t;
    });
    const teaching = tokens.some((t) => this.#teaching.has(t.word) || this.#teaching.has(t.lemma));
    // Worked out only once something matched: most texts match nothing.
    let settled: Set<number> | undefined;
    const isSettled = (sentence: number) => (settled ??= this.#settledSentences(tokens)).has(sentence);
    const found = new Map<string, Concern>();
    // Which sentence each match started in, for the learned reader's veto.
    const sentenceOf = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const byLemma = t.lemma === t.word ? undefined : this.#byFirst.get(t.lemma);
      for (const rule of [...(this.#byFirst.get(t.word) ?? []), ...(byLemma ?? []), ...this.#unindexed]) {
        const key = `${rule.kind}:${rule.category.id}`;
        if (found.has(key)) continue;
        const at = matchAt(rule.pattern, tokens, i);
        if (!at) continue;
        const excuse = rule.topic && teaching ? 'teaching context' : isSettled(tokens[at[0]!]!.sentence) ? 'settled context' : this.#excused(rule, tokens, at);
        explain?.(`${rule.category.id} ${rule.topic ? 'topic' : 'sign'} "${rule.pattern.source}" → "${quote(text, tokens, at)}"${excuse ? ` excused by ${excuse}` : ''}`);
        if (excuse) continue;
        found.set(key, { kind: rule.kind, category: rule.category.id, label: rule.category.label, contact: rule.category.contact, quote: quote(text, tokens, at), by: 'pattern' });
        sentenceOf.set(key, tokens[at[0]!]!.sentence);
      }
    }
    if (found.size && this.#model) this.#veto(found, sentenceOf, tokens, explain);
    if (!found.size && this.#model) {
      const fromModel = this.#modelReading(text, tokens, explain);
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
    const reading = model.read(tokens);
    explain?.(`model: ${reading ? `${reading.category} by ${reading.margin.toFixed(1)} (counts from ${model.minMargin})` : 'nothing known'}`);
    if (!model.counts(reading)) return undefined;
    const known = this.#categories.get(reading.category)!;
    const sentences: number[][] = [];
    tokens.forEach((t, i) => (sentences[t.sentence] ??= []).push(i));
    const read = sentences.filter((at) => at.length);
    // One sentence: the reading above is the one to quote; otherwise quote the sentence that reads most
    // as a worry. The three-label reader judges that: the category reader costs ten times as much a sentence.
    let best = read[0]!;
    if (read.length > 1) {
      let bestWorry = -Infinity;
      for (const at of read) {
        const worry = model.worry(at.map((i) => tokens[i]!)) ?? -Infinity;
        if (worry > bestWorry) [best, bestWorry] = [at, worry];
      }
    }
    return { kind: known.kind, category: known.category.id, label: known.category.label, contact: known.category.contact, quote: quote(text, tokens, best), by: 'model' };
  }

  /**
   * Drops a pattern's match whose sentence the learned reader finds ordinary by more than its veto
   * (a training course, a lesson plan, a closed record): the words matched, the sentence is not a
   * worry. Read by sentence, so a worry buried in a long routine note is judged on its own sentence.
   */
  #veto(found: Map<string, Concern>, sentenceOf: ReadonlyMap<string, number>, tokens: readonly Token[], explain?: (line: string) => void): void {
    const model = this.#model!;
    if (model.veto === Infinity) return;
    const bySentence = new Map<number, number | undefined>();
    for (const [key, concern] of found) {
      const sentence = sentenceOf.get(key)!;
      if (!bySentence.has(sentence)) bySentence.set(sentence, model.worry(tokens.filter((t) => t.sentence === sentence)));
      const worry = bySentence.get(sentence);
      if (worry === undefined || worry > -model.veto) continue;
      explain?.(`${concern.category} "${concern.quote}" vetoed: its sentence reads as ordinary by ${(-worry).toFixed(1)} (veto from ${model.veto})`);
      found.delete(key);
    }
  }

  /** Sentences that say the worry is absent or over. */
  #settledSentences(tokens: readonly Token[]): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < tokens.length; i++) if (!out.has(tokens[i]!.sentence) && this.#settled.some((p) => matchAt(p, tokens, i))) out.add(tokens[i]!.sentence);
    return out;
  }

  /** The notWhen pattern that overlaps the match, or a notInSentence pattern in its sentence: then it does not count. */
  #excused(rule: Rule, tokens: readonly Token[], at: readonly number[]): string | undefined {
    const sentence = tokens[at[0]!]!.sentence;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.sentence !== sentence) continue;
      const hit = rule.notInSentence.find((p) => matchAt(p, tokens, i));
      if (hit) return `"${hit.source}" in the sentence`;
    }
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

/** How many recent texts keep their answer (a bounded memory, oldest forgotten first). */
const RECENT_TEXTS = 256;

/** The person's own words from the first to the last matched word, trimmed to about 80 characters. */
function quote(text: string, tokens: readonly Token[], at: readonly number[]): string {
  // "n't go home" and "'s new boyfriend" start inside a word: quote from the word's start.
  const first = at[0]!;
  const start = /^['’]|^n't$/.test(tokens[first]!.word) && first > 0 ? tokens[first - 1]!.start : tokens[first]!.start;
  const end = tokens[at[at.length - 1]!]!.end;
  return clip(text.slice(start, end).replace(/\s+/g, ' '), 80);
}
