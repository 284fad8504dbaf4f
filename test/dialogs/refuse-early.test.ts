import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import type { StaffMember } from '../../src/core/staff.js';
import { openForm, submitForm } from '../../src/dialogs/form-submit.js';
import { DIALOGS } from '../../src/dialogs/registry.js';
import { ADMIN, chatter, LA_OFFICER, NEW_PUPIL, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/** A question line in the terminal rendering. */
const ASKS = /^\? /m;

describe('someone who may not do a thing is told at the start, before any question', () => {
  it('an admin typing "new pupil" is refused at once, told what they can do instead, and the next command is a command', async () => {
    const bot = chatter((await testWorld()).ctxFor(ADMIN));
    const reply = await bot.say('new pupil');
    expect(reply).toContain('can’t add pupils');
    expect(reply).toContain('grant <id> sendco <school-id>');
    expect(reply).not.toMatch(ASKS);
    expect(bot.state.active).toBeUndefined();
    expect(await bot.say('help')).toContain('What I can help with');
  });

  const cases: [string, string, StaffMember][] = ['new pupil', 'pcp', 'review', 'psp', 'refer', 'exclusion'].flatMap((command) => [
    [command, 'admin', ADMIN] as [string, string, StaffMember],
    [command, 'LA officer', LA_OFFICER] as [string, string, StaffMember],
  ]);
  it.each(cases)('"%s" by an %s is refused before any question, saying what they can do', async (command, role, user) => {
    const bot = chatter((await testWorld()).ctxFor(user));
    const reply = await bot.say(command);
    expect(reply).toContain(`As ${role === 'admin' ? 'an admin' : 'an LA officer'}`);
    expect(reply).toMatch(/You can /);
    expect(reply).not.toMatch(ASKS);
    expect(bot.state.active).toBeUndefined();
  });

  it('a card or modal is refused the same way instead of showing a form to fill in, and a submit is refused too', async () => {
    const w = await testWorld();
    const opened = await openForm(DIALOGS['new-pupil']!, w.ctxFor(ADMIN));
    expect(opened.done).toBe(true);
    expect(renderText(opened.views)).toContain('can’t add pupils');
    const submitted = await submitForm(DIALOGS['pcp']!, w.ctxFor(LA_OFFICER), { formId: 'f1', values: { pupil: '4021' }, shown: ['pupil'] });
    expect(submitted.done).toBe(true);
    expect(renderText(submitted.views)).toContain('As an LA officer');
  });

  it('a teacher naming a pupil they do not work with is told to ask the SENDCo, and asked which pupil again', async () => {
    const w = await testWorld();
    await chatter(w.ctxFor(SENDCO)).script(NEW_PUPIL);
    const bot = chatter(w.ctxFor(TEACHER));
    const reply = await bot.say('pcp for 4021');
    expect(reply).toContain('ask your SENDCo to add you');
    expect(reply).toMatch(/^\? Which pupil\?/m);
    expect(await bot.say('cancel')).toContain('Stopped');
  });

  it('"new pupil" says a reference is already recorded at the reference question, not after every answer', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.say('new pupil');
    const reply = await bot.say('4021');
    expect(reply).toContain('4021 is already recorded at your school');
    expect(reply).toMatch(/^\? The pupil’s reference/m);
    expect(await bot.say('4022')).toMatch(/^\? Their initials/m);
  });

  it('a teacher giving the reference of a pupil not shared with them is told to ask the SENDCo to share it, not sent to "what next", which could not find it', async () => {
    const w = await testWorld();
    await chatter(w.ctxFor(SENDCO)).script(NEW_PUPIL);
    const bot = chatter(w.ctxFor(TEACHER));
    await bot.say('new pupil');
    const reply = await bot.say('4021');
    expect(reply).toContain('4021 is already recorded at your school, but not shared with you');
    expect(reply).toContain('ask your SENDCo to share 4021');
    expect(reply).not.toContain('what next for 4021');
    expect(reply).toMatch(/^\? The pupil’s reference/m);
    expect(await bot.say('what next for 4021')).toContain('ask your SENDCo');
  });
});
