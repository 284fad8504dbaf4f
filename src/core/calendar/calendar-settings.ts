import { readFile } from 'node:fs/promises';
import { z } from 'zod/v4';
import { isRealDate } from '../dates.js';
import { AppError } from '../errors.js';
import { describeFirstIssue } from '../store/zod-issue.js';

/**
 * A school's calendar file: term dates, closures and when reminders may go out.
 * Staff edit it by hand, so every message names what was expected, and dates (never
 * pupil details) may be quoted back to help find the typo.
 */

/** Shown when a calendar has no term dates, so staff know holidays are not being skipped. */
export const DEFAULT_TERMS_NOTE =
  'No term dates are set, so every weekday that is not a bank holiday counts as a school day. ' +
  "Add your school's term dates to stop reminders going out in the holidays.";

const DATE_HELP = 'a real date written YYYY-MM-DD, such as "2026-09-02"';

/** Object schemas refuse unknown fields, so a misspelt "morninghour" is not silently ignored. */
function onlyFields(names: string) {
  return (iss: { code?: string; input?: unknown; keys?: string[] }): string =>
    iss.code === 'unrecognized_keys'
      ? `only the fields ${names}; ${(iss.keys ?? []).map((k) => `"${k}"`).join(', ')} ${(iss.keys ?? []).length > 1 ? 'are' : 'is'} not one of them (check the spelling)`
      : iss.input === undefined
        ? `required: an object with the fields ${names}`
        : `an object with the fields ${names}`;
}

const IsoDate = z
  .string({ error: (iss) => (iss.input === undefined ? `required: ${DATE_HELP}` : DATE_HELP) })
  .refine(isRealDate, { error: (iss) => `${DATE_HELP}; "${String(iss.input)}" is not a day in the calendar` });

