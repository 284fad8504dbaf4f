import { fileURLToPath } from 'node:url';
import type { Exclusion, PastoralSupportPlan, PersonCentredPlan, PlanReview } from '../../../src/core/cases/pupil-case.js';
import { loadCalendarSettings } from '../../../src/core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { ReminderSettings } from '../../../src/core/reminders/types.js';

const AT = '2026-09-01T09:00:00.000Z';

export function pcp(reviewDate: string, overrides: Partial<PersonCentredPlan> = {}): PersonCentredPlan {
  return { id: 'pcp-1', step: 2, ownerId: 'teacher-1', createdAt: AT, fields: {}, reviewDate, reviews: [], status: 'active', ...overrides };
}

export function psp(startDate: string, overrides: Partial<PastoralSupportPlan> = {}): PastoralSupportPlan {
  return {
    id: 'psp-1',
    overseeingLeaderId: 'leader-1',
    ownerId: 'teacher-1',
    startDate,
    targets: ['Stay in class for the whole of each lesson'],
    fields: {},
    reviewIntervalDays: 21,
    reviews: [],
    status: 'active',
    ...overrides,
  };
}

export function review(date: string, positiveChange: boolean, id = `r-${date}`): PlanReview {
  return { id, date, positiveChange, notes: '', by: 'leader-1' };
}

export function permanentExclusion(startDate: string, id = 'x-1'): Exclusion {
  return { id, kind: 'permanent', startDate, days: 0, reason: '', recordedBy: 'head-1', recordedAt: AT };
}

export const noTerms = new SchoolCalendar();

/** The shipped example: Autumn 2026 from 2026-09-02 with half term 26–30 October, and so on. */
export async function exampleTerms(): Promise<SchoolCalendar> {
  return new SchoolCalendar(await loadCalendarSettings(fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url))));
}

export const every3: ReminderSettings = { resendEverySchoolDays: 3 };

/** One SENDCo per school: `sendco@<school>`. */
export const sendcosAt = (schoolId: string): string[] => [`sendco@${schoolId}`];

export const at = (iso: string): Date => new Date(iso);
