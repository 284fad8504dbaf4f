import { z } from 'zod/v4';

/**
 * The plain fields a pupil's record is built of, shared by the case (pupil-case.ts) and the entries
 * of its chronology (core/facts), which pupil-case.ts holds, so they live apart from both.
 */

export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const SchoolId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a school id such as "st-marys-primary"');
export const StaffId = z.string().min(1).max(128);
