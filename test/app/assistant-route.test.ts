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
  dir = await mkdtemp(join(tmpdir(), 'gr-route-'));
  core = await startCore(loadConfig({ DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' }));
  assistant = new Assistant(core, { localMode: true, log: silentLogger });
});
afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const REFERRAL = '0f0e0d0c-0b0a-4908-8706-050403020100';
const REMINDER = '0123456789abcdef';

describe('Assistant.changes: the commands a repeated button press must not run twice', () => {
  it('is true for grants, revokes, LA buttons and reminder buttons, and false for words that only show something', () => {
    const changing = ['grant teams:x sendco oak-primary', 'revoke teams:x', `la ack ${REFERRAL}`, `LA assign ${REFERRAL}`, `reminder done ${REMINDER}`, `reminder snooze 1w ${REMINDER}`];
    const showing = ['whoami', 'my id', 'help', 'what next for 4021', 'who helps with attendance?', 'la ack not-a-referral'];
    expect(changing.filter((w) => !assistant.changes(w))).toEqual([]);
    expect(showing.filter((w) => assistant.changes(w))).toEqual([]);
  });

  it('reads the words as text() does, cleaned first, so the two never disagree', async () => {
    const escaped = `reminder&nbsp;done ${REMINDER}`;
    expect(assistant.changes(escaped)).toBe(true);
    // text() runs the same command: this reminder is not the person's, so it says nothing changed.
    expect(JSON.stringify(await assistant.text({ id: 'teams:x' }, escaped))).toContain('That reminder is not one of yours');
  });
});
