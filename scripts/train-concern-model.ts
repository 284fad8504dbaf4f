/**
 * `npm run concerns:train`: trains the concern check's learned reader (concern-model.json in the
 * Worcestershire pack) from the labelled development parts in test/core/safeguarding/labelled/
 * (dev.jsonl, dev2.jsonl, …). The test parts are never read here: they are only scored.
 *
 * `-- --choose-margin devN` first trains without devN and prints, for several margins, what the
 * patterns and the model together find on devN, which the model has not seen: choose the margin
 * there, then train on every part with `-- --margin N`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ConcernCheck } from '../src/core/safeguarding/concern-check.js';
import { trainConcernModel } from '../src/core/safeguarding/concern-model.js';
import { analyse } from '../src/core/text/nlp.js';
import { loadPack, resolvePackDir } from '../src/knowledge/load-pack.js';

interface Labelled {
  text: string;
  expect: 'risk' | 'exclusion' | 'none';
  category: string;
}

const DIR = new URL('../test/core/safeguarding/labelled/', import.meta.url);
/** The development parts in order; the model's staleness test reads the same list. */
export const devFiles = (): string[] =>
  readdirSync(DIR)
    .filter((f) => /^dev\d*\.jsonl$/.test(f))
    .sort((a, b) => Number(a.slice(3, -6) || 1) - Number(b.slice(3, -6) || 1));
/** sha256 over the development parts' names and contents, in order. */
export const devHash = (files: readonly string[]): string => {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\n`).update(readFileSync(new URL(f, DIR)));
  return h.digest('hex');
};
const read = (f: string): Labelled[] =>
  readFileSync(new URL(f, DIR), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Labelled);
/** Prints one line: this is a command-line tool. */
const say = (line: string) => process.stdout.write(`${line}\n`);
const examples = (files: readonly string[]) => files.flatMap(read).map((r) => ({ tokens: analyse(r.text), category: r.expect === 'none' ? 'none' : r.category }));

async function main(): Promise<void> {
  const pack = await loadPack('worcestershire');
  const files = devFiles();
  const held = process.argv[process.argv.indexOf('--choose-margin') + 1];
  if (process.argv.includes('--choose-margin')) {
    if (!held || !files.includes(`${held}.jsonl`)) throw new Error(`--choose-margin needs a development part (${files.map((f) => f.slice(0, -6)).join(', ')})`);
    const rest = files.filter((f) => f !== `${held}.jsonl`);
    const rows = read(`${held}.jsonl`);
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    const patterns = new ConcernCheck(pack.concerns!);
    const score = (check: ConcernCheck) => {
      const pos = rows.filter((r) => r.expect !== 'none');
      const neg = rows.filter((r) => r.expect === 'none');
      const hits = pos.filter((r) => check.check(r.text).some((c) => c.kind === r.expect)).length;
      return `recall ${pct(hits, pos.length)}  false alarms ${pct(neg.filter((r) => check.check(r.text).length).length, neg.length)}`;
    };
    say(`${held}, patterns alone: ${score(patterns)}`);
    for (const margin of [0, 5, 10, 15, 20, 25]) {
      const model = trainConcernModel(examples(rest), margin, { files: rest, sha256: devHash(rest) });
      say(`${held}, patterns + model trained without it, margin ${margin}: ${score(new ConcernCheck(pack.concerns!, model))}`);
    }
    return;
  }
  const margin = Number(process.argv[process.argv.indexOf('--margin') + 1]);
  if (!process.argv.includes('--margin') || !Number.isFinite(margin)) throw new Error('give the margin chosen with --choose-margin: -- --margin 15');
  const model = trainConcernModel(examples(files), margin, { files, sha256: devHash(files) });
  const out = new URL('concern-model.json', `file://${resolvePackDir('worcestershire')}/`);
  writeFileSync(out, `${JSON.stringify({ concernModel: model })}\n`);
  say(`trained on ${files.join(', ')}; margin ${margin}; wrote ${out.pathname} (${(JSON.stringify(model).length / 1024).toFixed(0)} KB)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
