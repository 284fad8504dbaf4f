import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * What start-up says can be done about a data file it refused, saying only what is true: the bot
 * keeps no backups of its own beyond the copy a migration keeps (keep-backup.ts), so a message names
 * that copy when one is there, and otherwise how to find and correct the mistake.
 */

/**
 * Where a JSON.parse error says the mistake is, as "line 3, column 14" of `text`, or undefined when
 * the message gives no position (Node's messages differ between versions). Only the position is read
 * from the message: its quoted text may hold pupil details.
 */
export function jsonMistakeAt(text: string, err: unknown): string | undefined {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!m) return undefined;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** The copies migrations kept beside `path` (`<file>.v<n>-<time>.bak`), newest first. */
async function migrationBackups(path: string): Promise<string[]> {
  const name = basename(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(`${name}.v`) && n.endsWith('.bak')).sort().reverse().map((n) => join(dirname(path), n));
}

/** What to correct: the field a schema named, the place a JSON.parse error gave, or a mistake a JSON checker will find. */
export type Mistake = { field: true } | { json: true; at?: string };

/**
 * One or two sentences after a refusal of `path`: what to correct in a text editor; and where a
 * migration kept a copy, that it can be put back, losing what was recorded since; otherwise that
 * the bot keeps no other copy.
 */
export async function howToFix(path: string, mistake: Mistake): Promise<string> {
  const [newest] = await migrationBackups(path);
  const what = 'field' in mistake ? 'correct that field' : mistake.at ? `correct the mistake at ${mistake.at}` : 'find the mistake with a JSON checker and correct it';
  const edit = `To start, ${what} in a text editor (the file is as it was)`;
  return newest
    ? `${edit}, or put back ${newest}, the copy kept when the bot last upgraded this file; that copy lacks anything recorded since.`
    : `${edit}. The bot keeps no other copy of this file to go back to.`;
}
