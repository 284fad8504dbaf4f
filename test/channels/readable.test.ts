import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { count } from '../../src/core/text/plural.js';
import { ukDate, ukDatesIn, ukDateTime } from '../../src/core/text/uk-date.js';
import type { Block, View } from '../../src/core/views/view.js';
import { myReviews } from '../../src/dialogs/my-reviews.js';
import { schoolCalled } from '../../src/dialogs/views/record-words.js';
import { renderText } from '../../src/chat/render-text.js';
import { SENDCO } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';
import { everyReply } from './teams/cards/replies.js';
import { worldWithPupil } from './teams/cards/world.js';

/**
 * What a person reads, as every channel shows it: dates as staff write them, schools by name and
 * numbers with the right noun. Commands (a button's command, a choice's value) are what the bot
 * reads back, so a date there may stay YYYY-MM-DD.
 */

/** Every string of a view a person reads, leaving out commands and values. */
function wordsOf(b: Block): string[] {
  switch (b.type) {
    case 'heading':
    case 'text':
      return [b.text];
    case 'facts':
      return b.facts.flatMap((f) => [f.label, f.value]);
    case 'list':
      return b.items;
    case 'menu':
      return b.items.flatMap((i) => [i.label, i.description]);
    case 'question': {
      const q = b.question;
      return [q.prompt, q.help ?? '', q.error ?? '', q.defaultLabel ?? '', ...(q.choices ?? []).map((c) => c.label), ...(q.before ?? []).flatMap(wordsOf)];
    }
    case 'form':
      return [b.form.title, b.form.intro ?? '', b.form.notice ?? '', ...b.form.questions.flatMap((question) => wordsOf({ type: 'question', question }))];
    case 'rows':
      return b.rows.flatMap((r) => [r.title, r.detail ?? '', r.open?.label ?? '']);
    case 'actions':
      return b.actions.map((a) => a.label);
    case 'pager':
      return [b.of];
    case 'recommendation':
      return [b.rec.title, b.rec.detail, b.rec.because ?? ''];
    default:
      return [];
  }
}
const words = (views: readonly View[]) => views.flatMap((v) => v.blocks.flatMap(wordsOf));

const w = await worldWithPupil();
const replies = Object.entries(await everyReply(w.ctx));
// The typed date the person wrote is given back in their own words ("31/02/2027 is not a real date").
const THEIR_WORDS = /31\/02\/2027/;

describe('dates read as staff write them', () => {
  it('writes a day, a moment and dates in the bot’s own sentences the UK way', () => {
    expect(ukDate('2026-11-23')).toBe('Mon 23 Nov 2026');
    expect(ukDateTime('2026-07-01T09:05:00Z')).toBe('Wed 1 Jul 2026 at 10:05');
    expect(ukDateTime('2026-11-23T23:30:00Z')).toBe('Mon 23 Nov 2026 at 23:30');
    expect(ukDatesIn('Review on 2026-11-10 at Step 2.')).toBe('Review on Tue 10 Nov 2026 at Step 2.');
  });

  it.each(replies)('%s: shows no YYYY-MM-DD date', (_name, views) => {
    const iso = words(views).filter((s) => /\b\d{4}-\d{2}-\d{2}\b/.test(s) && !THEIR_WORDS.test(s));
    expect(iso).toEqual([]);
  });

  it('the check can fail: it finds a date written the machine way', () => {
    expect(words([{ blocks: [{ type: 'text', text: 'Due 2026-11-23.' }] }]).filter((s) => /\d{4}-\d{2}-\d{2}/.test(s))).toHaveLength(1);
  });
});

describe('numbers with the right noun', () => {
  it('counts in words, irregular plurals given', () => {
    expect([count(1, 'review'), count(2, 'review'), count(0, 'day'), count(1, 'person', 'people'), count(3, 'person', 'people')]).toEqual(['1 review', '2 reviews', '0 days', '1 person', '3 people']);
  });

  it('"my reviews" says "1 review overdue", "2 reviews overdue" and "by 1 day"', async () => {
    const ctx = { ...w.ctxFor(SENDCO), today: () => '2026-11-20' };
    const pcp = (id: string, reviewDate: string) => ({ id, step: 2, ownerId: SENDCO.id, createdAt: '2026-10-01T09:00:00.000Z', reviewDate, status: 'active' as const, reviews: [], fields: {} });
    const one = renderText([await myReviews(ctx, [makeCase({ pupilRef: '4021', staffIds: [SENDCO.id], pcps: [pcp('p1', '2026-11-19')] })])]);
    expect(one).toContain('1 review overdue.');
    expect(one).toContain('PCP review OVERDUE by 1 calendar day, Thu 19 Nov 2026');
    const two = renderText([
      await myReviews(ctx, [makeCase({ id: 'c1', pupilRef: '4021', staffIds: [SENDCO.id], pcps: [pcp('p1', '2026-11-18')] }), makeCase({ id: 'c2', pupilRef: '4022', staffIds: [SENDCO.id], pcps: [pcp('p2', '2026-11-18')] })]),
    ]);
    expect(two).toContain('2 reviews overdue.');
    expect(two).toContain('OVERDUE by 2 calendar days');
    expect(`${one}${two}`).not.toContain('(s)');
  });

  it('no "(s)" is left in anything the bot writes', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
    const src = join(import.meta.dirname, '../../src');
    // The words inside quotes and backticks, with any ${…} taken out: "review(s)" there, not a call like f(s).
    const literals = (line: string) => [...line.matchAll(/'[^']*'|"[^"]*"|`[^`]*`/g)].map((m) => m[0].replace(/\$\{[^}]*\}/g, ' '));
    const found = files(src).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l) && literals(l).some((t) => /[a-z]\(s\)/i.test(t) && !/https?\(s\)|http\(s\)/.test(t)))
        .map((l) => `${f.slice(src.length + 1)}: ${l.trim()}`),
    );
    expect(found).toEqual([]);
    expect(literals("out(`${n} reminder(s)`)").some((t) => /[a-z]\(s\)/.test(t))).toBe(true);
  });
});

describe('schools by name', () => {
  it('a school the staff file names is called that, any other by its id’s words', () => {
    const staff = { find: () => undefined, schoolName: (id: string) => (id === 'oak-primary' ? 'Oak Primary School' : `? ${id}`) };
    expect(schoolCalled({ staff }, 'oak-primary')).toBe('Oak Primary School');
    expect(schoolCalled({}, 'st-marys-ce-primary')).toBe('St Marys CE Primary');
    expect(schoolCalled({ staff: { find: () => undefined } }, 'elm-high')).toBe('Elm High');
  });
});
