import * as chrono from 'chrono-node';
import { addDays, daysBetween, isRealDate } from '../core/dates.js';
import { ukDate } from '../core/text/uk-date.js';

/**
 * Dates as staff in England type them, read to a London `YYYY-MM-DD` day. Numbers are read day
 * first here ("2/11/26" is 2 November), never month first as chrono would try for "12/25/2026";
 * words ("Mon 2 Nov 2026", the way the bot itself shows dates, "2 Nov", "next Monday", "tomorrow")
 * are read by chrono-node's British English parser, and only when it reads the whole answer: "next
 * tuesday-ish" is not a date with words left over.
 */

/**
 * A date read from an answer; `yearGiven` is false for "2 Nov" or "2/11", whose year is the nearest one.
 * `weekdayOnly` is set when only a weekday was typed ("Monday", "from Friday"): which week is a guess.
 */
export type ReadDate = { ok: true; date: string; yearGiven: boolean; weekdayOnly?: true } | { ok: false; message: string };

/** How to read an answer: `weekdayAhead` reads a bare weekday as the next such day, today included (a suspension or plan start). */
export interface ReadDateOptions {
  weekdayAhead?: boolean;
}

/** Words that already say which week ("last Monday", "next Friday", "this Tuesday"). */
const WHICH_WEEK = /\b(?:last|next|this|past|coming)\b/;

/** Said when the words are not a date at all: the forms the bot reads, its own first. */
export const DATE_FORMATS = 'Please type a date like 14/03/2027, 2027-03-14, “Mon 2 Nov 2026”, “2 Nov”, “next Monday”, “today” or “in 3 weeks”.';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Words before a date that say nothing about which day it is ("from Monday", "starting 2 Nov", "on the 3rd"). */
const FILLER = /^(?:(?:on|from|starting(?: on| from)?|beginning|w\/c|week commencing)\s+)/i;

const notReal = (raw: string): ReadDate => ({ ok: false, message: `${raw.trim()} is not a real date. Please check the day and month.` });

/** Of a date in each of these years, the one nearest `today` (a year-less "2 Nov" or "2/11"). */
function nearest(today: string, month: number, day: number): string | undefined {
  const y = Number(today.slice(0, 4));
  const found = [y - 1, y, y + 1]
    .map((year) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
    .filter(isRealDate)
    .sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)));
  return found[0];
}

/** Day-first numbers: "14/3/2027", "14.03.27", "2/11" (the nearest 2 November), and ISO "2027-03-14". */
function numeric(t: string, raw: string, today: string): ReadDate | undefined {
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) return isRealDate(t) ? { ok: true, date: t, yearGiven: true } : notReal(raw);
  const dmy = t.match(/^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/);
  if (!dmy) return undefined;
  const [day, month] = [Number(dmy[1]), Number(dmy[2])];
  if (dmy[3] === undefined) {
    const date = nearest(today, month, day);
    return date ? { ok: true, date, yearGiven: false } : notReal(raw);
  }
  const year = dmy[3].length === 2 ? `20${dmy[3]}` : dmy[3];
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (isRealDate(iso)) return { ok: true, date: iso, yearGiven: true };
  // "12/25/2026" is an American order; say how it reads here rather than only that it is wrong.
  const swapped = `${year}-${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}`;
  if (month > 12 && isRealDate(swapped)) return { ok: false, message: `${raw.trim()} is not a real date: dates here are day first, so type ${month}/${day}/${dmy[3]} for ${ukDate(swapped)}.` };
  return notReal(raw);
}

/** "30 Feb 2026", "31st June": a day and a month that chrono found no date in because there is none. */
function impossibleWorded(t: string): boolean {
  const m = t.match(/^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?(?:\s+(\d{2}|\d{4}))?$/i);
  if (!m) return false;
  const word = m[2]!.toLowerCase();
  return MONTHS.some((month) => month.startsWith(word) || (word === 'sept' && month === 'september'));
}

