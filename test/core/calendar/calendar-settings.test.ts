import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CalendarSettings, DEFAULT_TERMS_NOTE, loadCalendarSettings, parseCalendarSettings } from '../../../src/core/calendar/calendar-settings.js';
import { tempDirs } from '../store/temp-dirs.js';

const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const dirs = tempDirs();
afterAll(() => dirs.removeAll());

async function fileWith(contents: unknown): Promise<string> {
  const path = join(await dirs.make(), 'calendar.json');
  await writeFile(path, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return path;
}

const AUTUMN = { name: 'Autumn', start: '2026-09-02', end: '2026-12-18' };

describe('loadCalendarSettings', () => {
  it('loads the shipped example and fills in nothing it already states', async () => {
    const s = await loadCalendarSettings(EXAMPLE);
    expect(s.note).toBe("Example dates: replace with your school's or LA's published term dates.");
    expect(s.terms.map((t) => [t.start, t.end])).toEqual([
      ['2026-09-02', '2026-12-18'],
      ['2027-01-05', '2027-03-26'],
      ['2027-04-12', '2027-07-21'],
    ]);
    expect(s.closures).toHaveLength(3);
    expect(s.morningHour).toBe(8);
  });

  it('fills in the defaults: 08:00, quiet 18:00–07:30, no closures', async () => {
    const s = await loadCalendarSettings(await fileWith({ terms: [] }));
    expect(s).toEqual({ terms: [], closures: [], morningHour: 8, quietHours: { start: '18:00', end: '07:30' } });
  });

  it('accepts single-day closures and extra bank holidays with or without a title', () => {
    const s = parseCalendarSettings({
      terms: [AUTUMN],
      closures: ['2026-09-02'],
      bankHolidays: { dates: ['2026-11-09', { date: '2026-11-10', title: 'Royal wedding' }] },
    });
    expect(s.closures).toEqual(['2026-09-02']);
    expect(s.bankHolidays).toEqual({ replace: false, dates: ['2026-11-09', { date: '2026-11-10', title: 'Royal wedding' }] });
  });

  it.each([
    ['a term ending before it starts', { terms: [{ start: '2026-12-18', end: '2026-09-02' }] }, 'terms.0.end: a date on or after start (2026-12-18)'],
    ['an impossible date', { terms: [AUTUMN, { start: '2027-01-05', end: '2027-02-30' }] }, 'terms.1.end: a real date written YYYY-MM-DD, such as "2026-09-02"; "2027-02-30" is not a day in the calendar'],
    [
      'overlapping terms',
      { terms: [AUTUMN, { start: '2026-12-01', end: '2027-03-26' }] },
      'terms.1.start: a date after terms.0 ends (2026-12-18): terms must not overlap',
    ],
    ['a missing terms list', { morningHour: 8 }, 'terms: required: a list of terms'],
    ['a misspelt field', { terms: [], morninghour: 9 }, '(top level): only the fields note, terms, closures, bankHolidays, morningHour and quietHours; "morninghour" is not one of them'],
    ['a morning hour out of range', { terms: [], morningHour: 24 }, 'morningHour: a whole hour from 0 to 23'],
    ['a morning hour inside quiet hours', { terms: [], morningHour: 7 }, 'morningHour: an hour outside quiet hours (18:00–07:30)'],
    ['a bad quiet-hours time', { terms: [], quietHours: { start: '6pm', end: '07:30' } }, 'quietHours.start: a time written HH:MM on the 24-hour clock'],
    ['an impossible closure date', { terms: [], closures: ['2026-02-29'] }, 'closures.0: a real date written YYYY-MM-DD, such as "2026-09-02"; "2026-02-29" is not a day in the calendar'],
    ['a closure range the wrong way round', { terms: [], closures: [{ start: '2026-10-30', end: '2026-10-26' }] }, 'closures.0: end: a date on or after start (2026-10-30)'],
    ['an impossible extra bank holiday', { terms: [], bankHolidays: { dates: ['2026-13-01'] } }, 'bankHolidays.dates.0: a real date'],
  ])('refuses %s, naming the file and the field', async (_what, contents, message) => {
    const path = await fileWith(contents);
    const load = loadCalendarSettings(path);
    await expect(load).rejects.toThrow(`The school calendar file ${path} is not valid: ${message}`);
    await expect(load).rejects.toMatchObject({ code: 'config' });
  });

  it('refuses a file that is not JSON, naming it', async () => {
    const path = await fileWith('{ "terms": [ }');
    await expect(loadCalendarSettings(path)).rejects.toThrow(`The school calendar file ${path} is not valid JSON`);
  });

  it('reports a missing file by name', async () => {
    const path = join(await dirs.make(), 'nope.json');
    await expect(loadCalendarSettings(path)).rejects.toThrow(`The school calendar file ${path} could not be read (ENOENT)`);
  });
});

describe('CalendarSettings', () => {
  it('allows terms listed out of order as long as they do not overlap', () => {
    expect(CalendarSettings.safeParse({ terms: [{ start: '2027-01-05', end: '2027-03-26' }, AUTUMN] }).success).toBe(true);
  });

  it('allows daytime quiet hours that do not cross midnight', () => {
    expect(CalendarSettings.safeParse({ terms: [], quietHours: { start: '12:00', end: '13:00' } }).success).toBe(true);
  });

  it('has a note for calendars without terms', () => {
    expect(DEFAULT_TERMS_NOTE).toMatch(/every weekday that is not a bank holiday/);
  });
});
