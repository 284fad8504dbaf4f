import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { ItemToken } from 'wink-nlp';

/**
 * One token of what someone typed, as the NLP library reads it. `start`/`end` are offsets into
 * the text, so a match can be quoted back in the person's own words.
 */
export interface Token {
  /** Lower-case as typed ("hits", "mum"). */
  word: string;
  /** Dictionary form ("hit", "mom"). */
  lemma: string;
  /** Which sentence, from 0. */
  sentence: number;
  /** Which clause, from 0: a new sentence, commas, semicolons, dashes, brackets and "but", "and", "so", "because" start a new one. */
  clause: number;
  start: number;
  end: number;
}

const CLAUSE_WORDS = new Set(['but', 'and', 'so', 'because', 'however', 'although', 'though', 'whereas', 'while', 'yet', 'or']);

// The model loads once (about 4 MB, ~100 ms); every check after that reads a text in well under a millisecond.
let nlp: ReturnType<typeof winkNLP> | undefined;

/** A token with its Porter2 stem ("bullying" and "bullied" → "bulli"), for search. */
export interface StemmedToken extends Token {
  stem: string;
}

/**
 * Tokens of `text` with lemmas, sentence and clause numbers, from wink-nlp's English model (its
 * tokenisation is lossless, so offsets are exact). Punctuation is left out. Stems cost about as
 * much again as the rest, so only a search asks for them (`{ stems: true }`); the concern check,
 * which reads every message, does not.
 */
export function analyse(text: string): Token[];
export function analyse(text: string, opts: { stems: true }): StemmedToken[];
export function analyse(text: string, opts: { stems?: boolean } = {}): Token[] | StemmedToken[] {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  // wink's typings for `out(its.…)` disagree with themselves across helpers; read through one untyped door.
  const out = (t: ItemToken, f: unknown): unknown => (t.out as (f?: unknown) => unknown)(f);
  const tokens: (Token | StemmedToken)[] = [];
  let at = 0;
  let clause = 0;
  nlp
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      const value = t.out();
      at += (out(t, its.precedingSpaces) as string).length;
      const start = at;
      at += value.length;
      if (out(t, its.type) === 'punctuation') {
        if (/^[,;:()\-–—"“”]$/.test(value)) clause++;
        return;
      }
      if (CLAUSE_WORDS.has(value.toLowerCase())) clause++;
      const sentence = t.parentSentence().index();
      // A new sentence is a new clause too, so nothing "within its clause" reaches across a full stop.
      if (tokens.length && tokens[tokens.length - 1]!.sentence !== sentence) clause++;
      tokens.push({
        // "C." at the end of a sentence is the letter, not an abbreviation.
        word: value.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/^([a-z])\.$/, '$1'),
        lemma: (out(t, its.lemma) as string).toLowerCase().replace(/[\u2018\u2019]/g, "'"),
        ...(opts.stems ? { stem: (out(t, its.stem) as string).toLowerCase() } : {}),
        sentence,
        clause,
        start,
        end: at,
      });
    });
  return tokens;
}
