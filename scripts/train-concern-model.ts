/**
 * `npm run concerns:train`: trains the concern check's learned reader (concern-model.json in the
 * Worcestershire pack) from the labelled development parts in test/core/safeguarding/labelled/
 * (dev.jsonl, dev2.jsonl, …). The test parts are never read here: they are only scored.
 *
 * `-- --cross` first shows what each margin and veto finds on parts the model was not trained on:
 * choose them there, then train on every part with `-- --margin N --gate G [--veto V]`.
 */
import { writeFileSync } from 'node:fs';
import { ConcernCheck } from '../src/core/safeguarding/concern-check.js';
import { ORDINARY, trainConcernModel } from '../src/core/safeguarding/concern-model.js';
import { analyse } from '../src/core/text/nlp.js';
import { loadPack, resolvePackDir } from '../src/knowledge/load-pack.js';
import { asTyped, checkAsTyped, labelledParts, partsHash, PLACES, readPart, recallAndAlarms } from '../test/core/safeguarding/labelled-parts.js';

/** Prints one line: this is a command-line tool. */
const say = (line: string) => process.stdout.write(`${line}\n`);
const examples = (parts: readonly string[]) =>
  parts.flatMap(readPart).map((r) => ({ tokens: analyse(asTyped(r)), category: r.expect === 'none' ? ORDINARY : r.category, kind: r.expect === 'none' ? ORDINARY : r.expect }));
/** What a model records it was trained on: the files, and a hash the staleness test compares. */
const trainedOn = (parts: readonly string[]) => ({ files: parts.map((p) => `${p}.jsonl`), sha256: partsHash(parts) });

async function main(): Promise<void> {
  const pack = await loadPack('worcestershire');
  const parts = labelledParts('dev');
  if (process.argv.includes('--cross')) {
    const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
    if (only !== undefined && !parts.includes(only)) throw new Error(`--only needs a development part (${parts.join(', ')})`);
    return cross(pack, parts, only ? [only] : parts, process.argv.includes('--show'));
  }
  const arg = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : NaN);
  const minMargin = arg('--margin');
  const kindGate = arg('--gate');
  const veto = process.argv.includes('--veto') ? arg('--veto') : undefined;
  if (veto !== undefined && !(veto >= 0)) throw new Error('--veto takes a number of log2 units, such as 20');
  if (!Number.isFinite(minMargin) || !Number.isFinite(kindGate)) throw new Error('give the margin and gate chosen with --cross: -- --margin 10 --gate 0 --veto 20');
  const model = trainConcernModel(examples(parts), { minMargin, kindGate, ...(veto !== undefined ? { veto } : {}) }, trainedOn(parts));
  const out = new URL('concern-model.json', `file://${resolvePackDir('worcestershire')}/`);
  writeFileSync(out, `${JSON.stringify({ concernModel: model })}\n`);
  say(`trained on ${model.trainedOn.files.join(', ')}; margin ${minMargin}, gate ${kindGate}, veto ${veto ?? 'none'}; wrote ${out.pathname} (${(JSON.stringify(model).length / 1024).toFixed(0)} KB)`);
}

/**
 * `-- --cross [--only devN] [--show]`: each development part (or only devN, e.g. a new part before
 * anything is tuned on it) scored by the patterns and a model trained on the other parts, for several margins and vetoes (gate 0), then all parts together by place typed:
 * the figures a text nobody trained the model on would get. `--show` lists each part's false
 * alarms and misses at the shipped settings. Patterns were written from every part, so their
 * share here is optimistic; a part scored before its patterns were tuned, or the test parts, say
 * how they do on unseen text.
 */
async function cross(pack: Awaited<ReturnType<typeof loadPack>>, parts: readonly string[], heldOut: readonly string[], show: boolean): Promise<void> {
  const settings = [10, 14].flatMap((minMargin) => [Infinity, 30, 20, 15].map((veto) => ({ minMargin, veto })));
  const shipped = { minMargin: pack.concernModel?.minMargin ?? 10, veto: pack.concernModel?.kinds.veto ?? Infinity };
  const scored = settings.map(() => [] as { it: ReturnType<typeof readPart>[number]; kinds: Set<string> }[]);
  for (const held of heldOut) {
    const rest = parts.filter((p) => p !== held);
    const model = trainConcernModel(examples(rest), { minMargin: 0, kindGate: 0 }, trainedOn(rest));
    settings.forEach(({ minMargin, veto }, s) => {
      const check = new ConcernCheck(pack.concerns!, { ...model, minMargin, kinds: { ...model.kinds, veto } });
      for (const it of readPart(held)) {
        const found = checkAsTyped(check, it);
        scored[s]!.push({ it, kinds: new Set(found.map((c) => c.kind)) });
        if (show && minMargin === shipped.minMargin && veto === shipped.veto) {
          if (it.expect === 'none' && found.length) say(`${held} FALSE ALARM ${it.where.padEnd(8)} ${found.map((c) => `${c.by}:${c.category}`).join(',')}  ${it.text}`);
          if (it.expect !== 'none' && !found.some((c) => c.kind === it.expect)) say(`${held} MISSED      ${it.where.padEnd(8)} ${it.category}  ${it.text}`);
        }
      }
    });
  }
  settings.forEach(({ minMargin, veto }, s) => {
    const rows = scored[s]!;
    say(`margin ${minMargin}, veto ${veto}: all ${recallAndAlarms(rows)}`);
    for (const where of PLACES) say(`  ${where.padEnd(8)} ${recallAndAlarms(rows.filter((r) => r.it.where === where))}`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
