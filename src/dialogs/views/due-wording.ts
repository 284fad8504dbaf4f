import type { OffDay } from '../../core/calendar/school-calendar.js';
import { ukDate } from '../../core/text/uk-date.js';

/** "in the holidays", "at the weekend", "Christmas Day": why a due date is not a school day. */
function why(o: OffDay): string {
  switch (o.why) {
    case 'weekend':
      return 'at the weekend';
    case 'school holiday':
      return 'in the holidays';
    case 'closure':
      return 'while the school is closed';
    case 'bank holiday':
      return 'a bank holiday';
    default:
      return o.why.slice('bank holiday: '.length);
  }
}

/**
 * What to say after a due date that is not a school day: "in the holidays; first school day
 * Tue 5 Jan 2027", so nobody reads a date in the holidays as one they missed.
 */
function offDayNote(o: OffDay): string {
  return o.firstSchoolDay ? `${why(o)}; first school day ${ukDate(o.firstSchoolDay)}` : why(o);
}

/** "Fri 25 Dec 2026, in the holidays; first school day Tue 5 Jan 2027", or just the date when it is a school day. */
export function dueDateText(dueDate: string, offDay: OffDay | undefined): string {
  return offDay ? `${ukDate(dueDate)}, ${offDayNote(offDay)}` : ukDate(dueDate);
}
