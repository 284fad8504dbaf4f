import type { AgeRange, Contact, Phase } from '../../knowledge/schema/common.js';
import { searchWords } from '../text/search-words.js';
import { containsTerms, indexOfTerms, isStopWord } from '../text/words.js';
import type { DocKind, SignpostDoc, TuitionMode } from './documents.js';
import type { SearchWord } from '../text/search-words.js';
import { correctTypo, FIELD_WEIGHT, type Field, type IndexedDoc, type SignpostIndex } from './signpost-index.js';

export interface SignpostFilters {
  age?: number;
  phase?: Phase;
  district?: string;
  mode?: TuitionMode;
  need?: string;
}

export interface SignpostResult {
  kind: DocKind;
  id: string;
  name: string;
  summary: string;
  score: number;
  /** Why it matched, in words a teacher understands. */
  why: string[];
  contacts: Contact[];
  districts?: string[];
  modes?: TuitionMode[];
  ages?: AgeRange;
  registered?: boolean;
}

interface QueryTerm {
  term: string;
  /** What the user typed, for the explanation. */
  shown: string;
  weight: number;
}

const SEND_AS_VERB = /^(him|her|them|us|to|off|home|out|somewhere|away|in|a|an|the|it|back|over)$/;
const NEED_BOOST = 2.5;
const PLACE_BOOST = 3;
const PHRASE_BOOST = 1.5;

/**
 * Turns free text into weighted search terms: the user's own words, then synonym expansions, then
 * typo fixes. `textTerms[i]` is the term of `typed[i]`, and is '' where a word must not match.
 */
function queryTerms(index: SignpostIndex, text: string): { terms: QueryTerm[]; textTerms: string[]; typed: SearchWord[] } {
  const typed = searchWords(text);
  // "send him somewhere" is a verb, not SEND (special educational needs and disabilities): blank it out.
  const textTerms = typed.map((w, i) => (w.word === 'send' && SEND_AS_VERB.test(typed[i + 1]?.word ?? '') ? '' : w.term));
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const push = (term: string, shown: string, weight: number) => {
    if (isStopWord(term) || seen.has(term)) return;
    seen.add(term);
    terms.push({ term, shown, weight });
  };
  textTerms.forEach((t, i) => {
    const w = typed[i]!;
    if (!t || isStopWord(w.word)) return;
    if (index.postings.has(t)) push(t, w.word, 1);
    else {
      const fixed = correctTypo(index, w);
      if (fixed) push(fixed, w.word, 0.6);
    }
  });
  for (const syn of index.synonyms) {
    if (containsTerms(textTerms, syn.key)) for (const term of syn.terms) push(term, syn.expansion, 0.9);
  }
  return { terms, textTerms, typed };
}

function passesFilters(d: SignpostDoc, f: SignpostFilters): boolean {
  if (f.age !== undefined && d.ages && (f.age < d.ages.min || f.age > d.ages.max)) return false;
  if (f.phase && d.phases.length && !d.phases.includes(f.phase)) return false;
  if (f.district && d.districts && !d.districts.includes(f.district)) return false;
  if (f.mode && d.modes && !d.modes.includes(f.mode)) return false;
  if (f.need && !d.needs.includes(f.need)) return false;
  return true;
}

function scoreDoc(index: SignpostIndex, d: IndexedDoc, terms: QueryTerm[], textTerms: string[]) {
  let score = 0;
  const hits = new Map<string, Field[]>();
  for (const t of terms) {
    const idf = index.idf.get(t.term) ?? 0;
    for (const field of Object.keys(FIELD_WEIGHT) as Field[]) {
      if (!d.fields[field].has(t.term)) continue;
      score += idf * FIELD_WEIGHT[field] * t.weight;
      hits.set(t.shown, [...(hits.get(t.shown) ?? []), field]);
    }
  }
  const phrases = d.phrases.filter((p) => containsTerms(textTerms, p));
  score += phrases.reduce((s, p) => s + PHRASE_BOOST * p.length, 0);
  return { score, hits, phrases };
}

/**
 * Ranked services for what a teacher typed, with optional filters. Needs and places named in the
 * text count as soft boosts; explicit filters are hard.
 */
export function signpost(index: SignpostIndex, text: string, filters: SignpostFilters = {}, limit = 5): SignpostResult[] {
  const { terms, textTerms, typed } = queryTerms(index, text);
  const needs = new Map<string, string>();
  for (const n of index.needWords) if (containsTerms(textTerms, n.phrase)) needs.set(n.need, n.label);
  const place = index.places.find((p) => containsTerms(textTerms, p.phrase));

  const results: SignpostResult[] = [];
  for (const d of index.docs) {
    if (!passesFilters(d.doc, filters)) continue;
    const { score: base, hits, phrases } = scoreDoc(index, d, terms, textTerms);
    if (base <= 0) continue;
    let score = base;
    const why: string[] = [];
    const matchedNeeds = d.doc.needs.filter((n) => needs.has(n));
    if (matchedNeeds.length) {
      score += NEED_BOOST * matchedNeeds.length;
      why.push(`covers ${matchedNeeds.map((n) => needs.get(n)).join(', ')}`);
    }
    if (place && d.doc.districts) {
      if (d.doc.districts.includes(place.district)) {
        score += PLACE_BOOST;
        why.push(`works in ${place.label}`);
      } else score *= 0.5;
    }
    // The person's own words for the phrase, exactly as typed, never the search terms ("scare to go home").
    if (phrases.length) {
      const at = indexOfTerms(textTerms, phrases[0]!);
      why.push(`matches "${text.slice(typed[at]!.start, typed[at + phrases[0]!.length - 1]!.end)}"`);
    }
    const words = [...hits.keys()].slice(0, 4);
    if (words.length) why.push(`you mentioned ${words.map((w) => `"${w}"`).join(', ')}`);
    results.push({
      kind: d.doc.kind,
      id: d.doc.id,
      name: d.doc.name,
      summary: d.doc.summary,
      score: Math.round(score * 100) / 100,
      why,
      contacts: d.doc.contacts,
      ...(d.doc.districts ? { districts: d.doc.districts } : {}),
      ...(d.doc.modes ? { modes: d.doc.modes } : {}),
      ...(d.doc.ages ? { ages: d.doc.ages } : {}),
      ...(d.doc.registered !== undefined ? { registered: d.doc.registered } : {}),
    });
  }
  return results.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}
