import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
import type { Recommendation, RecommendationKind } from '../../../../src/core/guidance/types.js';
import type { Block, FormView, Tone, View } from '../../../../src/core/views/view.js';
import { everyReply } from './replies.js';
import { contrast, TEAMS_THEMES, type ColourName, type StyleName } from './teams-themes.js';
import { worldWithPupil } from './world.js';

/**
 * WCAG AA asks 4.5:1 for text. Every colour a card gives text is checked here against every Teams
 * theme: the text's named colour (and subtlety) in the container style it sits in, over that
 * style's background. Cards are every reply the bot makes plus one of each tone and kind.
 */
const AA = 4.5;

const TONES: Tone[] = ['normal', 'muted', 'success', 'warning', 'urgent'];
const KINDS: RecommendationKind[] = ['safeguarding', 'warning', 'action', 'info'];

const rec = (kind: RecommendationKind): Recommendation => ({
  id: `r-${kind}`,
  kind,
  title: `A ${kind} recommendation`,
  detail: 'What to do.',
  ledBy: ['sendco'],
  ledByLabel: 'SENDCo',
  source: { seed: '000', section: 'Step 2' },
  citation: 'Graduated response, Step 2',
  services: [],
  because: 'why it applies',
});

const form: FormView = {
  dialogId: 'pcp',
  formId: 'f1',
  title: 'A form',
  notice: '1 answer needs attention; everything else is kept.',
  submitLabel: 'Save',
  questions: [{ dialogId: 'pcp', id: 'q', prompt: 'When?', kind: 'date', optional: false, error: 'That is not a real date.', progress: { answered: 0, total: 1 }, before: [{ type: 'text', text: 'Read first', tone: 'warning' }] }],
};

/** One of every block the renderers colour, in every tone and kind. */
const everyTone: View = {
  blocks: [
    ...TONES.map((tone): Block => ({ type: 'text', text: `Words in the ${tone} tone`, tone })),
    { type: 'rows', rows: TONES.flatMap((tone) => [{ title: `${tone} row`, detail: 'detail', tone }, { title: `${tone} row to open`, tone, open: { label: 'Open', command: 'pupil 4021' } }]) },
    ...KINDS.map((kind): Block => ({ type: 'recommendation', rec: rec(kind) })),
    { type: 'ladder', rungs: (['past', 'current', 'recommended', 'ahead', 'ahead', 'ahead'] as const).map((state, i) => ({ step: i + 1, title: `Step ${i + 1}`, tier: i < 1 ? 'universal' : i < 4 ? 'targeted' : 'specialist', state })) },
    { type: 'facts', facts: [{ label: 'Acknowledged', value: 'Mon 23 Nov 2026 at 10:15', at: '2026-11-23T10:15:00Z' }] },
    { type: 'question', question: form.questions[0]! },
    { type: 'form', form },
    { type: 'pager', page: 1, pages: 2, of: '12 pupils', next: 'my pupils page 2' },
  ],
};

const w = await worldWithPupil();
const replies: [string, View[]][] = Object.entries({ 'every tone and kind': [everyTone], ...(await everyReply(w.ctx)) });
const cards = replies.map(([name, views]) => [name, renderCard(views)] as const);

interface TextUse {
  style: StyleName;
  colour: ColourName;
  subtle: boolean;
  text: string;
}

