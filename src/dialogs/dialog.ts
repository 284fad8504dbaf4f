import type { Config } from '../config.js';
import type { SchoolCalendar } from '../core/calendar/school-calendar.js';
import type { CaseService } from '../core/cases/case-service.js';
import type { ReferralProgress } from '../core/la-report/la-report.js';
import type { Concern } from '../core/safeguarding/concern-check.js';
import type { SelfReflectionService } from '../core/self-reflection/self-reflection-service.js';
import type { SignpostIndex } from '../core/signpost/signpost-index.js';
import type { Role, StaffMember } from '../core/staff.js';
import type { Choice, ConfirmFirst, Lookup, QuestionView, ReadFirst, View } from '../core/views/view.js';
import type { KnowledgePack } from '../knowledge/schema/pack.js';
import type { AnswerChoice } from './choice-match.js';

/** Everything a dialog may use. Channels build one per turn. */
export interface DialogContext {
  user: StaffMember;
  pack: KnowledgePack;
  index: SignpostIndex;
  cases: CaseService;
  settings: Pick<Config, 'pspReviewIntervalDays'>;
  /** The school calendar: review dates are proposed on school days, and nothing is overdue before one. */
  calendar: SchoolCalendar;
  now: () => Date;
  /** Today in England, YYYY-MM-DD. */
  today: () => string;
  /** Records that concern notices were shown (audit: ids and category only). Absent in tests that do not audit. */
  recordConcerns?: (found: readonly Concern[]) => Promise<void>;
  /** Who has which role, for naming a teacher on a pupil ("share"). Absent where no one can be looked up. */
  staff?: StaffLookup;
  /** The schools' Inclusion Self-Reflections (seed 000 Appendix 2). Absent where none are kept (most tests). */
  reflections?: SelfReflectionService;
  /** Where each referral to the LA stands with the LA team (acknowledged, assigned), by referral id, for the LA's figures; read once per report. */
  referralProgress?: () => Promise<ReadonlyMap<string, ReferralProgress>>;
}

/** Finds a member of staff by their channel id (the staff directory). */
export interface StaffLookup {
  find(id: string): StaffMember | undefined;
  /** A school as people name it ("Oak Primary School"), where the directory knows its name. */
  schoolName?(schoolId: string): string;
  /** Everyone with a role, for a picker of staff the bot knows. */
  list?(): StaffMember[];
  /** Gives someone a role: only an admin may, never to themselves (StaffDirectory.grant); throws AppError. */
  grant?(by: StaffMember, entry: { id: string; role: Role; schoolId?: string }): Promise<StaffMember>;
}

/** Answers are JSON values so a channel can keep dialog state between turns. */
export type Answers = Record<string, unknown>;

/**
 * A parser's reading of an answer. A refusal may hand back `typed`, the person's own words, when
 * they would be hard to type again (a long note over the limit): a typed conversation shows them
 * under the problem so nothing is lost; a form keeps them in its input anyway. An answer may be
 * kept while it shows that an earlier one must change (`reopen`: a suspension's days run over one
 * already recorded, so its first day is what clashed): that earlier answer is taken back and its
 * question asked again with the message. `note` says how an unsure answer was read ("Took “Yse” as
 * Yes"), shown before the next question.
 */
/**
 * A parser's reading. A refusal may `suggest` the answer its message names ("the first one after it
 * is Mon 23 Nov 2026"): while the question is asked again, a blank answer takes that, not its fallback.
 */
export type Parsed = { ok: true; value: unknown; also?: Answers; reopen?: Reopen; note?: string } | { ok: false; message: string; typed?: string; suggest?: Suggestion };

/** An answer a refusal offers in its place, with how it is shown ("Mon 23 Nov 2026"). */
export interface Suggestion {
  value: unknown;
  label: string;
}

/** An earlier question to ask again (by id), and why, saying what to type. */
export interface Reopen {
  id: string;
  message: string;
}

export interface Question {
  id: string;
  kind: QuestionView['kind'];
  prompt: string;
  help?: string;
  /** Shown as value and label; the other words only help read a typed answer. */
  choices?: AnswerChoice[];
  optional?: boolean;
  /** Most characters a text answer may have; forms size their inputs to it. */
  maxLength?: number;
  /**
   * Used when the answer is left blank or "skip"; shown to the user. `checked`: the value is read by
   * `parse` as if typed, for questions whose parser checks the record and adds answers (which
   * pupil's exclusion a date follows), so a blank is held to the same checks.
   */
  fallback?: { value: unknown; label: string; checked?: boolean };
  /** Shown above the question, to read before answering it (e.g. warnings before a save). */
  before?: ReadFirst[];
  /** A word to type that only a typed conversation has (QuestionView.typedHint), e.g. "back". */
  typedHint?: string;
  /** A yes/no that confirms a save once `before` is read: how forms put it first (QuestionView.confirm). */
  confirm?: ConfirmFirst;
  /** Picked from a search as the person types, where the channel has a picker (QuestionView.lookup). */
  lookup?: Lookup;
  /** An answer of this question in words, so a picker shows it chosen: its value as typed, and a label. */
  shown?: (answer: unknown) => Choice | undefined;
  /**
   * What the input holds when the form first shows the question, from what the bot already knows
   * (the school's name on a referral). Cards and modals fill it in; give it a `fallback` too, so a
   * typed conversation offers it for a blank answer.
   */
  initial?: string;
  /** Raw text → value, or a kind message saying what is needed. May look things up. */
  parse: (raw: string) => Parsed | Promise<Parsed>;
}

/**
 * A dialog is data: the questions still to ask given the answers so far, and what to do at the
 * end. The same definition drives the terminal (one question at a time) and card channels
 * (a whole form at once).
 */
export interface FormDialog {
  id: string;
  title: string;
  /** What "cancel" says was kept, for a form whose earlier parts were saved as they went (self-reflection areas); by default nothing from it was saved. */
  keptOnStop?: string;
  /** At most 24 characters, when `title` is longer: a Slack modal's title bar holds no more. */
  shortTitle?: string;
  /** What staff call an unfinished one, without an article ("PCP", "referral"); a kept draft is named by it. */
  draftName?: string;
  intro?: (ctx: DialogContext) => string;
  /**
   * Why this person may not use the dialog at all, saying what they can do instead; undefined
   * when they may. Checked before the first question on every channel.
   */
  refuse?: (ctx: DialogContext) => string | undefined;
  /** The button on a whole-form channel (card or modal), e.g. "Show guidance". */
  submitLabel?: string;
  /** The questions that apply, in order, given what is known so far. */
  questions: (ctx: DialogContext, answers: Answers) => Question[];
  finish: (ctx: DialogContext, answers: Answers) => Promise<View[]>;
}

export interface FormState {
  dialogId: string;
  answers: Answers;
  /** Ids of answered questions, in order, so "back" can undo the last one. */
  history: string[];
  /**
   * Answers typed with the command for questions after one that was refused ("40 days from 4/1/27":
   * the 40 while the date is asked again), by question id: each is taken when its question comes up.
   */
  given?: Record<string, string>;
  /** What the last refusal suggested for the waiting question (`id`): a blank answer takes it. */
  suggested?: Suggestion & { id: string };
}
