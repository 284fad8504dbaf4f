import type { ItemRef } from '../../core/record/record-items.js';
import { pageBySize } from '../../core/views/paging.js';
import { heading, type Block, type CommandButton, type Row, type View } from '../../core/views/view.js';
import { withPlaces, type FormTemplate } from '../../knowledge/schema/templates.js';
import { ukDate } from '../../core/text/uk-date.js';
import { to, type Subject } from '../read/subject.js';
import { count } from './record-words.js';

/**
 * One record shown in full (a plan, a review, a referral, an exclusion): its heading and facts on
 * every page, then what was written, field by field, a page at a time when it is long (never cut),
 * then the records it links to and buttons.
 */

/** A field as written: its label and the words, under a section heading when it starts one. */
export interface Part {
  section?: string;
  row: Row;
}

export interface RecordPage {
  title: string;
  /** Facts and notes shown on every page, above what was written. */
  top: Block[];
  parts: Part[];
  /** Shown after the last part: linked records (a plan's reviews, the step change that followed). */
  bottom?: Block[];
  item: ItemRef;
  page: number;
  actions: CommandButton[];
}

const partChars = (p: Part) => (p.section?.length ?? 0) + p.row.title.length + (p.row.detail?.length ?? 0) + 40;

export function recordPageView(s: Subject, r: RecordPage): View {
  const shown = pageBySize(r.parts, r.page, partChars);
  const blocks: Block[] = [heading(r.title), ...r.top];
  let rows: Row[] = [];
  const flush = () => {
    if (rows.length) blocks.push({ type: 'rows', rows });
    rows = [];
  };
  for (const p of shown.items) {
    if (p.section) {
      flush();
      blocks.push(heading(p.section));
    }
    rows.push(p.row);
  }
  flush();
  if (shown.page === shown.pages) blocks.push(...(r.bottom ?? []));
  if (shown.pages > 1)
    blocks.push({
      type: 'pager',
      page: shown.page,
      pages: shown.pages,
      of: count(shown.total, 'section'),
      ...(shown.page > 1 ? { previous: to.item(s, r.item, 'Previous', shown.page - 1).command } : {}),
      ...(shown.page < shown.pages ? { next: to.item(s, r.item, 'Next', shown.page + 1).command } : {}),
    });
  blocks.push({ type: 'actions', actions: r.actions });
  return { blocks };
}

/**
 * A form's answers as parts, in the pack template's order, under `section`: each field that was
 * filled in, a choice by its label. Fields the template no longer has follow, by their id.
 */
export function fieldParts(template: FormTemplate | undefined, values: Readonly<Record<string, string>>, section?: string, words: Readonly<Record<string, string>> = {}): Part[] {
  const known = template?.fields ?? [];
  const rows: Row[] = [];
  for (const f of known) {
    const v = values[f.id];
    if (v === undefined || v === '') continue;
    // Dates are kept as typed into the form's date input (YYYY-MM-DD) and read back in words.
    const label = f.kind === 'choice' ? (f.choices?.find((c) => c.value === v)?.label ?? v) : f.kind === 'yesno' ? (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : v) : f.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? ukDate(v) : v;
    rows.push({ title: withPlaces(f.label, words), detail: label });
  }
  for (const [id, v] of Object.entries(values)) if (v !== '' && !known.some((f) => f.id === id)) rows.push({ title: id, detail: v });
  return rows.map((row, i) => ({ ...(i === 0 && section ? { section } : {}), row }));
}
