import { describe, expect, it } from 'vitest';
import { recognise } from '../../../src/dialogs/intents.js';
import { commandFor, recogniseRead, type ReadRequest } from '../../../src/dialogs/read/read-request.js';

describe('the commands that read a record back', () => {
  it.each<[string, ReadRequest]>([
    ['pupil 4021', { kind: 'pupil', ref: '4021' }],
    ['show 4021', { kind: 'pupil', ref: '4021' }],
    ['summary for 4021', { kind: 'pupil', ref: '4021' }],
    ['pupil 4021 at oak-primary', { kind: 'pupil', ref: '4021', school: 'oak-primary' }],
    ['timeline 4021', { kind: 'timeline', ref: '4021', page: 1 }],
    ['history for 4021', { kind: 'timeline', ref: '4021', page: 1 }],
    ['chronology 4021 page 3', { kind: 'timeline', ref: '4021', page: 3 }],
    ['show pcp 1 for 4021', { kind: 'item', item: 'pcp', n: 1, ref: '4021', page: 1 }],
    ['show the psp for 4021', { kind: 'item', item: 'psp', ref: '4021', page: 1 }],
    ['show suspension 2 for 4021', { kind: 'item', item: 'exclusion', n: 2, ref: '4021', page: 1 }],
    ['open review 3 of 4021 at oak-primary page 2', { kind: 'item', item: 'review', n: 3, ref: '4021', school: 'oak-primary', page: 2 }],
    ['my pupils', { kind: 'list', list: 'mine', page: 1 }],
    ['my-pupils page 2', { kind: 'list', list: 'mine', page: 2 }],
    ['pupils on a PSP', { kind: 'list', list: 'psp', page: 1 }],
    ['pupils at risk of permanent exclusion', { kind: 'list', list: 'risk', page: 1 }],
    ['looked after pupils', { kind: 'list', list: 'care', page: 1 }],
    ['pupils with a social worker', { kind: 'list', list: 'care', page: 1 }],
    ['deadlines this week', { kind: 'list', list: 'deadlines', page: 1 }],
    ['lists', { kind: 'lists' }],
    ['pupil', { kind: 'which', then: 'pupil' }],
    ['timeline', { kind: 'which', then: 'timeline' }],
  ])('"%s"', (words, expected) => {
    expect(recogniseRead(words)).toEqual(expected);
    expect(recognise(`  ${words.toUpperCase()} `)).toMatchObject({ kind: 'read' });
  });

  it('every button sends words that read back as the same request', () => {
    const requests: ReadRequest[] = [
      { kind: 'pupil', ref: '4021' },
      { kind: 'pupil', ref: 'A-12', school: 'st-marys-primary' },
      { kind: 'timeline', ref: '4021', page: 2 },
      { kind: 'item', item: 'review', n: 12, ref: '4021', school: 'oak-primary', page: 3 },
      ...(['mine', 'psp', 'risk', 'care', 'deadlines'] as const).map((list): ReadRequest => ({ kind: 'list', list, page: 4 })),
      { kind: 'lists' },
    ];
    for (const r of requests) expect(recogniseRead(commandFor(r))).toEqual(r);
  });

  it('leaves the other commands as they were, and "more" is not a pupil', () => {
    expect(recognise('review 4021')).toMatchObject({ kind: 'dialog', dialogId: 'review' });
    expect(recognise('pcp for 4021')).toMatchObject({ kind: 'dialog', dialogId: 'pcp' });
    expect(recognise('new pupil')).toMatchObject({ kind: 'dialog', dialogId: 'new-pupil' });
    expect(recognise('my reviews')).toEqual({ kind: 'my-reviews' });
    expect(recognise('more')).toEqual({ kind: 'more' });
    expect(recognise('show more')).toEqual({ kind: 'more' });
    expect(recognise('show me')).toEqual({ kind: 'unknown' });
    // A note that happens to mention risk is not a list.
    expect(recognise('at risk')).toEqual({ kind: 'unknown' });
  });
});
