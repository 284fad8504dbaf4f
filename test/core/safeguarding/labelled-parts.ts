import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod/v4';
import type { Concern, ConcernCheck } from '../../../src/core/safeguarding/concern-check.js';
import { cleanChannelText } from '../../../src/core/text/channel-text.js';

/**
 * The labelled phrasings in ./labelled/: development parts (dev.jsonl, dev2.jsonl, …) for tuning
 * and training, test parts (test.jsonl, test2.jsonl, …) that are only ever scored. Shared by
 * `npm run bench:concerns`, `npm run concerns:train` and the model's staleness test.
 */
export const Labelled = z.object({
  text: z.string().min(1),
  expect: z.enum(['risk', 'exclusion', 'none']),
  category: z.string().min(1),
  /** `reason`: typed as the reason for a suspension or exclusion, where the exclusion goes without saying. */
  where: z.enum(['message', 'signpost', 'field', 'reason']),
});
export type Labelled = z.infer<typeof Labelled>;

/** The places a phrasing can be typed, in the order the figures print them. */
export const PLACES = Labelled.shape.where.options;

/** The phrasing as the bot reads it: cleaned once as every channel's text is (HTML, entities, mentions, curly quotes). */
export const asTyped = (it: Labelled): string => cleanChannelText(it.text);

/** What the check finds in a phrasing read where it was typed: a suspension's reason by checkReason. */
export function checkAsTyped(check: ConcernCheck, it: Labelled): Concern[] {
  return it.where === 'reason' ? check.checkReason(asTyped(it)) : check.check(asTyped(it));
}

const DIR = new URL('./labelled/', import.meta.url);

/** The part names with this prefix (dev, dev2, … or test, test2, …), in number order. */
export function labelledParts(prefix: 'dev' | 'test'): string[] {
  return readdirSync(DIR)
    .flatMap((f) => f.match(new RegExp(`^(${prefix}\\d*)\\.jsonl$`))?.[1] ?? [])
    .sort((a, b) => Number(a.slice(prefix.length) || 1) - Number(b.slice(prefix.length) || 1));
}

/** One part's phrasings. Throws naming the part and line when a line is not a labelled phrasing. */
export function readPart(name: string): Labelled[] {
  return readFileSync(new URL(`${name}.jsonl`, DIR), 'utf8')
    .trim()
    .split('\n')
    .map((line, i) => {
      const parsed = Labelled.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name}.jsonl line ${i + 1}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
}

/** sha256 over the parts' names and contents, in order: what a trained model records it was trained on. */
export function partsHash(names: readonly string[]): string {
  const h = createHash('sha256');
  for (const name of names) h.update(`${name}.jsonl\n`).update(readFileSync(new URL(`${name}.jsonl`, DIR)));
  return h.digest('hex');
}

/** `n` of `d` as a percentage with one decimal, padded for tables. */
export const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '-').padStart(6);

/**
 * "recall …% (n/m)  false alarms …% (n/m)": recall over the worries and unlawful exclusions (the
 * kind expected was found), false alarms over the ordinary texts (anything was found).
 */
export function recallAndAlarms(rows: readonly { it: Labelled; kinds: ReadonlySet<string> }[]): string {
  const pos = rows.filter((r) => r.it.expect !== 'none');
  const neg = rows.filter((r) => r.it.expect === 'none');
  const hits = pos.filter((r) => r.kinds.has(r.it.expect)).length;
  const alarms = neg.filter((r) => r.kinds.size > 0).length;
  return `recall ${pct(hits, pos.length)} (${hits}/${pos.length})  false alarms ${pct(alarms, neg.length)} (${alarms}/${neg.length})`;
}
