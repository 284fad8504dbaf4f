import { describe, expect, it } from 'vitest';
import { formModal, resultModal } from '../../../../src/channels/slack/blocks/form-modal.js';
import { homeTab } from '../../../../src/channels/slack/blocks/home.js';
import { actionKind } from '../../../../src/channels/slack/blocks/ids.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
import { searchModal } from '../../../../src/channels/slack/blocks/search-modal.js';
import { FALLBACK_TEXT_MAX } from '../../../../src/channels/slack/blocks/text.js';
import type { SignpostResult } from '../../../../src/core/signpost/signpost.js';
import type { Block, View } from '../../../../src/core/views/view.js';
import { slackViolations } from './limits.js';
import { buttons, texts } from './query.js';
import { formsIn, searchesIn, slackWorld } from './replies.js';

const w = await slackWorld();
const replies = Object.entries(w.replies);
const forms = replies.flatMap(([name, views]) => formsIn(views).map((f) => [name, f] as const));
const searches = replies.flatMap(([name, views]) => searchesIn(views).map((s) => [name, s] as const));

describe('every reply the bot can send, as a Slack message', () => {
  it('covers the menu, every dialog, guidance, searches, reviews and typed turns', () => {
    expect(replies.length).toBeGreaterThan(30);
    expect(forms.length).toBeGreaterThan(20);
    expect(searches.length).toBeGreaterThan(5);
  });

  it.each(replies)('%s: within every Slack limit, with a short fallback text', (_name, views) => {
    const message = messageFrom(views);
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(FALLBACK_TEXT_MAX);
    for (const b of buttons(message.blocks)) expect(actionKind(b.action_id!)).toBeDefined();
  });

  it.each(replies)('%s: within every limit as a result modal', (name, views) => {
    expect(slackViolations(resultModal(views, name), 'modal')).toEqual([]);
  });
});

describe('every form as a modal', () => {
  it.each(forms)('%s', (_name, form) => {
    expect(slackViolations(formModal(form), 'modal')).toEqual([]);
    expect(slackViolations(formModal(form, [['pupil'], ['pupil', 'step']]), 'modal')).toEqual([]);
  });

  it.each(forms)('%s: a title bar that is never cut ("Pastoral Support…")', (_name, form) => {
    expect(formModal(form).title.text).not.toMatch(/…$/);
  });
});

describe('every search as a modal', () => {
  it.each(searches)('%s', (_name, search) => {
    expect(slackViolations(searchModal(search), 'modal')).toEqual([]);
  });
});

describe('the Home tab', () => {
  it.each(Object.entries(w.homes))('for %s is within every limit', (_name, views) => {
    expect(slackViolations(homeTab(views), 'home')).toEqual([]);
  });

  it('shows a SENDCo their pupils, and an admin no pupil records', () => {
    expect(texts(homeTab(w.homes['SENDCo with a pupil']!))).toEqual(expect.arrayContaining(['Your pupils', expect.stringMatching(/^\*AB \(ref 4021/)]));
    expect(texts(homeTab(w.homes.admin!)).join('\n')).toMatch(/see no pupil records/);
    expect(texts(homeTab(w.homes['LA officer']!))).toContain('Pupils referred to the LA');
  });
});

describe('a reply far too big for one message', () => {
  const service = (i: number): SignpostResult => ({
    kind: 'service',
    id: `s-${i}`,
    name: `Service number ${i}`,
    summary: 'Helps schools with attendance, behaviour and inclusion. '.repeat(20),
    score: 1,
    why: ['covers Attendance'],
    contacts: [
      { kind: 'phone', value: '01905 844 440', hours: 'Daily in term time' },
      { kind: 'email', value: `team${i}@example.org` },
      { kind: 'web', value: `https://example.org/${i}` },
    ],
  });
  const big: View[] = [
    { blocks: [{ type: 'heading', text: 'Everything' }, { type: 'list', items: Array.from({ length: 300 }, (_, i) => `Item ${i + 1}: ${'a long line of detail '.repeat(5)}`) }] },
    { blocks: Array.from({ length: 80 }, (_, i): Block => ({ type: 'service', rank: i + 1, result: service(i) })) },
  ];

  it('is shortened with "…and N more" and stays within every limit', () => {
    const message = messageFrom(big);
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(texts(message).filter((t) => /^…and \d+ more$/.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(slackViolations(homeTab(big), 'home')).toEqual([]);
    expect(slackViolations(resultModal(big, 'Everything'), 'modal')).toEqual([]);
  });

  it('as a last resort keeps the start and says the reply was shortened', () => {
    const many: View[] = Array.from({ length: 40 }, (_, i) => ({ blocks: [{ type: 'heading', text: `Part ${i + 1}` }, { type: 'text', text: 'Some text' }] }));
    const message = messageFrom(many);
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Part 1' } });
    expect(texts(message.blocks.at(-1))).toEqual([expect.stringMatching(/^Reply shortened/)]);
  });
});
