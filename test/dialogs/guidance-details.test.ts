import { describe, expect, it } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/** The terminal's "details": the first screen says how to see the rest, and "details" shows it. */

describe('guidance in the terminal', () => {
  it('shows a first screen, then the rest on "details" (or "more"), as often as asked, until another reply', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    const first = await bot.script(['what next for 4021', 'no', 'no', '']);
    expect(first).toContain('== Next (Step 2) ==\n- 1. Define and identify the concerns');
    expect(first).not.toContain('3. ');
    expect(first).not.toContain('Source:');
    expect(first).toContain('\nType "details" for 6 actions, 1 more.\n');

    const details = await bot.say('details');
    expect(details).toMatch(/^\n?== Next actions \(Step 2\) ==/);
    for (const n of ['1', '2', '3', '4', '5', '6']) expect(details).toContain(`\n- ${n}. `);
    expect(details).toContain('Source: Worcestershire: Graduated Response to Preventing Exclusions, Step 2 – action 1');
    expect(await bot.say('show details')).toBe(details);
    expect(await bot.say('more')).toBe(details);

    await bot.say('help');
    expect(await bot.say('details')).toContain('There are no details to show.');
  });
});
