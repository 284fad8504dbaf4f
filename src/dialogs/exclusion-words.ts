import { looksLikeDate } from './read-date.js';

/**
 * The natural ways staff say a suspension or exclusion happened, read into what the exclusion
 * dialog asks: "suspend 4021", "exclude 4021 for 3 days tomorrow", "4021 suspended for 2 days from
 * Monday", "a 3-day suspension for 4021", "permanently exclude 4021". The words only fill answers
 * in; the dialog reads and checks each of them as if typed at its question, and asks the rest.
 */

/** Answers by question id, as typed: the pupil, and when said, the kind, the days and the first day. */
export interface ExclusionWords {
  pupil: string;
  values: Record<string, string>;
}

/**
 * A pupil reference with a digit in it (4021, P77): these sentences are also how staff write notes
 * ("He was suspended for 2 days"), and a note typed into a form must not read as a command.
 */
const REF = '((?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{0,19})';
const DAYS = /(?:^| )for (\d{1,2}) (?:school )?days?(?= |$)/i;

type Kind = 'suspension' | 'permanent' | undefined;

/** What the verb says: "suspend" is a suspension; "exclude" is either, until a number of days says which. */
function kindOf(verb: string): Kind {
  if (/perm/i.test(verb)) return 'permanent';
  if (/suspen|fixed/i.test(verb)) return 'suspension';
  return undefined;
}

const SAYINGS: { re: RegExp; verb: number; ref: number; rest: number; days?: number }[] = [
  // "suspend 4021 …", "exclude pupil 4021 …", "permanently exclude 4021 …"
  { re: new RegExp(`^((?:permanently |fixed[- ]term )?(?:suspend|exclude))(?: (?:pupil )?)${REF}((?: .*)?)$`, 'i'), verb: 1, ref: 2, rest: 3 },
  // "4021 suspended …", "4021 was excluded …", "4021 has been permanently excluded …"
  { re: new RegExp(`^(?:pupil )?${REF} (?:(?:was|is|has been|will be|to be|being|got|gets) )?((?:permanently |fixed[- ]term )?(?:suspended|excluded))((?: .*)?)$`, 'i'), verb: 2, ref: 1, rest: 3 },
  // "a 3-day suspension for 4021 …", "3 day suspension 4021 …"
  { re: new RegExp(`^(?:an? )?(\\d{1,2})[- ]days? (suspension|fixed[- ]term exclusion) (?:for |of )?(?:pupil )?${REF}((?: .*)?)$`, 'i'), days: 1, verb: 2, ref: 3, rest: 4 },
];

/**
 * The answers in a sentence about a suspension or exclusion, or undefined when it is not one: the
 * whole line must be the verb, the pupil and at most a number of days and a first day, so "4021
 * excluded for 2 days for fighting" is not read (its reason is no date).
 */
export function recogniseExclusionWords(line: string): ExclusionWords | undefined {
  for (const s of SAYINGS) {
    const m = line.match(s.re);
    if (!m) continue;
    let rest = m[s.rest]!.trim();
    let days = s.days ? m[s.days] : undefined;
    const said = rest.match(DAYS);
    if (said && !days) {
      days = said[1];
      rest = rest.replace(DAYS, ' ').replace(/\s+/g, ' ').trim();
    }
    if (rest && !looksLikeDate(rest)) return undefined;
    const kind = kindOf(m[s.verb]!) ?? (days ? 'suspension' : undefined);
    if (kind === 'permanent' && days) return undefined;
    const values: Record<string, string> = { ...(kind ? { kind } : {}), ...(rest ? { startDate: rest } : {}), ...(days ? { days } : {}) };
    return { pupil: m[s.ref]!, values };
  }
  return undefined;
}
