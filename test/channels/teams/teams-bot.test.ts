import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { actionsOf, cardOf, inputsOf, textOf, AAD, teamsHarness, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => h?.close());

const NEW_PUPIL = { q_pupilRef: '4021', q_initials: 'AB', q_yearGroup: '8', q_care: 'neither', q_socialWorker: 'no', q_send: 'sen-support', q_step: '', q_risk: 'no' };

async function addPupil(who = AAD.sendco) {
  const form = await h.say(who, 'new pupil');
  const [submit] = actionsOf(form, 'form.submit');
  return { submit: submit!, result: await h.press(who, submit!, NEW_PUPIL) };
}

describe('Teams: install, messages and cards over the real endpoint', () => {
  it('answers /healthz and turns away malformed JSON with 400', async () => {
    h = await teamsHarness();
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    expect((await h.post('{not json')).status).toBe(400);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('welcomes on install and remembers the personal chat for later messages', async () => {
    h = await teamsHarness();
    const res = await h.post(h.activity(AAD.sendco, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] }));
    expect(res.status).toBe(200);
    const welcome = cardOf((await h.connector.waitFor((c) => c.method === 'POST')).body);
    expect(textOf(welcome)).toContain('graduated response');
    expect(actionsOf(welcome, 'command').map((a) => a.data.command)).toContain('what next');
    const saved = JSON.parse(await readFile(join(h.dataDir, 'data', 'teams', 'conversations.json'), 'utf8')) as { references: Record<string, { serviceUrl: string }> };
    expect(saved.references[`person:teams:${AAD.sendco}`]?.serviceUrl).toBe(h.connector.url);
  });

  it('adds a pupil through a form card, updated in place, and records it once however often it is pressed', async () => {
    h = await teamsHarness();
    const form = await h.say(AAD.sendco, 'new pupil');
    expect(inputsOf(form).map((i) => i.id)).toEqual(expect.arrayContaining(['q_pupilRef', 'q_initials', 'q_yearGroup']));
    const [submit] = actionsOf(form, 'form.submit');
    const [first, second] = await Promise.all([h.press(AAD.sendco, submit!, NEW_PUPIL), h.press(AAD.sendco, submit!, NEW_PUPIL)]);
    expect(textOf(first!)).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
    expect(textOf(second!)).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
    const again = await h.press(AAD.sendco, submit!, NEW_PUPIL);
    expect(textOf(again)).toContain('already sent, so nothing new was saved');
    expect(await h.core.repo.listBySchool('oak-primary')).toHaveLength(1);
  });

  it('returns a half-filled form with the missing answers marked and nothing saved', async () => {
    h = await teamsHarness();
    const form = await h.say(AAD.sendco, 'new pupil');
    const [submit] = actionsOf(form, 'form.submit');
    const back = await h.press(AAD.sendco, submit!, { ...NEW_PUPIL, q_initials: 'Alexander', q_risk: '' });
    const t = textOf(back);
    expect(t).toContain('2 answers need attention');
    expect(t).toContain('I need an answer to this one.');
    expect(inputsOf(back).find((i) => i.id === 'q_pupilRef')?.value).toBe('4021');
    expect(await h.core.repo.listBySchool('oak-primary')).toHaveLength(0);
  });

  it('routes free text: "what next for AB" opens guidance for that pupil, "who helps with attendance?" signposts', async () => {
    h = await teamsHarness();
    await addPupil();
    const form = await h.say(AAD.sendco, 'what next for AB?');
    // Found by initials, the pupil shows chosen in the picker, by reference; typing "AB" again still works.
    expect(inputsOf(form).find((i) => i.id === 'q_pupil')).toMatchObject({ value: '4021', choices: [{ title: expect.stringContaining('AB (ref 4021'), value: '4021' }] });
    const [submit] = actionsOf(form, 'form.submit');
    const more = await h.press(AAD.sendco, submit!, { q_pupil: 'AB' });
    const [submit2] = actionsOf(more, 'form.submit');
    const guidance = textOf(await h.press(AAD.sendco, submit2!, { q_pupil: 'AB', q_considerSuspension: 'yes', q_deteriorating: 'no', q_notes: '' }));
    expect(guidance).toMatch(/Step 2/);
    expect(guidance).toMatch(/Worcestershire/);

    const services = await h.say(AAD.sendco, 'who helps with attendance?');
    expect(textOf(services)).toMatch(/attendance/i);
    const urls: string[] = [];
    JSON.stringify(services, (k, v: unknown) => (k === 'url' && typeof v === 'string' && urls.push(v), v));
    expect(urls.some((u) => u.startsWith('tel:') || u.startsWith('mailto:') || u.startsWith('https:'))).toBe(true);
  });

  it('refuses an admin\'s "new pupil" with what they can do instead of a form, and suggests the command for a typo', async () => {
    h = await teamsHarness();
    const refused = await h.say(AAD.admin, 'new pupil');
    expect(textOf(refused)).toContain('you can’t add pupils');
    expect(actionsOf(refused, 'form.submit')).toHaveLength(0);
    expect(textOf(await h.say(AAD.sendco, 'new pupl'))).toContain('Did you mean “new pupil”?');
    // With a pupil's reference after it, and a button that sends the command (issue 11, fresh tester).
    const slip = await h.say(AAD.sendco, 'shwo 4021');
    expect(textOf(slip)).toContain('Did you mean “show 4021”?');
    expect(actionsOf(slip, 'command').map((a) => a.data.command)).toContain('show 4021');
  });

  it('answers a repeated message activity (Teams resend) only once', async () => {
    h = await teamsHarness();
    const a = h.activity(AAD.sendco, { type: 'message', text: 'help' });
    await h.post(a);
    await h.post(a);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});

describe('Teams: older clients that only know Action.Submit', () => {
  it('handles the fallback submit as a message with the same verb, answering with a new card and saving once', async () => {
    h = await teamsHarness();
    const form = await h.say(AAD.sendco, 'new pupil');
    const [submit] = actionsOf(form, 'form.submit');
    const before = h.connector.calls.length;
    const fallback = h.activity(AAD.sendco, { type: 'message', value: { ...submit!.data, ...NEW_PUPIL } });
    expect((await h.post(fallback)).status).toBe(200);
    expect((await h.post({ ...fallback, id: 'another-delivery' })).status).toBe(200);
    const reply = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST');
    expect(textOf(cardOf(reply.body))).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
    expect(await h.core.repo.listBySchool('oak-primary')).toHaveLength(1);
  });
});
