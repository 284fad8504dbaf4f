import { createHash } from 'node:crypto';
import { z } from 'zod/v4';
import type { PersonState, SendState } from '../reminders/types.js';
import type { DataFolder } from './data-folder.js';
import { GroupAppend } from './group-append.js';
import { replayJsonLines } from './json-lines.js';
import { personKeyOf, type LedgerSnapshot, type ReminderLedgerStore, type SendClaim } from './reminder-ledger-store.js';

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

/** One change, as a line of the ledger file. The last line for a key wins. */
const LedgerLine = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('send'), key: z.string().max(600), v: SendStateSchema }),
  z.strictObject({ t: z.literal('person'), key: z.string().max(600), v: PersonStateSchema }),
  z.strictObject({ t: z.literal('notice'), key: z.string().max(40), v: LaNotice }),
]);
type LedgerLine = z.infer<typeof LedgerLine>;

interface LedgerState {
  sends: Record<string, SendState>;
  people: Record<string, PersonState>;
  notices: Record<string, LaNotice>;
}

/** Sent reminders older than this are forgotten when the file is compacted at start-up. */
const KEEP_SENT_DAYS = 120;

/** A short id for a person's reminder, safe to put on a button: the person key never leaves the store. */
export const reminderId = (personKey: string): string => createHash('sha256').update(personKey).digest('hex').slice(0, 16);

/**
 * The reminder ledger: every send is recorded before it goes out and marked when it went, so a
 * restart neither loses nor repeats it; snoozes and "done" are per person. It is an append-only
 * file of JSON lines (`<dataDir>/reminders.jsonl`): each change is one line, written with group
 * commit, so a busy Monday costs one append per batch rather than a rewrite of the whole file per
 * send. It is compacted at start-up. The data-folder lock keeps a second bot process out.
 */
export class ReminderLedger implements ReminderLedgerStore {
  readonly #byId = new Map<string, string>();

  private constructor(
    private readonly path: string,
    private readonly state: LedgerState,
    private readonly appender: GroupAppend,
  ) {
    for (const key of Object.keys(state.people)) this.#byId.set(reminderId(key), key);
    // A send's key is its person key plus the round, so every reminder ever sent stays addressable.
    for (const key of Object.keys(state.sends)) this.#index(key.slice(0, key.lastIndexOf('|')));
  }