const Time = z
  .string({ error: (iss) => (iss.input === undefined ? 'required: a time written HH:MM' : 'a time written HH:MM on the 24-hour clock, such as "18:00"') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time written HH:MM on the 24-hour clock, such as "18:00"' });

/** A term or a closure: `start` and `end` inclusive; a range the wrong way round is reported against `end`. */
const NamedRange = z
  .strictObject(
    { name: z.string({ error: 'a name in quotes, such as "Autumn half term"' }).optional(), start: IsoDate, end: IsoDate },
    { error: onlyFields('name, start and end') },
  )
  .superRefine((r, ctx) => {
    if (r.end < r.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `a date on or after start (${r.start}): is the range the wrong way round?` });
  });

// A union hides which branch went wrong, so pick the branch from the shape and report its issue.
const Closure = z.union([IsoDate, NamedRange], {
  error: (iss) =>
    typeof iss.input === 'object' && iss.input !== null
      ? (issueText(iss.errors[1]) ?? 'a range such as { "start": "2026-10-26", "end": "2026-10-30" }')
      : typeof iss.input === 'string'
        ? (issueText(iss.errors[0]) ?? DATE_HELP)
        : `${DATE_HELP}, or a range such as { "start": "2026-10-26", "end": "2026-10-30" }`,
});

const ExtraBankHoliday = z.union(
  [IsoDate, z.strictObject({ date: IsoDate, title: z.string({ error: 'a title in quotes' }) }, { error: onlyFields('date and title') })],
  {
    error: (iss) =>
      typeof iss.input === 'object' && iss.input !== null
        ? (issueText(iss.errors[1]) ?? 'a date and title such as { "date": "2027-05-10", "title": "Coronation" }')
        : typeof iss.input === 'string'
          ? (issueText(iss.errors[0]) ?? DATE_HELP)
          : `${DATE_HELP}, or { "date": "YYYY-MM-DD", "title": "…" }`,
  },
);

/** The first nested issue of a union branch as "field: message", the field relative to the element. */
function issueText(issues: readonly { path: PropertyKey[]; message: string }[] | undefined): string | undefined {
  const first = issues?.[0];
  if (!first) return undefined;
  return first.path.length > 0 ? `${first.path.map(String).join('.')}: ${first.message}` : first.message;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `minute` (of the day) falls inside quiet hours, which may run past midnight. */
export function inQuietHours(quiet: { start: string; end: string }, minute: number): boolean {
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** A school's calendar settings, as read from its JSON file (see example-term-dates.json). */
export const CalendarSettings = z
  .strictObject(
    {
      note: z.string({ error: 'a note in quotes' }).optional(),
      /** An empty list means no term dates: every weekday that is not a bank holiday is a school day. */
      terms: z.array(NamedRange, {
        error: (iss) =>
          iss.input === undefined
            ? 'required: a list of terms such as [{ "start": "2026-09-02", "end": "2026-12-18" }], or [] for none'
            : 'a list of terms such as [{ "start": "2026-09-02", "end": "2026-12-18" }]',
      }),
      /** INSET days, half terms and one-off closures inside terms. */
      closures: z.array(Closure, { error: 'a list of dates or { "start", "end" } ranges' }).default([]),
      /** Bank holidays added to (or, with `replace`, instead of) the shipped England and Wales list. */
      bankHolidays: z
        .strictObject(
          {
            replace: z.boolean({ error: 'true or false' }).default(false),
            dates: z.array(ExtraBankHoliday, { error: 'a list of dates written YYYY-MM-DD' }),
          },
          { error: onlyFields('replace and dates') },
        )
        .optional(),
      /** London hour reminders go out at, 0–23. */
      morningHour: z
        .number({ error: 'a whole hour from 0 to 23, such as 8 for 08:00' })
        .int({ error: 'a whole hour from 0 to 23, such as 8 for 08:00' })
        .min(0, { error: 'a whole hour from 0 to 23, such as 8 for 08:00' })
        .max(23, { error: 'a whole hour from 0 to 23, such as 8 for 08:00' })
        .default(8),
      /** No reminder starts in this window (London time); it may run past midnight. */
      quietHours: z
        .strictObject({ start: Time, end: Time }, { error: onlyFields('start and end') })
        .refine((q) => q.start !== q.end, { path: ['end'], error: 'a different time from start' })
        .default({ start: '18:00', end: '07:30' }),
    },
    { error: onlyFields('note, terms, closures, bankHolidays, morningHour and quietHours') },
  )
  .superRefine((s, ctx) => {
    // Sorted by start, any overlap shows up between neighbours; report it on the later term.
    const order = s.terms.map((t, i) => ({ ...t, i })).sort((a, b) => a.start.localeCompare(b.start));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const cur = order[k]!;
      if (cur.start <= prev.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['terms', cur.i, 'start'],
          message: `a date after terms.${prev.i} ends (${prev.end}): terms must not overlap`,
        });
      }
    }
    if (inQuietHours(s.quietHours, s.morningHour * 60)) {
      ctx.addIssue({
        code: 'custom',
        path: ['morningHour'],
        message: `an hour outside quiet hours (${s.quietHours.start}–${s.quietHours.end}), or reminders could never go out`,
      });
    }
  });
export type CalendarSettings = z.infer<typeof CalendarSettings>;
/** What a settings file (or code) may supply: defaults not yet filled in. */
export type CalendarSettingsInput = z.input<typeof CalendarSettings>;

/**
 * Validates settings already in memory, filling in defaults; throws an AppError naming the
 * field, and the file when `file` is given.
 */
export function parseCalendarSettings(raw: unknown, file?: string): CalendarSettings {
  const parsed = CalendarSettings.safeParse(raw);
  if (parsed.success) return parsed.data;
  const what = file === undefined ? 'The school calendar settings are' : `The school calendar file ${file} is`;
  throw new AppError(`${what} not valid: ${describeFirstIssue(parsed.error)}`, 'config');
}

/**
 * Reads and validates a school calendar file. Throws an AppError whose message names the
 * file and the first bad field, e.g. `calendar.json: terms.0.end: a date on or after start…`.
 */
export async function loadCalendarSettings(path: string): Promise<CalendarSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf-8');
  } catch (err) {
    throw new AppError(`The school calendar file ${path} could not be read (${(err as NodeJS.ErrnoException).code ?? 'unknown error'})`, 'config', { cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError(`The school calendar file ${path} is not valid JSON (check for a missing comma or quote)`, 'config', { cause: err });
  }
  return parseCalendarSettings(raw, path);
}
