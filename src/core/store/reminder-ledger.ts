import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod/v4';
import type { PersonState, SendState } from '../reminders/types.js';
import { JsonDocument } from './json-document.js';

const Instant = z.iso.datetime({ offset: true });

const SendStateSchema = z.strictObject({
  state: z.enum(['recorded', 'sent', 'failed']),
  at: Instant,
  attempts: z.number().int().min(0),
  nextTryAt: Instant.optional(),
});

const PersonStateSchema = z.strictObject({ snoozedUntil: Instant.optional(), doneAt: Instant.optional() });

/** A referral posted to the LA team's channel, and what the team did with it. */
export const LaNotice = z.strictObject({
  schoolId: z.string(),
  caseId: z.string(),
  referralId: z.string(),
  referrerId: z.string(),
  state: z.enum(['recorded', 'posted', 'failed']),
  attempts: z.number().int().min(0),
  nextTryAt: Instant.optional(),
  /** Where the message is, so it can be updated in place: a Teams activity id or a Slack ts. */
  message: z.strictObject({ channel: z.enum(['teams', 'slack']), id: z.string() }).optional(),
  acknowledged: z.strictObject({ by: z.string(), name: z.string().max(80), at: Instant }).optional(),
  assigned: z.strictObject({ to: z.string(), name: z.string().max(80), at: Instant }).optional(),
});
export type LaNotice = z.infer<typeof LaNotice>;

const LedgerFile = z.strictObject({
  schemaVersion: z.literal(1),
  sends: z.record(z.string().max(600), SendStateSchema),
  people: z.record(z.string().max(600), PersonStateSchema),
  notices: z.record(z.string().max(40), LaNotice),
});
type LedgerFile = z.infer<typeof LedgerFile>;

/** A short id for a person's reminder, safe to put on a button: the person key never leaves the store. */
export const reminderId = (personKey: string): string => createHash('sha256').update(personKey).digest('hex').slice(0, 16);

/**
 * The reminder ledger: every send is recorded before it goes out and marked when it went, so a
 * restart neither loses nor repeats it; snoozes and "done" are per person. It lives in the data
 * folder, whose lock keeps a second bot process from sending too.
 */
export class ReminderLedger {
  readonly #byId = new Map<string, string>();

  private constructor(private readonly doc: JsonDocument<LedgerFile>) {
    for (const key of Object.keys(doc.data.people)) this.#byId.set(reminderId(key), key);
  }

  static async open(dataDir: string): Promise<ReminderLedger> {
    return new ReminderLedger(await JsonDocument.open(join(dataDir, 'reminders.json'), LedgerFile, () => ({ schemaVersion: 1 as const, sends: {}, people: {}, notices: {} })));
  }

  get sends(): Readonly<Record<string, SendState>> {
    return this.doc.data.sends;
  }

  get people(): Readonly<Record<string, PersonState>> {
    return this.doc.data.people;
  }

  get notices(): Readonly<Record<string, LaNotice>> {
    return this.doc.data.notices;
  }

  /** Written before the message goes out. */
  async recorded(sendKey: string, now: Date): Promise<void> {
    const attempts = (this.doc.data.sends[sendKey]?.attempts ?? 0) + 1;
    await this.#setSend(sendKey, { state: 'recorded', at: now.toISOString(), attempts });
  }

  async sent(sendKey: string, now: Date): Promise<void> {
    const attempts = this.doc.data.sends[sendKey]?.attempts ?? 1;
    await this.#setSend(sendKey, { state: 'sent', at: now.toISOString(), attempts });
  }

  async failed(sendKey: string, now: Date, nextTryAt: Date): Promise<void> {
    const attempts = this.doc.data.sends[sendKey]?.attempts ?? 1;
    await this.#setSend(sendKey, { state: 'failed', at: now.toISOString(), attempts, nextTryAt: nextTryAt.toISOString() });
  }

  /** The person key behind a button's reminder id, if it is this person's. */
  personKeyFor(id: string, personId: string): string | undefined {
    const key = this.#byId.get(id);
    return key && key.endsWith(`|${personId}`) ? key : undefined;
  }

  /** Makes a reminder addressable by id (a button) before it is sent. */
  async remember(personKey: string): Promise<string> {
    const id = reminderId(personKey);
    if (!this.doc.data.people[personKey]) await this.doc.update((f) => ({ ...f, people: { ...f.people, [personKey]: {} } }));
    this.#byId.set(id, personKey);
    return id;
  }

  async snooze(personKey: string, until: Date): Promise<void> {
    await this.doc.update((f) => ({ ...f, people: { ...f.people, [personKey]: { ...f.people[personKey], snoozedUntil: until.toISOString() } } }));
  }

  async done(personKey: string, now: Date): Promise<void> {
    await this.doc.update((f) => ({ ...f, people: { ...f.people, [personKey]: { ...f.people[personKey], doneAt: now.toISOString() } } }));
  }

  async setNotice(id: string, notice: LaNotice): Promise<void> {
    const parsed = LaNotice.parse(notice);
    await this.doc.update((f) => ({ ...f, notices: { ...f.notices, [id]: parsed } }));
  }

  /** Forgets sends and person states older than `before`, so the file does not grow for ever. */
  async prune(before: Date): Promise<number> {
    const cut = before.toISOString();
    const old = Object.entries(this.doc.data.sends).filter(([, s]) => s.state === 'sent' && s.at < cut).map(([k]) => k);
    if (!old.length) return 0;
    await this.doc.update((f) => {
      const sends = { ...f.sends };
      for (const k of old) delete sends[k];
      return { ...f, sends };
    });
    return old.length;
  }

  async #setSend(sendKey: string, state: SendState): Promise<void> {
    await this.doc.update((f) => ({ ...f, sends: { ...f.sends, [sendKey]: state } }));
  }

  close(): Promise<void> {
    return this.doc.close();
  }
}
