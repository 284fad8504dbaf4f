import { describe, expect, it } from 'vitest';
import { noticeView } from '../../src/app/la-notices.js';
import type { StaffMember } from '../../src/core/staff.js';
import { runRead } from '../../src/dialogs/read/run-read.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { renderText } from '../../src/chat/render-text.js';
import { chatter, LA_OFFICER, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { pdfText } from '../helpers/pdf-text.js';
import { recordedPupil } from '../helpers/recorded-pupil.js';

/**
 * Seed 004's referral form (Wolverhampton) asks for the head teacher's, the SENDCo's and the DSL's
 * names. The referral asks them, prefilled where the bot knows them (the staff file knows the
 * school's SENDCos; an earlier referral the rest), and the LA's notice and pack carry them, saying
 * that the pupil's and parents' full details come from the school, never from the bot.
 */

const NAMED_SENDCO: StaffMember = { ...SENDCO, displayName: 'Sam Patel' };
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Answers the referral in the chat: the given answers by the question's start, blank for the rest; every reply said. */
async function referInChat(bot: ReturnType<typeof chatter>, answers: Record<string, string>): Promise<string[]> {
  const said = [await bot.script(['refer', '4021', 'inclusion team', 'yes'])];
  const all: Record<string, string> = { '? Main reason': 'Escalating incidents in lessons', '? What support': 'Advice on a behaviour plan', ...answers };
  for (let i = 0; i < 40 && !said.at(-1)!.includes('Referral recorded'); i++) {
    const last = said.at(-1)!;
    const q = last.slice(last.lastIndexOf('? '));
    said.push(await bot.say(Object.entries(all).find(([start]) => q.startsWith(start))?.[1] ?? ''));
  }
  return said;
}

async function world() {
  const w = await testWorld();
  await recordedPupil(w.cases, SENDCO);
  const staff = { find: (id: string) => (id === SENDCO.id ? NAMED_SENDCO : undefined), list: () => [NAMED_SENDCO, LA_OFFICER] };
  const ctxFor = (u: StaffMember) => ({ ...w.ctxFor(u), staff });
  const latest = async () => (await w.repo.listBySchool('oak-primary')).find((c) => c.pupilRef === '4021')!.referrals.at(-1)!;
  return { ...w, ctxFor, latest };
}

describe('the head teacher, SENDCo and DSL on a referral (004)', () => {
  it('asks all three, the SENDCo prefilled from the staff file, and keeps them on the referral', async () => {
    const w = await world();
    const said = await referInChat(chatter(w.ctxFor(NAMED_SENDCO)), { '? Head teacher': 'Pat Jones', '? DSL name': 'Lee Brown' });
    const asked = said.join('\n');
    expect(asked).toMatch(/^\? Head teacher \[optional: leave blank to skip\]$/m);
    expect(asked).toMatch(/^\? SENDCo \[blank = Sam Patel\]$/m);
    expect(asked).toMatch(/^\? DSL name \[optional: leave blank to skip\]$/m);
    expect((await w.latest()).fields).toMatchObject({ headteacherName: 'Pat Jones', sendcoName: 'Sam Patel', dslName: 'Lee Brown' });
  });

  it('the school’s next referral starts with the head teacher and DSL it gave last time', async () => {
    const w = await world();
    await referInChat(chatter(w.ctxFor(NAMED_SENDCO)), { '? Head teacher': 'Pat Jones', '? DSL name': 'Lee Brown' });
    const asked = (await referInChat(chatter(w.ctxFor(NAMED_SENDCO)), {})).join('\n');
    expect(asked).toMatch(/^\? Head teacher \[blank = Pat Jones\]$/m);
    expect(asked).toMatch(/^\? DSL name \[blank = Lee Brown\]$/m);
    expect((await w.latest()).fields).toMatchObject({ headteacherName: 'Pat Jones', sendcoName: 'Sam Patel', dslName: 'Lee Brown' });
  });

  it('the LA notice names them and says to get the pupil’s and parents’ full details from the school, not the bot', async () => {
    const w = await world();
    await referInChat(chatter(w.ctxFor(NAMED_SENDCO)), { '? Head teacher': 'Pat Jones', '? DSL name': 'Lee Brown' });
    const c = (await w.repo.listBySchool('oak-primary')).find((x) => x.pupilRef === '4021')!;
    const r = c.referrals.at(-1)!;
    const shown = renderText([noticeView('n-1', { schoolId: c.schoolId, caseId: c.id, referralId: r.id, referrerId: SENDCO.id, state: 'posted', attempts: 1 }, c, r, 'Education Engagement – Inclusion Team', 'Oak Primary')]);
    expect(shown).toContain('Head teacher: Pat Jones');
    expect(shown).toContain('SENDCo: Sam Patel');
    expect(shown).toContain('DSL: Lee Brown');
    expect(shown).toContain('Get the pupil’s and parents’ full details (names, date of birth, address, contacts) from the school directly, by phone or secure email, not from the bot');
  });

  it('the LA officer’s evidence pack carries the names and the same words', async () => {
    const w = await world();
    await referInChat(chatter(w.ctxFor(NAMED_SENDCO)), { '? Head teacher': 'Pat Jones', '? DSL name': 'Lee Brown' });
    const views = await runRead(w.ctxFor(LA_OFFICER), { kind: 'evidence', ref: '4021', school: 'oak-primary' });
    const file = views.find((v) => v.file)?.file;
    const text = flat((await pdfText((await renderPdf(file!.document!)).bytes)).all);
    expect(text).toContain('Pat Jones');
    expect(text).toContain('Lee Brown');
    expect(text).toContain('from the school directly, by phone or secure email, not from the bot');
  });
});
