import { describe, expect, it } from 'vitest';
import { runInstances } from '../../bench/pg-instances.js';

// Starting three bot processes takes 30-90 s on a busy 2-core machine, so this runs on request:
// PG_INSTANCES_TEST=1 npx vitest run test/app/pg-instances.test.ts (npm run bench:pg:instances is the full run).
describe.runIf(process.env.PG_INSTANCES_TEST === '1')('three bot instances on one PostgreSQL database (short run of npm run bench:pg:instances)', () => {
  it('kill -9 of the scheduler instance mid-pass: no message lost, no reminder twice or missed, taken over within 30 s', { timeout: 300_000 }, async () => {
    const f = await runInstances({ seconds: 10, conversations: 20, pupils: 12, thinkMs: 1000 });
    process.stdout.write(`pg-instances (short): ${JSON.stringify(f)}\n`);
    expect(f.messages).toBeGreaterThan(20);
    // The leader was killed part-way through the pass, not before or after it.
    expect(f.killedAfterReminders).toBeGreaterThan(0);
    expect(f.killedAfterReminders).toBeLessThan(f.remindersExpected);
    expect(f.messagesLost).toBe(0);
    expect(f.remindersTwice).toBe(0);
    expect(f.remindersMissed).toBe(0);
    expect(f.takeoverSeconds).toBeLessThan(30);
  });
});
