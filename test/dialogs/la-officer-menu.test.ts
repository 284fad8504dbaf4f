import { describe, expect, it } from 'vitest';
import { localStaffMember } from '../../src/core/staff.js';
import { chatter, LA_OFFICER, SENDCO, testWorld } from '../helpers/dialog-context.js';

describe('an LA officer in the terminal gets the LA’s views, not a school’s (issue 13 B.4)', () => {
  it('local mode drops the configured school for an LA officer, and keeps it for school staff', () => {
    expect(localStaffMember({ id: 'local-la', role: 'la-officer', schoolId: 'oak-primary' })).toEqual({ id: 'local-la', role: 'la-officer' });
    expect(localStaffMember({ id: 'local-user', role: 'sendco', schoolId: 'oak-primary' })).toEqual({ id: 'local-user', role: 'sendco', schoolId: 'oak-primary' });
  });

  it('"help" shows an LA officer the LA figures and shared ratings, and none of the school’s forms', async () => {
    const w = await testWorld();
    const la = await chatter(w.ctxFor(LA_OFFICER)).say('help');
    expect(la).toContain('la report');
    expect(la).toContain('The self-reflection area ratings schools share with the LA');
    for (const schoolThing of ['new pupil', 'Person-centred plan', 'Record a suspension', 'My pupils', 'Share a pupil']) expect(la).not.toContain(schoolThing);
    const school = await chatter(w.ctxFor(SENDCO)).say('help');
    expect(school).toContain('new pupil');
  });
});
