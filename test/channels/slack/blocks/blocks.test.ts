import { describe, expect, it } from 'vitest';
import { blockToSlack } from '../../../../src/channels/slack/blocks/blocks.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
import type { KnownBlock } from '../../../../src/channels/slack/blocks/slack-types.js';
import type { Block, View } from '../../../../src/core/views/view.js';
import { slackViolations } from './limits.js';
import { buttons, texts } from './query.js';

/** Each kind of block on its own, at sizes the real replies do not reach. */

const one = (b: Block): KnownBlock[] => blockToSlack(b);
const asMessage = (...blocks: Block[]): View[] => [{ blocks }];

describe('blocks', () => {
  it('shows tone with a leading emoji, and muted text as small print', () => {
    expect(texts(one({ type: 'text', text: 'Careful', tone: 'warning' }))).toEqual(['⚠️ Careful']);
    expect(texts(one({ type: 'text', text: 'Now', tone: 'urgent' }))).toEqual(['🚨 Now']);
    expect(texts(one({ type: 'text', text: 'Saved', tone: 'success' }))).toEqual(['✅ Saved']);
    expect(one({ type: 'text', text: 'Aside', tone: 'muted' })).toEqual([{ type: 'context', elements: [{ type: 'mrkdwn', text: 'Aside' }] }]);
    expect(one({ type: 'text', text: '   ' })).toEqual([]);
  });

  it('puts facts in two columns, ten to a section', () => {
    const facts = Array.from({ length: 23 }, (_, i) => ({ label: `Pupil ${i}`, value: `Step ${i % 6}` }));
    const blocks = one({ type: 'facts', facts });
    expect(blocks.map((b) => (b.type === 'section' ? b.fields?.length : 0))).toEqual([10, 10, 3]);
    expect(texts(blocks[0])[0]).toBe('*Pupil 0*\nStep 0');
  });

  it('splits a long list over sections without losing or breaking an item', () => {
    const items = Array.from({ length: 100 }, (_, i) => `Item ${i} ${'detail '.repeat(15)}`.trim());
    const blocks = one({ type: 'list', items });
    expect(blocks.length).toBeGreaterThan(2);
    const lines = texts(blocks).flatMap((t) => t.split('\n'));
    expect(lines).toEqual(items.map((i) => `• ${i}`));
    expect(slackViolations(messageFrom(asMessage({ type: 'list', items })), 'message')).toEqual([]);
  });

  it('puts at most 25 buttons in a row, each with its own action_id in the message', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ command: `review for ${1000 + i}`, label: `Record review: P${i}`, description: `Review ${i}` }));
    const message = messageFrom(asMessage({ type: 'menu', items }));
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(message.blocks.filter((b) => b.type === 'actions').map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([25, 5]);
    expect(new Set(buttons(message.blocks).map((b) => b.action_id)).size).toBe(30);
    expect(buttons(message.blocks)[29]).toMatchObject({ action_id: 'gr_command:30', value: 'review for 1029' });
  });

  it('clips what is too long for Slack, and says so with an ellipsis', () => {
    const message = messageFrom(asMessage({ type: 'heading', text: 'H'.repeat(400) }, { type: 'text', text: 'word '.repeat(1000) }, { type: 'menu', items: [{ command: 'x', label: 'L'.repeat(100), description: '' }] }));
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(texts(message).every((t) => t.length <= 3000)).toBe(true);
    expect(texts(message.blocks[0])[0]).toMatch(/…$/);
  });

  it('shows a single typed question with its problem and help', () => {
    const q = { dialogId: 'what-next', id: 'step', prompt: 'Which step?', kind: 'choice' as const, optional: false, help: 'Steps 1–6.', error: 'Please pick a step.', progress: { answered: 0, total: 3 } };
    expect(texts(one({ type: 'question', question: q }))).toEqual(['*Which step?*\n⚠️ Please pick a step.', 'Steps 1–6.']);
  });
});