/** Noon on `today` as a local Date: chrono counts "tomorrow" and "next Monday" from it, and a clock change cannot move noon to another day. */
function reference(today: string): Date {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

/** Words read by chrono-node (en-GB), only when they are the whole answer. */
function worded(t: string, raw: string, today: string, opts: ReadDateOptions): ReadDate | undefined {
  const words = t.replace(FILLER, '').replace(/[.!]+$/, '').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const [found] = chrono.en.GB.parse(words, reference(today));
  if (!found || found.index !== 0 || found.text.length !== words.length) return impossibleWorded(words) ? notReal(raw) : undefined;
  const s = found.start;
  if (s.isCertain('weekday') && !s.isCertain('day') && !WHICH_WEEK.test(words)) {
    // A bare weekday: chrono takes the nearest, which on a Tuesday makes "Monday" yesterday.
    const wanted = s.get('weekday') ?? 0;
    const date = opts.weekdayAhead ? addDays(today, (wanted - new Date(`${today}T00:00:00Z`).getUTCDay() + 7) % 7) : undefined;
    if (date) return { ok: true, date, yearGiven: true, weekdayOnly: true };
  }
  const date = `${s.get('year')}-${String(s.get('month')).padStart(2, '0')}-${String(s.get('day')).padStart(2, '0')}`;
  if (!isRealDate(date)) return notReal(raw);
  // "Tue 2 Nov 2026": a weekday that is not the date's is a slip somewhere; say which, rather than guess.
  const weekday = s.isCertain('weekday') && s.isCertain('day') ? s.get('weekday') : undefined;
  const actual = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday !== undefined && weekday !== null && weekday !== actual)
    return { ok: false, message: `${ukDate(date).slice(4)} is a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[weekday]}. Please check the date and type it again.` };
  const weekdayOnly = s.isCertain('weekday') && !s.isCertain('day') && !WHICH_WEEK.test(words);
  return { ok: true, date, yearGiven: s.isCertain('year'), ...(weekdayOnly ? { weekdayOnly } : {}) };
}

/**
 * Reads a typed date against `today` (London `YYYY-MM-DD`): "today", "tomorrow", "yesterday", "in 3
 * weeks", "14/3/2027", "14/03/27", "2/11", "2027-03-14", "Mon 2 Nov 2026", "2 Nov", "next Monday",
 * "from Monday" (with `weekdayAhead`, the next Monday, today included; else the nearest). An impossible date ("31/02/2027", "30 Feb 2026") is refused by name, a weekday that
 * does not match the date is pointed out, and anything else gets the forms that work.
 */
export function readDate(raw: string, today: string, opts: ReadDateOptions = {}): ReadDate {
  const t = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'today') return { ok: true, date: today, yearGiven: true };
  if (t === 'tomorrow') return { ok: true, date: addDays(today, 1), yearGiven: true };
  if (t === 'yesterday') return { ok: true, date: addDays(today, -1), yearGiven: true };
  const rel = t.match(/^in (\d{1,3}) (day|days|week|weeks)$/);
  if (rel) return { ok: true, date: addDays(today, Number(rel[1]) * (rel[2]!.startsWith('week') ? 7 : 1)), yearGiven: true };
  return numeric(t, raw, today) ?? worded(t, raw, today, opts) ?? { ok: false, message: DATE_FORMATS };
}

/** The same day and month a year either side, for a date typed without its year: nearest first. */
export function otherYears(date: string): string[] {
  const y = Number(date.slice(0, 4));
  return [y - 1, y + 1].map((year) => `${year}${date.slice(4)}`).filter(isRealDate);
}

/**
 * Whether words are written as a date, right or wrong ("from Monday", "31/2/2026"), rather than
 * something else: for telling "suspended for 2 days from Monday" from "suspended for 2 days for fighting".
 */
export function looksLikeDate(raw: string): boolean {
  const d = readDate(raw, '2026-01-01');
  return d.ok || d.message !== DATE_FORMATS;
}
