import { addDays, daysBetween } from '../core/dates.js';
import { ukDate } from '../core/text/uk-date.js';
import { otherYears, readDate } from './read-date.js';
import { nearYesNo, plainYesNo } from './answer-words.js';
import type { Parsed } from './dialog.js';
import { namesIn } from '../core/text/names-in-text.js';

/** Answer parsers shared by the dialogs. Each returns a kind message that says what would work. */

const ok = (value: unknown): Parsed => ({ ok: true, value });
const no = (message: string): Parsed => ({ ok: false, message });

/**
 * Yes or no in the words staff use ("yep", "correct", "none", "not yet"); never a number. A slip of
 * one ("Yse") is taken, saying so in `note`.
 */
export function yesNo(raw: string): Parsed {
  const answer = plainYesNo(raw);
  if (answer !== undefined) return ok(answer);
  const near = nearYesNo(raw);
  if (near) return { ok: true, value: near.answer, note: `Took “${raw.trim()}” as ${near.answer ? 'yes' : 'no'}.` };
  return no('Please answer yes or no.');
}

export function wholeNumber(raw: string, min: number, max: number, what: string): Parsed {
  const t = raw.trim();
  if (!/^\d+$/.test(t)) return no(`Please type ${what} as a whole number from ${min} to ${max}.`);
  const n = Number(t);
  if (n < min || n > max) return no(`${what[0]!.toUpperCase()}${what.slice(1)} must be between ${min} and ${max}.`);
  return ok(n);
}

/**
 * Dates as staff type them (read-date.ts): "today", "tomorrow", "in 3 weeks", "2026-12-01",
 * "1/12/2026" or "1/12/26" (day first, as in England), "Mon 1 Dec 2026" as the bot shows dates,
 * "1 Dec", "next Monday". Impossible dates are refused by name.
 */
export function parseDate(raw: string, today: string): { ok: true; date: string } | { ok: false; message: string } {
  const d = readDate(raw, today);
  return d.ok ? { ok: true, date: d.date } : d;
}

/**
 * A date within a sensible window around today (`pastDays` and `futureDays` are calendar days). A
 * date typed without its year ("2 Nov") is the nearest such day, or the one a year either side when
 * only that falls in the window (a review held "12 Dec", typed in January).
 */
export function dateWithin(raw: string, today: string, window: DateWindow): Parsed {
  // "from Saturday", "starting Monday": a start, so the next such day wherever a later date may be
  // given, weekend days included, rather than the nearest (on a Tuesday, last Saturday).
  const ahead = !!window.weekdayAhead || (window.futureDays > 0 && STARTING.test(raw.trim()));
  const d = readDate(raw, today, { weekdayAhead: ahead });
  if (!d.ok) return no(d.message);
  // Which week a bare weekday means is a guess either way, so say which date was taken.
  if (d.weekdayOnly) {
    const kept = within(d.date, today, window);
    return kept.ok ? { ...kept, note: `Took “${raw.trim()}” as ${ukDate(d.date)}. Type “back” if you meant another day.` } : kept;
  }
  return within(d.date, today, window, d.yearGiven);
}

/** Words that say a day is when something starts ("from Saturday", "starting Monday"). */
const STARTING = /^(?:from|starting|beginning)\b/i;

/**
 * A window around today for dateWithin, in calendar days, and what the date is called in messages.
 * `weekdayAhead` reads a bare weekday ("from Monday") as the next such day, today included: for a
 * suspension's first day or a plan's start, which are not typed after the event.
 */
export interface DateWindow {
  pastDays: number;
  futureDays: number;
  what: string;
  weekdayAhead?: boolean;
}

/** `date` checked against the window; one typed without its year may be taken a year either side. */
function within(date: string, today: string, window: DateWindow, yearGiven = true): Parsed {
  const d = { date, yearGiven };
  const fits = (date: string) => daysBetween(today, date) <= window.futureDays && -daysBetween(today, date) <= window.pastDays;
  const other = d.yearGiven || fits(d.date) ? undefined : otherYears(d.date).find(fits);
  if (other) return ok(other);
  const offset = daysBetween(today, d.date);
  // Each says the furthest day that would do, so the person knows what to type.
  if (offset > window.futureDays)
    return no(window.futureDays === 0 ? `The ${window.what} can’t be in the future.` : `The ${window.what} must be within ${Math.round(window.futureDays / 7)} weeks of today: by ${ukDate(addDays(today, window.futureDays))}.`);
  if (-offset > window.pastDays)
    return no(window.pastDays === 0 ? `The ${window.what} must be today or later.` : `The ${window.what} can be up to ${span(window.pastDays)} ago; please check it. The earliest it can be is ${ukDate(addDays(today, -window.pastDays))}.`);
  return ok(d.date);
}

