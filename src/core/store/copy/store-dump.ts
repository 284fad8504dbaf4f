import type { PupilCase } from '../../cases/pupil-case.js';
import type { PersonState, SendState } from '../../reminders/types.js';
import type { SchoolReflections } from '../../self-reflection/reflection.js';
import type { AuditEvent } from '../case-repository.js';
import type { LaNotice } from '../reminder-ledger.js';

/** The settings documents, by their data-file names; kept as read (their stores validate them when the bot opens them). */
export const DOCUMENT_NAMES = ['staff', 'teamsConversations', 'laChannel', 'drafts'] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

/**
 * Everything the bot keeps, read out of one backend to be written into another (`store copy`).
 * Cases keep their revisions and times, audit events their instants as recorded.
 */
export interface StoreDump {
  /** Every case, school by school in the order stored. */
  cases: PupilCase[];
  /** Oldest first. */
  audit: AuditEvent[];
  ledger: { sends: Record<string, SendState>; people: Record<string, PersonState>; notices: Record<string, LaNotice> };
  /** Keys not yet expired, with when they expire (epoch ms). */
  idempotency: [key: string, expiresAt: number][];
  reflections: SchoolReflections[];
  /** Each document's JSON as kept, or absent when there is none. */
  documents: Partial<Record<DocumentName, unknown>>;
}

/** How many records each store holds, in the words the copy reports them with. */
export type StoreCounts = Record<string, number>;

/** Counts per store; a document counts its entries (grants, conversations, drafts; the LA link is 0 or 1). */
export function countDump(d: StoreDump): StoreCounts {
  const doc = d.documents as Record<string, { staff?: unknown[]; references?: object; link?: unknown; drafts?: object } | undefined>;
  return {
    cases: d.cases.length,
    'audit events': d.audit.length,
    'reminder sends': Object.keys(d.ledger.sends).length,
    'reminder snoozes and dones': Object.keys(d.ledger.people).length,
    'LA referral notices': Object.keys(d.ledger.notices).length,
    'idempotency keys': d.idempotency.length,
    'self-reflections': d.reflections.length,
    'staff grants': doc.staff?.staff?.length ?? 0,
    'Teams conversations': Object.keys(doc.teamsConversations?.references ?? {}).length,
    'LA channel link': doc.laChannel?.link ? 1 : 0,
    drafts: Object.keys(doc.drafts?.drafts ?? {}).length,
  };
}

/** Whether nothing at all is kept. */
export const isEmpty = (c: StoreCounts): boolean => Object.values(c).every((n) => n === 0);
