import { beforeAll, describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/core/safeguarding/pattern.js';
import { EXCLUSIONS, ORDINARY, WORRIES } from '../../helpers/issue-10-examples.js';
import type { ConcernCheck } from '../../../src/core/safeguarding/concern-check.js';
import { concernViews } from '../../../src/core/safeguarding/concern-notice.js';
import { concernCheckFor } from '../../../src/core/safeguarding/for-pack.js';
import { loadPack } from '../../../src/knowledge/load-pack.js';

let check: ConcernCheck;
beforeAll(async () => {
  check = concernCheckFor(await loadPack('worcestershire'))!;
});

const kinds = (text: string) => [...new Set(check.check(text).map((c) => c.kind))];

/** The examples in the issue, each pinned: staff's own words for a worry, and the ordinary ones that share words with it. */
describe('the concern check on the examples staff gave', () => {
  it.each(WORRIES)('raises the safeguarding notice for “%s”, quoting the words typed', (text) => {
    const found = check.check(text).filter((c) => c.kind === 'risk');
    expect(found.length).toBeGreaterThan(0);
    // The quote is the person's own words, never internal stems.
    for (const c of found) expect(text).toContain(c.quote);
  });

  it.each([
    ...ORDINARY,
    'knife skills in food tech',
    'hit by a ball in PE',
    'substance misuse lesson',
    'what next for 4021',
    'who helps with attendance?',
  ])('raises nothing for the ordinary “%s”', (text) => {
    expect(check.check(text)).toEqual([]);
  });

  it.each(EXCLUSIONS)('warns of an unlawful or informal exclusion in “%s”', (text, category) => {
    expect(check.check(text)).toContainEqual(expect.objectContaining({ kind: 'exclusion', category }));
  });
});

describe('how the check reads', () => {
  it('reads a worry turned round after a closed record: “closed … but the bruising has started again”', () => {
    expect(kinds('the case was closed by social care last month but the bruising has started again')).toContain('risk');
    expect(kinds('the bruising was explained by a fall and the case was closed by social care last month')).toEqual([]);
  });

  it('lets the learned reader not read back a worry a negation cancelled, nor one its category calls ordinary in the sentence', () => {
    expect(check.check('no bruises seen on his arms today')).toEqual([]);
    expect(check.check('she is looked after by her grandparents on Wednesdays while mum works')).toEqual([]);
    expect(kinds('no bruises seen today but she says dad hit her with a belt last night')).toContain('risk');
  });

  it('reads the pack’s reason-only patterns in a suspension’s reason, and nowhere else', () => {
    expect(check.check('late three times this week')).toEqual([]);
    expect(check.checkReason('late three times this week')).toContainEqual(expect.objectContaining({ kind: 'exclusion', category: 'minor-incident', quote: 'late three times this week' }));
  });

  it('refuses a pattern with two gaps in a row, which used to mean only the last one', () => {
    expect(() => compilePattern('teacher .. ... dragged', {})).toThrow(/two gaps in a row/);
    expect(compilePattern('teacher ... dragged', {}).slots[1]!.gapBefore).toBe(8);
  });

  it.each(['I have a safeguarding concern about a pupil', 'I need to report a disclosure a child made to me this morning', "I'm worried about a child's safety at home", 'who do I tell about a safeguarding worry?'])(
    'brings the DSL notice when someone says plainly they have a worry: “%s”',
    (text) => expect(check.check(text)).toContainEqual(expect.objectContaining({ kind: 'risk', category: 'safeguarding-concern' })),
  );

  it('keeps safeguarding as a subject ordinary: “no safeguarding concerns”, training, the log form', () => {
    for (const text of ['no safeguarding concerns this term', 'staff briefing on safeguarding concerns and the log form', 'safeguarding training for new staff']) expect(check.check(text), text).toEqual([]);
  });

  it('keeps a question about what a policy or staff should do ordinary, but not a child’s story or a real worry phrased as a question', () => {
    expect(kinds('what should staff say if a child asks them to keep a secret')).toEqual([]);
    expect(kinds('she wrote a story about her stepdad hitting her mum')).toContain('risk');
    expect(kinds('what should I do if she tells me again that dad hits her')).toContain('risk');
  });

  it('lets a negation in the same clause cancel a sign, but not one in another clause', () => {
    expect(kinds('no bruises seen on his arms today')).toEqual([]);
    expect(kinds('not been in since Monday, bruises on his arms today')).toEqual(['risk']);
  });

  it('finds what a pattern spells out with its own negation', () => {
    expect(check.check('there is nothing to eat at home')).toContainEqual(expect.objectContaining({ category: 'neglect' }));
  });

  it('treats the name of a harm as teaching when the text is about a lesson, but not a sign', () => {
    expect(kinds('county lines awareness talk for year 9')).toEqual([]);
    expect(kinds('county lines')).toEqual(['risk']);
    expect(kinds('in the PSHE lesson she said her dad hits her')).toEqual(['risk']);
  });

  it('quotes from the start of a word and never a fragment such as “n\'t go home”', () => {
    for (const c of check.check('he has been really withdrawn and won\'t go home')) expect(c.quote.startsWith('won')).toBe(true);
  });

  it('quotes a word typed without its apostrophe whole: “doesnt want to go home”, not “nt want to go home” (issue 12, fresh tester)', () => {
    const quotes = (t: string) => check.check(t).map((c) => c.quote);
    expect(quotes('says he doesnt want to go home')).toContain('doesnt want to go home');
    expect(quotes('he cant go home, scared of dad')).toContain('cant go home');
    for (const q of [...quotes('says he doesnt want to go home'), ...quotes('he cant go home, scared of dad')]) expect(q).not.toMatch(/^nt\b/);
  });

  it('keeps classroom accidents and lessons ordinary, and bullying that hurts a child is not', () => {
    expect(kinds('we did a lesson on stranger danger and online grooming in PSHE')).toEqual([]);
    expect(kinds('she cut herself on the craft knife in DT')).toEqual([]);
    expect(kinds("she's being bullied and getting hit at break")).toEqual(['risk']);
  });

  it('lets an everyday explanation excuse an injury, unless the note doubts that explanation', () => {
    const categories = (text: string) => check.check(text).map((c) => c.category);
    expect(categories('bruise on his cheek from falling off his bike at the weekend')).toEqual([]);
    expect(categories('black eye, says he fell off his bike, 3rd injury this term and the story keeps changing')).toContain('physical-abuse');
    expect(categories('Y7 presents with fingertip bruising to both upper arms consistent with being gripped. Explanation given (rugby) is inconsistent as he does not play rugby.')).toContain('physical-abuse');
    // A gift is still a gift: "presents" only excuses bruising when it is a present.
    expect(categories('bought her a birthday present, she showed me a bruise from the trampoline')).toEqual([]);
  });

  it('keeps a plan’s support strategy ordinary, and a child staying over with an adult she met is not', () => {
    expect(kinds('Strategies: staying nearby with one familiar adult at break times; movement breaks')).toEqual([]);
    expect(check.check('she stayed the weekend at an adult’s flat, someone she met online').map((c) => c.category)).toContain('cse');
  });

  it('keeps a worry that a record note ends with “no other concerns”, and lets “no concerns” before a worry speak only for its own sentence', () => {
    expect(kinds('Stepdad punches him; no other concerns.')).toEqual(['risk']);
    expect(kinds('Uncle burns him with cigarettes; otherwise no concerns, settled well in class.')).toEqual(['risk']);
    expect(kinds('Attendance 97%, no concerns. Says uncle burns him with cigarettes.')).toEqual(['risk']);
    expect(kinds('no concerns about the bruise, it was from PE')).toEqual([]);
  });

  it('quotes to the end of the phrase, not mid-way through it', () => {
    expect(check.check('wears the same clothes all week and smells').map((c) => c.quote)).toContain('same clothes all week');
  });

  it('sends a worry about a relative to the DSL, and keeps the LADO for adults who work with children', () => {
    const uncle = check.check('her uncle makes her sit on his lap and touches her');
    expect(uncle.map((c) => c.category)).toContain('sexual-abuse');
    expect(uncle.map((c) => c.category)).not.toContain('allegation-adult');
    expect(check.check('the coach makes her sit on his lap in the minibus').map((c) => c.category)).toContain('allegation-adult');
    expect(kinds('the PE teacher hugged him after he scored and he was thrilled')).toEqual([]);
  });

  it('names the worry for what it is: a child put out of the home is homelessness, not a kick', () => {
    expect(check.check('mum kicked him out last night and he slept at a mates').map((c) => c.category)).toEqual(['homelessness']);
    expect(check.check('mum kicked him in the leg last night').map((c) => c.category)).toContain('physical-abuse');
  });

  it('keeps lateness with the wrong shoes and a long summer trip away from the DSL (fresh tester, issue 11/12), and finds neglect and FGM where they are', () => {
    const categories = (text: string) => check.check(text).filter((c) => c.kind === 'risk').map((c) => c.category);
    expect(categories('Repeatedly late and wrong shoes')).toEqual([]);
    expect(categories('long trip abroad this summer')).toEqual([]);
    expect(categories('dirty clothes every day and no coat in the snow')).toContain('neglect');
    expect(categories('comes in the wrong clothes for the weather, no coat in the snow')).toContain('neglect');
    expect(categories('she says she will be cut on the long trip abroad this summer')).toContain('fgm');
    expect(categories('y5 girl going on a long trip abroad this summer for a special ceremony')).toContain('fgm');
  });

  it('keeps games, balls and medical needles ordinary, and finds the worries in the same words', () => {
    for (const ordinary of [
      'his brother beat him at FIFA again and he sulked all morning',
      'year 7 flu vaccination tomorrow, some are scared of needles',
      'the kids have been grooming the school rabbit at lunch',
      "FM's dad properly smacked it out the park at the parents v staff cricket",
    ])
      expect(check.check(ordinary), ordinary).toEqual([]);
    for (const worry of [
      'dad said he gets a slap round the head if he forgets his reading book',
      'she keeps making herself sick after lunch',
      "mum's new fella is a bit handy with his fists",
      'his dad beat him at home last night',
      'found needles on the kitchen table at mums on the home visit',
      'she keeps tying things around her neck at break',
    ])
      expect(kinds(worry), worry).toEqual(['risk']);
  });

  it('names each quote once in the notice, with every kind it raised', async () => {
    const views = concernViews(await loadPack('worcestershire'), check.check('she said her step-dad hurts her when mum is at work'));
    const first = views[0]!.blocks[0]!;
    expect(first.type === 'recommendation' && first.rec.because).toBe('you wrote “step-dad hurts her” (physical abuse, domestic abuse)');
  });

  it('reads a slip of the keyboard in the pack’s words, but never turns one real word into another', () => {
    expect(kinds('harmful sexaul behaviour yr 3')).toEqual(['risk']);
    expect(kinds('private fostring arrangment')).toEqual(['risk']);
    expect(kinds('he is starting school in september and always putting his hand up')).toEqual([]);
  });

  it('says when the worry is about an adult who works with children, so the notice names the LADO', () => {
    expect(check.check('the football coach slapped him at training')).toContainEqual(expect.objectContaining({ category: 'allegation-adult', contact: 'lado' }));
  });
});

describe('the learned reader needs the words without which an exclusion worry cannot be meant (issue 11 fresh tester)', () => {
  it.each([
    ['permanently exclude 4021', 'off-rolling'],
    ['repeated defiance and damaging property', 'reduced-timetable-sanction'],
  ])('“%s” is not read as %s', (text, category) => {
    expect(check.check(text).map((c) => c.category)).not.toContain(category);
    expect(check.checkReason(text).map((c) => c.category)).not.toContain(category);
  });

  it('a reduced timetable as a punishment is still found, by pattern or by the reader', () => {
    expect(check.check('he can only come in for an hour a day until he learns to behave').map((c) => c.category)).toContain('reduced-timetable-sanction');
    expect(check.check('we suggested to mum that home education might be best before he gets permanently excluded').map((c) => c.category)).toContain('off-rolling');
  });
});
