import type { SchoolCalendar } from '../../core/calendar/school-calendar.js';
import type { PupilCase } from '../../core/cases/pupil-case.js';
import { chronology, type ChronologyEntry } from '../../core/record/chronology.js';
import { numberedItems, type NumberedItems } from '../../core/record/record-items.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { withPlaces, type FormTemplate } from '../../knowledge/schema/templates.js';
import { ukDate, ukDatesIn } from '../../core/text/uk-date.js';

/**
 * What every part of the evidence pack reads: the record as the reader may see it, read once
 * (numbered items, the chronology), and the pack and calendar the rest of the bot reads it with.
 */
export interface PackInput {
  pack: KnowledgePack;
  calendar: SchoolCalendar;
  /** London date the pack is produced on. */
  today: string;
  /** The case as it stands (facts folded), after the access rules. */
  c: PupilCase;
  /** False for an LA officer's copy: no plans, reasons, timeline or facts chronology. */
  full: boolean;
  items: NumberedItems;
  chronology: ChronologyEntry[];
  /** A member of staff as the pack names them, from their id: "Ann Lee (SENDCo)", "SENDCo" where no name is known, or '' for an id the directory does not know. Never the id itself. */
  who: (staffId: string) => string;
}

export function packInput(pack: KnowledgePack, calendar: SchoolCalendar, today: string, c: PupilCase, full: boolean, who: (staffId: string) => string = () => ''): PackInput {
  return { pack, calendar, today, c, full, items: numberedItems(c), chronology: chronology(c), who };
}

/** A form's template from the pack (PCP, PSP, referral), for its field labels. */
export const template = (p: PackInput, id: string): FormTemplate | undefined => p.pack.forms.find((f) => f.id === id);

/**
 * A form's answers as label and words, in the template's order, choices and yes/no as their labels;
 * fields the template no longer has follow by their id. Dates read as staff write them ("Mon 23 Nov 2026"),
 * date fields and dates typed inside an answer alike. Empty answers are left out.
 */
export function filledFields(form: FormTemplate | undefined, values: Readonly<Record<string, string>>, skip: readonly string[] = [], words: Readonly<Record<string, string>> = {}): [string, string][] {
  const known = form?.fields ?? [];
  const out: [string, string][] = [];
  for (const f of known) {
    const v = values[f.id];
    if (v === undefined || v === '' || skip.includes(f.id)) continue;
    const shown = f.kind === 'choice' ? (f.choices?.find((c) => c.value === v)?.label ?? v) : f.kind === 'yesno' ? (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : v) : v;
    out.push([withPlaces(f.label, words), ukDatesIn(shown)]);
  }
  for (const [id, v] of Object.entries(values)) if (v !== '' && !skip.includes(id) && !known.some((f) => f.id === id)) out.push([id, ukDatesIn(v)]);
  return out;
}

/** A label from a form template, or the fallback when the pack does not name the field. */
export function fieldLabel(form: FormTemplate | undefined, id: string, fallback: string): string {
  return form?.fields.find((f) => f.id === id)?.label ?? fallback;
}

/**
 * Which calendar the pack's school days were counted with, in words: the school's term dates (and
 * the span they cover), or, with none loaded, weekdays that are not bank holidays, saying that school
 * holidays then count as school days so no figure claims more accuracy than it has.
 */
export function calendarWords(calendar: SchoolCalendar): string {
  const span = calendar.termDates;
  if (!span) return 'No term dates are loaded for this school, so school days here are weekdays that are not bank holidays in England: days in the school’s holidays count as school days. Check any school-day figure against the school’s own calendar.';
  return `School days are counted against the school’s term dates as loaded here (${ukDate(span.start)} to ${ukDate(span.end)}), less weekends, bank holidays and closures.`;
}
