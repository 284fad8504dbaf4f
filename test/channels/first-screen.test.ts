import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import { messageFrom } from '../../src/channels/slack/blocks/message.js';
import { renderCard } from '../../src/channels/teams/cards/render-card.js';
import { LEGAL_WARNINGS } from '../../src/core/guidance/first-screen.js';
import { packGuidanceInput, unpackGuidanceInput } from '../../src/core/guidance/guidance-input.js';
import type { Recommendation } from '../../src/core/guidance/types.js';
import { countWords, firstScreenWords } from '../../src/core/views/first-screen.js';
import type { View } from '../../src/core/views/view.js';
import { guidanceDetailsView } from '../../src/dialogs/views/guidance-view.js';
import type { KnowledgePack } from '../../src/knowledge/schema/pack.js';
import { slackFirstScreen, teamsFirstScreen } from '../helpers/first-screen.js';
import { GUIDANCE_SCENARIOS, scenarioViews } from '../helpers/guidance-scenarios.js';
import { worcestershire } from '../helpers/pack.js';

/**
 * The first screen of every guidance scenario the tests use, in every channel: under 150 words,
 * warnings included. Each safeguarding notice and legal warning is there first as its brief (who,
 * what, by when); its full words, contacts and source wait behind "Show details" with the rest.
 */

const AIM = 150;
let pack: KnowledgePack;
beforeAll(async () => {
  pack = await worcestershire();
});

/** The safeguarding notice and legal warnings of a view's first screen. */
function warnings(views: readonly View[]): Recommendation[] {
  return views.flatMap((v) => v.blocks).flatMap((b) => (b.type === 'recommendation' && (b.rec.kind === 'safeguarding' || LEGAL_WARNINGS.has(b.rec.id)) ? [b.rec] : []));
}

/** The details, as each channel opens them: the card's hidden part, the terminal's "details", Slack's modal worked out again from the button. */
function detailsOf(views: readonly View[]): { blocks: View['blocks']; again?: string } {
  const d = views.flatMap((v) => v.blocks).find((b) => b.type === 'details');
  if (d?.type !== 'details') throw new Error('no details');
  return { blocks: d.details.blocks, ...(d.details.again ? { again: packGuidanceInput(d.details.again.guidance) } : {}) };
}

const terminalFirstScreen = (views: readonly View[]) => renderText(views);
const plain = (t: string) => t.replace(/\*\*|[*_]|\\/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the first screen of guidance', () => {
  it.each(GUIDANCE_SCENARIOS.map((s) => [s.name, s] as const))('%s: under 150 words with its warnings, each warning first as its brief, whole behind "Show details"', (_name, s) => {
    const views = scenarioViews(pack, s);
    const teams = teamsFirstScreen(renderCard(views), 'narrow');
    const slack = slackFirstScreen(messageFrom(views));
    const terminal = terminalFirstScreen(views);
    const shown = warnings(views);
    expect(shown.length > 0).toBe(s.mustShowInFull);
    for (const [channel, words] of [['core', firstScreenWords(views)], ['Teams', countWords(teams)], ['Slack', countWords(slack)], ['terminal', countWords(terminal)]] as const)
      expect(words, `${channel}: ${words} words`).toBeLessThan(AIM);
    for (const r of shown) {
      expect(r.brief, `${r.id} has a brief`).toBeTruthy();
      for (const screen of [teams, plain(slack), terminal]) {
        expect(plain(screen)).toContain(plain(r.brief!));
        // Its long words are not on the first screen; they are in the details.
        expect(plain(screen)).not.toContain(plain(r.detail).slice(-80));
      }
    }
    // Every warning in full behind "Show details", in the card and the terminal, and in Slack's modal worked out again from the button.
    const details = detailsOf(views);
    const inDetails = renderText([{ blocks: details.blocks }]);
    const slackDetails = renderText([guidanceDetailsView(pack, unpackGuidanceInput(details.again)!)]);
    for (const r of shown) for (const text of [inDetails, slackDetails]) expect(text, `${r.id} in full in the details`).toContain(r.detail.slice(-80));
    // Actions and advice are brief here: their sources wait behind "Show details".
    expect((teams.match(/^Source: /gm) ?? []).length).toBe(0);
    expect(teams).toContain('Show details');
    expect(terminal).toMatch(/Type "details" for /);
  });

  it('puts a safeguarding notice first, with the DSL now; where to refer is in the details', () => {
    const s = GUIDANCE_SCENARIOS.find((x) => x.name === 'safeguarding worry')!;
    const views = scenarioViews(pack, s);
    const card = renderCard(views);
    const first = teamsFirstScreen({ ...card, body: card.body.slice(0, 1) }, 'narrow');
    expect(first).toMatch(/^⚠ Possible risk of harm: tell the DSL now/);
    expect(first).toContain('call the police');
    expect(first).toContain('Why: you wrote “scared to go home”');
    const details = renderText([{ blocks: detailsOf(views).blocks }]);
    expect(details).toContain('Contact Family Front Door');
    expect(details).toContain('If the worry is about someone who works with children, the DSL should contact the LADO.');
  });

  it('puts the legal warnings before the next actions', () => {
    const s = GUIDANCE_SCENARIOS.find((x) => x.name === 'EHCP pupil facing suspension')!;
    const text = renderText(scenarioViews(pack, s));
    expect(text.indexOf('EHC plan: the headteacher and SENDCo involve')).toBeGreaterThan(0);
    expect(text.indexOf('EHC plan: the headteacher and SENDCo involve')).toBeLessThan(text.indexOf('== Next (Step'));
  });

  it('quotes a long stored reason short on the first screen, and names what it raised in the details', () => {
    const s = GUIDANCE_SCENARIOS.find((x) => x.name.startsWith('long stored reason'))!;
    const views = scenarioViews(pack, s);
    const terminal = renderText(views);
    expect(terminal).toContain('Why: this reads like “Sent home early again”; “cannot meet his needs”.');
    expect(terminal).not.toContain('one-to-one adult');
    const slackDetails = renderText([guidanceDetailsView(pack, unpackGuidanceInput(detailsOf(views).again)!)]);
    expect(slackDetails).toContain('Check the reason is lawful before any suspension or exclusion');
    expect(slackDetails).not.toContain('Sent home early');
  });

  it('opens with the overdue review, before anything else but a risk of harm', () => {
    const overdue = GUIDANCE_SCENARIOS.find((x) => x.name === 'PSP review overdue')!;
    for (const screen of [renderText(scenarioViews(pack, overdue)), plain(slackFirstScreen(messageFrom(scenarioViews(pack, overdue)))), teamsFirstScreen(renderCard(scenarioViews(pack, overdue)), 'narrow')])
      expect(screen.replace(/^(?:!|⚠️|\s)+/u, '')).toMatch(/^The PSP 1 review was due Mon 16 Nov 2026: hold it now\./);
    const both = GUIDANCE_SCENARIOS.find((x) => x.name.startsWith('overdue PSP, looked after'))!;
    const text = renderText(scenarioViews(pack, both));
    expect(text.indexOf('Possible risk of harm')).toBe(4);
    expect(text.split('\n')[2]).toBe('! The PSP 1 review was due Mon 16 Nov 2026: hold it now.');
  });
});