/** Every piece of text on a card with the container style it sits in, its named colour and subtlety. */
function textUses(node: unknown, style: StyleName = 'default', out: TextUse[] = []): TextUse[] {
  if (Array.isArray(node)) {
    for (const n of node) textUses(n, style, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  const here = (typeof o.style === 'string' && (o.type === 'Container' || o.type === 'Column') ? o.style : style) as StyleName;
  if (o.type === 'TextBlock') out.push({ style: here, colour: String(o.color ?? 'default').toLowerCase() as ColourName, subtle: o.isSubtle === true, text: String(o.text) });
  // Teams' host configs draw fact titles and values, and input labels, in the default colour.
  if (o.type === 'FactSet') for (const f of o.facts as { title: string }[]) out.push({ style: here, colour: 'default', subtle: false, text: f.title });
  if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.label === 'string') out.push({ style: here, colour: 'default', subtle: false, text: o.label });
  for (const [k, v] of Object.entries(o)) if (k !== 'actions' && typeof v === 'object') textUses(v, here, out);
  // Buttons (Action.*) are drawn by Teams in its own button colours, whatever the card says.
  return out;
}

const uses = cards.flatMap(([name, card]) => textUses(card.body).map((u) => ({ ...u, card: name })));
const combos = [...new Map(uses.map((u) => [`${u.style}|${u.colour}|${u.subtle}`, u])).values()];

describe('colour contrast of every card (WCAG AA, 4.5:1)', () => {
  it('finds the colours every tone and kind uses', () => {
    expect(combos.length).toBeGreaterThan(4);
    // Each tone's band and each recommendation's container appear.
    for (const style of ['good', 'warning', 'attention', 'emphasis', 'accent'] as const) expect(combos.some((c) => c.style === style), style).toBe(true);
  });

  it.each(Object.keys(TEAMS_THEMES) as (keyof typeof TEAMS_THEMES)[])('every text colour reads on its background in the %s theme', (theme) => {
    const failures = combos.flatMap((u) => {
      const box = TEAMS_THEMES[theme][u.style];
      const ratio = contrast(box.foreground[u.colour][u.subtle ? 1 : 0], box.background);
      return ratio >= AA ? [] : [`${u.colour}${u.subtle ? ' subtle' : ''} on ${u.style}: ${ratio.toFixed(2)}:1 ("${u.text.slice(0, 40)}" in ${u.card})`];
    });
    expect(failures).toEqual([]);
  });

  it('checks every colour and container style named in the card renderers', () => {
    const dir = join(import.meta.dirname, '../../../../src/channels/teams/cards');
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const named = new Set([...source.matchAll(/\bcolor: '(\w+)'/g)].map((m) => m[1]!.toLowerCase()));
    const styleLines = source.split('\n').filter((l) => /style|TONE_BAND/i.test(l));
    const styles = new Set(styleLines.flatMap((l) => [...l.matchAll(/'(default|emphasis|accent|good|attention|warning)'/g)].map((m) => m[1]!)));
    expect(styles.size).toBeGreaterThan(3);
    for (const c of named) expect(combos.some((u) => u.colour === c), `text colour ${c}`).toBe(true);
    for (const s of styles) expect(combos.some((u) => u.style === s), `container style ${s}`).toBe(true);
  });

  it('the checker fails Teams’ own green and yellow on white, as the issue measured them', () => {
    const white = TEAMS_THEMES.light.default;
    expect(contrast(white.foreground.warning[0], white.background)).toBeCloseTo(1.47, 2);
    expect(contrast(white.foreground.good[0], white.background)).toBeCloseTo(2.07, 2);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(textUses({ type: 'Container', style: 'good', items: [{ type: 'TextBlock', text: 'x', color: 'Good', isSubtle: true }] })).toEqual([{ style: 'good', colour: 'good', subtle: true, text: 'x' }]);
  });
});

describe('Slack colour choices', () => {
  // Block Kit has no text colours. Its only colour choice is a button's style, primary (green) or
  // danger (red), drawn by Slack in its own colours for each theme, so there is nothing to check
  // but that nothing else is asked for.
  it.each(replies)('%s asks for no colour but a button style Slack draws', (_name, views) => {
    const json = JSON.stringify(messageFrom(views));
    expect(json).not.toMatch(/"colou?r"/);
    for (const [, s] of json.matchAll(/"style":"(\w+)"/g)) expect(['primary', 'danger']).toContain(s);
  });
});
