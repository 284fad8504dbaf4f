import type { PupilCase, Referral } from '../core/cases/pupil-case.js';
import type { CaseChange } from '../core/cases/case-service.js';
import { text, type View } from '../core/views/view.js';
import type { StaffMember } from '../core/staff.js';
import type { LaNotice } from '../core/store/reminder-ledger.js';
import { describePupil } from '../dialogs/pupil-question.js';
import { FULL_DETAILS_FROM_SCHOOL } from '../dialogs/referral-known.js';
import { ukDate, ukDateTime } from '../core/text/uk-date.js';
import type { Logger } from '../logger.js';
import type { Core } from './bootstrap.js';
import { notifierFor, type Notifiers } from './notifier.js';

/** The LA team's channel in one chat platform: post a notice, and update it in place for everyone. */
export interface LaChannelPoster {
  readonly channel: 'teams' | 'slack';
  linked(): boolean;
  post(views: readonly View[]): Promise<string>;
  update(messageId: string, views: readonly View[]): Promise<void>;
}

const RETRY_MINUTES = 5;

/**
 * Referrals to the LA reach the LA team's channel the moment they are saved. Each notice is
 * recorded in the ledger before it is posted, so a failure or a restart retries it rather than
 * losing it. The message carries only what the LA needs to pick it up: school, pupil reference and
 * initials, year, step and service — never the reasons or plans, which stay with the school.
 */
export class LaNotices {
  readonly #posting = new Map<string, Promise<void>>();

  constructor(
    private readonly core: Core,
    private readonly posters: readonly LaChannelPoster[],
    private readonly notifiers: Notifiers,
    private readonly log: Logger,
  ) {}

  /** Starts listening for referrals; call once at start-up. */
  listen(): void {
    this.core.cases.onChange((change) => void this.#onChange(change).catch((err: Error) => this.log.error('LA notice failed', { error: err.name })));
  }

  async #onChange({ action, before, after, user }: CaseChange): Promise<void> {
    if (action !== 'referral.create') return;
    const known = new Set(before.referrals.map((r) => r.id));
    for (const r of after.referrals.filter((x) => !known.has(x.id) && x.toLocalAuthority)) {
      await this.core.reminders.setNotice(r.id, { schoolId: after.schoolId, caseId: after.id, referralId: r.id, referrerId: user.id, state: 'recorded', attempts: 0 });
      await this.dispatch(r.id);
    }
  }

  /** Posts every notice not yet posted whose retry time has come (called on each scheduler pass). */
  async dispatchPending(now: Date): Promise<void> {
    for (const [id, n] of Object.entries(await this.core.reminders.allNotices())) if (n.state !== 'posted' && (!n.nextTryAt || new Date(n.nextTryAt) <= now)) await this.dispatch(id);
  }

  /** Posts one notice. Concurrent calls for the same notice share one post. */
  dispatch(id: string): Promise<void> {
    const running = this.#posting.get(id);
    if (running) return running;
    const work = this.#dispatch(id).finally(() => this.#posting.delete(id));
    this.#posting.set(id, work);
    return work;
  }

