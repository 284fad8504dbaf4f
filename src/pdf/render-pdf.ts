import { createRequire } from 'node:module';
import pdfmake, { type Content, type DocumentDefinition, type TableLayout } from 'pdfmake';
import type { DocBlock, DocumentModel } from '../core/views/document.js';

/**
 * The one place that knows PDF: lays a channel-neutral document (core/views/document.ts) out as an
 * A4 PDF with pdfmake. pdfmake was chosen over pdf-lib because it does the layout a record needs
 * (text that wraps, tables whose header repeats on each page, rows that run over a page break) and
 * gives "Page n of m" in its footer; pdf-lib only draws at coordinates, so all of that would be ours.
 * Text is real text (selectable and searchable), in Roboto as shipped inside the pdfmake package,
 * so nothing is fetched at run time. Black text, grey rules and a light grey header row, with bold
 * rather than colour for what matters, so it reads the same printed in black and white.
 */

const require = createRequire(import.meta.url);
/** The font files inside the pdfmake package: { Roboto: { normal, bold, italics, bolditalics } }. */
const FONTS = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> };
const FONT_FILES = new Set(Object.values(FONTS.Roboto));

pdfmake.setFonts(FONTS);
// A document is built from the record alone: it may read nothing from the network, and from disk only its fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

const RULE = '#7f7f7f';
const HEADER_FILL = '#e6e6e6';

const GRID: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  fillColor: (row) => (row === 0 ? HEADER_FILL : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

const PLAIN: TableLayout = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 1.5, paddingBottom: () => 1.5 };

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/**
 * Whether every row of a table surely fits in half a page, so rows can be kept whole (a row split
 * over a page break reads badly, printed or extracted). pdfmake drops what does not fit of a row it
 * must keep whole, so a table with a long row (a review's notes run to 8,000 characters) lets its
 * rows break instead. Estimated generously: table text is about 120 characters across the page.
 */
function rowsFitWhole(weights: readonly number[], rows: readonly string[][]): boolean {
  const total = weights.reduce((t, w) => t + w, 0);
  const across = weights.map((w) => Math.max(8, Math.floor((120 * w) / total)));
  return rows.every((r) => r.every((cell, i) => cell.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(part.length / across[i]!)), 0) <= HALF_PAGE_LINES));
}
const HALF_PAGE_LINES = 28;

/** Relative widths as percentages, which pdfmake lays out against the page. */
const widths = (weights: readonly number[]) => {
  const total = weights.reduce((t, w) => t + w, 0);
  return weights.map((w) => `${((w / total) * 100).toFixed(2)}%`);
};

function block(b: DocBlock): Content {
  switch (b.type) {
    case 'subheading':
      return { text: b.text, style: 'h2' };
    case 'paragraph':
      return { text: b.text, style: b.tone === 'important' ? 'important' : b.tone === 'note' ? 'note' : 'body' };
    case 'list':
      return { ul: b.items, style: 'body' };
    case 'facts':
      return {
        layout: PLAIN,
        margin: [0, 0, 0, 6],
        table: { widths: ['30%', '70%'], body: b.facts.map((f) => [{ text: f.label, bold: true }, f.value]) },
      };
    case 'table': {
      const weights = b.columns.map((c) => c.width ?? 1);
      return {
        layout: GRID,
        style: 'table',
        table: {
          headerRows: 1,
          dontBreakRows: rowsFitWhole(weights, b.rows),
          widths: widths(weights),
          body: [b.columns.map((c) => ({ text: c.title, bold: true })), ...b.rows.map((r) => b.columns.map((_, i) => r[i] ?? ''))],
        },
      };
    }
  }
}

/** The PDF of a document, with how many pages it runs to. */
export async function renderPdf(d: DocumentModel): Promise<RenderedPdf> {
  let pages = 0;
  const definition: DocumentDefinition = {
    pageSize: 'A4',
    pageMargins: [40, 54, 40, 46],
    language: 'en-GB',
    info: { title: d.title, subject: d.subject, author: d.author, creator: 'Graduated response assistant', producer: 'pdfmake', creationDate: d.producedAt },
    header: () => ({ text: d.runningHeader, style: 'running', margin: [40, 22, 40, 0] }),
    footer: (page, count) => {
      pages = count;
      return { columns: [{ text: d.runningFooter, width: '*' }, { text: `Page ${page} of ${count}`, width: 'auto', bold: true }], style: 'running', margin: [40, 14, 40, 0] };
    },
    content: [
      { text: d.title, style: 'title' },
      { text: d.subject, style: 'subtitle' },
      ...d.sections.flatMap((s): Content[] => [{ text: s.title, style: 'h1' }, ...s.blocks.map(block)]),
    ],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, color: '#000000' },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 10] },
      h1: { fontSize: 13, bold: true, margin: [0, 12, 0, 5] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
      body: { margin: [0, 0, 0, 5] },
      note: { italics: true, margin: [0, 0, 0, 5] },
      important: { bold: true, margin: [0, 0, 0, 5] },
      table: { fontSize: 8.5, margin: [0, 0, 0, 8] },
      running: { fontSize: 7.5 },
    },
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pages };
}

/**
 * Lays out a one-line page and throws it away, so the fonts are read and the layout code compiled
 * before anyone asks for a file: the first evidence pack in a process otherwise takes several times
 * as long as the next. Called once the server is listening, without waiting for it.
 */
export async function warmUp(): Promise<void> {
  await renderPdf({ title: '-', subject: '-', period: '-', runningHeader: '-', runningFooter: '-', author: '-', producedAt: new Date(0), sections: [{ title: '-', blocks: [{ type: 'paragraph', text: 'warm', tone: 'note' }] }] });
}
