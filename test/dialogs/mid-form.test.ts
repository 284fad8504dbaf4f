import { afterEach, describe, expect, it } from 'vitest';
import type { FormDialog } from '../../src/dialogs/dialog.js';
import { DIALOGS } from '../../src/dialogs/registry.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

const exclusion = DIALOGS.exclusion!;
afterEach(() => {
  DIALOGS.exclusion = exclusion;
});

describe('words that are both a command and an answer, typed mid-form', () => {
  it('are read once, as the answer', async () => {
    const read: string[] = [];
    const counted: FormDialog = {
      ...exclusion,
      questions: (ctx, a) => exclusion.questions(ctx, a).map((q) => ({ ...q, parse: (r: string) => (read.push(q.id), q.parse(r)) })),
    };
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    await bot.script([...NEW_PUPIL, 'exclusion', '4021']);
    DIALOGS.exclusion = counted;
    expect(await bot.say('suspension')).toMatch(/^\? First day of the exclusion\?/m);
    expect(bot.state.active?.answers.kind).toBe('suspension');
    expect(read).toEqual(['kind']);
  });
});
