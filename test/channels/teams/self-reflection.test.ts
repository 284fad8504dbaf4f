import { afterEach, describe, expect, it } from 'vitest';
import { cardSizeBytes, MAX_CARD_BYTES } from '../../../src/channels/teams/cards/render-card.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { cardProblems } from './cards/parse-card.js';
import { actionsOf, AAD, formAnswers, inputsOf, teamsHarness, textOf as wordsOf, walk, type TeamsHarness } from './harness.js';

/**
 * The Inclusion Self-Reflection over the real /api/messages endpoint: a card per area (a choice of
 * 1 to 4 for each item and a note), each saved as it is sent and the next area's card in its place,
 * the sharing question, then the summary card. Every card is checked with the official
 * adaptivecards parser and Teams' size limit.
 */

type Json = Record<string, unknown>;
const ADMIN: StaffMember = { id: `teams:${AAD.admin}`, role: 'admin' };
const LA = '00000000-0000-0000-0000-0000000000a3';

let h: TeamsHarness;
afterEach(async () => h?.close());

function shown(card: Json): Json {
  expect(cardProblems(card)).toEqual([]);
  expect(cardSizeBytes(card as never)).toBeLessThan(MAX_CARD_BYTES);
  return card;
}
function textOf(card: Json): string {
  const facts: string[] = [];
  walk(card, (n) => {
    if (n.type === 'FactSet') for (const f of n.facts as { title: string; value: string }[]) facts.push(`${f.title}: ${f.value}`);
  });
  return [wordsOf(card), ...facts].join('\n');
}
const submitOf = (card: Json) => actionsOf(card, 'form.submit')[0]!;
/** Every rating input on the card set to `score`, and the note. */
const rated = (card: Json, score: string, note = '') => Object.fromEntries([...inputsOf(card).map((i) => [String(i.id).replace(/^q_/, ''), score] as const), ['note', note]]);

describe('Teams: the Inclusion Self-Reflection, a card per area', () => {
  it('saves each area as its card is sent, carries on after a break, and ends with the sharing question and the summary', async () => {
    h = await teamsHarness();
    const who = AAD.sendco;
    const first = shown(await h.say(who, 'self-reflection'));
    expect(textOf(first)).toContain('Area 1 of 4: The Environment, Culture and Ethos');
    expect(textOf(first)).toContain('Your school’s first Inclusion Self-Reflection');
    const inputs = inputsOf(first);
    expect(inputs.map((i) => i.id)).toEqual(['q_1.1a', 'q_1.1b', 'q_1.1c', 'q_1.2a', 'q_1.2b', 'q_1.3a', 'q_1.3b', 'q_1.5a', 'q_1.6a', 'q_1.7a', 'q_note']);
    expect(inputs[0]).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, style: 'expanded', choices: [{ title: '1 Not Yet Developed', value: '1' }, { title: '2 Developing', value: '2' }, { title: '3 Established', value: '3' }, { title: '4 Enhanced', value: '4' }] });
    expect(inputs.at(-1)).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: false });
    expect(submitOf(first).title).toBe('Save this area');

    const answers = formAnswers(first, { ...rated(first, '3'), '1.2b': '1', note: 'Website out of date' });
    const second = shown(await h.press(who, submitOf(first), answers));
    expect(textOf(second)).toContain('Saved “The Environment, Culture and Ethos”: 1 of 4 areas rated.');
    expect(textOf(second)).toContain('Area 2 of 4: Leadership');
    expect(inputsOf(second)[0]!.id).toBe('q_2.1a');

    // The same card sent again (a double click, a resend) saves nothing twice.
    const again = await h.press(who, submitOf(first), answers);
    expect(textOf(again)).toContain('This form was already sent, so nothing new was saved.');
    expect((await h.core.audit.list()).filter((e) => e.action === 'self-reflection.area')).toHaveLength(1);

    // A break: typing the command again brings back the next area, not the first.
    const resumed = shown(await h.say(who, 'self-reflection'));
    expect(textOf(resumed)).toContain('Carrying on. The self-reflection started Fri 20 Nov 2026 has 1 of 4 areas rated');
    expect(inputsOf(resumed)[0]!.id).toBe('q_2.1a');

    let card = resumed;
    for (const score of ['2', '3', '3']) card = shown(await h.press(who, submitOf(card), formAnswers(card, rated(card, score))));
    expect(textOf(card)).toContain('4 of 4 areas rated. One last question, then the summary.');
    expect(inputsOf(card).map((i) => i.id)).toEqual(['q_share']);

    const summary = shown(await h.press(who, submitOf(card), { q_share: 'yes' }));
    const words = textOf(summary);
    expect(words).toContain('Self-reflection completed and saved for Fri 20 Nov 2026.');
    expect(words).toContain('Leadership: 2 Developing (items average 2.0)');
    expect(words).toContain('The Environment, Culture and Ethos: 2 Developing (items average 2.8)');
    expect(words).toContain('1.2b A welcoming environment');
    // Two areas tie at 2: both are the weakest.
    expect(words).toContain('What could help: The Environment, Culture and Ethos; Leadership');
    expect(words).toContain('Worcestershire School Improvement Team');
    expect(words).toContain('Website out of date');
    expect(actionsOf(summary, 'command').map((a) => a.data.command)).toEqual(expect.arrayContaining(['self-reflection sharing', 'self-reflection']));
    const stored = (await h.core.reflections.all())[0]!;
    expect(stored).toMatchObject({ schoolId: 'oak-primary', sharing: { share: true, by: `teams:${AAD.sendco}` }, completed: [{ completedOn: '2026-11-20' }] });
    expect(stored.inProgress).toBeUndefined();

    // The LA officer's card: the area ratings, never the notes.
    await h.core.staff.grant(ADMIN, { id: `teams:${LA}`, role: 'la-officer' });
    const la = shown(await h.say(LA, 'self-reflection schools'));
    expect(textOf(la)).toContain('Oak Primary: completed Fri 20 Nov 2026');
    expect(textOf(la)).toContain('Leadership: 2 Developing');
    expect(textOf(la)).not.toContain('Website out of date');
    expect((await h.core.audit.list({ actorId: `teams:${LA}` })).map((e) => [e.action, e.schoolId])).toEqual([['self-reflection.disclosed', 'oak-primary']]);

    // Sharing changed from the summary's button: one yes/no card, then the LA sees nothing.
    const sharing = shown(await h.press(who, actionsOf(summary, 'command').find((a) => a.data.command === 'self-reflection sharing')!, {}, 'summary-card'));
    expect(textOf(sharing)).toContain('The school’s area ratings are shared with the LA');
    const off = shown(await h.press(who, submitOf(sharing), { q_share: 'no' }));
    expect(textOf(off)).toContain('not shared with the LA');
    expect(textOf(shown(await h.say(LA, 'self-reflection schools')))).toContain('No school shares');
  });

  it('a teacher is told who fills it in, and no card of inputs is shown', async () => {
    h = await teamsHarness();
    const card = shown(await h.say(AAD.teacher, 'inclusion review'));
    expect(textOf(card)).toContain('filled in by the school’s SENDCo or head');
    expect(inputsOf(card)).toEqual([]);
  });
});
