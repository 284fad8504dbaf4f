import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialogContext, startCore, type Core } from '../../src/app/bootstrap.js';
import { ChatSession } from '../../src/chat/chat-session.js';
import { renderText } from '../../src/chat/render-text.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const FLAGS = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };
const DAY = 24 * 60 * 60_000;
const WORDS = 'Loves drawing and football; talks best walking side by side';

const temps: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/**
 * One terminal chat at a time on one data folder, as `npm run chat` runs: each `open()` is a new
 * start (the last one closed first), at the clock's time. Pupil 4021 is at the user's school.
 */
async function terminal() {
  const dir = await mkdtemp(path.join(tmpdir(), 'chat-drafts-'));
  temps.push(dir);
  let clock = new Date('2026-11-30T17:20:00Z');
  const logged: string[] = [];
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', LOCAL_USER_ID: 'local-sendco', LOCAL_USER_ROLE: 'sendco', LOCAL_SCHOOL_ID: 'demo-school' });
  let core: Core | undefined;
  const open = async () => {
    if (core) await core.close();
    cores.splice(0);
    core = await startCore(config, { now: () => clock });
    cores.push(core);
    const ctx = dialogContext(core, config.localUser);
    const session = new ChatSession({ ctx, drafts: core.drafts, staff: core.staff, log: createLogger('debug', 'chat', (l) => logged.push(l)) });
    const said = renderText(await session.start());
    return {
      said,
      say: async (line: string) => {
        const r = await session.line(line);
        return { text: renderText(r.views), quit: r.quit };
      },
      end: async () => renderText(await session.end()),
    };
  };
  const first = await open();
  await core!.cases.create(config.localUser, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: FLAGS, currentStep: 2, riskOfPermanentExclusion: false });
  return {
    dir,
    first,
    open,
    logged,
    later: (ms: number) => void (clock = new Date(clock.getTime() + ms)),
    cases: () => core!.repo.listBySchool('demo-school'),
    reflection: () => core!.reflections.forSchool(config.localUser),
    draftsFile: () => readFile(path.join(dir, 'drafts.json'), 'utf-8').catch(() => ''),
  };
}

/** A PCP for 4021 as far as its third question: date, who was present, then the pupil's strengths. */
const PCP_START = ['pcp for 4021', 'today', 'Class teacher; SENDCo; parent', WORDS];

