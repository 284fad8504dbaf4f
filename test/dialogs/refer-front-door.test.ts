import { describe, expect, it } from 'vitest';
import { Service } from '../../src/knowledge/schema/services.js';
import { loadPack } from '../../src/knowledge/load-pack.js';
import { renderText } from '../../src/chat/render-text.js';
import { frontDoorViews } from '../../src/dialogs/views/front-door-view.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

describe('a referral to a safeguarding front door goes through the DSL, not the inclusion referral form', () => {
  it.each(['family front door', 'social care referral', 'police', "children's services", 'CSC'])('"%s": the safeguarding notice with the front door’s contact, who makes the referral, and nothing recorded', async (typed) => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['refer', '4021']);
    const reply = await bot.say(typed);
    const lines = reply.split('\n').filter((l) => l.trim());
    expect(lines[0]).toMatch(/^!!! Possible risk of harm: tell the DSL now/);
    expect(reply).toContain('Contact Family Front Door: https://www.worcestershire.gov.uk/childrens-social-care/refer-childrens-social-care');
    expect(reply).toContain('the DSL makes it, under your school’s safeguarding procedures');
    expect(reply).toMatch(/consent is not sought first where that could put the child at risk/);
    expect(reply).toContain('Nothing was recorded here.');
    // No inclusion-support questions, no parental permission, and the form is over.
    expect(reply).not.toMatch(/^\? /m);
    expect(bot.state.active).toBeUndefined();
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.referrals).toEqual([]);
    expect(c!.timeline.map((t) => t.what)).toEqual(['case.created']);
  });

  it('the LADO: the DSL (or the head) refers the same day', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    const reply = await bot.script(['refer', '4021', 'LADO']);
    expect(reply).toContain('Contact LADO (Local Authority Designated Officer)');
    expect(reply).toMatch(/the DSL makes that referral \(or the head, if it is about the DSL\)/);
    expect((await w.repo.listBySchool('oak-primary'))[0]!.referrals).toEqual([]);
  });

  it('names the service it matched above the next question, so a wrong match is seen before anything is written', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    const reply = await bot.script(['refer', '4021', 'ed psych']);
    expect(reply).toMatch(/Referring to The Educational Psychology Service \(EPS\)\. Not the one you meant\? Change the service\./);
    // The typed conversation says which word goes back to the service question.
    expect(reply).toContain('Type "back" to name the service again.');
    expect(reply.indexOf('Referring to')).toBeLessThan(reply.lastIndexOf('? '));
  });

  it('any other service still asks the referral form and for parents’ permission', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    const asked = await bot.script(['refer', '4021', 'inclusion team']);
    expect(asked).toContain('Referring to Education Engagement');
    expect(asked).toMatch(/^\? Have parents\/carers given permission for this referral\?/m);
    expect(await bot.say('yes')).toMatch(/^\? Date referral made \[blank = today, Fri 20 Nov 2026\]/m);
    expect(await bot.say('')).toMatch(/^\? School \/ setting/m);
  });

  it('which services are front doors is the pack’s data, checked at start-up', async () => {
    const routes = async (id: string) => (await loadPack(id)).services.filter((s) => s.safeguardingRoute).map((s) => [s.id, s.safeguardingRoute]);
    expect(await routes('worcestershire')).toEqual([['family-front-door', 'childrens-social-care'], ['lado', 'lado']]);
    expect(await routes('hackney')).toEqual([['childrens-social-care', 'childrens-social-care']]);
    const lado = (await loadPack('worcestershire')).services.find((s) => s.id === 'lado')!;
    expect(Service.safeParse({ ...lado, safeguardingRoute: 'police' }).success).toBe(false);
  });

  it('a pack without safeguarding advice of its own still leads with a notice carrying the front door', async () => {
    const hackney = await loadPack('hackney');
    const csc = hackney.services.find((s) => s.id === 'childrens-social-care')!;
    const reply = renderText(frontDoorViews(hackney, csc, 'childrens-social-care'));
    expect(reply.split('\n')[0]).toBe('!!! Possible risk of harm: tell the DSL now');
    expect(reply).toContain(`Contact ${csc.name}`);
    expect(reply).toContain('Nothing was recorded here.');
  });
});
