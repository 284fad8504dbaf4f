import { describe, expect, it } from 'vitest';
import {
  ACTION,
  actionKind,
  blockIdFor,
  decodeMetadata,
  decodeOpenForm,
  decodeRefineSearch,
  encodeMetadata,
  encodeOpenForm,
  encodeRefineSearch,
  questionIdOf,
} from '../../../../src/channels/slack/blocks/ids.js';
import { clip, clipMarkup, escape, LIMITS } from '../../../../src/channels/slack/blocks/text.js';

describe('ids', () => {
  it('reads the kind of a numbered action_id, and nothing else', () => {
    expect(actionKind('gr_command')).toBe(ACTION.command);
    expect(actionKind('gr_command:12')).toBe(ACTION.command);
    expect(actionKind('gr_open_form:1')).toBe(ACTION.openForm);
    expect(actionKind('gr_commander')).toBeUndefined();
    expect(actionKind('value')).toBeUndefined();
  });

  it('names input blocks after their question, dots and all', () => {
    expect(blockIdFor('pcp.planDate')).toBe('q_pcp.planDate');
    expect(questionIdOf('q_pcp.planDate')).toBe('pcp.planDate');
    expect(questionIdOf('q_')).toBeUndefined();
    expect(questionIdOf('s_query')).toBeUndefined();
  });

  it('round-trips button values, and refuses what it did not write', () => {
    expect(decodeOpenForm(encodeOpenForm({ dialogId: 'what-next', prefill: { pupil: 'AB' } }))).toEqual({ dialogId: 'what-next', prefill: { pupil: 'AB' } });
    expect(decodeOpenForm('{"dialogId":"pcp"}')).toEqual({ dialogId: 'pcp', prefill: {} });
    for (const bad of [undefined, '', 'not json', '{"dialogId":""}', '{"dialogId":"x","prefill":{"a":1}}']) expect(decodeOpenForm(bad)).toBeUndefined();
    expect(decodeRefineSearch(encodeRefineSearch('tuition', { age: 14, mode: 'online' }))).toEqual({ query: 'tuition', filters: { age: 14, mode: 'online' } });
    expect(decodeRefineSearch('{"query":"x","filters":{"age":99,"phase":"primary","mode":"by owl"}}')).toEqual({ query: 'x', filters: { phase: 'primary' } });
  });

  it('keeps a long prefill within a button value by leaving answers for the form to ask', () => {
    const value = encodeOpenForm({ dialogId: 'pcp', prefill: { pupil: '4021', a: 'x'.repeat(1500), b: 'y'.repeat(1500) } });
    expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeOpenForm(value)).toEqual({ dialogId: 'pcp', prefill: { pupil: '4021', a: 'x'.repeat(1500) } });
  });

  it('round-trips form metadata, forgets the oldest steps when too long, and refuses junk', () => {
    const meta = { dialogId: 'what-next', formId: 'f-1', shown: ['pupil', 'step'], history: [['pupil']] };
    expect(decodeMetadata(encodeMetadata(meta))).toEqual(meta);
    const history = Array.from({ length: 40 }, (_, i) => Array.from({ length: 10 }, (_, j) => `question.number${i}.${j}`));
    const long = encodeMetadata({ ...meta, history });
    expect(long.length).toBeLessThanOrEqual(LIMITS.privateMetadata);
    expect(decodeMetadata(long)?.history.at(-1)).toEqual(history.at(-1));
    for (const bad of [undefined, '', '{', '{"dialogId":"x"}', JSON.stringify({ ...meta, shown: 'pupil' })]) expect(decodeMetadata(bad)).toBeUndefined();
  });
});

describe('text', () => {
  it('escapes what would become links, mentions or entities', () => {
    expect(escape('<http://evil|x> & <!here> <@U1>')).toBe('&lt;http://evil|x&gt; &amp; &lt;!here&gt; &lt;@U1&gt;');
  });

  it('clips at a word with an ellipsis, and never inside an entity or a link', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('the quick brown fox jumps', 16)).toBe('the quick brown…');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    const cutEntity = clipMarkup(`${'a'.repeat(8)} &amp; more text`, 12);
    expect(cutEntity).toBe('aaaaaaaa…');
    expect(clipMarkup('see <https://example.org/long/path|the site> now', 20)).toBe('see…');
  });
});
