/**
 * Issue 10: "Every example in this issue behaves as described, in the terminal, in Teams (over the
 * real endpoint) and in Slack (signed requests)". The core check pins each example
 * (test/core/safeguarding/concern-check.test.ts); this file drives each one through every channel:
 * the terminal as `npm run chat` (piped lines, one process for all of them), Teams through the
 * real server and adapter (teamsHarness), Slack through signed requests to Bolt (slackHarness).
 * For each channel: the seven worries as a message and after "signpost" lead with the DSL notice
 * in the person's words; the five ordinary requests raise none either way; the three exclusion
 * phrasings bring the unlawful-exclusion warning; and "a pupil told me her dad hits her" leads the
 * reply when written in a review's notes or a referral's main reason (terminal dialog, Teams card,
 * Slack modal). Slack also: escaped DMs (&amp; &lt; &apos; and <@U…|name>) and a file_share DM;
 * Teams also: words only in a text/html attachment. One harness (or one chat process) per channel.
 *
 * Cases already covered elsewhere, so left out of the tables here:
 * - Terminal, "a pupil told me her dad hits her" as a plain message (notice first, quoted, no
 *   "didn't understand") and the informal-exclusion warning for "told dad not to bring him in
 *   tomorrow while things calm down": test/chat/terminal-chat.test.ts, "leads with the DSL notice
 *   for a worry typed in plain words, and keeps ordinary words ordinary".
 * - Teams, "a pupil told me her dad hits her" as a plain message: test/channels/concern-notice.test.ts,
 *   "a worry typed as a plain message leads with the DSL notice…".
 * - Teams, a worry in a PCP field: concern-notice.test.ts, "a worry written in a PCP field…".
 * - Teams, "what’s next for 4021" with a curly apostrophe: concern-notice.test.ts, "understands
 *   curly apostrophes as phones type them".
 * - Teams, "<at>Bot</at>&nbsp;link la channel": concern-notice.test.ts, "links the LA channel from…".
 * - Slack, "/graduated signpost knife crime awareness workshop for year 9" raises no notice:
 *   concern-notice.test.ts, "a search after /graduated signpost is checked too, and an ordinary one is not".
 * - Slack, a DM "mum&apos;s new boyfriend shouts at him…" (entity-escaped) gets the notice:
 *   concern-notice.test.ts, "a DM with the worry gets the notice first". That test checks only that
 *   the notice is there; the plain-typed DM below also checks it leads and is not "didn't understand".
 *   Likewise "/graduated signpost older lads…" is checked there for the notice, and here for its place first.
 * - Words sent only as a Teams text/html attachment, and a Slack DM with subtype file_share, are
 *   answered like typed words: test/channels/teams/stale-and-html.test.ts and
 *   test/channels/slack/stale-and-files.test.ts (with "who helps with attendance?"); here only
 *   the worry carried that way is new.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { addPastoralSupportPlan } from '../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../src/core/staff.js';
import { AAD, cardOf, completeForm, textOf, teamsHarness, type TeamsHarness } from './teams/harness.js';
import { slackHarness, USERS, type SlackHarness } from './slack/harness.js';
import { completeModal as completeSlackModal, slackText } from './slack/modal.js';
import { DISCLOSURE, EXCLUSIONS as EXCLUSION_EXAMPLES, INFORMAL, ORDINARY, WORRIES } from '../helpers/issue-10-examples.js';

type Json = Record<string, unknown>;

const EXCLUSIONS = EXCLUSION_EXAMPLES.map(([text]) => text);

const NOTICE = 'tell the DSL now';
/** A signpost search ran (some ordinary searches find no service; that is not what is tested here). */
const SEARCHED = /Services for|No matching services/;
/** exclusionWarning's title, from the pack's rules (unlawfulExclusion.advice). */
const WARNING = 'Check the reason is lawful before any suspension or exclusion';

