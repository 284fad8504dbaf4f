import type { SchoolCalendar } from '../core/calendar/school-calendar.js';
import { addDays, daysBetween } from '../core/dates.js';
import { ukDate } from '../core/text/uk-date.js';
import type { DateRule, FormField, FormTemplate } from '../knowledge/schema/templates.js';
import type { Answers } from './dialog.js';

/**
 * A pack form's date rules (DateRule, declared beside its fields in forms.json) applied to an
 * answer: each refusal names the field, what was typed and what to type instead, so a person
 * fixes the one answer and keeps every other.
 */

/** How a message names a field: its `name`, else "the" and its label in lower case ("the end date"). */
export function fieldName(f: Pick<FormField, 'label' | 'name'>): string {
  return f.name ?? `the ${f.label.charAt(0).toLowerCase()}${f.label.slice(1)}`;
}

/** The date a rule counts from, with how to name it. */
export interface Anchor {
  date: string;
  name: string;
}

/**
 * The first school day on or after `date`, or undefined when the term dates run out first: what a
 * message suggests in place of a day that is not a school day.
 */
function firstSchoolDayFrom(cal: SchoolCalendar, date: string): string | undefined {
  return cal.isSchoolDay(date) ? date : cal.offDay(date)?.firstSchoolDay;
}

/**
 * Why `date`, the answer to the field named `name`, breaks `rule`, or undefined when it keeps it.
 * `anchor` is the date `rule.after` names, when it has been answered (a rule about an unanswered
 * date waits for it). Days are London `YYYY-MM-DD`; `maxDaysAfter` counts calendar days.
 */
export function dateRuleProblem(cal: SchoolCalendar, rule: DateRule, name: string, date: string, anchor?: Anchor): string | undefined {
  if (anchor && date <= anchor.date) {
    const earliest = rule.schoolDay ? firstSchoolDayFrom(cal, addDays(anchor.date, 1)) : addDays(anchor.date, 1);
    const when = date === anchor.date ? 'is the same day as' : 'is before';
    return `${capital(name)} (${ukDate(date)}) ${when} ${anchor.name} (${ukDate(anchor.date)}); it must come after it. Please type a date after ${ukDate(anchor.date)}${earliest ? `, such as ${ukDate(earliest)}` : ''}.`;
  }
  if (anchor && rule.maxDaysAfter !== undefined && daysBetween(anchor.date, date) > rule.maxDaysAfter) {
    const latest = addDays(anchor.date, rule.maxDaysAfter);
    return `${capital(name)} (${ukDate(date)}) is more than ${weeks(rule.maxDaysAfter)} after ${anchor.name} (${ukDate(anchor.date)}). Please type a date up to ${ukDate(latest)}.`;
  }
  if (rule.schoolDay && !cal.isSchoolDay(date)) {
    const why = cal.whyNotSchoolDay(date) ?? 'not a school day';
    const next = firstSchoolDayFrom(cal, date);
    return `${ukDate(date)} is not a school day (${why}), so it cannot be ${name}. Please type a school day${next ? `: the first one after it is ${ukDate(next)}` : ''}.`;
  }
  return undefined;
}

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const weeks = (days: number) => (days % 7 === 0 ? `${days / 7} weeks` : `${days} days`);

/**
 * Where a form's answers keep each field: `prefix.fieldId` when the form template asked it, or the
 * dialog's own question id for a field the dialog asks its own way (a PSP's start date is `startDate`).
 */
export type AskedAs = Readonly<Record<string, string>>;

/** The anchor for `field`'s rule from the answers so far, when the rule names one and it is answered. */
export function anchorFor(form: FormTemplate, field: FormField, answers: Answers, prefix: string, askedAs: AskedAs = {}): Anchor | undefined {
  const id = field.dateRule?.after;
  const f = id ? form.fields.find((x) => x.id === id) : undefined;
  if (!f) return undefined;
  const value = answers[askedAs[f.id] ?? `${prefix}.${f.id}`];
  return typeof value === 'string' ? { date: value, name: fieldName(f) } : undefined;
}
