import { afterEach, describe, expect, it } from 'vitest';
import { makeCase } from '../../helpers/make-case.js';
import { cardProblems } from './cards/parse-card.js';
import { AAD, actionsOf, completeForm, inputsOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

/**
 * The referral card over the real endpoint: parents' permission, without which a referral cannot be
 * sent at all, is asked before anything is written for it; the school's details start filled in from
 * what the bot already knows.
 */

type Json = Record<string, unknown>;
let h: TeamsHarness;
afterEach(async () => h?.close());

const ids = (card: Json) => inputsOf(card).map((i) => String(i.id));
const valueOf = (card: Json, id: string) => inputsOf(card).find((i) => i.id === id)?.value;

async function school() {
  h = await teamsHarness();
  const flags = { senSupport: false, ehcp: true, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };
  await h.core.repo.save(makeCase({ pupilRef: '4021', initials: 'AB', yearGroup: 8, flags, currentStep: 4 }), undefined);
  await h.core.repo.save(makeCase({ pupilRef: '4022', initials: 'CD', yearGroup: 7, currentStep: 4 }), undefined);
}

describe('Teams: the referral card asks for parents’ permission first', () => {
  it('after where it goes, only permission is asked; "no" is refused with nothing more to fill in; "yes" brings the form', async () => {
    await school();
    const opened = await h.say(AAD.sendco, 'refer 4021');
    expect(ids(opened)).toEqual(['q_pupil', 'q_service']);
    const [submit] = actionsOf(opened, 'form.submit');

    const permission = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_service: '' });
    expect(ids(permission)).toEqual(['q_pupil', 'q_service', 'q_parentalPermission']);
    expect(textOf(permission)).toContain('Referring to Education Engagement');

    const refused = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_service: '', q_parentalPermission: 'no' });
    expect(ids(refused)).toEqual(['q_pupil', 'q_service', 'q_parentalPermission']);
    expect(textOf(refused)).toContain('A referral can only be sent once parents/carers agree');

    const form = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_service: '', q_parentalPermission: 'yes' });
    expect(cardProblems(form)).toEqual([]);
    expect(ids(form).slice(0, 5)).toEqual(['q_pupil', 'q_service', 'q_parentalPermission', 'q_referral.referralDate', 'q_referral.schoolName']);
    expect(ids(form)).toContain('q_referral.mainReason');
  });

  it('the school’s name, the SENDCo’s role and the pupil’s SEN status start filled in; the school’s address comes from its last referral', async () => {
    await school();
    const first = await h.press(AAD.sendco, actionsOf(await h.say(AAD.sendco, 'refer 4021'), 'form.submit')[0]!, { q_pupil: '4021', q_service: '', q_parentalPermission: 'yes' });
    expect(valueOf(first, 'q_referral.schoolName')).toBe('Oak Primary');
    expect(valueOf(first, 'q_referral.referrerRole')).toBe('SENDCo');
    expect(valueOf(first, 'q_referral.senStatus')).toBe('ehcp');
    expect(valueOf(first, 'q_referral.schoolAddress')).toBeUndefined();
    const done = await completeForm(h, AAD.sendco, first, { pupil: '4021', parentalPermission: 'yes', 'referral.schoolName': 'Oak Primary School', 'referral.schoolAddress': '1 Oak Lane, Worcester WR1 1AA' });
    expect(done).toContain('Referral of AB (ref 4021, Year 8)');

    // The next referral from the school, for another pupil: what the school wrote last time is there.
    const second = await h.press(AAD.sendco, actionsOf(await h.say(AAD.sendco, 'refer 4022'), 'form.submit')[0]!, { q_pupil: '4022', q_service: '', q_parentalPermission: 'yes' }, 'sent-2');
    expect(valueOf(second, 'q_referral.schoolName')).toBe('Oak Primary School');
    expect(valueOf(second, 'q_referral.schoolAddress')).toBe('1 Oak Lane, Worcester WR1 1AA');
    expect(valueOf(second, 'q_referral.senStatus')).toBe('none');
  });

  // Issue 11, tester item 9: the form named one service whatever was picked, left the pupil's exclusions to be
  // typed again, and asked a looked-after child's "parents/carers" for permission.
  it('names the service picked, starts with the pupil’s suspensions and exclusions from the record, and asks a looked-after child’s consent through the social worker', async () => {
    h = await teamsHarness();
    const flags = { senSupport: true, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: true };
    const exclusions = [
      { id: 'x1', kind: 'suspension' as const, startDate: '2026-11-02', days: 3, reason: 'Threw a chair in science', recordedBy: 'sendco-1', recordedAt: '2026-11-02T12:00:00.000Z' },
      { id: 'x2', kind: 'suspension' as const, startDate: '2026-09-14', days: 1, reason: 'Swore at staff', recordedBy: 'sendco-1', recordedAt: '2026-09-14T12:00:00.000Z' },
    ];
    await h.core.repo.save(makeCase({ pupilRef: '4021', initials: 'AB', yearGroup: 8, flags, currentStep: 4, exclusions }), undefined);
    const [submit] = actionsOf(await h.say(AAD.sendco, 'refer 4021'), 'form.submit');
    const asked = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_service: 'ed psych' });
    expect(textOf(asked)).toContain('The pupil is looked after: has the person with parental responsibility agreed to this referral, through the child’s social worker?');
    expect(textOf(asked)).toContain('the local authority, as corporate parent, shares parental responsibility');
    expect(textOf(asked)).not.toContain('Have parents/carers given permission');
    const refused = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_service: 'ed psych', q_parentalPermission: 'no' });
    expect(textOf(refused)).toContain('A referral for a looked-after child can only be sent once whoever holds parental responsibility agrees.');
    expect(textOf(refused)).toContain('ask the child’s social worker (the Virtual School can advise)');

    const form = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_service: 'ed psych', q_parentalPermission: 'yes' });
    expect(cardProblems(form)).toEqual([]);
    expect(textOf(form)).toContain('What support would you like from The Educational Psychology Service (EPS)?');
    expect(textOf(form)).not.toContain('Inclusion Support Service');
    // Issue 13: read from the record, not typed, and without the reasons (a referral is read by the LA).
    expect(ids(form)).not.toContain('q_referral.previousExclusions');
    expect(textOf(form)).toContain('Details of previous exclusions, from the pupil’s record (dates, kind and length only; the reasons stay with the school; withdrawn ones and any after the referral’s date are left out): Mon 14 Sep 2026: suspension of 1 school day; Mon 2 Nov 2026: suspension of 3 school days');
    expect(textOf(form)).not.toContain('Swore at staff');
    const done = await completeForm(h, AAD.sendco, form, { pupil: '4021', service: 'ed psych', parentalPermission: 'yes' });
    expect(done).toContain('to The Educational Psychology Service (EPS) recorded');
    const shown = textOf(await h.say(AAD.sendco, 'show referral 1 for 4021'));
    expect(shown).toContain('What support would you like from The Educational Psychology Service (EPS)?');
    expect(shown).toContain('Mon 14 Sep 2026: suspension of 1 school day; Mon 2 Nov 2026: suspension of 3 school days');
    expect(shown).not.toContain('Threw a chair');
  });
});

