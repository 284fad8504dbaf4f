import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../src/app/assistant.js';
import { startCore, type Core } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';

let dir: string;
let core: Core;
let assistant: Assistant;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gr-codes-'));
  core = await startCore(loadConfig({ DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' }));
  assistant = new Assistant(core, { localMode: true, log: silentLogger });
});
afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

/** A "what next" card for a pupil not on record, as Teams or Slack submits it: choices arrive as their codes. */
const whatNext = (extra: Record<string, string>) => ({
  formId: 'f-1',
  shown: ['pupil', 'step', 'plan', 'suspensions', 'permanent', 'risk', 'deteriorating', 'care', 'socialWorker', 'send', 'ptt', 'considerSuspension', 'notes'],
  values: { pupil: '', step: '2', plan: 'none', suspensions: '0', permanent: 'no', risk: 'no', deteriorating: 'no', care: 'neither', socialWorker: 'no', send: 'none', considerSuspension: 'no', notes: '', ...extra },
});

describe('a form’s choices are the bot’s words, not worries the person wrote (issue 12, fresh tester)', () => {
  it('a part-time timetable the LA has not been told of raises no informal-exclusion warning quoting the code', async () => {
    const out = JSON.stringify((await assistant.submit({ id: 'local:me' }, 'what-next', whatNext({ ptt: 'not-notified' }))).views);
    expect(out).not.toContain('not-notified');
  });

  it('still reads what the person wrote in the same form', async () => {
    const out = JSON.stringify((await assistant.submit({ id: 'local:me' }, 'what-next', whatNext({ ptt: 'no', notes: 'we sent him home early every day this week, off the books' }))).views);
    expect(out).toMatch(/reads like/);
  });
});