  async #dispatch(id: string): Promise<void> {
    const notice = await this.core.reminders.notice(id);
    const poster = this.posters.find((p) => p.linked());
    if (!notice || notice.state === 'posted') return;
    if (!poster) return this.log.warn('no LA team channel is linked; the referral notice waits', { notice: id });
    const views = await this.#views(id, notice);
    try {
      const messageId = await poster.post(views);
      await this.core.reminders.setNotice(id, { ...notice, state: 'posted', attempts: notice.attempts + 1, nextTryAt: undefined, message: { channel: poster.channel, id: messageId } });
      await this.core.audit.record({ at: this.core.now().toISOString(), actorId: 'system:la-notices', action: 'la-notice.posted', schoolId: notice.schoolId, caseId: notice.caseId, outcome: 'done' });
    } catch (err) {
      await this.core.reminders.setNotice(id, { ...notice, state: 'failed', attempts: notice.attempts + 1, nextTryAt: new Date(this.core.now().getTime() + RETRY_MINUTES * 60_000).toISOString() });
      this.log.warn('LA notice not posted yet', { error: (err as Error).name });
    }
  }

  /** "Acknowledge" or "Assign to me", pressed by someone in the LA team. Updates the message for everyone. */
  async act(person: { id: string; name?: string }, me: StaffMember | undefined, id: string, what: 'ack' | 'assign'): Promise<View[]> {
    if (me?.role !== 'la-officer') return [{ blocks: [text('Only the LA inclusion team can acknowledge or take a referral.', 'warning')] }];
    // A press can arrive while the post is still being recorded; wait, so the message id is known.
    await this.#posting.get(id);
    const notice = await this.core.reminders.notice(id);
    if (!notice) return [{ blocks: [text('I can’t find that referral any more. Nothing was changed.', 'warning')] }];
    const at = this.core.now().toISOString();
    const name = (person.name ?? 'a member of the LA team').slice(0, 80);
    const firstAck = !notice.acknowledged;
    const next: LaNotice = {
      ...notice,
      acknowledged: notice.acknowledged ?? { by: person.id, name, at },
      ...(what === 'assign' ? { assigned: { to: person.id, name, at } } : {}),
    };
    await this.core.reminders.setNotice(id, next);
    await this.core.audit.record({ at, actorId: person.id, action: what === 'ack' ? 'la-notice.acknowledged' : 'la-notice.assigned', schoolId: notice.schoolId, caseId: notice.caseId, outcome: 'done' });
    // The pupil's record keeps the acknowledgement too, so its chronology and evidence pack show it.
    if (firstAck) await this.core.cases.referralAcknowledged(me, { schoolId: notice.schoolId, id: notice.caseId }, notice.referralId).catch((err: Error) => this.log.warn('acknowledgement not recorded on the case', { error: err.name }));
    const views = await this.#views(id, next);
    const poster = next.message && this.posters.find((p) => p.channel === next.message!.channel);
    if (poster && next.message) await poster.update(next.message.id, views).catch((err: Error) => this.log.warn('LA notice update failed', { error: err.name }));
    if (firstAck) await this.#tellReferrer(next, name);
    return views;
  }

  async #tellReferrer(n: LaNotice, name: string): Promise<void> {
    const c = await this.core.repo.get(n.schoolId, n.caseId);
    const notifier = notifierFor(this.notifiers, n.referrerId);
    if (!c || !notifier) return;
    await notifier.notifyPerson(n.referrerId, [{ blocks: [text(`Your referral for ${describePupil(c)} was acknowledged by ${name} in the LA inclusion team.`, 'success')] }]).catch((err: Error) => this.log.warn('referrer not told', { error: err.name }));
  }

  async #views(id: string, n: LaNotice): Promise<View[]> {
    const c = await this.core.repo.get(n.schoolId, n.caseId);
    const r = c?.referrals.find((x) => x.id === n.referralId);
    return [noticeView(id, n, c, r, r ? this.core.pack.services.find((s) => s.id === r.serviceId)?.name : undefined, this.core.staff.schoolName(n.schoolId))];
  }
}

/** The school's staff a referral names (seed 004's form: head teacher, SENDCo, DSL), as the notice labels them. */
const SCHOOL_CONTACTS = [
  ['headteacherName', 'Head teacher'],
  ['sendcoName', 'SENDCo'],
  ['dslName', 'DSL'],
  ['dslContact', 'DSL contact'],
] as const;

/**
 * The notice as the LA team sees it. Each button goes once its work is done: Acknowledge after
 * anyone acknowledged (or took it on), Assign to me once someone has; the notice then says who did
 * it and when, so nobody presses a button that has nothing left to do. Exported for the screenshot tests.
 */
export function noticeView(id: string, n: LaNotice, c: PupilCase | undefined, r: Referral | undefined, serviceName: string | undefined, school: string): View {
  const status = n.assigned ? `Assigned to ${n.assigned.name}.` : n.acknowledged ? `Acknowledged by ${n.acknowledged.name}.` : 'Not yet acknowledged.';
  const when = (label: string, at: string) => ({ label, value: ukDateTime(at), at });
  const buttons = [
    ...(n.acknowledged ? [] : [{ command: `la ack ${id}`, label: 'Acknowledge', description: 'Tell the school it has been received' }]),
    ...(n.assigned ? [] : [{ command: `la assign ${id}`, label: 'Assign to me', description: 'Take it on' }]),
  ];
  return {
    blocks: [
      { type: 'heading', text: `New referral from ${school}` },
      {
        type: 'facts',
        facts: [
          { label: 'Pupil', value: c ? describePupil(c) : 'no longer on record' },
          { label: 'Step', value: c ? `Step ${c.currentStep}` : '–' },
          { label: 'Referred to', value: serviceName ?? r?.serviceId ?? '–' },
          { label: 'Date', value: r ? ukDate(r.date) : '–' },
          { label: 'Parental permission', value: 'given' },
          // Staff the LA team will speak to (004's form asks them): staff names, not the pupil's.
          ...SCHOOL_CONTACTS.flatMap(([field, label]) => (r?.fields?.[field]?.trim() ? [{ label, value: r.fields[field]!.trim() }] : [])),
          ...(n.acknowledged ? [when('Acknowledged', n.acknowledged.at)] : []),
          ...(n.assigned ? [when('Assigned', n.assigned.at)] : []),
        ],
      },
      text(status, n.acknowledged ? 'success' : 'warning'),
      text(FULL_DETAILS_FROM_SCHOOL, 'muted'),
      ...(buttons.length ? [{ type: 'menu' as const, items: buttons }] : []),
    ],
  };
}
