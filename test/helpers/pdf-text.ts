import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a PDF says, page by page, read back with Mozilla's PDF.js as a reader's copy and search would. */
export interface PdfText {
  pages: string[];
  /** Every page's text joined, with runs of spaces made one. */
  all: string;
  info: Record<string, unknown>;
  /** The page size of page 1 in points (A4 is 595.28 × 841.89). */
  size: { width: number; height: number };
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    // A line break where PDF.js saw one; table cells and wrapped lines become separate lines.
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('').replace(/[ \t]+/g, ' '));
  }
  const first = await pdf.getPage(1);
  const [, , width, height] = first.view as [number, number, number, number];
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, all: pages.join('\n'), info: meta.info as Record<string, unknown>, size: { width, height } };
}
