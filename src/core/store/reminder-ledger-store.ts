import type { PersonState, SendState } from '../reminders/types.js';
import type { LaNotice } from './reminder-ledger.js';

/** Every send by send key and every person state by person key, as planSends reads them. */
export interface LedgerSnapshot {
  sends: Readonly<Record<string, SendState>>;
  people: Readonly<Record<string, PersonState>>;
}

/** A send key's person key: the key without its last `|<round>` (a digest's: `digest|<recipient>`). */
export function personKeyOf(sendKey: string): string {
  const bar = sendKey.lastIndexOf('|');
  return bar < 0 ? sendKey : sendKey.slice(0, bar);
}

/** A send claimed for this instance to make: how many tries went before this one. */
export interface SendClaim {
  attemptsBefore: number;
}

/**
 * The reminder ledger as every store keeps it: the data folder's `reminders.jsonl`
 * (ReminderLedger, one process) or PostgreSQL (PostgresReminderLedger, several instances).
 * Every send is claimed before it goes out and marked when it went, so a restart neither loses
 * nor repeats it, and two instances never both send one; snoozes and "done" are per person.
 */
export interface ReminderLedgerStore {
  /** Every send and person state as they stand now: what planSends reads. */
  snapshot(): Promise<LedgerSnapshot>;
  /**
   * The part of {@link snapshot} a pass needs for some reminders only: every send of the given
   * person keys (`<item>|<due date>|<recipient>`, any round) or with one of the given send keys,
   * and those people's snoozes and "done". Keys not in the ledger are simply absent.
   */
  stateOf(keys: { personKeys?: readonly string[]; sendKeys?: readonly string[] }): Promise<LedgerSnapshot>;
  /**
   * Claims a send before it goes out (state 'recorded'). Undefined when it must not be sent here:
   * already sent, or claimed by another instance that is still running. A send this instance
   * claimed, one that failed, or one claimed by an instance that has since died may be claimed.
   */
  claim(sendKey: string, now: Date): Promise<SendClaim | undefined>;
  /** The claimed send went. */
  sent(sendKey: string, now: Date): Promise<void>;
  /** The claimed send did not go; it may be claimed again from `nextTryAt`. */
  failed(sendKey: string, now: Date, nextTryAt: Date): Promise<void>;
  /** Makes a reminder addressable by the short id its buttons carry, before it is sent; returns that id. */
  remember(personKey: string): Promise<string>;
  /** The person key behind a button's reminder id, if it is this person's (`personId` ends the key). */
  personKeyFor(id: string, personId: string): Promise<string | undefined>;
  snooze(personKey: string, until: Date): Promise<void>;
  done(personKey: string, now: Date): Promise<void>;
  /** One referral notice for the LA team's channel, or undefined. */
  notice(id: string): Promise<LaNotice | undefined>;
  /** Every referral notice, by referral id. */
  allNotices(): Promise<Readonly<Record<string, LaNotice>>>;
  setNotice(id: string, notice: LaNotice): Promise<void>;
  /** Waits for writes in flight. */
  close(): Promise<void>;
}
