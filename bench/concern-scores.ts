import { readFileSync } from 'node:fs';
import { ConcernCheck } from '../src/core/safeguarding/concern-check.js';
import { Concerns } from '../src/knowledge/schema/concerns.js';

/** Dev-only tuning aid: prints what the check gets wrong on the development part. */
const raw = JSON.parse(readFileSync('src/knowledge/packs/worcestershire/concerns.json', 'utf8')) as { concerns: unknown };
const check = new ConcernCheck(Concerns.parse(raw.concerns));
const items = readFileSync(process.argv[2] ?? 'test/core/safeguarding/labelled/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; expect: string; category: string });
let miss = 0, fa = 0, wrongKind = 0;
for (const it of items) {
  const found = check.check(it.text);
  const kinds = new Set(found.map((f) => f.kind));
  if (it.expect === 'none' && found.length) { fa++; console.log('FA  ', it.category.padEnd(12), it.text, '=>', found.map((f) => `${f.category}:"${f.quote}"`).join(' ')); }
  else if (it.expect !== 'none' && !kinds.has(it.expect as 'risk')) { miss++; console.log('MISS', it.category.padEnd(12), it.text, found.length ? `=> ${found.map((f) => f.category).join(' ')}` : ''); }
  else if (it.expect !== 'none' && !found.some((f) => f.category === it.category)) { wrongKind++; }
}
const pos = items.filter((i) => i.expect !== 'none').length;
const neg = items.length - pos;
console.log(`recall ${((pos - miss) / pos * 100).toFixed(1)}% (${miss} missed of ${pos}); false alarms ${(fa / neg * 100).toFixed(1)}% (${fa} of ${neg}); other category ${wrongKind}`);
