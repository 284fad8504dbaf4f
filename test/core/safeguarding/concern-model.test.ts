import { describe, expect, it } from 'vitest';
import { ConcernCheck } from '../../../src/core/safeguarding/concern-check.js';
import { trainConcernModel } from '../../../src/core/safeguarding/concern-model.js';
import { analyse } from '../../../src/core/text/nlp.js';
import { loadPack } from '../../../src/knowledge/load-pack.js';
import { labelledParts, partsHash, readPart } from './labelled-parts.js';
import winkNaiveBayes from 'wink-naive-bayes-text-classifier';
import { NaiveBayesOdds } from '../../../src/core/safeguarding/naive-bayes-odds.js';
import { modelFeatures } from '../../../src/core/safeguarding/concern-model.js';
import { ORDINARY } from '../../helpers/issue-10-examples.js';

const pack = await loadPack('worcestershire');

describe('the concern check’s learned reader', () => {
  it('ships trained on exactly today’s development parts, never a test part (run npm run concerns:train when this fails)', () => {
    const model = pack.concernModel!;
    const dev = labelledParts('dev');
    expect(model.trainedOn.files).toEqual(dev.map((p) => `${p}.jsonl`));
    expect(model.trainedOn.files.every((f) => /^dev\d*\.jsonl$/.test(f))).toBe(true);
    expect(model.trainedOn.sha256).toBe(partsHash(dev));
  });

  it('brings the notice for a worry no pattern knows, quoting the sentence it read, in the person’s words', () => {
    const text = "Missed 3 hospital appts for epilepsy since Oct and arrives most days at 10am in yesterday's clothes.";
    expect(new ConcernCheck(pack.concerns!).check(text)).toEqual([]);
    const [found] = new ConcernCheck(pack.concerns!, pack.concernModel).check(text);
    expect(found).toMatchObject({ kind: 'risk', category: 'neglect', by: 'model' });
    // Long quotes are clipped with an ellipsis; what is shown is the person's own words.
    expect(text).toContain(found!.quote.replace(/…$/, ''));
  });

  it('is asked only when no pattern matched, so a pattern’s exact quote wins', () => {
    const found = new ConcernCheck(pack.concerns!, pack.concernModel).check('a pupil told me her dad hits her');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.by === 'pattern')).toBe(true);
    expect(found.map((c) => c.quote)).toContain('dad hits her');
  });

  it('drops a pattern’s match when its sentence reads as plainly ordinary, judging each sentence on its own', () => {
    const training = 'asthma awareness session for TAs in the special school next week';
    // The words alone match a sign about staff ("TAs … special"); the sentence is a training course.
    expect(new ConcernCheck(pack.concerns!).check(training).map((c) => c.category)).toEqual(['allegation-adult']);
    const check = new ConcernCheck(pack.concerns!, pack.concernModel);
    expect(check.check(training)).toEqual([]);
    // A worry in its own sentence of the same routine note is still found, quoted in the person's words.
    const note = `Inset notes: ${training} went well. At break a Y5 girl told a supervisor her dad hits her with a belt.`;
    expect(check.check(note)).toContainEqual(expect.objectContaining({ kind: 'risk', quote: expect.stringContaining('dad hits her') }));
    const buried = 'Annual review prep. Reading age up a year, loves maths. His hearing aids have not been worn since October because they were lost and mum has not replaced them. Next review in June.';
    expect(check.check(buried).map((c) => c.category)).toEqual(['neglect']);
  });

  it('leaves the issue’s ordinary requests ordinary', () => {
    const check = new ConcernCheck(pack.concerns!, pack.concernModel);
    for (const text of ORDINARY) expect(check.check(text), text).toEqual([]);
  });

  it('reads the library’s model with the library’s own odds, label for label, on every development phrasing', () => {
    const model = pack.concernModel!;
    for (const exported of [model.naiveBayes, model.kinds.naiveBayes]) {
      const library = winkNaiveBayes();
      library.importJSON(exported);
      library.consolidate();
      const ours = new NaiveBayesOdds(exported);
      for (const part of labelledParts('dev').slice(0, 3))
        for (const { text } of readPart(part)) {
          const features = modelFeatures(analyse(text));
          const theirs = Object.fromEntries(library.computeOdds(features));
          const mine = ours.odds(features);
          if (!mine.length) {
            expect(theirs).toEqual({ unknown: 0 });
            continue;
          }
          for (const [label, odds] of mine) expect(odds, `${label}: ${text}`).toBeCloseTo(theirs[label]!, 9);
        }
    }
  });

  it('refuses a model trained on a category the pack does not define', () => {
    const model = trainConcernModel([{ tokens: analyse('he sold his bike'), category: 'no-such-category', kind: 'risk' }, { tokens: analyse('lunch menu'), category: 'none', kind: 'none' }], { minMargin: 10, kindGate: 0 }, { files: ['dev.jsonl'], sha256: '0'.repeat(64) });
    expect(() => new ConcernCheck(pack.concerns!, model)).toThrow(/category "no-such-category", which concerns.json does not define/);
  });
});
