import { readFileSync } from 'node:fs';
import { ConcernCheck } from '../src/core/safeguarding/concern-check.js';
import { Concerns } from '../src/knowledge/schema/concerns.js';
import { analyse } from '../src/core/text/nlp.js';

/** Tuning aid: `npx tsx bench/concern-explain.ts "some text"` shows tokens and every match, counted or excused. */
const raw = JSON.parse(readFileSync('src/knowledge/packs/worcestershire/concerns.json', 'utf8')) as { concerns: unknown };
const check = new ConcernCheck(Concerns.parse(raw.concerns));
for (const text of process.argv.slice(2)) {
  console.log(analyse(text).map((t) => `${t.word}/${t.lemma}`).join(' '));
  check.check(text, (l) => console.log('  ', l));
}
