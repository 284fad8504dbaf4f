import { describe, expect, it } from 'vitest';
import { messageFrom } from '../../src/channels/slack/blocks/message.js';
import { cardSizeBytes, MAX_CARD_BYTES, renderCard } from '../../src/channels/teams/cards/render-card.js';
import { renderText } from '../../src/chat/render-text.js';
import { FIELD_MAX, NOTES_MAX } from '../../src/core/cases/text-limits.js';
import { addReferral, changeStep, recordPcpReview } from '../../src/core/plans/plan-changes.js';
import type { View } from '../../src/core/views/view.js';
import { recogniseRead } from '../../src/dialogs/read/read-request.js';
import { runRead } from '../../src/dialogs/read/run-read.js';
import { LA_OFFICER, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { manyPupils, recordedPupil } from '../helpers/recorded-pupil.js';
import { slackViolations } from './slack/blocks/limits.js';
import { cardProblems } from './teams/cards/parse-card.js';

/**
 * The read-back views at their largest: every field of a plan and its Incident Support Plan at
 * the 4,000-character limit (with characters Slack and Teams escape), 30 reviews with full notes,
 * 20 step changes and 12 referrals, and a list of 23 pupils. Every page must pass the official
 * Adaptive Cards parser within Teams' size, and Block Kit's limits within 50 blocks, with not a
 * word of what was written cut: long records page instead.
 */

/** Text at a field's limit, with characters each channel escapes (&, <, >, *, _). */
function long(tag: string, max: number): string {
  const end = ` [${tag}]`;
  return `${tag} <b>&amp; *bold* _under_ `.padEnd(max - end.length, 'words & more ').slice(0, max - end.length) + end;
}

async function biggest() {
  const w = await testWorld();
  const c = await recordedPupil(w.cases, SENDCO);
  const form = w.pack.forms.find((f) => f.id === 'pcp')!;
  const isp = w.pack.forms.find((f) => f.id === 'incident-support-plan')!;
  await w.cases.change(SENDCO, c, 'pcp.amend', (x) => ({
    ...x,
    pcps: x.pcps.map((p) => ({ ...p, fields: Object.fromEntries(form.fields.map((f) => [f.id, long(f.id, FIELD_MAX)])), incidentSupportPlan: Object.fromEntries(isp.fields.map((f) => [f.id, long(f.id, FIELD_MAX)])) })),
  }));
  const planId = c.pcps[0]!.id;
  await w.cases.change(SENDCO, c, 'pcp.review', (x, cc) => {
    let y = x;
    for (let i = 0; i < 30; i++) y = recordPcpReview(y, planId, { date: `2026-10-${String(i + 1).padStart(2, '0')}`, positiveChange: i % 2 === 0, notes: long(`review ${i}`, NOTES_MAX) }, cc);
    for (let i = 0; i < 20; i++) y = changeStep(y, { to: (y.currentStep % 6) + 1, cause: 'set', reason: long(`move ${i}`, 500) }, cc);
    for (let i = 0; i < 12; i++) y = addReferral(y, { date: '2026-11-19', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: long(`ref ${i}`, FIELD_MAX), parentalPermission: true, fields: { mainReason: long(`main ${i}`, FIELD_MAX) } }, cc);
    return y;
  });
  await manyPupils(w.cases, SENDCO, 23);
  return w;
}

const w = await biggest();
const pages: [string, View[]][] = [];
for (const [who, ctx] of [['SENDCo', w.ctxFor(SENDCO)], ['LA officer', w.ctxFor(LA_OFFICER)]] as const) {
  const at = who === 'LA officer' ? ' at oak-primary' : '';
  for (const words of ['pupil 4021', 'my pupils', 'my pupils page 3', 'deadlines this week', 'pupils at risk']) pages.push([`${who}: ${words}`, await runRead(ctx, recogniseRead(words.replace('4021', `4021${at}`))!)]);
  for (const [kind, total] of [['pcp', 1], ['review', 30], ['referral', 12], ['exclusion', 1]] as const) {
    for (let page = 1; page <= 12; page++) {
      const words = `show ${kind} ${total} for 4021${at} page ${page}`;
      const views = await runRead(ctx, recogniseRead(words)!);
      pages.push([`${who}: ${words}`, views]);
      if (!views.some((v) => v.blocks.some((b) => b.type === 'pager' && b.next))) break;
    }
  }
  for (let page = 1; page <= 12; page++) pages.push([`${who}: timeline page ${page}`, await runRead(ctx, recogniseRead(`timeline 4021${at} page ${page}`)!)]);
}

describe('the read-back views at their largest', () => {
  it.each(pages)('%s: a Teams card the parser accepts within 80 KB, and a Slack message within every limit', (_name, views) => {
    const card = renderCard(views);
    expect(cardProblems(card)).toEqual([]);
    expect(cardSizeBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    const message = messageFrom(views);
    expect(slackViolations(message, 'message')).toEqual([]);
    // Fitted at the first budget: nothing cut, no "Reply shortened".
    expect(JSON.stringify(message)).not.toContain('Reply shortened');
    expect(JSON.stringify(card)).not.toMatch(/…and \d+ more/);
  });

  it('a plan at its largest is shown whole across its pages: every field’s last words are there', () => {
    const text = pages.filter(([name]) => name.startsWith('SENDCo: show pcp')).map(([, v]) => renderText(v)).join('\n');
    const form = w.pack.forms.find((f) => f.id === 'pcp')!;
    for (const f of form.fields) expect(text).toContain(`[${f.id}]`);
    const slack = pages.filter(([name]) => name.startsWith('SENDCo: show pcp')).map(([, v]) => JSON.stringify(messageFrom(v))).join('\n');
    for (const f of form.fields) expect(slack).toContain(`[${f.id}]`);
    // Teams escapes markdown characters ("\\[") so staff's words never turn into links or emphasis.
    const teams = pages.filter(([name]) => name.startsWith('SENDCo: show pcp')).map(([, v]) => JSON.stringify(renderCard(v)).replace(/\\/g, '')).join('\n');
    for (const f of form.fields) expect(teams).toContain(`[${f.id}]`);
  });
});
