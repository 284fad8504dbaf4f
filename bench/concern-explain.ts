import { ConcernCheck } from '../src/core/safeguarding/concern-check.js';
import { analyse } from '../src/core/text/nlp.js';
import { loadPack } from '../src/knowledge/load-pack.js';

/**
 * Tuning aid: `npx tsx bench/concern-explain.ts "some text"` shows tokens, every pattern match
 * (counted or excused) and, when no pattern counted, what the learned model read.
 */
const pack = await loadPack('worcestershire');
const check = new ConcernCheck(pack.concerns!, pack.concernModel);
for (const text of process.argv.slice(2)) {
  console.log(analyse(text).map((t) => `${t.word}/${t.lemma}`).join(' '));
  check.check(text, (l) => console.log('  ', l));
}