/** The quotes after "you wrote" (safeguarding) or "this reads like" (exclusion) in a reply. */
function quotesAfter(reply: string, lead: 'you wrote' | 'this reads like'): string[] {
  const line = reply.split('\n').find((l) => l.includes(`${lead} “`));
  return line ? [...line.slice(line.indexOf(lead)).matchAll(/“([^”]+)”/g)].map((m) => m[1]!) : [];
}

/** The reply leads with the DSL notice, quotes the person's own words, and is not "didn't understand". */
function expectNoticeFirst(reply: string, words: string): void {
  const first = reply.split('\n').find((l) => l.trim()) ?? '';
  expect(first, reply).toContain(NOTICE);
  const quotes = quotesAfter(reply, 'you wrote');
  expect(quotes.length, reply).toBeGreaterThan(0);
  for (const q of quotes) expect(words).toContain(q);
  expect(reply).not.toMatch(/didn.t understand/i);
}

function expectNoNotice(reply: string): void {
  expect(reply).not.toContain(NOTICE);
  expect(reply).not.toMatch(/you wrote “/);
}

function expectExclusionWarning(reply: string, words: string): void {
  expect(reply, reply).toContain(WARNING);
  const quotes = quotesAfter(reply, 'this reads like');
  expect(quotes.length, reply).toBeGreaterThan(0);
  for (const q of quotes) expect(words).toContain(q);
  expect(reply).not.toContain(NOTICE);
  expect(reply).not.toMatch(/didn.t understand/i);
}

// ---- Terminal -----------------------------------------------------------------------------------

/** Runs `npm run chat` as a user would, with lines piped to stdin (as test/chat/terminal-chat.test.ts does). */
function chat(lines: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/chat/main.ts'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(lines.map((l) => `${l}\n`).join(''));
  });
}

/** The terminal user, given explicitly so a developer's .env cannot put the chat at another school than the seed. */
const terminalEnv = (dataDir: string) => ({ DATA_DIR: dataDir, LOCAL_USER_ID: 'local-sendco', LOCAL_USER_ROLE: 'sendco', LOCAL_SCHOOL_ID: 'demo-school' });

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A pupil (ref 4021) with an active PSP at the terminal user's school, so "review" has a plan to review. */
async function seedPupilWithPsp(dataDir: string): Promise<void> {
  const config = loadConfig({ ...terminalEnv(dataDir), LOG_LEVEL: 'silent' });
  const me: StaffMember = config.localUser;
  const core = await startCore(config);
  try {
    const c = await core.cases.create(me, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: true });
    await core.cases.change(me, { schoolId: c.schoolId, id: c.id }, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { targets: ['Stay in lessons'], overseeingLeaderId: me.id, startDate: isoDaysAgo(7), reviewIntervalDays: 21, fields: {} }, cc));
  } finally {
    await core.close();
  }
}

/**
 * "review": pupil, date (blank: today), "even so?" (the PSP began 7 days ago: too soon to show impact,
 * seed 003), positive change, the notes, then the PSP's targets (blank: kept).
 */
const REVIEW_SCRIPT = ['review', '4021', '', 'yes', 'yes', DISCLOSURE, ''];
/** "refer": pupil, service (blank: the inclusion team), then the pack's referral form in order; the main reason is the disclosure. */
// Parents' permission comes straight after the service, before anything is written for the referral.
// After permission: the referral's date (blank: today); the previous exclusions are filled from the record, not asked.
const REFER_SCRIPT = ['refer', '4021', '', 'yes', '', 'Oak Primary', '', '', '', '', '', '', 'Form tutor', '', '', '1', '', '', '', '', '', '', '', DISCLOSURE, 'Advice on behaviour support', '', ''];

