import { describe, expect, it } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { DISCLOSURE } from '../helpers/issue-10-examples.js';

const YOUR_WORDS = 'What you wrote, to copy into your school’s safeguarding record:';
const WORRY = 'no, but this morning he told me his dad hits him when he gets home late';

/** Lines of a reply that are not blank. */
const linesOf = (reply: string) => reply.split('\n').filter((l) => l.trim());

/** A pupil (4021) with a PCP to review, and a conversation at the review's "positive change?" question. */
async function atYesNo() {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  await bot.say('pcp for 4021');
  let reply = await bot.say('today');
  for (let i = 0; i < 40 && reply.includes('?'); i++) {
    const asked = reply.split('\n').filter((l) => l.startsWith('?')).at(-1) ?? '';
    reply = await bot.say(asked.includes('Incident Support Plan') ? 'no' : asked.includes('reviewed?') ? 'in 4 weeks' : asked.includes('[optional') ? '' : /date/i.test(asked) ? 'today' : 'Calmer mornings');
  }
  expect(reply).toContain('Plan saved');
  expect(await bot.script(['review', '4021', 'today'])).toMatch(/^\? Has the plan brought positive change/m);
  return { w, bot };
}

describe('a worry typed where a form cannot keep the words', () => {
  it('at a yes/no: the notice, then the person’s full words once, then the same question again', async () => {
    const { bot } = await atYesNo();
    const reply = await bot.say(WORRY);
    const lines = linesOf(reply);
    expect(lines[0]).toMatch(/tell the DSL now/);
    const words = lines.findIndex((l) => l.startsWith(YOUR_WORDS));
    expect(lines[words]).toBe(`${YOUR_WORDS} “${WORRY}”`);
    expect(lines.findIndex((l) => l.includes('tell the DSL now'))).toBeLessThan(words);
    expect(lines.at(-1)).toMatch(/^\? Has the plan brought positive change/);
    expect(reply.split(WORRY).length - 1).toBe(1);
    // The form carries on with the next answer.
    expect(await bot.say('yes')).toMatch(/What worked/);
  });

  it('at a choice and at a date, the same', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['exclusion', '4021']);
    const atChoice = await bot.say(DISCLOSURE);
    expect(linesOf(atChoice)[0]).toMatch(/tell the DSL now/);
    expect(atChoice).toContain(`${YOUR_WORDS} “${DISCLOSURE}”`);
    expect(linesOf(atChoice).at(-3)).toMatch(/^\? Suspension or permanent exclusion/);
    await bot.say('suspension');
    const atDate = await bot.say(`yesterday - ${DISCLOSURE}`);
    expect(atDate).toContain(`${YOUR_WORDS} “yesterday - ${DISCLOSURE}”`);
    expect(linesOf(atDate).at(-1)).toMatch(/^\? First day of the exclusion/);
  });

  it('not when the words are kept as the answer (a note), and not for an ordinary wrong answer', async () => {
    const { bot } = await atYesNo();
    expect(await bot.say('maybe')).not.toContain(YOUR_WORDS);
    await bot.say('yes');
    const kept = await bot.say(`Settled better. ${DISCLOSURE}`);
    expect(kept).toMatch(/tell the DSL now/);
    expect(kept).not.toContain(YOUR_WORDS);
    expect(bot.state.active?.answers.notes).toBe(`Settled better. ${DISCLOSURE}`);
  });
});
