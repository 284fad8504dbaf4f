import type { FactEntry } from './fact-entry.js';
import { describeFact, PEP_LEAD } from './fact-words.js';
import { count } from '../text/plural.js';
import { londonDayOf, ukDate } from '../text/uk-date.js';

/**
 * What a correction changed, in words, so the chronology can mark an entry as corrected (what
 * changed, by whom, when) and a correction as what it put right. Pure; dates London `YYYY-MM-DD`.
 */

/** "hours a week: 15 → 12", one for each value the correction changed. */
export function changesMade(was: FactEntry, now: FactEntry): string[] {
  if (now.fact === 'withdrawn') return ['withdrawn: it should not have been recorded'];
  if (was.fact !== now.fact) return [`${describeFact(was)} → ${describeFact(now)}`];
  const out: string[] = [];
  const change = (what: string, a: string, b: string) => a !== b && out.push(`${what}: ${a} → ${b}`);
  change('the day', ukDate(was.on), ukDate(now.on));
  switch (now.fact) {
    case 'part-time-timetable': {
      const w = was as Extract<FactEntry, { fact: 'part-time-timetable' }>;
      change('planned end', ukDate(w.plannedEndDate), ukDate(now.plannedEndDate));
      change('hours a week', count(w.hoursPerWeek, 'hour'), count(now.hoursPerWeek, 'hour'));
      change('the LA told', w.laNotifiedOn ? ukDate(w.laNotifiedOn) : 'not yet', now.laNotifiedOn ? ukDate(now.laNotifiedOn) : 'not yet');
      break;
    }
    case 'pep-meeting': {
      const w = was as Extract<FactEntry, { fact: 'pep-meeting' }>;
      change('led by', PEP_LEAD[w.ledBy], PEP_LEAD[now.ledBy]);
      change('next one', w.nextOn ? ukDate(w.nextOn) : 'not set', now.nextOn ? ukDate(now.nextOn) : 'not set');
      break;
    }
    case 'suspension-return':
    case 'provision-started':
    case 'part-time-timetable-ended':
      break;
    default:
      change('what it says', describeFact(was), describeFact(now));
  }
  return out.length ? out : ['nothing but the note'];
}

/** A correction of an entry, as the chronology marks the entry it corrects. */
export interface CorrectionMade {
  correction: FactEntry;
  /** What it changed in the version it corrected (changesMade). */
  changes: string[];
}

/**
 * For each entry that was corrected, its corrections in the order recorded, each with what it changed
 * from the version standing before it (an entry corrected twice: the first correction against the
 * entry, the second against the first). Keyed by the original entry's id, which a correction of a
 * correction is followed back to.
 */
export function correctionsByEntry(entries: readonly FactEntry[]): Map<string, CorrectionMade[]> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rootOf = (id: string): string => {
    let e = byId.get(id);
    // Bounded, so a hand-edited file whose corrections go round in a circle cannot hang the bot.
    for (let hops = 0; e?.corrects && hops <= entries.length; hops++) e = byId.get(e.corrects);
    return e?.id ?? id;
  };
  const standing = new Map<string, FactEntry>();
  const out = new Map<string, CorrectionMade[]>();
  for (const e of entries) {
    if (!e.corrects) {
      standing.set(e.id, e);
      continue;
    }
    const root = rootOf(e.corrects);
    const was = standing.get(root) ?? byId.get(e.corrects);
    if (!was) continue;
    out.set(root, [...(out.get(root) ?? []), { correction: e, changes: changesMade(was, e) }]);
    standing.set(root, e);
  }
  return out;
}

/** The version a correction replaced (the entry, or its latest earlier correction), for naming it. */
export function correctedVersion(entries: readonly FactEntry[], correction: FactEntry): { entry: FactEntry; changes: string[] } | undefined {
  for (const [root, made] of correctionsByEntry(entries)) {
    const i = made.findIndex((m) => m.correction.id === correction.id);
    if (i < 0) continue;
    const entry = i === 0 ? entries.find((e) => e.id === root) : made[i - 1]!.correction;
    return entry && { entry, changes: made[i]!.changes };
  }
  return undefined;
}

/**
 * How a record marks an entry that was corrected, or a correction: "Corrected on Fri 20 Nov 2026 by
 * sendco-1: hours a week: 15 hours → 12 hours." or "Corrects the entry of Mon 2 Nov 2026: …".
 * Empty for an entry that is neither. `who` names a staff id as the reader should see it.
 */
export function correctionNote(entries: readonly FactEntry[], e: FactEntry, who: (id: string) => string): string {
  if (e.corrects) {
    const v = correctedVersion(entries, e);
    return v ? `Corrects the entry of ${ukDate(v.entry.on)}: ${v.changes.join('; ')}.` : 'Corrects an earlier entry.';
  }
  const made = correctionsByEntry(entries).get(e.id);
  if (!made?.length) return '';
  return made.map((m) => `Corrected on ${ukDate(londonDayOf(m.correction.at))} by ${who(m.correction.by)}: ${m.changes.join('; ')}.`).join(' ');
}
