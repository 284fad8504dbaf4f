import { ITEM_KINDS, type ItemKind } from '../../core/record/record-items.js';
import { recogniseLaReport } from '../la-report.js';

/**
 * The commands that read a pupil's record back, as staff type them and as buttons send them. Each
 * button sends the same words a person could type (`commandFor`), so the terminal, Teams and Slack
 * share one grammar, and a button on an old card still means what it said.
 *
 * - `pupil 4021`: the pupil's summary (also "show 4021", "summary for 4021")
 * - `timeline 4021`: the chronology (also "history 4021", "chronology 4021")
 * - `show pcp 1 for 4021`, `show psp 1 …`, `show review 2 …`, `show referral 1 …`, `show exclusion 1 …`
 *   (or "show suspension 1 for 4021"; without a number, the latest)
 * - `evidence 4021`: the evidence pack, a PDF of the whole record (also "evidence pack for 4021")
 * - `my pupils`, `pupils on a psp`, `pupils at risk`, `looked after pupils`, `deadlines this week`, `lists`
 * - any of these with "page 2"; an LA officer names the school too: `pupil 4021 at oak-primary`
 */

export type ListId = 'mine' | 'psp' | 'risk' | 'care' | 'deadlines';
export const LIST_IDS: readonly ListId[] = ['mine', 'psp', 'risk', 'care', 'deadlines'];

/** Which pupil: the school's reference, and the school when the reader works across schools. */
export interface PupilAt {
  ref: string;
  school?: string;
}

export type ReadRequest =
  | ({ kind: 'pupil' } & PupilAt)
  | ({ kind: 'timeline'; page: number } & PupilAt)
  /** The evidence pack: the record as a document to attach to an EHC needs assessment request or a referral. */
  | ({ kind: 'evidence' } & PupilAt)
  | ({ kind: 'item'; item: ItemKind; /** Undefined: the latest. */ n?: number; page: number } & PupilAt)
  | { kind: 'list'; list: ListId; page: number }
  | { kind: 'lists' }
  /** "pupil" or "timeline" with no pupil: which one? */
  | { kind: 'which'; then: 'pupil' | 'timeline' | 'evidence' };

const REF = '([A-Za-z0-9][A-Za-z0-9-]{0,19})';
const AT = '(?: at ([a-z0-9][a-z0-9-]{1,62}))?';
const PAGE = '(?:,? page (\\d{1,4}))?';
const FOR = '(?: (?:for|of))?(?: pupil)?';

