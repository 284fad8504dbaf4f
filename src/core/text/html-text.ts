import { Parser } from 'htmlparser2';

/** Longest text read from an HTML attachment: well above any command, far below a pasted document. */
const MAX_HTML_CHARS = 20_000;

/** Block-level tags that separate words, so "<p>what</p><p>next</p>" reads "what next". */
const BREAKS = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

/** The visible text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const parser = new Parser(
    {
      ontext: (t) => parts.push(t),
      onopentagname: (name) => BREAKS.has(name) && parts.push(' '),
      onclosetag: (name) => BREAKS.has(name) && parts.push(' '),
    },
    { decodeEntities: true },
  );
  parser.write(html.slice(0, MAX_HTML_CHARS));
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}
