import { afterEach, describe, expect, it } from 'vitest';
import { messageFrom } from '../../../src/channels/slack/blocks/message.js';
import { runLaReport } from '../../../src/dialogs/la-report.js';
import { LA_OFFICER, testWorld } from '../../helpers/dialog-context.js';
import { saveLaCases } from '../../helpers/la-world.js';
import { slackViolations } from './blocks/limits.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';
import { slackText } from './modal.js';

let h: SlackHarness;
afterEach(async () => h?.close());

const OFFICER = 'U0LAOFF';
const dm = (user: string, text: string) => ({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `${Date.now() / 1000}` });

describe('Slack: the LA report', () => {
  it('is a Block Kit message Slack would take: each figure a table in a code block, "withheld" where small', async () => {
    const w = await testWorld();
    await saveLaCases(w.repo);
    const message = messageFrom(await runLaReport(w.ctxFor(LA_OFFICER), { from: '2026-09-01', to: '2026-11-30', csv: false }));
    expect(slackViolations(message, 'message')).toEqual([]);
    const text = slackText(message.blocks);
    expect(text).toMatch(/\*Referrals to the LA by month\*\n```Month +Referrals\n/);
    expect(text).toMatch(/Oct 2026 +withheld/);
    expect(text).toContain('Download CSV');
  });

  it('an LA officer asks for the CSV in a DM: it is uploaded there (getUploadURLExternal, the upload, completeUploadExternal)', async () => {
    h = await slackHarness();
    const officer = `slack:${TEAM}:${OFFICER}`;
    await h.event(dm(USERS.admin, `grant ${officer} la-officer`));
    await h.api.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.params).includes('is now an LA officer'));
    await saveLaCases(h.core.repo);

    await h.event(dm(OFFICER, 'la report csv 1/9/2026 30/11/2026'));
    const done = await h.api.waitFor((c) => c.method === 'files.completeUploadExternal');
    expect(done.params.channel_id).toBe(`D${OFFICER}`);
    const asked = h.api.calls.find((c) => c.method === 'files.getUploadURLExternal')!;
    expect(asked.params.filename).toBe('la-report-2026-09-01-to-2026-11-30.csv');
    expect(h.api.uploads[0]!.body.toString('utf8')).toContain('Referrals to the LA by month,Oct 2026,Referrals,withheld');
    const reply = await h.api.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.params).includes('The CSV is just above'));
    expect(slackText(reply.params.blocks)).toContain('Show the figures again');
  });

  it('a SENDCo asking gets a refusal and no file', async () => {
    h = await slackHarness();
    await saveLaCases(h.core.repo);
    await h.event(dm(USERS.sendco, 'la report csv'));
    const reply = await h.api.waitFor((c) => c.method === 'chat.postMessage');
    expect(slackText(reply.params.blocks)).toContain('Only LA officers can see the LA’s figures.');
    expect(h.api.calls.some((c) => c.method.startsWith('files.'))).toBe(false);
  });
});