describe('issue 10 examples in the terminal (npm run chat)', () => {
  const lines: string[] = [];
  const at = (line: string) => {
    lines.push(line);
    return lines.length - 1;
  };
  const plainWorry = new Map(WORRIES.filter((w) => w !== DISCLOSURE).map((w) => [w, at(w)]));
  const signpostWorry = new Map(WORRIES.map((w) => [w, at(`signpost ${w}`)]));
  const plainOrdinary = new Map(ORDINARY.map((w) => [w, at(w)]));
  const signpostOrdinary = new Map(ORDINARY.map((w) => [w, at(`signpost ${w}`)]));
  const exclusion = new Map(EXCLUSIONS.filter((w) => w !== INFORMAL).map((w) => [w, at(w)]));
  const reviewStart = lines.length;
  REVIEW_SCRIPT.forEach(at);
  const referStart = lines.length;
  REFER_SCRIPT.forEach(at);

  let dir: string;
  /** What the bot said after each line, in order (the echoed line and its reply). */
  let replies: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chat-issue-'));
    await seedPupilWithPsp(dir);
    const r = await chat(lines, terminalEnv(dir));
    expect(r.stderr).toBe('');
    // Each reply starts with "> <line>"; the part before the first is the banner and menu.
    replies = r.stdout.split(/^> /m).slice(1);
    expect(replies).toHaveLength(lines.length);
  }, 30_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  /** The reply to line i, without its echoed line. */
  const reply = (i: number) => {
    expect(replies[i]!.startsWith(`${lines[i]}\n`)).toBe(true);
    return replies[i]!.slice(lines[i]!.length + 1);
  };

  it.each([...plainWorry.keys()])('leads with the DSL notice for the message “%s”', (w) => expectNoticeFirst(reply(plainWorry.get(w)!), w));
  it.each([...signpostWorry.keys()])('leads with the DSL notice for “signpost %s”', (w) => expectNoticeFirst(reply(signpostWorry.get(w)!), w));
  it.each([...plainOrdinary.keys()])('raises no notice for the message “%s”', (w) => expectNoNotice(reply(plainOrdinary.get(w)!)));
  it.each([...signpostOrdinary.keys()])('raises no notice for “signpost %s”', (w) => {
    const r = reply(signpostOrdinary.get(w)!);
    expectNoNotice(r);
    expect(r).toMatch(SEARCHED);
  });
  it.each([...exclusion.keys()])('warns of an unlawful exclusion for “%s”', (w) => expectExclusionWarning(reply(exclusion.get(w)!), w));

  it('leads with the DSL notice when the disclosure is typed as a review’s notes, and the review is saved', () => {
    expectNoticeFirst(reply(reviewStart + REVIEW_SCRIPT.indexOf(DISCLOSURE)), DISCLOSURE);
    expect(reply(reviewStart + REVIEW_SCRIPT.length - 1)).toContain('Review recorded for AB (ref 4021, Year 8)');
  });

  it('leads with the DSL notice when the disclosure is typed as a referral’s main reason, and the referral goes on', () => {
    const reason = referStart + REFER_SCRIPT.indexOf(DISCLOSURE);
    const r = reply(reason);
    expectNoticeFirst(r, DISCLOSURE);
    expect(r).toContain('What support would you like');
    expect(reply(referStart + REFER_SCRIPT.length - 1)).toContain('Referral of AB (ref 4021, Year 8) to Education Engagement');
  });
});

// ---- Teams --------------------------------------------------------------------------------------

