import type { OffDay } from '../calendar/school-calendar.js';

/**
 * Reminders, channel-neutral. What is due comes from the cases (never from timers); what was sent,
 * snoozed or marked done lives in the reminder ledger in the store, keyed so nothing is sent twice.
 */

export type DueKind = 'pcp-review' | 'psp-review' | 'ptt-review' | 'ehc-decision' | 'ehc-completion' | 'day6-provision' | 'pep' | 'self-reflection';

/**
 * Something a school must do by a date: for one pupil, or for the school itself (its termly
 * Inclusion Self-Reflection), which has no pupil and so no case, reference or initials.
 */
export interface DueItem {
  /** Stable across runs and restarts: `<kind>:<schoolId>[:<caseId>[:<planId>]]`. The due date is not part of it. */
  itemKey: string;
  kind: DueKind;
  schoolId: string;
  /** The pupil's, for every kind but the school's own ('self-reflection'). */
  caseId?: string;
  pupilRef?: string;
  initials?: string;
  planId?: string;
  /** YYYY-MM-DD: the review date, the statutory date, or the date provision must start. */
  dueDate: string;
  /**
   * Staff ids the item belongs to (plan owner, PSP's overseeing leader, whoever last completed the
   * self-reflection); the school's SENDCos are added by recipients(), or for a self-reflection only
   * stand in when there is no one.
   */
  ownerIds: string[];
  /** One line for people: "PSP review for AB (ref 4021)". */
  title: string;
  /** Why this matters now, e.g. the escalation after two PSP reviews without positive change. */
  escalation?: { title: string; detail: string; citation: string };
  /** The command that opens the right dialog, e.g. "review for 4021" or "self-reflection". */
  command: string;
}

/** One reminder message to one person: the unit of idempotency. */
export interface PlannedSend {
  /** `<itemKey>|<dueDate>|<recipientId>|<round>`: recorded before sending, so a send happens at most once. */
  sendKey: string;
  /** `<itemKey>|<dueDate>|<recipientId>`: what snooze and done apply to, for this person only. */
  personKey: string;
  item: DueItem;
  recipientId: string;
  /** 'first', 'again-<n>' (overdue re-sends every few school days) or 'after-snooze-<iso>'. */
  round: string;
  /** True once the first school day on or after the due date (the first day it could be held) has passed. */
  overdue: boolean;
  /** Set when the due date is not a school day: why, and the first school day on or after it. */
  offDay?: OffDay;
}

/** A SENDCo's weekly list of due and overdue items for their school. */
export interface PlannedDigest {
  sendKey: string;
  recipientId: string;
  schoolId: string;
  /** ISO week, e.g. 2026-W48. */
  week: string;
  /** Due from today on, including items due in the holidays whose first school day is today. */
  due: DueItem[];
  /** Those whose first school day on or after the due date has passed. */
  overdue: DueItem[];
  /** For the listed due dates that are not school days: why, and the first school day on or after each. */
  offDays: Readonly<Record<string, OffDay>>;
  /** How many other people these items remind cannot be reached (removed the bot, never opened it); set by the scheduler. */
  unreachable?: number;
}

/** What the ledger knows about one person and one item's due date. */
export interface PersonState {
  snoozedUntil?: string;
  doneAt?: string;
}

/** What the ledger knows about one send. */
export interface SendState {
  state: 'recorded' | 'sent' | 'failed';
  at: string;
  attempts: number;
  /** After a failure: not before this instant. */
  nextTryAt?: string;
}

export interface ReminderSettings {
  /** Overdue items are sent again every this many school days until recorded. */
  resendEverySchoolDays: number;
}
