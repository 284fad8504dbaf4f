import type { PupilCase, PupilFlags } from '../cases/pupil-case.js';
import type { FactEntry, FactKind } from './fact-entry.js';

/**
 * The pupil's facts now, folded from their chronology: the one place anything reads whether a
 * pupil is looked after, has a social worker or an EHCP, is on a part-time timetable, is at risk of
 * permanent exclusion, or is waiting on an EHC needs assessment. The guidance, the checks before a
 * suspension, the reminders and the views all call {@link pupilFacts}, so they can never disagree.
 *
 * The starting state is what the record held before it had a chronology (the flags given when the
 * pupil was added, or on a file saved before entries were kept); each entry then changes it, in the
 * order of the days they happened on, then the order they were recorded.
 */
export interface PupilFacts {
  flags: PupilFlags;
  riskOfPermanentExclusion: boolean;
  /** The day the EHCP was issued, when recorded. */
  ehcpIssuedOn?: string;
  /** An EHC needs assessment requested and not yet settled (no EHCP issued since, not stopped). */
  ehcRequestedOn?: string;
  /** The part-time timetable the pupil is on, or is due to start; gone once it has ended. */
  partTimeTimetable?: { startDate: string; endDate: string; hoursPerWeek?: number; laNotifiedOn?: string; reviewDate?: string };
  /** The day the pupil became looked after, when an entry says so (not for a pupil added as looked after). */
  lookedAfterSince?: string;
  /** The latest PEP meeting recorded (London dates): the day it was held, and the next one when set. */
  lastPep?: { on: string; nextOn?: string };
  /** The latest return from a suspension that was recorded. */
  returnFromSuspension?: { on: string; exclusionId: string; days: number };
}

/** The parts of a record the facts are read from; those a record may lack count as nothing recorded. */
export type FactsSource = Pick<PupilCase, 'flags'> & Partial<Pick<PupilCase, 'riskOfPermanentExclusion' | 'ehcRequestedOn' | 'partTimeTimetable' | 'facts'>>;

/** What the record held before any entry. */
export function startingFacts(c: FactsSource): PupilFacts {
  return {
    flags: { ...c.flags },
    riskOfPermanentExclusion: c.riskOfPermanentExclusion ?? false,
    ...(c.ehcRequestedOn ? { ehcRequestedOn: c.ehcRequestedOn } : {}),
    ...(c.partTimeTimetable ? { partTimeTimetable: { ...c.partTimeTimetable } } : {}),
  };
}

/** Drops a key, so the state never carries `undefined` values (it is saved in answers and compared). */
function without(s: PupilFacts, key: 'ehcpIssuedOn' | 'ehcRequestedOn' | 'partTimeTimetable' | 'lookedAfterSince'): PupilFacts {
  if (!(key in s)) return s;
  const rest = { ...s };
  delete rest[key];
  return rest;
}

/** One entry applied to the facts. Pure. */
export function evolveFacts(s: PupilFacts, e: FactEntry): PupilFacts {
  switch (e.fact) {
    case 'care': {
      const flags = { ...s.flags, lookedAfter: e.care === 'looked-after', previouslyLookedAfter: e.care === 'previously-looked-after' };
      if (e.care !== 'looked-after') return without({ ...s, flags }, 'lookedAfterSince');
      // Still looked after from an earlier entry: care began then, not now.
      return { ...s, flags, lookedAfterSince: s.flags.lookedAfter && s.lookedAfterSince ? s.lookedAfterSince : e.on };
    }
    case 'social-worker':
      return { ...s, flags: { ...s.flags, socialWorker: e.has } };
    case 'send': {
      const flags = { ...s.flags, senSupport: e.send === 'sen-support', ehcp: e.send === 'ehcp' };
      if (e.send !== 'ehcp') return without({ ...s, flags }, 'ehcpIssuedOn');
      // An EHCP issued settles the assessment that led to it.
      return { ...without(s, 'ehcRequestedOn'), flags, ehcpIssuedOn: e.on };
    }
    case 'ehc-assessment':
      return e.status === 'requested' ? { ...s, ehcRequestedOn: e.on } : without(s, 'ehcRequestedOn');
    case 'part-time-timetable':
      return { ...s, partTimeTimetable: { startDate: e.on, endDate: e.plannedEndDate, hoursPerWeek: e.hoursPerWeek, ...(e.laNotifiedOn ? { laNotifiedOn: e.laNotifiedOn } : {}), ...(e.reviewDate ? { reviewDate: e.reviewDate } : {}) } };
    case 'part-time-timetable-ended':
      return without(s, 'partTimeTimetable');
    case 'suspension-return':
      return { ...s, returnFromSuspension: { on: e.on, exclusionId: e.exclusionId, days: e.days } };
    case 'risk-of-permanent-exclusion':
      return { ...s, riskOfPermanentExclusion: e.atRisk };
    case 'pep-meeting':
      return { ...s, lastPep: { on: e.on, ...(e.nextOn ? { nextOn: e.nextOn } : {}) } };
    case 'provision-started':
    case 'withdrawn':
    case 'reinstated':
      // A day on record (read by the day-6 figures), not a fact about the pupil now.
      return s;
  }
}

/** The entry a correction is about, followed back through corrections of corrections. */
export function originalOf(entries: readonly FactEntry[], id: string): FactEntry | undefined {
  return rootFinder(entries)(id);
}

