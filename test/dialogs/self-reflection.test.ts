import { describe, expect, it } from 'vitest';
import { SelfReflectionService } from '../../src/core/self-reflection/self-reflection-service.js';
import type { StaffMember } from '../../src/core/staff.js';
import { MemorySelfReflectionStore } from '../../src/core/store/self-reflection-store.js';
import { chatter, LA_OFFICER, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/**
 * The Inclusion Self-Reflection in a typed conversation: question by question, each area saved for
 * the school as its last item is answered, carried on later (by someone else too), completed with
 * the sharing question, then the summary; the LA sees only the area ratings of a school that shares.
 */

const HEAD: StaffMember = { id: 'head-1', role: 'admin', schoolId: 'oak-primary' };

async function world() {
  const w = await testWorld();
  const store = new MemorySelfReflectionStore();
  let now = new Date('2026-11-20T10:00:00Z');
  const reflections = new SelfReflectionService(store, w.audit, () => now);
  const ctxFor = (user: StaffMember) => ({ ...w.ctxFor(user), reflections, now: () => now });
  return { ...w, store, reflections, ctxFor, setNow: (iso: string) => (now = new Date(iso)) };
}

const ITEMS = [10, 11, 18, 13];

/** Rates the area being asked about: each item `score` (or as given in turn), then the note. */
async function rateArea(chat: ReturnType<typeof chatter>, n: number, score: number | number[], note = ''): Promise<string> {
  for (let i = 0; i < n; i++) await chat.say(String(Array.isArray(score) ? score[i] : score));
  return chat.say(note);
}

describe('the self-reflection in a typed conversation', () => {
  it('asks each item of each area in turn, saves each area, carries on after a break, and ends with sharing and the summary', async () => {
    const w = await world();
    const chat = chatter(w.ctxFor(SENDCO));
    const first = await chat.say('self-reflection');
    expect(first).toContain('Your school’s first Inclusion Self-Reflection');
    expect(first).toContain('Area 1 of 4: The Environment, Culture and Ethos');
    expect(first).toContain('? 1.1a Inclusive vision, aims and values');
    expect(first).toContain('  2. 2 Developing');

    // Words work as well as numbers: "developing", "established".
    await chat.say('developing');
    expect(await chat.say('established')).toContain('? 1.1c');
    for (let i = 2; i < 10; i++) await chat.say('3');
    const saved = await chat.say('Website out of date; parents say they cannot find the SEND offer');
    expect(saved).toContain('Saved “The Environment, Culture and Ethos”: 1 of 4 areas rated. You can stop here and carry on later: type "self-reflection".');
    expect(saved).toContain('Area 2 of 4: Leadership');
    const stored = (await w.store.get('oak-primary'))!.inProgress!.areas['environment-culture-and-ethos']!;
    expect(stored.ratings['1.1a']).toBe(2);
    expect(stored.note).toContain('Website out of date');

    // The head carries on another day, in another conversation: it resumes at Leadership.
    const head = chatter(w.ctxFor(HEAD));
    const resumed = await head.say('inclusion review');
    expect(resumed).toContain('Carrying on. The self-reflection started Fri 20 Nov 2026 has 1 of 4 areas rated; still to rate: Leadership;');
    expect(resumed).toContain('? 2.1a School improvement');
    await rateArea(head, ITEMS[1]!, [1, 1, 2, 2, 2, 1, 2, 2, 1, 2, 2]);
    await rateArea(head, ITEMS[2]!, 3);
    const last = await rateArea(head, ITEMS[3]!, 3, 'Curriculum review under way');
    expect(last).toContain('4 of 4 areas rated. One last question, then the summary.');
    expect(last).toContain('? Share the school’s area ratings with the local authority? (yes/no)');

    const summary = await head.say('yes');
    expect(summary).toContain('Self-reflection completed and saved for Fri 20 Nov 2026.');
    expect(summary).toContain('Leadership: 1 Not Yet Developed (items average 1.6)');
    expect(summary).toContain('The Environment, Culture and Ethos: 2 Developing (items average 2.9)');
    expect(summary).toContain('== Items rated 1 or 2 (12) ==');
    expect(summary).toContain('- 2.3b Management of provision: a clear provision map');
    expect(summary).toContain('== What could help: Leadership ==');
    expect(summary).toContain('Worcestershire School Improvement Team');
    expect(summary).toContain('Source: Worcestershire: Graduated Response to Preventing Exclusions, Appendix 1 – Worcestershire School Improvement Team.');
    expect(summary).toContain('Your notes (never shared with the LA)');
    expect(summary).toContain('Curriculum review under way');
    expect(summary).toContain('shared with the LA');
    expect(head.state.active).toBeUndefined();
  });

  it('with every item rated 3, says the areas are level and calls none "the weakest" (tester, issue 13)', async () => {
    const w = await world();
    const chat = chatter(w.ctxFor(SENDCO));
    await chat.say('self-reflection');
    for (const n of ITEMS) await rateArea(chat, n, 3);
    const summary = await chat.say('no');
    expect(summary).toContain('The areas are level: every area is rated 3 Established, so none is weaker than the others. What could help in each:');
    expect(summary).not.toContain('the weakest area');
    expect(summary).toContain('the areas are level');
  });

  it('shows the change since last time, and an LA officer the area ratings only when the school shares', async () => {
    const w = await world();
    const chat = chatter(w.ctxFor(SENDCO));
    await chat.say('self-reflection');
    for (const n of ITEMS) await rateArea(chat, n, 2, 'Private note about staffing');
    await chat.say('no');

    const la = chatter(w.ctxFor(LA_OFFICER));
    expect(await la.say('self-reflection schools')).toContain('No school shares its self-reflection ratings with the LA now');

    w.setNow('2027-01-06T09:00:00Z');
    await chat.say('self-reflection');
    for (const n of ITEMS) await rateArea(chat, n, 3);
    const second = await chat.say('yes');
    expect(second).toContain('compared with the one completed Fri 20 Nov 2026');
    expect(second).toContain('Leadership: 3 Established (items average 3.0), up from 2');
    expect(second).toContain('Since Fri 20 Nov 2026: 52 items rated higher, 0 lower, 0 the same.');
    expect(second).toContain('No item is rated 1 or 2.');

    const seen = await la.say('self-reflection');
    expect(seen).toContain('Oak Primary: completed Wed 6 Jan 2027');
    expect(seen).not.toContain('oak-primary');
    expect(seen).toContain('Leadership: 3 Established (was 2)');
    expect(seen).not.toContain('Private note');
    expect(seen).not.toContain('2.1a');

    // The school stops sharing: one question, and the LA sees nothing more.
    expect(await chat.say('self-reflection share no')).toContain('not shared with the LA');
    expect(await la.say('inclusion ratings')).toContain('No school shares');
    expect((await w.audit.list({ actorId: LA_OFFICER.id })).map((e) => [e.action, e.schoolId])).toEqual([['self-reflection.disclosed', 'oak-primary']]);
  });

  it('cancel part-way through an area says the areas already saved are kept (issue 13 B.7)', async () => {
    const w = await world();
    const chat = chatter(w.ctxFor(SENDCO));
    await chat.say('self-reflection');
    await rateArea(chat, ITEMS[0]!, 3, 'first area note');
    await chat.say('2');
    const stopped = await chat.say('cancel');
    expect(stopped).toContain('The areas already saved are kept; only this area’s answers were not saved.');
    expect(stopped).not.toContain('Nothing from it was saved');
    expect(Object.keys((await w.store.get('oak-primary'))!.inProgress!.areas)).toEqual(['environment-culture-and-ethos']);
  });

  it('refuses a teacher before the first question, and the summary says when nothing is finished yet', async () => {
    const w = await world();
    expect(await chatter(w.ctxFor(TEACHER)).say('self-reflection')).toContain('filled in by the school’s SENDCo or head');
    const chat = chatter(w.ctxFor(SENDCO));
    expect(await chat.say('self-reflection summary')).toContain('No self-reflection has been completed here yet.');
    await chat.say('self-reflection');
    await rateArea(chat, 10, 4);
    await chat.say('cancel');
    expect(await chat.say('self-reflection summary')).toContain('has 1 of 4 areas rated; still to rate: Leadership;');
  });
});
