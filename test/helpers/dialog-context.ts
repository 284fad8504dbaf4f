import { SchoolCalendar } from '../../src/core/calendar/school-calendar.js';
import { CaseService } from '../../src/core/cases/case-service.js';
import { buildIndex } from '../../src/core/signpost/signpost-index.js';
import type { StaffMember } from '../../src/core/staff.js';
import { MemoryAuditLog } from '../../src/core/store/audit-log.js';
import { MemoryCaseRepository } from '../../src/core/store/memory-case-repository.js';
import { SelfReflectionService } from '../../src/core/self-reflection/self-reflection-service.js';
import { MemorySelfReflectionStore } from '../../src/core/store/self-reflection-store.js';
import { converse, newConversation, type ConversationState } from '../../src/dialogs/conversation.js';
import type { DialogContext } from '../../src/dialogs/dialog.js';
import { renderText } from '../../src/chat/render-text.js';
import { silentLogger } from '../../src/logger.js';
import { worcestershire } from './pack.js';

export const SENDCO: StaffMember = { id: 'sendco-1', role: 'sendco', schoolId: 'oak-primary' };
export const TEACHER: StaffMember = { id: 'teacher-1', role: 'teacher', schoolId: 'oak-primary' };
export const ADMIN: StaffMember = { id: 'admin-1', role: 'admin' };
export const LA_OFFICER: StaffMember = { id: 'la-1', role: 'la-officer' };

/** `new pupil` answered in full: 4021, AB, Year 8, not looked after, no social worker, SEN support, Step 2, not at risk. */
export const NEW_PUPIL = ['new pupil', '4021', 'a.b.', 'Year 8', '1', 'no', '2', '', 'no'];

/** A real core (cases and self-reflections) on memory storage with a fixed clock (Friday 20 November 2026, 10:00 London) and, unless given, no term dates. */
export async function testWorld(opts: { calendar?: SchoolCalendar } = {}) {
  const pack = await worcestershire();
  const repo = new MemoryCaseRepository({ now: () => new Date('2026-11-20T10:00:00Z') });
  const audit = new MemoryAuditLog();
  const now = () => new Date('2026-11-20T10:00:00Z');
  const cases = new CaseService(repo, audit, now);
  const index = buildIndex(pack);
  const calendar = opts.calendar ?? new SchoolCalendar();
  const reflections = new SelfReflectionService(new MemorySelfReflectionStore(), audit, now);
  const ctxFor = (user: StaffMember): DialogContext => ({ user, pack, index, cases, settings: { pspReviewIntervalDays: 21 }, calendar, now, today: () => '2026-11-20', reflections });
  return { pack, repo, audit, cases, reflections, ctxFor };
}

/** Types lines one by one as a user would and returns what the bot said to each. */
export function chatter(ctx: DialogContext) {
  let state: ConversationState = newConversation();
  let quit = false;
  let last = '';
  return {
    get state() {
      return state;
    },
    /** Whether the last line asked to leave the chat altogether. */
    get quit() {
      return quit;
    },
    async say(line: string): Promise<string> {
      const t = await converse(ctx, state, line, silentLogger);
      state = t.state;
      quit = t.quit === true;
      last = renderText(t.views);
      return last;
    },
    /** A reply with the details behind its first screen, as someone who then types "details" reads it. */
    async withDetails(reply: string): Promise<string> {
      return reply.includes('Type "details"') ? `${reply}\n${await this.say('details')}` : reply;
    },
    async script(lines: string[]): Promise<string> {
      let reply = '';
      for (const l of lines) reply = await this.say(l);
      return reply;
    },
    /**
     * Answers whatever is asked, from the last reply on, until `done(reply)` (by default: nothing
     * more is asked) or 40 turns: blank for an optional question, "1" for a choice, "today" for a
     * date, "no" for yes/no, and `words` for anything else. Returns the last reply.
     */
    // A PSP's end date comes after its reviews (psp.ts), so it is typed well ahead, not "today".
    async answerUntil(words: string, done: (reply: string) => boolean = (r) => !r.includes('?')): Promise<string> {
      for (let i = 0; i < 40 && !done(last); i++) {
        const asked = last.split('\n').filter((l) => l.startsWith('?')).at(-1) ?? '';
        // Blank leaves an optional question, and takes what the bot already knows ("[blank = Oak Primary]").
        await this.say(asked.includes('[optional') || asked.includes('[blank =') ? '' : last.includes('  1. ') ? '1' : /date/i.test(asked) ? (asked.startsWith('? End date') ? 'in 26 weeks' : 'today') : asked.includes('yes/no') ? 'no' : words);
      }
      return last;
    },
  };
}
