import { describe, expect, it } from 'vitest';
import { choice } from '../../src/dialogs/choice-match.js';
import { yesNo } from '../../src/dialogs/parse.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester item 7: a slip of the keyboard in a choice ("Yse", "sendc0", "permenant")
 * is taken as the choice it is a letter or two from, and the bot says what it took.
 */

const ROLES = [
  { value: 'teacher', label: 'Teacher' },
  { value: 'sendco', label: 'SENDCo', words: ['senco'] },
  { value: 'la-officer', label: 'LA officer' },
  { value: 'admin', label: 'Admin' },
];

describe('slips in a choice', () => {
  it.each([
    ['Yse', true],
    ['yess', true],
    ['noo', false],
    ['nopr', false],
  ])('"%s" at a yes/no question is taken, saying so', (typed, value) => {
    expect(yesNo(typed)).toEqual({ ok: true, value, note: `Took “${typed}” as ${value ? 'yes' : 'no'}.` });
  });

  it.each(['on', 'ye', 'maybe', 'yet no'])('"%s" is not guessed', (typed) => {
    expect(yesNo(typed)).toEqual({ ok: false, message: 'Please answer yes or no.' });
  });

  it('"sendc0" is SENDCo, "techer" is Teacher; "xyz" lists the choices', () => {
    expect(choice(ROLES, 'sendc0')).toEqual({ ok: true, value: 'sendco', note: 'Took “sendc0” as SENDCo.' });
    expect(choice(ROLES, 'techer')).toMatchObject({ ok: true, value: 'teacher' });
    expect(choice(ROLES, 'xyz')).toMatchObject({ ok: false, message: expect.stringContaining('isn’t one of the choices') });
  });

  it('a slip as near two choices is not guessed', () => {
    const two = [
      { value: 'a', label: 'Cart' },
      { value: 'b', label: 'Card' },
    ];
    expect(choice(two, 'carx')).toMatchObject({ ok: false });
  });
});

describe('in the chat', () => {
  it('"permenant" for the kind of exclusion is Permanent exclusion, and the reply says so', async () => {
    const w = await testWorld();
    await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
    const bot = chatter(w.ctxFor(SENDCO));
    const reply = await bot.script(['exclusion', '4021', 'permenant']);
    expect(reply).toContain('Took “permenant” as Permanent exclusion.');
    expect(bot.state.active?.answers).toMatchObject({ kind: 'permanent' });
  });

  it('"Yse" at a yes/no question of new pupil is yes, said before the next question', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    const reply = await bot.script(['new pupil', '4021', 'AB', '8', 'no', 'Yse']);
    expect(reply).toContain('Took “Yse” as yes.');
    expect(bot.state.active?.answers).toMatchObject({ socialWorker: true });
  });
});