describe('an unfinished form in the terminal is kept as a draft', () => {
  it('"quit" keeps it and says so; the next start offers it back and "carry on" finishes it, then the draft is gone', async () => {
    const t = await terminal();
    for (const l of PCP_START) await t.first.say(l);
    const bye = await t.first.say('quit');
    expect(bye.quit).toBe(true);
    expect(bye.text).toContain('Your unfinished PCP for 4021 is kept as a draft until Mon 7 Dec 17:20. Next time you start the chat, type "carry on" to continue it.');
    expect(bye.text).toContain('Goodbye.');

    t.later(DAY);
    const next = await t.open();
    expect(next.said).toBe('You left a PCP for 4021 unfinished (Mon 30 Nov 17:20). Type "carry on" to continue or "discard".');
    const back = await next.say('carry on');
    expect(back.text).toMatch(/Carrying on with your PCP for 4021/);
    expect(back.text).toMatch(/^\? What are the behaviours causing concern/m);
    let reply = back.text;
    for (let i = 0; i < 40 && reply.includes('?'); i++) {
      const asked = reply.split('\n').filter((l) => l.startsWith('?')).at(-1) ?? '';
      reply = (await next.say(asked.includes('Incident Support Plan') ? 'no' : asked.includes('reviewed?') ? 'in 4 weeks' : asked.includes('[optional') ? '' : /date/i.test(asked) ? 'today' : 'Calmer mornings')).text;
    }
    expect(reply).toContain('Plan saved');
    const [c] = await t.cases();
    expect(c!.pcps[0]!.fields.whoIsThisPupil).toBe(WORDS);
    expect(await t.draftsFile()).not.toContain(WORDS);
    expect((await t.open()).said).toBe('');
    // Never in the log.
    expect(t.logged.join('\n')).not.toContain('drawing');
  });

  it('"carry on" takes the draft up later too, after other commands, not only as the first line (issue 11d.3)', async () => {
    const t = await terminal();
    for (const l of PCP_START) await t.first.say(l);
    await t.first.say('quit');
    const next = await t.open();
    expect(next.said).toContain('Type "carry on" to continue or "discard".');
    await next.say('help');
    await next.say('my reviews');
    const back = await next.say('carry on');
    expect(back.text).toMatch(/Carrying on with your PCP for 4021/);
    expect(back.text).toMatch(/^\? What are the behaviours causing concern/m);
  });

  it('"quit" while a PCP is paused for "what next" keeps the PCP, as the bot promised, and the next start offers it (issue 11 item 3)', async () => {
    const t = await terminal();
    await t.first.say('pcp');
    await t.first.say('4021');
    await t.first.say('today');
    const paused = await t.first.say('what next');
    expect(paused.text).toContain('Your PCP is kept as it was: you go back to it after this.');
    const bye = await t.first.say('quit');
    expect(bye.text).toContain('Your unfinished PCP for 4021 is kept as a draft until');
    const next = await t.open();
    expect(next.said).toBe('You left a PCP for 4021 unfinished (Mon 30 Nov 17:20). Type "carry on" to continue or "discard".');
    const back = await next.say('carry on');
    expect(back.text).toMatch(/Carrying on with your PCP for 4021/);
    expect(back.text).toMatch(/^\? Who was at the meeting/m);
  });

  it('a PCP paused for "what next" is kept while the guidance is asked, and once the PCP is back its draft is the PCP', async () => {
    const t = await terminal();
    for (const l of PCP_START.slice(0, 2)) await t.first.say(l);
    await t.first.say('what next');
    await t.first.say('4021');
    const bye = await t.first.end();
    expect(bye).toMatch(/Your unfinished PCP for 4021 is kept as a draft/);
    expect(await t.draftsFile()).toContain('"dialogId": "pcp"');
  });

  it('the end of input (Ctrl-D) keeps it too, and "discard" throws it away', async () => {
    const t = await terminal();
    for (const l of PCP_START) await t.first.say(l);
    expect(await t.first.end()).toMatch(/Your unfinished PCP for 4021 is kept as a draft until/);
    expect(await t.draftsFile()).toContain(WORDS);
    const next = await t.open();
    expect((await next.say('discard')).text).toBe('Discarded your unfinished PCP for 4021. Nothing from it was saved.');
    expect(await t.draftsFile()).not.toContain(WORDS);
    expect((await t.open()).said).toBe('');
  });

  it('"cancel" removes the draft; a form with nothing answered keeps none', async () => {
    const t = await terminal();
    for (const l of PCP_START) await t.first.say(l);
    expect(await t.draftsFile()).toContain(WORDS);
    expect((await t.first.say('cancel')).text).toContain('Nothing from it was saved');
    expect(await t.draftsFile()).not.toContain(WORDS);
    await t.first.say('review');
    expect(await t.first.end()).toBe('');
    expect((await t.open()).said).toBe('');
  });

  it('is not offered after 7 days, and is gone from the data folder', async () => {
    const t = await terminal();
    for (const l of PCP_START) await t.first.say(l);
    await t.first.end();
    t.later(7 * DAY);
    expect((await t.open()).said).toBe('');
    expect(await t.draftsFile()).not.toContain(WORDS);
  });

  it('a referral waiting for parents’ permission is kept as the refusal says, and is sent when they agree', async () => {
    const t = await terminal();
    await t.first.say('refer 4021');
    // Permission comes straight after where the referral goes: nothing is written before it is known.
    expect((await t.first.say('')).text).toMatch(/^\? Have parents\/carers given permission/m);
    const refused = (await t.first.say('no')).text;
    expect(refused).toContain('Your answers are kept (in the chat, as a draft for 7 days if you leave)');
    expect((await t.first.say('quit')).text).toContain('Your unfinished referral for 4021 is kept as a draft');
    t.later(3 * DAY);
    const next = await t.open();
    expect(next.said).toContain('You left a referral for 4021 unfinished');
    expect((await next.say('carry on')).text).toMatch(/^\? Have parents\/carers given permission/m);
    let reply = (await next.say('yes')).text;
    for (let i = 0; i < 40 && !reply.includes('Referral of'); i++) {
      const asked = reply.split('\n').filter((l) => l.startsWith('?')).at(-1) ?? '';
      reply = (await next.say(asked.includes('[optional') || asked.includes('[blank =') ? '' : reply.includes('  1. ') ? '1' : /date/i.test(asked) ? 'today' : 'Persistent disruption despite a Step 4 plan')).text;
    }
    expect(reply).toContain('Referral of AB (ref 4021, Year 8)');
    const [c] = await t.cases();
    expect(c!.referrals[0]!.reasons).toBe('Persistent disruption despite a Step 4 plan');
  });

  it('an offer not taken up stays kept until another form is started, which says it takes its place', async () => {
    const t = await terminal();
    for (const l of PCP_START) await t.first.say(l);
    await t.first.end();
    const next = await t.open();
    expect((await next.say('my reviews')).text).not.toMatch(/draft/);
    expect(await t.draftsFile()).toContain(WORDS);
    await next.say('psp');
    const replaced = await next.say('4021');
    expect(replaced.text).toContain('This form is now kept as your draft in place of the unfinished PCP for 4021 from Mon 30 Nov 17:20');
    expect(await t.draftsFile()).not.toContain(WORDS);
  });
});

