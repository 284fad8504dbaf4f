import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { converse, newConversation, type ConversationState } from '../../src/dialogs/conversation.js';
import type { DialogContext } from '../../src/dialogs/dialog.js';
import { createLogger } from '../../src/logger.js';
import { NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/** The dialog context with the case service's `create` failing as `fail` says. */
function failingCreate(ctx: DialogContext, fail: () => Error): DialogContext {
  const cases = new Proxy(ctx.cases, { get: (t, p, r) => (p === 'create' ? () => Promise.reject(fail()) : Reflect.get(t, p, r)) });
  return { ...ctx, cases };
}

/** Runs the lines through the conversation with a logger at the terminal chat's level (warn). */
async function run(ctx: DialogContext, lines: string[]) {
  const logged: string[] = [];
  const log = createLogger('warn', 'chat', (l) => logged.push(l));
  let state: ConversationState = newConversation();
  let last = '';
  for (const line of lines) {
    const t = await converse(ctx, state, line, log);
    state = t.state;
    last = JSON.stringify(t.views);
  }
  return { logged, last };
}

describe('a refusal at save is told to the person, not logged as a failure', () => {
  it('a clash (conflict) shows its words and keeps the form; nothing reaches a warn-level log such as the terminal chat shows', async () => {
    const w = await testWorld();
    const ctx = failingCreate(w.ctxFor(SENDCO), () => new AppError('Pupil reference 4021 is already recorded at your school.', 'conflict'));
    const { logged, last } = await run(ctx, NEW_PUPIL);
    expect(last).toContain('Pupil reference 4021 is already recorded at your school.');
    expect(last).toContain('Your answers so far are kept');
    expect(logged).toEqual([]);
  });

  it('a real failure still reaches the log, by code only, never the words typed', async () => {
    const w = await testWorld();
    const ctx = failingCreate(w.ctxFor(SENDCO), () => new Error('disk on fire'));
    const { logged, last } = await run(ctx, NEW_PUPIL);
    expect(last).toContain('Something went wrong on my side.');
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ level: 'error', msg: 'turn failed', code: 'unexpected' });
    expect(logged[0]).not.toContain('4021');
  });
});