/** The words staff type for each list; the first is what its buttons send. */
const LIST_WORDS: Record<ListId, string[]> = {
  mine: ['my pupils', 'my-pupils', 'pupils', 'list pupils', 'list my pupils', 'show my pupils', 'show pupils', 'all pupils'],
  psp: ['pupils on a psp', 'pupils on psp', 'pupils on psps', 'pupils with a psp', 'psp pupils', 'psp list', 'list psps', 'on a psp'],
  risk: ['pupils at risk', 'pupils at risk of exclusion', 'pupils at risk of permanent exclusion', 'at risk pupils', 'at risk list', 'list at risk', 'at-risk'],
  care: [
    'looked after pupils',
    'pupils looked after',
    'looked after list',
    'list looked after',
    'pupils with a social worker',
    'pupils with social workers',
    'looked after or social worker',
    'looked after pupils or with a social worker',
    'pupils looked after or with a social worker',
    'cla list',
    'lac list',
  ],
  deadlines: ['deadlines this week', 'deadlines', "this week's deadlines", 'pupils with deadlines', 'pupils with deadlines this week', 'due this week', 'list deadlines'],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LIST_RES: [ListId, RegExp][] = LIST_IDS.map((id) => [id, new RegExp(`^(?:${LIST_WORDS[id].map(escapeRe).join('|')})${PAGE}$`, 'i')]);

const ITEM_WORDS: Record<string, ItemKind> = { pcp: 'pcp', psp: 'psp', review: 'review', referral: 'referral', exclusion: 'exclusion', suspension: 'exclusion' };

const RULES: { re: RegExp; read: (m: RegExpMatchArray) => ReadRequest }[] = [
  {
    re: new RegExp(`^(?:show|open|read)(?: the)? (pcp|psp|review|referral|exclusion|suspension)(?: (\\d{1,3}))?${FOR} ${REF}${AT}${PAGE}$`, 'i'),
    read: (m) => ({ kind: 'item', item: ITEM_WORDS[m[1]!.toLowerCase()]!, ...(m[2] ? { n: Number(m[2]) } : {}), ...at(m[3]!, m[4]), page: pageNo(m[5]) }),
  },
  { re: new RegExp(`^(?:timeline|history|chronology)${FOR} ${REF}${AT}${PAGE}$`, 'i'), read: (m) => ({ kind: 'timeline', ...at(m[1]!, m[2]), page: pageNo(m[3]) }) },
  { re: /^(?:timeline|history|chronology)$/i, read: () => ({ kind: 'which', then: 'timeline' }) },
  // Asked for with no pupil ("evidence pack", "an evidence pack please"): which pupil? Before the rule
  // below, which would otherwise read "pack", "for" or "please" as a pupil's reference.
  { re: /^(?:(?:make|get|give me|produce|create)(?: me)? )?(?:an? |the )?(?:evidence|evidence pack|graduated response evidence(?: pack)?)(?: for| of| please| for a pupil)?[?.!]?$/i, read: () => ({ kind: 'which', then: 'evidence' }) },
  { re: new RegExp(`^(?:evidence|evidence pack|graduated response evidence)${FOR} (?!(?:pack|for|please|pupil)$)${REF}${AT}$`, 'i'), read: (m) => ({ kind: 'evidence', ...at(m[1]!, m[2]) }) },
  { re: /^(?:lists|pupil lists|show lists)$/i, read: () => ({ kind: 'lists' }) },
  // "show more" or "show me" is not a pupil called "more".
  { re: new RegExp(`^(?:pupil|show(?: pupil)?|open(?: pupil)?|summary(?: (?:for|of))?(?: pupil)?|pupil summary(?: for)?)(?: for)? (?!(?:more|me|all|help|it|them|lists?|pupils?)$)${REF}${AT}$`, 'i'), read: (m) => ({ kind: 'pupil', ...at(m[1]!, m[2]) }) },
  { re: /^(?:pupil|pupil summary|summary)$/i, read: () => ({ kind: 'which', then: 'pupil' }) },
];

function at(ref: string, school: string | undefined): PupilAt {
  return { ref, ...(school ? { school: school.toLowerCase() } : {}) };
}
const pageNo = (s: string | undefined) => (s ? Math.max(1, Number(s)) : 1);

/** What these words ask to read, or undefined when they ask for something else. Words already tidied (one space). */
export function recogniseRead(words: string): ReadRequest | undefined {
  for (const [list, re] of LIST_RES) {
    const m = words.match(re);
    if (m) return { kind: 'list', list, page: pageNo(m[1]) };
  }
  for (const r of RULES) {
    const m = words.match(r.re);
    if (m) return r.read(m);
  }
  return undefined;
}

/** The words a request's button sends: its canonical command, read back by recogniseRead. */
export function commandFor(r: ReadRequest): string {
  const where = (p: PupilAt) => `${p.ref}${p.school ? ` at ${p.school}` : ''}`;
  const page = (n: number) => (n > 1 ? ` page ${n}` : '');
  switch (r.kind) {
    case 'pupil':
      return `pupil ${where(r)}`;
    case 'timeline':
      return `timeline ${where(r)}${page(r.page)}`;
    case 'evidence':
      return `evidence ${where(r)}`;
    case 'item':
      return `show ${r.item}${r.n ? ` ${r.n}` : ''} for ${where(r)}${page(r.page)}`;
    case 'list':
      return `${LIST_WORDS[r.list][0]}${page(r.page)}`;
    case 'lists':
      return 'lists';
    case 'which':
      return r.then;
  }
}

/** The commands as staff type them, for "Did you mean …?" (command-typos.ts). */
export const READ_WORDS: readonly string[] = ['pupil', 'timeline', 'history', 'evidence', 'my pupils', 'deadlines', 'lists', ...ITEM_KINDS.map((k) => `show ${k}`)];

/**
 * Whether these words ask for a file (the evidence pack about a pupil, the LA's figures as CSV).
 * Channels send such a file only where no one else can see it, and take no other command back from
 * a file's consent card.
 */
export function asksForFile(words: string): boolean {
  const t = words.trim().replace(/\s+/g, ' ');
  return recogniseRead(t)?.kind === 'evidence' || recogniseLaReport(t)?.csv === true;
}