describe('a half-done self-reflection area comes back the same way by either word (issue 11)', () => {
  /** Area 1 begun: three items rated, then the chat is left, and opened again a day later. */
  async function leftAfterThreeItems() {
    const t = await terminal();
    expect((await t.first.say('self-reflection')).text).toMatch(/^\? 1\.1a /m);
    for (const r of ['1', '2', '3']) await t.first.say(r);
    expect((await t.first.say('quit')).text).toContain('Your unfinished self-reflection area is kept as a draft');
    t.later(DAY);
    return { t, next: await t.open() };
  }

  /** The question lines of a reply. */
  const asked = (reply: string) => reply.split('\n').filter((l) => l.startsWith('?'));

  it('"self-reflection" takes up the draft at the question "carry on" would, keeping the three ratings', async () => {
    const viaCarryOn = (await (await leftAfterThreeItems()).next.say('carry on')).text;
    const { t, next } = await leftAfterThreeItems();
    const viaCommand = (await next.say('self-reflection')).text;
    expect(asked(viaCommand)).toEqual(asked(viaCarryOn));
    expect(asked(viaCommand)[0]).toMatch(/^\? 1\.2a /);
    expect(viaCommand).toContain('Carrying on with your self-reflection area where you left it');
    expect(viaCommand).not.toContain('in place of the unfinished');
    // The rest of the area, and the three ratings from before the break are the ones saved.
    let reply = viaCommand;
    for (let i = 0; i < 20 && !reply.includes('Saved “'); i++) reply = (await next.say(asked(reply).at(-1)?.includes('[optional') ? '' : '4')).text;
    expect(reply).toContain('Saved “The Environment, Culture and Ethos”: 1 of 4 areas rated.');
    expect((await t.reflection())!.inProgress!.areas['environment-culture-and-ethos']!.ratings).toMatchObject({ '1.1a': 1, '1.1b': 2, '1.1c': 3, '1.2a': 4 });
  });
});
