import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cardSizeBytes, MAX_CARD_BYTES } from '../../../src/channels/teams/cards/render-card.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { manyPupils, PRIVATE, recordedPupil } from '../../helpers/recorded-pupil.js';
import { cardProblems } from './cards/parse-card.js';
import { actionsOf, AAD, cardOf, teamsHarness, textOf as wordsOf, walk, type TeamsHarness } from './harness.js';

/**
 * Issue 11's read back over the real /api/messages endpoint: lists paged with Next and Previous
 * as Universal Actions (the card updates in place), the pupil's summary and records behind buttons,
 * and the access rules for another teacher's pupil and for an LA officer. Every card is checked with
 * the official adaptivecards parser and Teams' size limit.
 */

type Json = Record<string, unknown>;
const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const ADMIN: StaffMember = { id: `teams:${AAD.admin}`, role: 'admin' };
const SENDCO: StaffMember = { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' };
const PEOPLE = { teacher: '00000000-0000-0000-0000-0000000000a1', otherTeacher: '00000000-0000-0000-0000-0000000000a2', la: '00000000-0000-0000-0000-0000000000a3' };
const TEACHER: StaffMember = { id: `teams:${PEOPLE.teacher}`, role: 'teacher', schoolId: 'oak-primary' };
const OTHER_TEACHER: StaffMember = { id: `teams:${PEOPLE.otherTeacher}`, role: 'teacher', schoolId: 'oak-primary' };

let h: TeamsHarness;
afterEach(async () => h?.close());

async function school() {
  h = await teamsHarness({ env: { CALENDAR_FILE: EXAMPLE } });
  await h.core.staff.grant(ADMIN, TEACHER);
  await h.core.staff.grant(ADMIN, OTHER_TEACHER);
  await h.core.staff.grant(ADMIN, { id: `teams:${PEOPLE.la}`, role: 'la-officer' });
}

/** A card as Teams would show it: no parser problems, within the size Teams takes. */
function shown(card: Json): Json {
  expect(cardProblems(card)).toEqual([]);
  expect(cardSizeBytes(card as never)).toBeLessThan(MAX_CARD_BYTES);
  return card;
}
/** Every word on the card, facts ("title: value") included. */
function textOf(card: Json): string {
  const facts: string[] = [];
  walk(card, (n) => {
    if (n.type === 'FactSet') for (const f of n.facts as { title: string; value: string }[]) facts.push(`${f.title}: ${f.value}`);
  });
  return [wordsOf(card), ...facts].join('\n');
}
const button = (card: Json, title: string) => {
  const found = actionsOf(card, 'command').find((a) => a.title === title);
  if (!found) throw new Error(`no "${title}" on: ${actionsOf(card, 'command').map((a) => a.title).join(', ')}`);
  return found;
};
const opens = (card: Json) => actionsOf(card, 'command').filter((a) => a.title.startsWith('Open CD')).map((a) => a.data.command);

describe('Teams: lists page with Next and Previous, updating the card in place', () => {
  it('23 pupils: 10, 10 and 3, each with a button to their summary', async () => {
    await school();
    await manyPupils(h.core.cases, TEACHER, 23);
    const one = shown(await h.say(PEOPLE.teacher, 'my pupils'));
    expect(textOf(one)).toContain('Page 1 of 3 (23 pupils)');
    expect(opens(one)).toEqual(Array.from({ length: 10 }, (_, i) => `pupil ${5001 + i}`));
    expect(actionsOf(one, 'command').some((a) => a.title === '← Previous')).toBe(false);

    // Next is an Action.Execute: its answer is the card that replaces this one.
    const two = shown(await h.press(PEOPLE.teacher, button(one, 'Next →')));
    expect(textOf(two)).toContain('Page 2 of 3 (23 pupils)');
    expect(opens(two)[0]).toBe('pupil 5011');
    expect(button(two, '← Previous').data.command).toBe('my pupils');
    const three = shown(await h.press(PEOPLE.teacher, button(two, 'Next →')));
    expect(opens(three)).toEqual(['pupil 5021', 'pupil 5022', 'pupil 5023']);
    expect(actionsOf(three, 'command').some((a) => a.title === 'Next →')).toBe(false);
    const back = shown(await h.press(PEOPLE.teacher, button(three, '← Previous')));
    expect(opens(back)[0]).toBe('pupil 5011');

    const summary = shown(await h.press(PEOPLE.teacher, button(back, 'Open CD 5011')));
    expect(textOf(summary)).toContain('CD (ref 5011, Year 7)');
    expect(textOf(summary)).toContain('At risk of permanent exclusion');
    // The Action.Submit fallback (older clients) answers with a new message instead: the same page.
    const before = h.connector.calls.length;
    const fallback = button(one, 'Next →') as unknown as { fallback: { data: Json } };
    expect((await h.post(h.activity(PEOPLE.teacher, { type: 'message', value: fallback.fallback.data }))).status).toBe(200);
    const posted = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST');
    expect(opens(shown(cardOf(posted.body)))[0]).toBe('pupil 5011');
    const listed = (await h.core.audit.list()).filter((e) => e.action === 'case.listed' && e.actorId === TEACHER.id);
    expect(new Set(listed.map((e) => e.caseId)).size).toBe(23);
  });
});

describe('Teams: a pupil’s record behind buttons', () => {
  it('the summary, a plan in full, a review and the chronology, each a card the parser accepts', async () => {
    await school();
    await recordedPupil(h.core.cases, SENDCO);
    const summary = shown(await h.say(AAD.sendco, 'pupil 4021'));
    const words = textOf(summary);
    expect(words).toContain('Suspensions this term (Autumn 2026)');
    expect(words).toContain('1 (2 school days)');
    expect(words).toContain('Mon 2 Nov 2026 to Fri 18 Dec 2026 (now)');
    expect(actionsOf(summary, 'command').map((a) => [a.title, a.data.command])).toEqual(
      expect.arrayContaining([
        ['Open PCP 1', 'show pcp 1 for 4021'],
        ['Open PSP 1', 'show psp 1 for 4021'],
        ['Open referral 1', 'show referral 1 for 4021'],
        ['Chronology', 'timeline 4021'],
        ['What next', 'what next for 4021'],
      ]),
    );
    const pcp = shown(await h.press(AAD.sendco, button(summary, 'Open PCP 1')));
    expect(textOf(pcp)).toContain(PRIVATE.pcpWords);
    expect(textOf(pcp)).toContain('Incident Support Plan');
    const review = shown(await h.press(AAD.sendco, button(pcp, 'Open review 1')));
    expect(textOf(review)).toContain(PRIVATE.reviewNotes);
    const chronology = shown(await h.press(AAD.sendco, button(review, 'Chronology')));
    expect(textOf(chronology)).toContain('Mon 16 Nov 2026: Suspension, 2 school days');
    expect(textOf(chronology)).toContain('By you,');

    const guidance = shown(await h.say(AAD.sendco, 'what next for 4021'));
    expect(actionsOf(guidance, 'form.submit')).toHaveLength(1);
  });
});

describe('Teams: who may read what', () => {
  it('a teacher asking for another teacher’s pupil is told nothing, and the refusal is audited', async () => {
    await school();
    await manyPupils(h.core.cases, OTHER_TEACHER, 1, 6001);
    for (const asked of ['pupil 6001', 'timeline 6001', 'show pcp 1 for 6001']) {
      const card = shown(await h.say(PEOPLE.teacher, asked));
      expect(textOf(card)).toContain('I can’t find a pupil with reference 6001 among the pupils you work with.');
    }
    const read = (await h.core.audit.list()).filter((e) => e.actorId === TEACHER.id && e.action === 'case.read');
    expect(read.map((e) => e.outcome)).toEqual(['denied', 'denied', 'denied']);
  });

  it('an LA officer sees the referred pupil without plans, notes or reasons', async () => {
    await school();
    await recordedPupil(h.core.cases, SENDCO);
    const mine = shown(await h.say(PEOPLE.la, 'my pupils'));
    expect(textOf(mine)).toContain('Pupils referred to the LA');
    const summary = shown(await h.press(PEOPLE.la, button(mine, 'Open AB 4021')));
    expect(textOf(summary)).toContain('Oak Primary. Referred to the LA');
    const chronology = shown(await h.press(PEOPLE.la, button(summary, 'Chronology')));
    expect(button(chronology, 'Open Exclusion 1').data.command).toBe('show exclusion 1 for 4021 at oak-primary');
    const suspension = shown(await h.press(PEOPLE.la, button(chronology, 'Open Exclusion 1')));
    expect(textOf(suspension)).toContain('The reason stays with the school.');
    const everything = [summary, chronology, suspension].map(textOf).join('\n');
    for (const words of Object.values(PRIVATE)) expect(everything).not.toContain(words);
    expect(everything).not.toContain('PCP 1');
  });
});
