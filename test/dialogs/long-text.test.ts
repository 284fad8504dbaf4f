import { describe, expect, it } from 'vitest';
import { PersonCentredPlan, PlanReview } from '../../src/core/cases/pupil-case.js';
import { FIELD_MAX, NOTES_MAX } from '../../src/core/cases/text-limits.js';
import { FormField } from '../../src/knowledge/schema/templates.js';
import { converse } from '../../src/dialogs/conversation.js';
import { createLogger } from '../../src/logger.js';
import { renderText } from '../../src/chat/render-text.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/** Words as staff write them, `n` characters long (no worry in them). */
function longNote(n: number): string {
  const sentence = 'He settles well after a calm start with his key adult and a quiet place to begin the day. ';
  return sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n).trim();
}

/** The terminal conversation to the PCP's first long question, for pupil 4021. */
async function pcpToFirstLongQuestion(bot: ReturnType<typeof chatter>): Promise<string> {
  await bot.script(NEW_PUPIL);
  await bot.say('pcp for 4021');
  await bot.say('today');
  return bot.say('Class teacher; SENDCo; parent');
}

/** Answers the rest of a PCP as a careful member of staff would; returns the last reply. */
async function finishPcp(bot: ReturnType<typeof chatter>): Promise<string> {
  let reply = await bot.say('Calmer mornings; check-in with key adult');
  for (let i = 0; i < 40 && reply.includes('?'); i++) {
    const asked = reply.split('\n').filter((l) => l.startsWith('?')).at(-1) ?? '';
    reply = await bot.say(asked.includes('Incident Support Plan') ? 'no' : asked.includes('reviewed?') ? 'in 4 weeks' : asked.includes('[optional') ? '' : /date/i.test(asked) ? 'today' : 'Calmer mornings; check-in with key adult');
  }
  return reply;
}

describe('staff write long notes, and a long note is kept', () => {
  it('a PCP field of 3,500 characters is taken and saved whole', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    expect(await pcpToFirstLongQuestion(bot)).toMatch(/^\? Who is this child/m);
    const note = longNote(3500);
    expect(await bot.say(note)).toMatch(/^\? What are the behaviours/m);
    expect(await finishPcp(bot)).toContain('Plan saved');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.pcps[0]!.fields.whoIsThisPupil).toBe(note);
  });

  it('review notes of 7,000 characters are saved whole', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await pcpToFirstLongQuestion(bot);
    await finishPcp(bot);
    const notes = longNote(7000);
    await bot.script(['review', '4021', 'today', 'yes']);
    expect(await bot.say(notes)).toMatch(/next review/i);
    await bot.say('in 4 weeks');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.pcps[0]!.reviews[0]!.notes).toBe(notes);
  });

  it('a note over the limit is given back whole with the question, to shorten, and is never logged', async () => {
    const w = await testWorld();
    const lines: string[] = [];
    const log = createLogger('debug', 'test', (l) => lines.push(l));
    const ctx = w.ctxFor(SENDCO);
    const bot = chatter(ctx);
    await pcpToFirstLongQuestion(bot);
    const tooLong = `${longNote(FIELD_MAX + 500)} Ends here.`;
    const t = await converse(ctx, bot.state, tooLong, log);
    const reply = renderText(t.views);
    expect(reply).toMatch(/That is 4,5\d\d characters; this answer can keep up to 4,000\. Please shorten it/);
    expect(reply).toContain(tooLong);
    // The question is asked again, after the words.
    expect(reply.indexOf(tooLong)).toBeLessThan(reply.indexOf('? Who is this child'));
    expect(t.state.active?.answers).not.toHaveProperty('pcp.whoIsThisPupil');
    expect(lines.join('\n')).not.toContain('calm start');
  });

  it('a signpost description of any length is searched by its start, and a worry at its end still brings the notice', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    const long = `attendance really poor, ${longNote(900)}`;
    const reply = await bot.say(`signpost ${long}`);
    expect(reply).toContain('1. Attendance and Children Missing Team');
    expect(reply).not.toMatch(/characters/);
    const worry = await bot.say(`signpost attendance really poor, ${longNote(900)} A pupil told me her dad hits her.`);
    expect(worry).toMatch(/tell the DSL now/);
    expect(worry).toContain('Attendance and Children Missing Team');
  });
});

describe('the limits are the store’s', () => {
  it('a plan field, a template and review notes take the new limits, so files saved under the old ones still load', () => {
    expect(FormField.parse({ id: 'x', label: 'Some field', kind: 'longtext' }).maxLength).toBe(FIELD_MAX);
    expect(FormField.safeParse({ id: 'x', label: 'Some field', kind: 'longtext', maxLength: FIELD_MAX + 1 }).success).toBe(false);
    const plan = { id: 'p', step: 2, ownerId: 'sendco-1', createdAt: '2026-11-20T10:00:00Z', fields: { whoIsThisPupil: 'x'.repeat(FIELD_MAX) }, reviewDate: '2026-12-18' };
    expect(PersonCentredPlan.safeParse(plan).success).toBe(true);
    expect(PersonCentredPlan.safeParse({ ...plan, fields: { whoIsThisPupil: 'x'.repeat(2000) } }).success).toBe(true);
    expect(PlanReview.safeParse({ id: 'r', date: '2026-11-20', positiveChange: true, notes: 'x'.repeat(NOTES_MAX), by: 'sendco-1' }).success).toBe(true);
  });
});
