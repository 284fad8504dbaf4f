import { randomUUID } from 'node:crypto';
import { fillsInSelfReflection, seesSharedSelfReflections } from '../access/policy.js';
import { londonToday } from '../dates.js';
import { AppError, StoreError } from '../errors.js';
import type { StaffMember } from '../staff.js';
import type { AuditLog } from '../store/case-repository.js';
import type { SelfReflectionStore } from '../store/self-reflection-store.js';
import type { ReflectionArea, SelfReflectionTool } from '../../knowledge/schema/templates.js';
import { AREA_NOTE_MAX, areaRating, areasLeft, EARLIER_MAX, latestTwo, type AreaAnswers, type CompletedReflection, type Rating, type SchoolReflections } from './reflection.js';

/** What an LA officer is shown of a school that shares: the date and each area's rating, never notes or items. */
export interface SharedReflection {
  schoolId: string;
  completedOn: string;
  /** By area id, for the areas the pack has now. */
  ratings: Record<string, Rating>;
  /** The reflection before it, the same way, for the change. */
  previous?: { completedOn: string; ratings: Record<string, Rating> };
}

/** Saves made from one stale read are tried again this many times: two areas saved at once both land. */
const RETRIES = 3;

/**
 * The only way dialogs reach a school's self-reflection. Who may fill it in, and who sees what is
 * shared, is checked here on every call (access/policy.ts), and every save and every disclosure to
 * the LA is written to the audit log by ids only: never a rating, a note or an area's words.
 */
export class SelfReflectionService {
  constructor(
    private readonly store: SelfReflectionStore,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async #note(user: StaffMember, action: string, outcome: 'allowed' | 'denied' | 'done', schoolId?: string): Promise<void> {
    await this.audit.record({ at: this.now().toISOString(), actorId: user.id, action, outcome, ...(schoolId ? { schoolId } : {}) });
  }

