/**
 * `s` as one flat string. A string built by concatenation is a tree of pieces until something
 * reads it whole; keeping 100,000 such trees alive makes each garbage collection walk them, and
 * every lookup by key flattens the key first anyway. Reading one character flattens it now.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}
