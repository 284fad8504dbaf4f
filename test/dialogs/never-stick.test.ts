import { describe, expect, it, vi } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

describe('after a refusal or an error the conversation is never left waiting on an old question', () => {
  it('a save that fails keeps the answers and asks the last question again, saying what to type', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    vi.spyOn(w.repo, 'save').mockRejectedValueOnce(new Error('disk full'));
    const reply = await bot.script(NEW_PUPIL);
    expect(reply).toContain('Nothing was saved');
    expect(reply).toMatch(/^\? Is the pupil at risk of permanent exclusion\?/m);
    expect(reply).toContain('"cancel"');
    expect(await bot.say('no')).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
  });

  it('a refusal while saving ends the dialog and says so, and the next command is read as a command', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(TEACHER));
    await bot.script(NEW_PUPIL);
    await bot.script(['exclusion', '4021', 'suspension', 'today', '2']);
    // The SENDCo takes the teacher off the pupil while the form is open.
    const [c] = await w.repo.listBySchool('oak-primary');
    await w.repo.save({ ...c!, staffIds: [] }, c!.revision);
    const reply = await bot.say('Threw a chair in class');
    expect(reply).toContain('You cannot change this pupil’s record');
    expect(reply).toContain('Stopped “Record a suspension or exclusion”. Nothing from it was saved.');
    expect(bot.state.active).toBeUndefined();
    expect(await bot.say('my reviews')).toContain('== My reviews ==');
  });
});

describe('commands typed in the middle of a form', () => {
  it('"my reviews" is answered, and the form carries on where it was', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['new pupil', '4021', 'AB']);
    const reply = await bot.say('my reviews');
    expect(reply).toContain('== My reviews ==');
    expect(reply).toMatch(/^\? Year group/m);
    expect(await bot.say('8')).toMatch(/^\? Looked after, or previously looked after\?/m);
    expect(bot.state.active?.answers).toMatchObject({ pupilRef: '4021', initials: 'AB', yearGroup: 8 });
  });

  it('a command that starts another form asks first; "yes" leaves this one and does it', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['new pupil', '4022', 'CD']);
    // A form that saves (not a guidance question, which puts this one aside: guidance-mid-correction.test.ts).
    const ask = await bot.say('psp for 4021');
    expect(ask).toContain('Leave “Add a pupil”');
    expect(ask).toContain('"yes"');
    expect(bot.state.active?.dialogId).toBe('new-pupil');
    const reply = await bot.say('yes');
    expect(reply).toContain('Stopped “Add a pupil”. Nothing from it was saved.');
    expect(reply).toContain('The pupil’s targets');
    expect(bot.state.active?.dialogId).toBe('psp');
  });

  it('a command typed before the first answer just leaves the form, since nothing would be lost', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.say('review');
    const reply = await bot.say('what next for 4021');
    expect(reply).toContain('Stopped “Record a review”. Nothing from it was saved.');
    expect(reply).toContain('Is a suspension being considered now?');
    expect(bot.state.active?.dialogId).toBe('what-next');
  });

  it('the same form\'s command halfway through asks before starting again; at its first question it is the answer', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['signpost', 'help with attendance']);
    expect(bot.state.active).toBeUndefined();
    await bot.script([...NEW_PUPIL, 'new pupil', '4022']);
    expect(await bot.say('new pupil')).toContain('Leave “Add a pupil” to do “new pupil”?');
  });

  it('"no" carries on with the form, with every answer kept', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['new pupil', '4021', 'AB']);
    await bot.say('pcp for 4021');
    expect(await bot.say('no')).toMatch(/^\? Year group/m);
    expect(await bot.say('8')).toMatch(/^\? Looked after/m);
    expect(bot.state.active?.answers).toMatchObject({ pupilRef: '4021', initials: 'AB', yearGroup: 8 });
  });

  it('an answer that starts like a command ("Start…", "Help…") is still an answer', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['exclusion', '4021', 'suspension', 'today', '2']);
    expect(await bot.say('Help was called after he hit another pupil')).toMatch(/^\? Record this 2-day suspension, having read the above\?/m);
    expect(await bot.say('yes')).toContain('2-day suspension recorded');
  });

  it.each(['cancel', 'stop', 'never mind', 'nevermind', 'forget it', 'Cancel.'])('"%s" mid-form ends the form and says so', async (word) => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['new pupil', '4021', 'AB']);
    expect(await bot.say(word)).toContain('Stopped “Add a pupil”. Nothing from it was saved.');
    expect(bot.state.active).toBeUndefined();
    expect(bot.quit).toBe(false);
    expect(await w.repo.listBySchool('oak-primary')).toHaveLength(0);
  });

  it.each(['quit', 'exit'])('"%s" mid-form leaves the chat with the form as it was, for the terminal to keep as a draft', async (word) => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['new pupil', '4021', 'AB']);
    expect(await bot.say(word)).toBe('Goodbye.');
    expect(bot.quit).toBe(true);
    expect(bot.state.active?.answers).toMatchObject({ pupilRef: '4021', initials: 'AB' });
  });

  it('"quit" outside a form still leaves the chat', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    await bot.say('quit');
    expect(bot.quit).toBe(true);
  });
});

describe('typing slips say what to type', () => {
  it.each([
    ['new pupl', 'new pupil'],
    ['waht next for 4021', 'what next for 4021'],
    ['my reveiws', 'my reviews'],
    ['sigpost attendance', 'signpost attendance'],
  ])('"%s" suggests "%s"', async (typed, meant) => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    expect(await bot.say(typed)).toContain(`Did you mean “${meant}”?`);
  });

  it('"shwo 4021" suggests "show 4021", and "yes" shows the pupil (issue 11, fresh tester)', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    expect(await bot.say('shwo 4021')).toContain('Did you mean “show 4021”? Type "yes" for it');
    expect(await bot.say('yes')).toContain('== AB (ref 4021, Year 8) ==');
    // Taken once: a later "yes" is not the suggestion again.
    expect(await bot.say('yes')).not.toContain('== AB (ref 4021, Year 8) ==');
  });

  it('"cancle" at a choice question asks again and says how to stop', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    await bot.script(['new pupil', '4021', 'AB', '8']);
    const reply = await bot.say('cancle');
    expect(reply).toContain('type "cancel"');
    expect(reply).toMatch(/^\? Looked after/m);
  });
});
