import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import { messageFrom } from '../../src/channels/slack/blocks/message.js';
import { renderCard } from '../../src/channels/teams/cards/render-card.js';
import { LEGAL_WARNINGS } from '../../src/core/guidance/first-screen.js';
import type { Recommendation } from '../../src/core/guidance/types.js';
import { countWords, firstScreenWords } from '../../src/core/views/first-screen.js';
import type { View } from '../../src/core/views/view.js';
import type { KnowledgePack } from '../../src/knowledge/schema/pack.js';
import { slackFirstScreen, teamsFirstScreen } from '../helpers/first-screen.js';
import { GUIDANCE_SCENARIOS, scenarioViews } from '../helpers/guidance-scenarios.js';
import { worcestershire } from '../helpers/pack.js';

/**
 * The first screen of every guidance scenario the tests use, in every channel: under 150 words,
 * except for what must be read in full (a safeguarding notice, a legal warning), which is there
 * whole and first; the rest waits behind "Show details".
 */

const AIM = 150;
let pack: KnowledgePack;
beforeAll(async () => {
  pack = await worcestershire();
});

/** The safeguarding notice and legal warnings a view shows in full. */
function inFull(views: readonly View[]): Recommendation[] {
  return views.flatMap((v) => v.blocks).flatMap((b) => (b.type === 'recommendation' && (b.rec.kind === 'safeguarding' || LEGAL_WARNINGS.has(b.rec.id)) && b.part !== 'refs' ? [b.rec] : []));
}

/** A notice's or warning's words; a safeguarding notice keeps where to refer and its source too. */
function mustReadText(r: Recommendation): string {
  const words = [r.title, r.detail, r.because ?? '', r.ledByLabel];
  if (r.kind !== 'safeguarding') return words.join(' ');
  const contacts = r.services.flatMap((s) => [s.name, ...s.contacts.flatMap((c) => [c.label ?? '', c.value, c.kind === 'phone' ? (c.hours ?? '') : ''])]);
  return [...words, ...contacts, r.citation].join(' ');
}

/** The terminal's first screen: everything before 'Type "details"'. */
const terminalFirstScreen = (views: readonly View[]) => renderText(views);
const plain = (t: string) => t.replace(/\*\*|[*_]|\\/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the first screen of guidance', () => {
  it.each(GUIDANCE_SCENARIOS.map((s) => [s.name, s] as const))('%s: within the aim, with what must be read in full there whole', (_name, s) => {
    const views = scenarioViews(pack, s);
    const teams = teamsFirstScreen(renderCard(views), 'narrow');
    const slack = slackFirstScreen(messageFrom(views));
    const terminal = terminalFirstScreen(views);
    const full = inFull(views);
    expect(full.length > 0).toBe(s.mustShowInFull);
    // What must be read in full is not counted against the aim: the rest must fit it.
    const mustRead = full.reduce((n, r) => n + countWords(mustReadText(r)), 0);
    for (const [channel, words] of [['core', firstScreenWords(views)], ['Teams', countWords(teams)], ['Slack', countWords(slack)], ['terminal', countWords(terminal)]] as const)
      expect(words - mustRead, `${channel}: ${words} words, ${mustRead} of them to be read in full`).toBeLessThanOrEqual(AIM);
    for (const r of full) for (const shown of [teams, plain(slack), terminal]) expect(plain(shown)).toContain(plain(r.detail).slice(-120));
    // Actions and advice are brief here: their sources wait behind "Show details" (the safeguarding notice keeps its own).
    expect((teams.match(/^Source: /gm) ?? []).length).toBe(full.filter((r) => r.kind === 'safeguarding').length);
    expect(teams).toContain('Show details');
    expect(terminal).toMatch(/Type "details" for /);
  });

  it('puts a safeguarding notice first, whole, with where to refer', () => {
    const s = GUIDANCE_SCENARIOS.find((x) => x.name === 'safeguarding worry')!;
    const card = renderCard(scenarioViews(pack, s));
    const first = teamsFirstScreen({ ...card, body: card.body.slice(0, 1) }, 'narrow');
    expect(first).toMatch(/^⚠ Possible risk of harm: tell the DSL now/);
    expect(first).toContain('Contact: Family Front Door');
    expect(first).toContain('If the worry is about someone who works with children, the DSL should contact the LADO.');
  });

  it('puts the legal warnings before the next actions', () => {
    const s = GUIDANCE_SCENARIOS.find((x) => x.name === 'EHCP pupil facing suspension')!;
    const text = renderText(scenarioViews(pack, s));
    expect(text.indexOf('Pupil with an EHCP: involve the SEN team')).toBeGreaterThan(0);
    expect(text.indexOf('Pupil with an EHCP: involve the SEN team')).toBeLessThan(text.indexOf('== Next (Step'));
  });
});
