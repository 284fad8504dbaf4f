import { describe, expect, it } from 'vitest';
import { searchFrom, SearchData } from '../../../../src/channels/teams/cards/actions.js';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { concernViews } from '../../../../src/core/safeguarding/concern-notice.js';
import { concernsIn } from '../../../../src/core/safeguarding/for-pack.js';
import { leadWith } from '../../../../src/core/safeguarding/screen.js';
import { searchServices } from '../../../../src/dialogs/signpost-dialog.js';
import { containersWith, execute, input, inputs, links, texts } from './card-query.js';
import { cardProblems } from './parse-card.js';
import { worldWithPupil } from './world.js';

const { ctx } = await worldWithPupil();
/** The reply to a search as every entry point builds it: any concern notice first, then the results. */
const search = (q: string, picked = {}) => renderCard(leadWith(concernViews(ctx.pack, concernsIn(ctx.pack, [q])), searchServices(ctx, q, picked)));

/** What Teams sends when Search is pressed without changing anything. */
function sentAsIs(card: ReturnType<typeof search>) {
  const data: Record<string, unknown> = { ...execute(card, 'Search').data };
  for (const i of inputs(card)) if (i.value !== undefined) data[i.id] = typeof i.value === 'number' ? String(i.value) : i.value;
  return data;
}

describe('service search cards', () => {
  it('offers the search again above the results, with every filter as a choice', () => {
    const card = search('attendance');
    expect(cardProblems(card)).toEqual([]);
    expect(inputs(card).map((i) => i.id)).toEqual(['s_query', 's_phase', 's_district', 's_mode', 's_age']);
    expect(input(card, 's_query')).toMatchObject({ type: 'Input.Text', value: 'attendance' });
    expect(input(card, 's_phase')).toMatchObject({ type: 'Input.ChoiceSet', value: 'any', choices: [{ title: 'Any' }, { title: 'Early years' }, { title: 'Primary' }, { title: 'Secondary' }, { title: 'Post-16' }] });
    expect(input(card, 's_district')).toMatchObject({ choices: expect.arrayContaining([{ title: 'Wyre Forest', value: 'wyre-forest' }]) });
    expect(input(card, 's_mode')).toMatchObject({ choices: [{ title: 'Any', value: 'any' }, { title: 'Online', value: 'online' }, { title: 'Face to face', value: 'face-to-face' }] });
    expect(input(card, 's_age')).toMatchObject({ type: 'Input.Number', label: 'Age (optional)', min: 2, max: 25 });
    expect(inputs(card).some((i) => i.isRequired)).toBe(false);
    expect(execute(card, 'Search')).toMatchObject({ verb: 'signpost.search', data: { verb: 'signpost.search' }, associatedInputs: 'auto' });
  });

  it('ranks each service with why it matched and Call / Email / Website buttons', () => {
    const card = search('attendance');
    const [first] = containersWith(card, '**1. Attendance and Children Missing Team**');
    expect(texts(first!)).toEqual(expect.arrayContaining([expect.stringMatching(/^Why it matched: covers Attendance/), 'Phone lines: Daily in term time, 9:00am to 4:30pm']));
    expect(links(first!).map((l) => [l.title, l.url.split(':')[0]])).toEqual([
      ['Call 01905 844 440', 'tel'],
      ['Email', 'mailto'],
      ['Website', 'https'],
    ]);
  });

  it('shows an http-only website as a link named for the service rather than a button or its long address', () => {
    const card = search('attendance');
    const [school] = containersWith(card, 'Worcestershire Virtual School');
    expect(links(school!)).toEqual([]);
    // The address alone was one word too long for a phone-width card (issue 12).
    expect(texts(school!)).toContain('Website: [Worcestershire Virtual School](http://www.worcestershire.gov.uk/virtualschool)');
  });

  it('fills the filters read from the words, and sends them back unchanged', () => {
    const card = search('online tuition year 10');
    expect(input(card, 's_mode')).toMatchObject({ value: 'online' });
    expect(input(card, 's_age')).toMatchObject({ value: 15 });
    expect(texts(card)).toContainEqual(expect.stringMatching(/^Services for “online tuition year 10” \(filtered: age 15, online\)$/));
    expect(texts(card)).toContainEqual(expect.stringMatching(/^Ages \d+–\d+ · online/));
    const sent = sentAsIs(card);
    expect(SearchData.safeParse(sent).success).toBe(true);
    expect(searchFrom(sent)).toEqual({ query: 'online tuition year 10', filters: { age: 15, mode: 'online' } });
  });

  it('keeps filters picked on the card', () => {
    const card = search('tuition', { phase: 'secondary', district: 'worcester', mode: 'face-to-face', age: 14 });
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 's_phase')).toMatchObject({ value: 'secondary' });
    expect(input(card, 's_district')).toMatchObject({ value: 'worcester' });
    expect(searchFrom(sentAsIs(card)).filters).toEqual({ phase: 'secondary', district: 'worcester', mode: 'face-to-face', age: 14 });
  });

  it('says kindly when nothing matches, and still offers the search', () => {
    const card = search('xyzzy plover');
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('No matching services');
    expect(input(card, 's_query')).toMatchObject({ value: 'xyzzy plover' });
  });

  it('puts a safeguarding concern typed as a search before the results', () => {
    const card = search('she says she is scared to go home and has bruises');
    expect(cardProblems(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    // Then the line saying the notice supports, never replaces, the school's procedures; then the search.
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: expect.stringContaining('never replaces') });
    expect(card.body[2]).toMatchObject({ type: 'Input.Text', id: 's_query', separator: true });
  });

  it.each(['autism', 'speech and language', 'short-term placement Kidderminster'])('"%s" renders cleanly', (q) => {
    const card = search(q);
    expect(cardProblems(card)).toEqual([]);
    expect(containersWith(card, '**1. ')).toHaveLength(1);
  });
});