  #index(personKey: string): string {
    const id = reminderId(personKey);
    this.#byId.set(id, personKey);
    return id;
  }

  /**
   * Replays `<folder>/reminders.jsonl`; a folder opened read-only (the admin command line beside a
   * running bot) is never compacted. Writes throw StoreError('store-locked') once the lock is lost.
   */
  static async open(folder: DataFolder, opts: { now?: Date } = {}): Promise<ReminderLedger> {
    const path = folder.file('reminders');
    const { state, lines } = await replay(path);
    if (!folder.readOnly) {
      const cut = new Date((opts.now ?? new Date()).getTime() - KEEP_SENT_DAYS * 86_400_000).toISOString();
      for (const [k, v] of Object.entries(state.sends)) if (v.state === 'sent' && v.at < cut) delete state.sends[k];
      const live = Object.keys(state.sends).length + Object.keys(state.people).length + Object.keys(state.notices).length;
      if (lines > 2 * live + 1000) await compact(folder, path, state);
    }
    return new ReminderLedger(path, state, new GroupAppend(folder, folder.dir));
  }

  get sends(): Readonly<Record<string, SendState>> {
    return this.state.sends;
  }

  get people(): Readonly<Record<string, PersonState>> {
    return this.state.people;
  }

  get notices(): Readonly<Record<string, LaNotice>> {
    return this.state.notices;
  }

  /** Written before the message goes out. */
  recorded(sendKey: string, now: Date): Promise<void> {
    const attempts = (this.state.sends[sendKey]?.attempts ?? 0) + 1;
    return this.#write({ t: 'send', key: sendKey, v: { state: 'recorded', at: now.toISOString(), attempts } });
  }

  sent(sendKey: string, now: Date): Promise<void> {
    return this.#write({ t: 'send', key: sendKey, v: { state: 'sent', at: now.toISOString(), attempts: this.state.sends[sendKey]?.attempts ?? 1 } });
  }

  failed(sendKey: string, now: Date, nextTryAt: Date): Promise<void> {
    return this.#write({ t: 'send', key: sendKey, v: { state: 'failed', at: now.toISOString(), attempts: this.state.sends[sendKey]?.attempts ?? 1, nextTryAt: nextTryAt.toISOString() } });
  }

  /** The person key behind a button's reminder id, if it is this person's. */
  async personKeyFor(id: string, personId: string): Promise<string | undefined> {
    const key = this.#byId.get(id);
    return key && key.endsWith(`|${personId}`) ? key : undefined;
  }

  /**
   * Makes a reminder addressable by id (a button) before it is sent. Nothing is written: the send
   * recorded next carries the person key, and the index is rebuilt from the sends at start-up.
   */
  async remember(personKey: string): Promise<string> {
    return this.#index(personKey);
  }

  snooze(personKey: string, until: Date): Promise<void> {
    return this.#write({ t: 'person', key: personKey, v: { ...this.state.people[personKey], snoozedUntil: until.toISOString() } });
  }

  done(personKey: string, now: Date): Promise<void> {
    return this.#write({ t: 'person', key: personKey, v: { ...this.state.people[personKey], doneAt: now.toISOString() } });
  }

  setNotice(id: string, notice: LaNotice): Promise<void> {
    return this.#write({ t: 'notice', key: id, v: LaNotice.parse(notice) });
  }

  /** The file's state as held in memory (shared, not copied: planSends only reads it). */
  async snapshot(): Promise<LedgerSnapshot> {
    return { sends: this.state.sends, people: this.state.people };
  }

  async stateOf(keys: { personKeys?: readonly string[]; sendKeys?: readonly string[] }): Promise<LedgerSnapshot> {
    const persons = new Set(keys.personKeys);
    const sends: Record<string, SendState> = {};
    for (const k of keys.sendKeys ?? []) if (this.state.sends[k]) sends[k] = this.state.sends[k];
    if (persons.size > 0) for (const [k, v] of Object.entries(this.state.sends)) if (persons.has(personKeyOf(k))) sends[k] = v;
    const people: Record<string, PersonState> = {};
    for (const k of persons) if (this.state.people[k]) people[k] = this.state.people[k];
    return { sends, people };
  }

  /** One process owns the data folder (its lock), so the only send it may not claim is one already sent. */
  async claim(sendKey: string, now: Date): Promise<SendClaim | undefined> {
    const current = this.state.sends[sendKey];
    if (current?.state === 'sent') return undefined;
    if (current?.state !== 'recorded') await this.recorded(sendKey, now);
    return { attemptsBefore: current?.attempts ?? 0 };
  }

  async notice(id: string): Promise<LaNotice | undefined> {
    return this.state.notices[id];
  }

  async allNotices(): Promise<Readonly<Record<string, LaNotice>>> {
    return this.state.notices;
  }

  /** Applied in memory at once (so the next read sees it) and resolved once it is on disk. */
  #write(line: LedgerLine): Promise<void> {
    apply(this.state, line);
    if (line.t === 'person') this.#index(line.key);
    return this.appender.append(this.path, `${JSON.stringify(line)}\n`);
  }

  close(): Promise<void> {
    return this.appender.drain();
  }
}

function apply(state: LedgerState, line: LedgerLine): void {
  if (line.t === 'send') state.sends[line.key] = line.v;
  else if (line.t === 'person') state.people[line.key] = line.v;
  else state.notices[line.key] = line.v;
}

/**
 * Rebuilds the ledger from its lines. A last line without its newline is a write cut short by a
 * crash and is ignored; any other bad line (a hand edit) stops start-up, naming the line.
 */
async function replay(path: string): Promise<{ state: LedgerState; lines: number }> {
  const state: LedgerState = { sends: {}, people: {}, notices: {} };
  const { lines } = await replayJsonLines(path, LedgerLine, (line) => apply(state, line), 'Nothing was changed. Correct that line in a text editor (the bot keeps no other copy of this file); deleting the line instead forgets what it recorded, so a reminder it marked as sent may be sent again.');
  return { state, lines };
}

/** Rewrites the file with one line per live entry, durably, so a crash leaves one or the other. */
function compact(folder: DataFolder, path: string, state: LedgerState): Promise<void> {
  return writeLedgerFile(folder, path, state);
}

/** Writes `state` as the ledger file at `path` (one line per entry), durably: compaction, and `store copy` into a data folder. */
export async function writeLedgerFile(folder: DataFolder, path: string, state: { sends: Readonly<Record<string, SendState>>; people: Readonly<Record<string, PersonState>>; notices: Readonly<Record<string, LaNotice>> }): Promise<void> {
  const lines = [
    ...Object.entries(state.sends).map(([key, v]) => ({ t: 'send' as const, key, v })),
    ...Object.entries(state.people).map(([key, v]) => ({ t: 'person' as const, key, v })),
    ...Object.entries(state.notices).map(([key, v]) => ({ t: 'notice' as const, key, v })),
  ];
  await folder.writeFile(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}