function rootFinder(entries: readonly FactEntry[]): (id: string) => FactEntry | undefined {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (id) => {
    let e = byId.get(id);
    // Bounded, so a hand-edited file whose corrections go round in a circle cannot hang the bot.
    for (let hops = 0; e?.corrects && hops <= entries.length; hops++) e = byId.get(e.corrects);
    return e?.corrects ? undefined : e;
  };
}

/** An entry that counts, as it stands after corrections, with the original it stands for. */
export interface StandingEntry {
  entry: FactEntry;
  original: FactEntry;
}

/**
 * The entries that count, as they stand after corrections, in the order they are read: each
 * original entry replaced by the latest correction of it (a withdrawal drops it), sorted by the day
 * it happened on and then by when the original was recorded. A correction of an entry that does not
 * exist counts for nothing.
 */
export function standingEntries(entries: readonly FactEntry[]): StandingEntry[] {
  if (!entries.length) return [];
  const rootOf = rootFinder(entries);
  const latest = new Map<string, FactEntry>();
  const originals = new Map<string, { entry: FactEntry; order: number }>();
  for (const e of entries) {
    if (!e.corrects) originals.set(e.id, { entry: e, order: originals.size });
    else {
      const root = rootOf(e.id);
      if (root) latest.set(root.id, e);
    }
  }
  const standing: (StandingEntry & { order: number })[] = [];
  for (const [id, o] of originals) {
    const entry = latest.get(id) ?? o.entry;
    if (entry.fact !== 'withdrawn') standing.push({ entry, original: o.entry, order: o.order });
  }
  standing.sort((a, b) => a.entry.on.localeCompare(b.entry.on) || a.order - b.order);
  return standing.map(({ entry, original }) => ({ entry, original }));
}

/** The entries that count, as they stand, in the order they are read ({@link standingEntries}). */
export function effectiveEntries(entries: readonly FactEntry[]): FactEntry[] {
  return standingEntries(entries).map((s) => s.entry);
}

/**
 * The pupil's facts now, from their record alone. Pure; remembered per record object (records are
 * never changed in place, a change makes a new one), so the guidance, the reminders and the views
 * reading the same record in one turn fold its entries once.
 */
export function pupilFacts(c: FactsSource): PupilFacts {
  let facts = folded.get(c);
  if (!facts) {
    const start = startingFacts(c);
    facts = c.facts?.length ? effectiveEntries(c.facts).reduce(evolveFacts, start) : start;
    folded.set(c, facts);
  }
  return facts;
}

const folded = new WeakMap<FactsSource, PupilFacts>();

/**
 * The case as it stands today: its stored starting facts (flags, risk of permanent exclusion, EHC
 * request, part-time timetable) replaced by what pupilFacts works out from the entries, so a view
 * that reads those fields shows what is true now. For reading only; never saved.
 */
export function caseAsItStands<C extends FactsSource>(c: C): C {
  if (!c.facts?.length) return c;
  const now = pupilFacts(c);
  const { ehcRequestedOn: _ehc, partTimeTimetable: _ptt, ...rest } = c;
  return {
    ...rest,
    flags: now.flags,
    riskOfPermanentExclusion: now.riskOfPermanentExclusion,
    ...(now.ehcRequestedOn ? { ehcRequestedOn: now.ehcRequestedOn } : {}),
    ...(now.partTimeTimetable ? { partTimeTimetable: { startDate: now.partTimeTimetable.startDate, endDate: now.partTimeTimetable.endDate, ...(now.partTimeTimetable.laNotifiedOn ? { laNotifiedOn: now.partTimeTimetable.laNotifiedOn } : {}) } } : {}),
  } as C;
}

/**
 * The day full-time provision started after each exclusion it is recorded for (exclusion id →
 * London date), as the entries stand after corrections: the first such day when there are several.
 * Its day-6 reminder and deadline stop once one is recorded.
 */
export function provisionStarted(c: FactsSource): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of c.facts?.length ? effectiveEntries(c.facts) : []) if (e.fact === 'provision-started' && !out.has(e.exclusionId)) out.set(e.exclusionId, e.on);
  return out;
}

/** The facts that hold a state now (not a day on record), in the order a page lists them; a timetable's end is its own family's. */
const STATE_FAMILIES: readonly FactKind[] = ['care', 'social-worker', 'send', 'ehc-assessment', 'part-time-timetable', 'risk-of-permanent-exclusion', 'pep-meeting'];
const familyOf = (k: FactKind): FactKind => (k === 'part-time-timetable-ended' ? 'part-time-timetable' : k);

/**
 * For each fact that holds a state (care, social worker, SEN, EHC request, part-time timetable,
 * risk, the last PEP), the standing entry it comes from now: the latest by the day it happened on,
 * then by when it was recorded. In STATE_FAMILIES order; facts with no entry are left out.
 */
export function factSources(entries: readonly FactEntry[]): FactEntry[] {
  const latest = new Map<FactKind, FactEntry>();
  for (const e of effectiveEntries(entries)) latest.set(familyOf(e.fact), e);
  return STATE_FAMILIES.flatMap((k) => latest.get(k) ?? []);
}

/**
 * The standing entry that outweighs `entry` (just recorded, not a correction): a later-dated one
 * about the same fact, which the facts now follow. Undefined when `entry` is the latest of its kind
 * or is not about a state.
 */
export function laterEntryThan(entries: readonly FactEntry[], entry: FactEntry): FactEntry | undefined {
  const family = familyOf(entry.fact);
  if (!STATE_FAMILIES.includes(family)) return undefined;
  return effectiveEntries(entries).filter((e) => e.id !== entry.id && familyOf(e.fact) === family && e.on > entry.on).at(-1);
}
