import { describe, expect, it } from 'vitest';
import { blockElements } from '../../../../src/channels/teams/cards/blocks.js';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { text } from '../../../../src/core/views/view.js';
import { cardProblems } from './parse-card.js';

describe('simple blocks', () => {
  it('gives each tone its band, with words in the default colour that reads on every theme', () => {
    expect(blockElements(text('a', 'muted'))).toEqual([{ type: 'TextBlock', text: 'a', wrap: true, isSubtle: true }]);
    expect(blockElements(text('a', 'success'))).toEqual([{ type: 'Container', style: 'good', items: [{ type: 'TextBlock', text: 'a', wrap: true }] }]);
    expect(blockElements(text('a', 'warning'))).toEqual([{ type: 'Container', style: 'warning', items: [{ type: 'TextBlock', text: 'a', wrap: true, weight: 'Bolder' }] }]);
    expect(blockElements(text('a', 'urgent'))).toEqual([{ type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: 'a', wrap: true, weight: 'Bolder' }] }]);
    expect(blockElements(text('a'))).toEqual([{ type: 'TextBlock', text: 'a', wrap: true }]);
  });

  it('shows facts as a fact set and lists as bullets', () => {
    expect(blockElements({ type: 'facts', facts: [{ label: 'Your id', value: 'sendco-1' }] })).toEqual([{ type: 'FactSet', facts: [{ title: 'Your id', value: 'sendco-1' }] }]);
    expect(blockElements({ type: 'list', items: ['one', 'two\nlines'] })).toEqual([
      { type: 'TextBlock', text: '•\u00a0one', wrap: true, spacing: 'Default' },
      { type: 'TextBlock', text: '•\u00a0two lines', wrap: true, spacing: 'Small' },
    ]);
    expect(blockElements({ type: 'list', items: [] })).toEqual([]);
  });

  it('shows a single question as its prompt, with any problem under it', () => {
    const question = { dialogId: 'what-next', id: 'step', prompt: 'Where is the pupil now?', kind: 'text' as const, optional: false, progress: { answered: 0, total: 3 }, error: 'I need an answer to this one.' };
    expect(blockElements({ type: 'question', question })).toEqual([
      { type: 'TextBlock', text: 'Where is the pupil now?', wrap: true, weight: 'Bolder' },
      { type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: 'I need an answer to this one.', wrap: true, weight: 'Bolder' }] },
    ]);
  });

  it('all together make a valid card', () => {
    const card = renderCard([{ blocks: [text('a', 'urgent'), { type: 'facts', facts: [{ label: 'Step', value: '3' }] }, { type: 'list', items: ['x'] }] }]);
    expect(cardProblems(card)).toEqual([]);
  });
});
