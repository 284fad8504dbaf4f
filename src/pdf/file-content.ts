import type { FileOffer } from '../core/views/view.js';
import { renderPdf } from './render-pdf.js';

/** A file as its bytes, with what a channel says of it. */
export interface FileContent {
  bytes: Buffer;
  /** "PDF" or "CSV", for the words around it ("The PDF is just above"). */
  kind: 'PDF' | 'CSV';
  mime: string;
  /** Pages of a PDF. */
  pages?: number;
  /** A file about one pupil (the evidence pack), special category data; the LA's figures are counts with small ones withheld. */
  aboutAChild: boolean;
}

/** The bytes of an offered file: its CSV as UTF-8, or its document drawn as a PDF. */
export async function fileContent(offer: FileOffer): Promise<FileContent> {
  if (offer.csv !== undefined) return { bytes: Buffer.from(offer.csv, 'utf8'), kind: 'CSV', mime: 'text/csv', aboutAChild: false };
  if (!offer.document) throw new Error('a file offer with neither a document nor text');
  const { bytes, pages } = await renderPdf(offer.document);
  return { bytes, kind: 'PDF', mime: 'application/pdf', pages, aboutAChild: true };
}

/** "3 pages" for a PDF; nothing for a CSV. */
export const pagesWords = (c: Pick<FileContent, 'pages'>): string => (c.pages === undefined ? '' : `${c.pages} page${c.pages === 1 ? '' : 's'}`);

/** What to say of the file's contents where it is handed over. */
export const handleWith = (c: Pick<FileContent, 'aboutAChild'>): string =>
  c.aboutAChild ? 'It holds special category data about a child: keep it somewhere secure and share it only for the request it is for.' : 'Small numbers are withheld in it, as on screen; share it as the LA shares its figures.';
