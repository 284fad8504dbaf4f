/**
 * The concern check on the labelled set: recall and false alarms on the held-out test part (never
 * tuned on), per category and per place typed, beside the development parts; and its time per text
 * beside the NLP library reading the same text alone. Printed, never asserted.
 */
import { ConcernCheck } from '../src/core/safeguarding/concern-check.js';
import { concernCheckFor } from '../src/core/safeguarding/for-pack.js';
import { analyse } from '../src/core/text/nlp.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { asTyped, checkAsTyped, labelledParts, pct, PLACES, readPart, recallAndAlarms, type Labelled } from '../test/core/safeguarding/labelled-parts.js';
import { percentiles, report, timeSync } from './stats.js';

type Scored = { it: Labelled; kinds: Set<string> }[];

/**
 * Prints the figures. With `devOnly` the held-out test parts are not scored (a tuning run must not
 * see them); their texts still count in the timing, which says nothing about their labels.
 */
export async function concernFigures(devOnly = false): Promise<void> {
  const pack = await loadPack('worcestershire');
  const check = concernCheckFor(pack)!;
  const score = (items: Labelled[]): Scored => items.map((it) => ({ it, kinds: new Set(checkAsTyped(check, it).map((c) => c.kind)) }));

  console.log('\nconcern check (safeguarding and unlawful exclusion), labelled phrasings');
  for (const name of labelledParts('dev')) console.log(`  ${`development part ${name}`.padEnd(32)} ${recallAndAlarms(score(readPart(name)))}`);
  const texts = [...labelledParts('dev'), ...labelledParts('test')].flatMap((n) => readPart(n).map(asTyped));
  if (!devOnly) {
    printTest(score);
    // Baseline in the same run: the pack's patterns without the learned reader.
    const patternsOnly = new ConcernCheck(pack.concerns!);
    const rows = labelledParts('test').flatMap(readPart).map((it) => ({ it, kinds: new Set(checkAsTyped(patternsOnly, it).map((c) => c.kind)) }));
    console.log(`  ${'baseline: patterns alone'.padEnd(32)} ${recallAndAlarms(rows)}`);
  }
  timing(check, texts);
}

/** The held-out test parts: each on its own, then together by place typed and by category. */
function printTest(score: (items: Labelled[]) => Scored) {
  const test = labelledParts('test').flatMap((name) => {
    const rows = score(readPart(name));
    console.log(`  ${`TEST part ${name} (held out)`.padEnd(32)} ${recallAndAlarms(rows)}`);
    for (const where of PLACES) console.log(`    typed as ${where.padEnd(21)} ${recallAndAlarms(rows.filter((r) => r.it.where === where))}`);
    return rows;
  });
  console.log(`  ${'TEST parts together'.padEnd(32)} ${recallAndAlarms(test)}`);
  for (const where of PLACES) console.log(`    typed as ${where.padEnd(21)} ${recallAndAlarms(test.filter((r) => r.it.where === where))}`);
  const categories = [...new Set(test.map((r) => `${r.it.expect}:${r.it.category}`))].sort();
  for (const key of categories) {
    const rows = test.filter((r) => `${r.it.expect}:${r.it.category}` === key);
    const [expect, category] = key.split(':') as [Labelled['expect'], string];
    const ok = rows.filter((r) => (expect === 'none' ? r.kinds.size === 0 : r.kinds.has(expect))).length;
    console.log(`    ${`${expect} ${category}`.padEnd(38)} ${expect === 'none' ? 'no alarm' : 'found   '} ${pct(ok, rows.length)} (${ok}/${rows.length})`);
  }

}

/** Time per text for the check, beside wink-nlp reading the same text alone. */
function timing(check: NonNullable<ReturnType<typeof concernCheckFor>>, texts: string[]) {
  check.check('warm up the model');
  const ours: number[] = [];
  const readOnly: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const t of texts) {
      ours.push(timeSync(() => check.check(t)));
      readOnly.push(timeSync(() => analyse(t)));
    }
  report(`concern check per text (${texts.length})`, percentiles(ours), { p99: 2 }, { name: 'NLP read alone', f: percentiles(readOnly) });
}

/**
 * Tuning aid: `npm run bench:concerns -- --misses dev3` lists what one development part misses and
 * where it raises a false alarm; `-- --dev` prints the figures without scoring the test parts. The
 * test parts are refused here: they are only ever scored.
 */
async function listMisses(name: string): Promise<void> {
  if (!labelledParts('dev').includes(name)) throw new Error(`"${name}" is not a development part (${labelledParts('dev').join(', ')}); the test part is only scored, never read for tuning.`);
  const check = concernCheckFor(await loadPack('worcestershire'))!;
  for (const it of readPart(name)) {
    const found = checkAsTyped(check, it);
    const kinds = new Set(found.map((c) => c.kind));
    if (it.expect === 'none' && found.length) console.log(`FALSE ALARM  ${it.category.padEnd(28)} ${it.text}  =>  ${found.map((c) => `${c.category}: "${c.quote}"`).join('; ')}`);
    if (it.expect !== 'none' && !kinds.has(it.expect)) console.log(`MISSED       ${it.category.padEnd(28)} ${it.text}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--misses');
  await (at > 0 ? listMisses(process.argv[at + 1] ?? '') : concernFigures(process.argv.includes('--dev')));
}
