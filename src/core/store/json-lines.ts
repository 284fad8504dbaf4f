import type { z } from 'zod/v4';
import { StoreError } from '../errors.js';
import { readDataFile } from './read-data-file.js';
import { jsonMistakeAt } from './fix-advice.js';
import { describeFirstIssue } from './zod-issue.js';

/**
 * Replays an append-only JSON-lines data file, line by line, into `apply`. A last line without
 * its newline is a write cut short by a crash: it is skipped and reported as `torn`. Any other bad
 * line (a hand edit) throws StoreError('store-invalid') naming the file and line, followed by
 * `whatToDo`. A missing file is empty.
 */
export async function replayJsonLines<T>(path: string, schema: z.ZodType<T>, apply: (line: T) => void, whatToDo: string): Promise<{ lines: number; torn: boolean }> {
  const text = (await readDataFile(path)) ?? '';
  // The piece after the last newline is either empty or a torn write: never a whole line.
  const rows = text.split('\n');
  const complete = rows.slice(0, -1);
  complete.forEach((row, i) => {
    if (!row.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(row);
    } catch (err) {
      const at = jsonMistakeAt(row, err)?.replace(/^line 1, /, '');
      throw new StoreError(`${path} line ${i + 1} is not valid JSON${at ? ` (at ${at})` : ''}, so the bot will not start. ${whatToDo}`, 'store-invalid');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new StoreError(`${path} line ${i + 1}: ${describeFirstIssue(parsed.error)}. The bot will not start. ${whatToDo}`, 'store-invalid');
    apply(parsed.data);
  });
  return { lines: complete.length, torn: rows.at(-1) !== '' };
}