/** "39 weeks", "2 years", "120 days": a window's length as people say it. */
function span(days: number): string {
  if (days % 365 === 0) return days === 365 ? 'a year' : `${days / 365} years`;
  return days % 7 === 0 ? `${days / 7} weeks` : `${days} days`;
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Words over a limit, refused with the person's own words handed back (`typed`), so they can
 * shorten them rather than write them again. The words go nowhere else: not into the log.
 */
function tooLong(typed: string, length: number, max: number, what = 'That'): Parsed {
  return { ok: false, message: `${what} is ${count(length)} characters; this answer can keep up to ${count(max)}. Please shorten it and send it again.`, typed };
}

/**
 * Free text, trimmed, within a length limit. Text that seems to name someone (namesIn: "Jack is
 * lively") is handed back to be changed to initials, not stored: the record keeps initials only,
 * and what a person types in a reason or a plan can reach a referral the LA reads. A word that is not
 * a name gets through written in lower case. The words go nowhere else: not into the log.
 */
export function freeText(raw: string, max: number): Parsed {
  const t = raw.trim().replace(/\s+/g, ' ');
  if (t.length > max) return tooLong(raw.trim(), t.length, max);
  const names = namesIn(t);
  if (names.length) return { ok: false, message: namesMessage(names), typed: raw.trim() };
  return ok(t);
}

/**
 * A member of staff's name where a form asks for one (StaffName fields: the head teacher on a
 * referral), trimmed, within `max` characters: a name is the answer here, so no names check.
 */
export function staffNameText(raw: string, max: number): Parsed {
  const t = raw.trim().replace(/\s+/g, ' ');
  return t.length > max ? tooLong(raw.trim(), t.length, max) : ok(t);
}

/** Why text that seems to name someone is handed back, and how to send it. */
function namesMessage(names: readonly string[]): string {
  const quoted = names.map((n) => `“${n}”`).join(', ');
  const initials = names.map((n) => `“${n[0]}.”`).join(', ');
  return `That seems to name someone (${quoted}). Only initials are kept, never names: please change ${names.length > 1 ? 'them' : 'it'} to initials (${initials}) and send it again. If it is not a name, write that word in lower case.`;
}

/**
 * A reason in a few words (a suspension's or exclusion's, a withdrawal's): at least 3 characters
 * and a letter, so "x" or "." is asked again, saying so, while the other answers are kept; within
 * `max` characters. `example` shows the kind of words meant.
 */
export function reasonText(raw: string, max: number, example: string): Parsed {
  const t = freeText(raw, max);
  if (!t.ok) return t;
  const v = t.value as string;
  return v.length >= 3 && /\p{L}/u.test(v) ? t : no(`Please give the reason in a few words, for example “${example}”. Your other answers are kept.`);
}

/** A free-text question's limit and parser together, so a form's input is sized to what the parser takes. */
export const limitedText = (max: number) => ({ maxLength: max, parse: (raw: string) => freeText(raw, max) });

/** Items separated by ";" or new lines, each within `maxLength`, and together (joined by "; ") within `maxTotal`. */
export function list(raw: string, maxItems: number, maxLength: number, maxTotal = Number.POSITIVE_INFINITY): Parsed {
  const items = raw.split(/;|\n/).map((s) => s.trim()).filter(Boolean);
  if (!items.length) return no('Please type at least one item: one per line, or separated with ";".');
  // What was typed comes back to copy, so trimming a long list loses none of it.
  if (items.length > maxItems) return { ok: false, message: `Please give at most ${maxItems} items; you gave ${items.length}.`, typed: raw.trim() };
  const long = items.find((i) => i.length > maxLength);
  if (long) return { ok: false, message: `Each item can have up to ${count(maxLength)} characters; one has ${count(long.length)}. Please shorten it and send them again.`, typed: raw.trim() };
  const total = items.join('; ').length;
  if (total > maxTotal) return tooLong(raw.trim(), total, maxTotal, 'Together they');
  return ok(items);
}
