import { afterEach, describe, expect, it } from 'vitest';
import { makeCase } from '../../helpers/make-case.js';
import { slackViolations } from './blocks/limits.js';
import { slackHarness, type SlackHarness } from './harness.js';
import { openModal, slackText, submitModal } from './modal.js';

/** The referral modal: parents' permission before anything is written, the school's name filled in. */

type Json = Record<string, unknown>;
let h: SlackHarness;
afterEach(async () => h?.close());

const blockIds = (view: Json) => (view.blocks as Json[]).filter((b) => b.type === 'input').map((b) => String(b.block_id));

describe('Slack: the referral modal asks for parents’ permission first', () => {
  it('permission comes straight after the service; with it, the form opens with the school’s name in place', async () => {
    h = await slackHarness();
    await h.core.repo.save(makeCase({ pupilRef: '4021', initials: 'AB', yearGroup: 8, currentStep: 4 }), undefined);
    const opened = await openModal(h, 'refer 4021');
    expect(blockIds(opened)).toEqual(['q_pupil', 'q_service']);
    const permission = await submitModal(h, opened, { pupil: '4021', service: '' });
    expect(blockIds(permission.view!)).toEqual(['q_pupil', 'q_service', 'q_parentalPermission']);
    expect(slackText(permission.view!.blocks)).toContain('Referring to Education Engagement');

    const refused = await submitModal(h, permission.view!, { pupil: '4021', service: '', parentalPermission: 'no' }, 1);
    expect(refused).toMatchObject({ response_action: 'errors', errors: { q_parentalPermission: expect.stringContaining('can only be sent once parents/carers agree') } });

    const form = await submitModal(h, permission.view!, { pupil: '4021', service: '', parentalPermission: 'yes' }, 2);
    expect(slackViolations(form.view!, 'modal')).toEqual([]);
    const school = (form.view!.blocks as Json[]).find((b) => b.block_id === 'q_referral.schoolName')!;
    expect(school).toMatchObject({ optional: true, element: { type: 'plain_text_input', initial_value: 'Oak Primary' }, hint: { text: 'Leave blank for: Oak Primary.' } });
  });
});