  /** The school of someone who may fill the tool in; refused (and audited) for anyone else. */
  async #schoolOf(user: StaffMember, action: string): Promise<string> {
    if (fillsInSelfReflection(user)) return user.schoolId!;
    await this.#note(user, action, 'denied', user.schoolId);
    throw new AppError('Only the school’s SENDCo or head (an admin of the school) can fill in the Inclusion Self-Reflection.', 'forbidden');
  }

  /** The person's school's reflections (under way and completed), or undefined when it has none. */
  async forSchool(user: StaffMember): Promise<SchoolReflections | undefined> {
    const schoolId = await this.#schoolOf(user, 'self-reflection.read');
    await this.#note(user, 'self-reflection.read', 'allowed', schoolId);
    return this.store.get(schoolId);
  }

  /** Every school's record, read as the system (the reminders); never shown to anyone as it is. */
  all(): Promise<SchoolReflections[]> {
    return this.store.list();
  }

  /**
   * Saves one area's ratings (every item of the area, 1 to 4) and note into the reflection under
   * way, starting one if there is none. The new answers stand; a colleague's answers they replace
   * are kept in the area's `earlier` (with when they were replaced). Returns the record as saved.
   */
  async saveArea(user: StaffMember, tool: SelfReflectionTool, areaId: string, ratings: Readonly<Record<string, number>>, note: string | undefined): Promise<SchoolReflections> {
    const schoolId = await this.#schoolOf(user, 'self-reflection.area');
    const area = tool.areas.find((a) => a.id === areaId);
    if (!area) throw new AppError('That area is no longer in the self-reflection tool. Type "self-reflection" to carry on.', 'not-found');
    const missing = area.items.filter((i) => ![1, 2, 3, 4].includes(ratings[i.id] ?? 0));
    if (missing.length) throw new AppError(`Every item needs a rating from 1 to 4: ${missing.map((i) => i.id).join(', ')} ${missing.length === 1 ? 'has' : 'have'} none.`, 'invalid-input');
    if (note && note.length > AREA_NOTE_MAX) throw new AppError(`A note holds up to ${AREA_NOTE_MAX} characters.`, 'invalid-input');
    const at = this.now().toISOString();
    const answers = { ratings: Object.fromEntries(area.items.map((i) => [i.id, ratings[i.id] as Rating])), ...(note?.trim() ? { note: note.trim() } : {}), by: user.id, at };
    const saved = await this.#change(schoolId, (r) => {
      const inProgress = r.inProgress ?? { id: randomUUID(), startedAt: at, startedBy: user.id, areas: {} };
      // A colleague's answers for this area are kept beside the new ones, never silently dropped.
      const before = inProgress.areas[area.id];
      const { earlier: kept = [], ...standing } = before ?? { earlier: [] };
      const earlier = before && before.by !== user.id ? [...kept, { ...(standing as Omit<AreaAnswers, 'earlier'>), replacedAt: at }].slice(-EARLIER_MAX) : kept;
      return { ...r, inProgress: { ...inProgress, areas: { ...inProgress.areas, [area.id]: { ...answers, ...(earlier.length ? { earlier } : {}) } } } };
    });
    await this.#note(user, 'self-reflection.area', 'done', schoolId);
    return saved;
  }

  /**
   * Completes the reflection under way, dated today, once every area is rated, and records the
   * school's answer on sharing its area ratings with the LA. Throws AppError('conflict') naming
   * what is left when it is not finished.
   */
  async complete(user: StaffMember, tool: SelfReflectionTool, share: boolean): Promise<{ record: SchoolReflections; completed: CompletedReflection }> {
    const schoolId = await this.#schoolOf(user, 'self-reflection.complete');
    const at = this.now().toISOString();
    const completedOn = londonToday(this.now());
    const record = await this.#change(schoolId, (r) => {
      const left = areasLeft(tool, r.inProgress);
      if (!r.inProgress) throw new AppError('There is no self-reflection under way to finish. Type "self-reflection" to start one.', 'conflict');
      if (left.length) throw new AppError(`Some areas are still to rate: ${left.map((a) => a.title).join('; ')}. Type "self-reflection" to carry on.`, 'conflict');
      return { ...r, inProgress: undefined, completed: [...r.completed, { ...r.inProgress, completedAt: at, completedBy: user.id, completedOn }], sharing: { share, by: user.id, at } };
    });
    await Promise.all([this.#note(user, 'self-reflection.complete', 'done', schoolId), this.#note(user, share ? 'self-reflection.share' : 'self-reflection.unshare', 'done', schoolId)]);
    return { record, completed: latestTwo(record).latest! };
  }

  /** Whether the school shares its area ratings with the LA, changed at any time. */
  async setSharing(user: StaffMember, share: boolean): Promise<SchoolReflections> {
    const schoolId = await this.#schoolOf(user, share ? 'self-reflection.share' : 'self-reflection.unshare');
    const record = await this.#change(schoolId, (r) => ({ ...r, sharing: { share, by: user.id, at: this.now().toISOString() } }));
    await this.#note(user, share ? 'self-reflection.share' : 'self-reflection.unshare', 'done', schoolId);
    return record;
  }

  /**
   * For an LA officer: the latest area ratings (and the ones before) of every school that shares
   * them, worked out here so no note or item rating leaves the school. Each school shown is
   * audited as disclosed.
   */
  async shared(user: StaffMember, tool: SelfReflectionTool): Promise<SharedReflection[]> {
    if (!seesSharedSelfReflections(user)) {
      await this.#note(user, 'self-reflection.disclosed', 'denied');
      throw new AppError('Only LA officers see the area ratings schools share.', 'forbidden');
    }
    const out: SharedReflection[] = [];
    for (const s of await this.store.list()) {
      const { latest, previous } = latestTwo(s);
      if (s.sharing?.share !== true || !latest) continue;
      out.push({ schoolId: s.schoolId, completedOn: latest.completedOn, ratings: ratingsOf(tool.areas, latest), ...(previous ? { previous: { completedOn: previous.completedOn, ratings: ratingsOf(tool.areas, previous) } } : {}) });
    }
    // Together, so the audit log writes them as one batch.
    await Promise.all(out.map((s) => this.#note(user, 'self-reflection.disclosed', 'allowed', s.schoolId)));
    return out;
  }

  /** Reads, changes and saves the school's record, reading again when someone else saved in between. */
  async #change(schoolId: string, change: (r: SchoolReflections) => SchoolReflections): Promise<SchoolReflections> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.store.get(schoolId);
      try {
        return await this.store.save(change(current ?? { schoolId, revision: 0, completed: [] }), current?.revision);
      } catch (err) {
        if (!(err instanceof StoreError && err.code === 'conflict') || attempt >= RETRIES) throw err;
      }
    }
  }
}

function ratingsOf(areas: readonly ReflectionArea[], r: CompletedReflection): Record<string, Rating> {
  return Object.fromEntries(
    areas.flatMap((a) => {
      const rated = areaRating(a, r.areas[a.id]);
      return rated ? [[a.id, rated.rating]] : [];
    }),
  );
}
