/**
 * A document to hand over as a file (the evidence pack), independent of file format: sections of
 * headings, paragraphs, facts, lists and tables, with what every page must say. The core builds
 * it; a renderer outside the core (src/pdf) lays it out as a PDF. Nothing here knows PDF.
 */

/** How a paragraph reads: plain, a quieter note, or something to notice (shown in bold, never by colour alone). */
export type DocTone = 'normal' | 'note' | 'important';

export interface DocColumn {
  title: string;
  /** Relative width against the table's other columns; 1 when not given. */
  width?: number;
}

export type DocBlock =
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string; tone?: DocTone }
  | { type: 'facts'; facts: { label: string; value: string }[] }
  | { type: 'list'; items: string[] }
  /** Every row has one cell per column; the header repeats on each page the table runs onto. */
  | { type: 'table'; columns: DocColumn[]; rows: string[][] };

export interface DocSection {
  title: string;
  blocks: DocBlock[];
}

export interface DocumentModel {
  /** The document's title, on the first page and in the file's properties. */
  title: string;
  /** Who or what it is about, in the words the record allows (pupil reference, initials and year). */
  subject: string;
  /** The dates it covers, in words ("Mon 1 Sep 2025 to Mon 30 Nov 2026"). */
  period: string;
  /** Printed at the top of every page: what it is, the period, and that it holds special category data. */
  runningHeader: string;
  /** Printed at the foot of every page beside "Page n of m": who produced it and when. */
  runningFooter: string;
  /** Who produced it, for the file's properties. */
  author: string;
  /** When it was produced. */
  producedAt: Date;
  sections: DocSection[];
}

/** Small constructors, so builders read as the document does. */
export const doc = {
  subheading: (text: string): DocBlock => ({ type: 'subheading', text }),
  paragraph: (text: string, tone: DocTone = 'normal'): DocBlock => ({ type: 'paragraph', text, tone }),
  facts: (facts: { label: string; value: string }[]): DocBlock => ({ type: 'facts', facts }),
  list: (items: string[]): DocBlock => ({ type: 'list', items }),
  table: (columns: (string | DocColumn)[], rows: string[][]): DocBlock => ({ type: 'table', columns: columns.map((c) => (typeof c === 'string' ? { title: c } : c)), rows }),
};
