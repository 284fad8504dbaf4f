import { expect } from 'vitest';
import { NEW_PUPIL, type chatter } from './dialog-context.js';

type Bot = ReturnType<typeof chatter>;

/** `new pupil` 4021 at `step` (the answers of NEW_PUPIL with the step changed). */
export const newPupilAt = (step: number): string[] => NEW_PUPIL.map((w, i) => (i === 7 ? String(step) : w));

/** Writes the Appendix 3 plan for 4021 dated `planDate`, answering every question it asks; the reply that saved it. */
export async function writePcp(bot: Bot, planDate = 'today'): Promise<string> {
  let reply = await bot.say('pcp for 4021');
  for (let i = 0; i < 40 && reply.includes('?'); i++) {
    if (reply.includes('Incident Support Plan')) reply = await bot.say('no');
    else if (reply.includes('reviewed?')) reply = await bot.say('in 4 weeks');
    else if (reply.includes('[optional')) reply = await bot.say('');
    else if (/date|Date/.test(reply.split('\n').at(-1)!)) reply = await bot.say(planDate);
    else reply = await bot.say('Calmer mornings; check-in with key adult');
  }
  expect(reply).toContain('Plan saved');
  return reply;
}
