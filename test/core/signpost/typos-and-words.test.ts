import { beforeAll, describe, expect, it } from 'vitest';
import { signpost } from '../../../src/core/signpost/signpost.js';
import { buildIndex, type SignpostIndex } from '../../../src/core/signpost/signpost-index.js';
import { worcestershire } from '../../helpers/pack.js';

let index: SignpostIndex;
beforeAll(async () => {
  index = buildIndex(await worcestershire());
});
const top = (q: string) => signpost(index, q, {}, 3).map((r) => r.id);

describe('words as teachers type them', () => {
  it.each([
    ['attendence', 'attendance-and-children-missing'],
    ['pyschologist', 'educational-psychology-service'],
    ['cahms referral', 'camhs'],
  ])('corrects the typo in "%s"', (q, id) => {
    expect(top(q)[0]).toBe(id);
  });

  it('does not turn ordinary words into service names ("poor" is not "door")', () => {
    expect(top('attendance really poor')[0]).toBe('attendance-and-children-missing');
  });

  it('reads "send him somewhere" as a verb but "send hub" as SEND', () => {
    expect(top('want to send him somewhere off site')[0]).not.toBe('send-local-offer');
    expect(top('send hub advice')[0]).toBe('locality-send-hub');
  });

  it('matches pack phrases whose words the stemmer shortens ("refusing to go in" is school refusal)', () => {
    // Only the multi-word synonym links this wording to attendance; it failed when phrases were stemmed twice.
    expect(top('keeps refusing to go in')).toContain('attendance-and-children-missing');
  });

  it('keeps primary-only settings out of a search for a Year 10 pupil', async () => {
    const ids = signpost(index, 'short stay school kidderminster', { age: 15 }, 10).map((r) => r.id);
    expect(ids).toContain('continu-plus-academy');
    expect(ids).not.toContain('unity-academy');
    expect(ids).not.toContain('the-beacon-pru');
  });
});
