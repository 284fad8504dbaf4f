import { describe, expect, it } from 'vitest';
import { namesIn } from '../../../src/core/text/names-in-text.js';
import { freeText } from '../../../src/dialogs/parse.js';

describe('names in free text (the record keeps initials, never names)', () => {
  it.each([
    ['Jack is a lively boy who loves football', ['Jack']],
    ['Hit Tia Brown in the corridor at break', ['Tia']],
    ['Pushed another pupil (Olivia) and swore at staff', ['Olivia']],
    ['Refused to work with Grace in science', ['Grace']],
    ['Mum says Charlie\'s sister is struggling too', ['Charlie']],
    ['Jack and Mia were both involved', ['Jack', 'Mia']],
    // A title's surname, though no list of first names holds it (fresh tester: "Mr Jones" was kept).
    ['Mr Jones', ['Jones']],
    ['Agreed with Mrs. O’Neill and the class teacher', ['O’Neill']],
    ['Dr Patel (educational psychologist)', ['Patel']],
  ])('notices %j', (text, names) => {
    expect(namesIn(text)).toEqual(names);
  });

  it.each([
    'Persistent disruption in lessons and refusal to follow instructions',
    'Will not stay in class; walked out of Maths twice',
    'Grace period agreed with parents until the Autumn term ends',
    'Returned in May after the Easter holidays; Summer term review booked',
    'Rated Amber at the last review; TA support in PE and English',
    'May need an EHC needs assessment. Hope to see progress by Christmas',
    'the boy jack spoke to was in year 9',
    'Agreed with Mr J. and the head of year',
    'Miss lessons on Fridays; Mr M.S. the form tutor',
  ])('leaves ordinary words alone: %j', (text) => {
    expect(namesIn(text)).toEqual([]);
  });

  it('hands text that names someone back to be changed to initials, whole, and keeps text that does not', () => {
    const named = freeText('Jack hit another pupil', 500);
    expect(named).toMatchObject({ ok: false, typed: 'Jack hit another pupil' });
    expect(!named.ok && named.message).toContain('(“Jack”). Only initials are kept, never names: please change it to initials (“J.”)');
    expect(freeText('J. hit another pupil', 500)).toEqual({ ok: true, value: 'J. hit another pupil' });
    // A role question ("Roles, not names") hands a titled surname back, asking for initials.
    const titled = freeText('Mr Jones', 200);
    expect(!titled.ok && titled.message).toContain('(“Jones”). Only initials are kept, never names: please change it to initials (“J.”)');
  });
});
