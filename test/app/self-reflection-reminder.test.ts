import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StaffMember } from '../../src/core/staff.js';
import { actionsOf, cardOf, inputsOf, textOf } from '../channels/teams/harness.js';
import { AAD, botHarness, SENDCO, type BotHarness } from './bot-harness.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

/**
 * The termly revisit of the self-reflection, end to end in Teams: the whole bot with the example
 * term dates, a reflection completed in the autumn, and the scheduler at the first school day of
 * spring. The reminder goes to whoever completed it while they still may, else to the SENDCo; its
 * button opens the next area's card; completing it stops the reminders for the term.
 */

const EXAMPLE = fileURLToPath(new URL('../../src/core/calendar/example-term-dates.json', import.meta.url));
const HEAD_AAD = '00000000-0000-0000-0000-0000000000e4';
const HEAD: StaffMember = { id: `teams:${HEAD_AAD}`, role: 'admin', schoolId: 'oak-primary' };
const ADMIN: StaffMember = { id: `teams:${AAD.admin}`, role: 'admin' };

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const posts = (hh: BotHarness, aad: string) => hh.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === `a:personal-${aad}`).map((c) => cardOf(c.body));
const reminders = (hh: BotHarness, aad: string) => posts(hh, aad).filter((c) => textOf(c).includes('Inclusion self-reflection: time to revisit it this term') && textOf(c).includes('Snooze 1 day'));

async function completeAll(hh: BotHarness, who: StaffMember, score: number) {
  const { core } = hh.bot;
  const tool = core.pack.selfReflection!;
  for (const a of tool.areas) await core.reflections.saveArea(who, tool, a.id, Object.fromEntries(a.items.map((i) => [i.id, score])), undefined);
  await core.reflections.complete(who, tool, true);
}

describe('the termly self-reflection reminder, end to end', () => {
  it('reminds the head who completed it on the first day of spring term, its button opens the next card, and completing it ends the reminders', async () => {
    h = await botHarness({ env: { CALENDAR_FILE: EXAMPLE } });
    await h.bot.core.staff.grant(ADMIN, HEAD);
    await h.install(HEAD_AAD);
    await h.install(AAD.sendco);
    await completeAll(h, HEAD, 2);

    // Nothing in the last week of autumn term, nor in the holidays.
    h.setNow('2026-12-14T08:00:00Z');
    await h.bot.scheduler.tick();
    h.setNow('2026-12-28T08:00:00Z');
    await h.bot.scheduler.tick();
    expect(reminders(h, HEAD_AAD)).toEqual([]);

    // Tuesday 5 January 2027, 08:00 London: the first school day of spring term.
    h.setNow('2027-01-05T08:00:00Z');
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    const [card] = reminders(h, HEAD_AAD);
    expect(reminders(h, HEAD_AAD)).toHaveLength(1);
    expect(textOf(card!)).toContain('last completed Fri 20 Nov 2026');
    expect(reminders(h, AAD.sendco)).toEqual([]);
    expect(actionsOf(card!, 'command').map((a) => a.title)).toEqual(['Open the self-reflection', 'Snooze 1 day', 'Snooze 1 week', 'Done']);
    // The SENDCo's weekly digest lists it with the school's other dates.
    expect(posts(h, AAD.sendco).some((c) => textOf(c).includes('This week: reviews and deadlines at') && textOf(c).includes('Inclusion self-reflection'))).toBe(true);
    const audited = (await h.bot.core.audit.list()).filter((e) => e.action === 'reminder.sent' && e.subjectId === HEAD.id);
    expect(audited).toEqual([expect.objectContaining({ schoolId: 'oak-primary', actorId: 'system:reminders' })]);
    expect(audited[0]!.caseId).toBeUndefined();

    const opened = await h.pressCommand(HEAD_AAD, String(actionsOf(card!, 'command')[0]!.data.command), 'reminder-1');
    expect(textOf(opened)).toContain('A new self-reflection. The last was completed Fri 20 Nov 2026 (to see it: "self-reflection summary")');
    expect(inputsOf(opened)[0]!.id).toBe('q_1.1a');

    // Completed on the 6th: the reminder is not sent again when it would be (three school days on).
    h.setNow('2027-01-06T10:00:00Z');
    await completeAll(h, HEAD, 3);
    h.setNow('2027-01-08T08:00:00Z');
    await h.bot.scheduler.tick();
    h.setNow('2027-01-13T08:00:00Z');
    await h.bot.scheduler.tick();
    expect(reminders(h, HEAD_AAD)).toHaveLength(1);
  });

  it('goes to the SENDCo once the person who completed it no longer has a role there, and the admin command line lists it', async () => {
    h = await botHarness({ env: { CALENDAR_FILE: EXAMPLE } });
    await h.bot.core.staff.grant(ADMIN, HEAD);
    await h.install(AAD.sendco);
    await completeAll(h, HEAD, 2);
    await h.bot.core.staff.revoke(ADMIN, HEAD.id);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'reminders', 'due', '--at', '2027-01-05T08:00:00Z'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: join(h.dir, 'data'), STAFF_FILE: join(h.dir, 'staff-roles.json'), CALENDAR_FILE: EXAMPLE, LOG_LEVEL: 'silent' },
    });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`send +Inclusion self-reflection: time to revisit it this term \\(last completed Fri 20 Nov 2026\\), due (2027-01-05|Tue 5 Jan 2027) → ${SENDCO.id}`));

    h.setNow('2027-01-05T08:00:00Z');
    await h.bot.scheduler.tick();
    expect(reminders(h, AAD.sendco)).toHaveLength(1);
  });
});
