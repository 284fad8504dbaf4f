/**
 * The parts of pdfmake 0.3 (its Node build) this project uses. `@types/pdfmake` is not used: it
 * pulls the DOM library into every file's types, which changes what `fetch` and `Buffer` mean here.
 * Document definitions are loose JSON as pdfmake documents them; src/pdf builds them in one place.
 */
declare module 'pdfmake' {
  type Content = string | Record<string, unknown> | Content[];
  interface TableLayout {
    hLineWidth?: (i: number) => number;
    vLineWidth?: (i: number) => number;
    hLineColor?: (i: number) => string;
    vLineColor?: (i: number) => string;
    fillColor?: (row: number) => string | null;
    paddingLeft?: (i: number) => number;
    paddingRight?: (i: number) => number;
    paddingTop?: (i: number) => number;
    paddingBottom?: (i: number) => number;
  }
  interface DocumentDefinition {
    pageSize?: string;
    pageMargins?: [number, number, number, number];
    language?: string;
    info?: { title?: string; subject?: string; author?: string; creator?: string; producer?: string; creationDate?: Date };
    header?: (currentPage: number, pageCount: number) => Content;
    footer?: (currentPage: number, pageCount: number) => Content;
    content: Content[];
    defaultStyle?: Record<string, unknown>;
    styles?: Record<string, Record<string, unknown>>;
  }
  interface CreatedPdf {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(definition: DocumentDefinition): CreatedPdf;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
  export type { Content, DocumentDefinition, TableLayout };
}