const TEAMS_SENDCO: StaffMember = { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' };

describe('issue 10 examples in Teams, over the real endpoint', () => {
  let h: TeamsHarness;
  let chats = 0;
  beforeAll(async () => {
    h = await teamsHarness();
    const c = await h.core.cases.create(TEAMS_SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: true });
    await h.core.cases.change(TEAMS_SENDCO, { schoolId: c.schoolId, id: c.id }, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { targets: ['Stay in lessons'], overseeingLeaderId: TEAMS_SENDCO.id, startDate: '2026-11-02', reviewIntervalDays: 21, fields: {} }, cc));
  });
  afterAll(async () => h?.close());

  /**
   * A message in a personal chat of its own, so the many cases here are not paced by one
   * conversation's send limits; resolves with the text of the card the bot posted back.
   */
  async function send(extra: Json): Promise<string> {
    const conversationId = `a:personal-${AAD.sendco}-${++chats}`;
    const res = await h.post(h.activity(AAD.sendco, { type: 'message', conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' }, ...extra }));
    expect(res.status).toBe(200);
    const call = await h.connector.waitFor((c) => c.conversationId === conversationId && c.method === 'POST');
    return textOf(cardOf(call.body));
  }
  const say = (text: string) => send({ text });

  it.each(WORRIES.filter((w) => w !== DISCLOSURE))('leads with the DSL notice for the message “%s”', async (w) => expectNoticeFirst(await say(w), w));
  it.each(WORRIES)('leads with the DSL notice for “signpost %s”', async (w) => expectNoticeFirst(await say(`signpost ${w}`), w));
  it.each(ORDINARY)('raises no notice for the message “%s”', async (w) => expectNoNotice(await say(w)));
  it.each(ORDINARY)('raises no notice for “signpost %s”', async (w) => {
    const r = await say(`signpost ${w}`);
    expectNoNotice(r);
    expect(r).toMatch(SEARCHED);
  });
  it.each(EXCLUSIONS)('warns of an unlawful exclusion for “%s”', async (w) => expectExclusionWarning(await say(w), w));

  it('leads with the DSL notice when the words arrive only as a text/html attachment', async () => {
    const html = { contentType: 'text/html', content: '<p>a pupil told me her dad <b>hits</b> her</p>' };
    expectNoticeFirst(await send({ text: '', attachments: [html] }), DISCLOSURE);
  });

  it('leads with the DSL notice when the disclosure is written in a review’s notes, and the review is saved', async () => {
    const done = await completeForm(h, AAD.sendco, await h.say(AAD.sendco, 'review for 4021'), { positive: 'yes', notes: DISCLOSURE });
    expectNoticeFirst(done, DISCLOSURE);
    expect(done).toContain('Review recorded for AB (ref 4021, Year 8)');
  });

  it('leads with the DSL notice when the disclosure is the referral’s main reason, and the referral is recorded', async () => {
    const done = await completeForm(h, AAD.sendco, await h.say(AAD.sendco, 'refer 4021'), { 'referral.mainReason': DISCLOSURE, parentalPermission: 'yes' });
    expectNoticeFirst(done, DISCLOSURE);
    expect(done).toContain('Referral of AB (ref 4021, Year 8)');
  });
});

// ---- Slack --------------------------------------------------------------------------------------

const SLACK_SENDCO: StaffMember = { id: `slack:T0001:${USERS.sendco}`, role: 'sendco', schoolId: 'oak-primary' };

describe('issue 10 examples in Slack, with signed requests', () => {
  let h: SlackHarness;
  let dms = 0;
  beforeAll(async () => {
    h = await slackHarness();
    const c = await h.core.cases.create(SLACK_SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: true });
    await h.core.cases.change(SLACK_SENDCO, { schoolId: c.schoolId, id: c.id }, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { targets: ['Stay in lessons'], overseeingLeaderId: SLACK_SENDCO.id, startDate: '2026-11-02', reviewIntervalDays: 21, fields: {} }, cc));
  });
  afterAll(async () => h?.close());

  /**
   * A DM event in a DM channel of its own (Slack paces posts per channel at about one a second,
   * so one channel for every case would make this file slow); resolves with the posted message.
   */
  async function dm(text: string, extra: Json = {}): Promise<{ raw: Json; text: string }> {
    const channel = `D0DM${++dms}`;
    const res = await h.event({ type: 'message', channel_type: 'im', channel, user: USERS.sendco, text, ts: `1700000000.${dms}`, ...extra });
    expect(res.status).toBe(200);
    const posted = await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === channel);
    return { raw: posted.params, text: slackText(posted.params.blocks) };
  }

  /** `/graduated <text>`; resolves with the private reply through the command's response_url. */
  async function command(text: string): Promise<string> {
    const before = h.api.calls.length;
    const res = await h.command(USERS.sendco, text);
    expect(res.status).toBe(200);
    const reply = await h.api.waitFor((c) => c.method.startsWith('/respond/') && h.api.calls.indexOf(c) >= before);
    return slackText(reply.params.blocks);
  }

  const completeModal = (text: string, answers: Record<string, string>) => completeSlackModal(h, text, answers);

  it.each(WORRIES)('leads with the DSL notice for the DM “%s”', async (w) => expectNoticeFirst((await dm(w)).text, w));
  it.each(WORRIES)('leads with the DSL notice for “/graduated signpost %s”', async (w) => expectNoticeFirst(await command(`signpost ${w}`), w));
  it.each(ORDINARY)('raises no notice for the DM “%s”', async (w) => expectNoNotice((await dm(w)).text));
  it.each(ORDINARY.filter((w) => w !== 'knife crime awareness workshop for year 9'))('raises no notice for “/graduated signpost %s”', async (w) => {
    const r = await command(`signpost ${w}`);
    expectNoNotice(r);
    expect(r).toMatch(SEARCHED);
  });
  it.each(EXCLUSIONS)('warns of an unlawful exclusion for the DM “%s”', async (w) => expectExclusionWarning((await dm(w)).text, w));

  it.each([
    ["<@U0BOT|graduated> mum&apos;s boyfriend hits him &amp; his sister", "@graduated mum's boyfriend hits him & his sister", "mum's boyfriend hits him"],
    ['<@U0BOT|graduated> mum &amp; her boyfriend hit him', '@graduated mum & her boyfriend hit him', 'mum & her boyfriend hit him'],
    ['he said &lt;dad hits me&gt; and cried', 'he said <dad hits me> and cried', 'dad hits me'],
  ])('reads the DM “%s” as the person typed it before the check, and quotes it unescaped', async (sent, typed, quote) => {
    const { raw, text } = await dm(sent);
    expectNoticeFirst(text, typed);
    expect(quotesAfter(text, 'you wrote')).toEqual([quote]);
    for (const q of quotesAfter(text, 'you wrote')) expect(q).not.toMatch(/&(amp|lt|gt|apos|quot);|<@|U0BOT/);
    // Escaped once for Slack's mrkdwn, never twice.
    expect(JSON.stringify(raw)).not.toMatch(/&amp;(amp|lt|gt|apos);/);
  });

  it('leads with the DSL notice for a DM with a file attached (subtype file_share) carrying the disclosure', async () => {
    const { text } = await dm(DISCLOSURE, { subtype: 'file_share', files: [{ id: 'F0001', name: 'notes.pdf', mimetype: 'application/pdf', url_private: 'https://files.slack.com/files-pri/T0001-F0001/notes.pdf' }] });
    expectNoticeFirst(text, DISCLOSURE);
    expect(h.api.calls.filter((c) => c.method.startsWith('files.'))).toHaveLength(0);
  });

  it('leads with the DSL notice when the disclosure is written in a review’s notes, and the review is saved', async () => {
    const done = await completeModal('review 4021', { positive: 'yes', notes: DISCLOSURE });
    expectNoticeFirst(done, DISCLOSURE);
    expect(done).toContain('Review recorded for AB (ref 4021, Year 8)');
  });

  it('leads with the DSL notice when the disclosure is the referral’s main reason, and the referral is recorded', async () => {
    const done = await completeModal('refer 4021', { 'referral.mainReason': DISCLOSURE, parentalPermission: 'yes' });
    expectNoticeFirst(done, DISCLOSURE);
    expect(done).toContain('Referral of AB (ref 4021, Year 8)');
  });
});
