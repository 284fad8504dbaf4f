import { describe, expect, it } from 'vitest';
import { ACTION, actionKind } from '../../../../src/channels/slack/blocks/ids.js';
import { detailsModal } from '../../../../src/channels/slack/blocks/details-modal.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
import { unpackGuidanceInput } from '../../../../src/core/guidance/guidance-input.js';
import { guidanceDetailsView } from '../../../../src/dialogs/views/guidance-view.js';
import { myReviews } from '../../../../src/dialogs/my-reviews.js';
import { MENU, menuView } from '../../../../src/dialogs/views/menu-view.js';
import { completeReview, pupilGuidance, unrecordedGuidance } from '../../teams/cards/replies.js';
import { worldWithPupil } from '../../teams/cards/world.js';
import { slackViolations } from './limits.js';
import { buttons, texts } from './query.js';

const sectionWith = (blocks: ReturnType<typeof messageFrom>['blocks'], start: string) => {
  const i = blocks.findIndex((b) => b.type === 'section' && b.text?.text.includes(start));
  if (i < 0) throw new Error(`no section with ${start}`);
  return { section: texts(blocks[i]).join('\n'), small: texts(blocks[i + 1]) };
};

describe('guidance for a recorded pupil', async () => {
  const { ctx } = await worldWithPupil();
  const message = messageFrom(await pupilGuidance(ctx));

  it('opens with the overdue review, then is headed with the pupil and says so in the notification', () => {
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(texts(message.blocks[0])).toEqual(['⚠️ The PCP 1 review was due Wed 18 Nov 2026: hold it now.']);
    expect(message.blocks[1]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'What next for AB (ref 4021, Year 8)' } });
    // The notification leads with what is most pressing, as the message does.
    expect(message.text).toBe('The PCP 1 review was due Wed 18 Nov 2026: hold it now.');
  });

  it('marks the current step on the ladder line, and names the current and next step with their tiers', () => {
    expect(texts(message)).toContainEqual(expect.stringMatching(/^✓ 1 › ● \*2\* › 3 · next › 4 › 5 › 6\n\*You are here:\* Step 2, .+ \(targeted\)\n\*Next:\* Step 3, .+ \(targeted\)$/));
  });

  it('gives the next action briefly beside a warning: what, why and who leads it', () => {
    const psp = sectionWith(message.blocks, 'Set up a Pastoral Support Programme');
    expect(psp.section).toBe('⚠️ *Set up a Pastoral Support Programme (PSP)*');
    expect(psp.small).toEqual([expect.stringMatching(/^\*Why:\* 2 suspensions this school year/), expect.stringMatching(/^\*Led by:\* /)]);
    // One action beside a warning (two without): action 8 waits in the details.
    expect(texts(message).join('\n')).not.toContain('8. SENDCo and staff member review the PCP together');
  });

  it('shows the legal warning first as its whole obligation in a sentence, with why', () => {
    const ptt = sectionWith(message.blocks, 'Part-time timetable');
    expect(ptt.section).toBe("⚠️ *Part-time timetable: only the headteacher authorises it, with the parents' agreement and an end date, and the local authority is told.*");
    expect(ptt.small).toEqual(['*Why:* on a part-time timetable that the LA has not been told about: tell the LA now. It is planned to end on Fri 18 Dec 2026: review it by then']);
    expect(texts(message).join('\n')).not.toContain('which tracks part-time timetables');
    const at = (start: string) => message.blocks.findIndex((b) => b.type === 'section' && b.text?.text.includes(start));
    expect(at('Part-time timetable')).toBeLessThan(at('Set up a Pastoral Support Programme'));
  });

  it('keeps the rest behind "Show details", a button carrying what the guidance was worked out from, never the notes', () => {
    const show = buttons(message.blocks).find((b) => b.text.text === 'Show details')!;
    expect(actionKind(show.action_id!)).toBe(ACTION.details);
    const input = unpackGuidanceInput(show.value)!;
    expect(input).toMatchObject({ today: '2026-11-20', pupil: 'AB (ref 4021, Year 8)', situation: { currentStep: 2, planStatus: 'reviewed-no-change', suspensionsThisYear: 2, onPartTimeTimetable: true, notes: '' } });
    expect(show.value!.length).toBeLessThanOrEqual(2000);
    // The button alone, as on a Teams card: no words spent on what is behind it.
    expect(message.blocks).toContainEqual({ type: 'actions', elements: [show] });
  });

  it('opens the details in a modal: every action with its source, and the contacts (phones as text, emails and websites as links)', async () => {
    const show = buttons(message.blocks).find((b) => b.text.text === 'Show details')!;
    const modal = detailsModal([guidanceDetailsView(ctx.pack, unpackGuidanceInput(show.value)!)]);
    expect(slackViolations(modal, 'modal')).toEqual([]);
    expect(modal.title.text).toBe('Guidance details');
    const all = texts(modal).join('\n');
    for (const n of ['8', '9', '10', '11', '12']) expect(all).toMatch(new RegExp(`\\*${n}\\. `));
    expect(all).toContain('Source: Worcestershire: Graduated Response to Preventing Exclusions, Step 3 – action 8');
    expect(all).toContain('*Contact:* Attendance and Children Missing Team');
    expect(all).toContain('📞 01905 844 440 – Attendance helpline; Daily in term time, 9:00am to 4:30pm');
    expect(all).toContain('✉️ <mailto:cme@worcestershire.gov.uk|cme@worcestershire.gov.uk>');
    expect(all).toMatch(/🌐 <https:\/\/www\.worcestershire\.gov\.uk\/[^|>]+\|Attendance and CME>/);
    expect(all).not.toContain('tel:');
    // The warning in full is there, first.
    expect(all).toContain('The warning in full');
    expect(all).toContain('Review it regularly and tell the local authority, which tracks part-time timetables.');
  });
});

describe('guidance with a safeguarding concern', async () => {
  const { ctx } = await worldWithPupil();
  const message = messageFrom(await unrecordedGuidance(ctx, 'She says she is scared to go home and has bruises on her arms.'));

  it('puts safeguarding first, marked 🚨, as what to do now; where to refer and its source in the details', () => {
    expect(slackViolations(message, 'message')).toEqual([]);
    const first = texts(message.blocks[0]).join('\n');
    expect(first).toBe('🚨 *Possible risk of harm: tell the DSL now and do not investigate yourself; immediate danger, call the police.*');
    expect(texts(message.blocks[1])).toEqual(['*Why:* you wrote “scared to go home”; “bruises on her arms”']);
    const show = buttons(message.blocks).find((b) => b.text.text === 'Show details')!;
    const details = texts(detailsModal([guidanceDetailsView(ctx.pack, unpackGuidanceInput(show.value)!)])).join('\n');
    expect(details).toContain('*Contact:* Family Front Door');
    expect(details).toMatch(/🌐 <https:\/\/www\.worcestershire\.gov\.uk\//);
    expect(details).toMatch(/Source: .*Family Front Door/);
    // The kinds of concern travel with the button, never the words.
    expect(show.value).not.toContain('bruises');
    expect(message.text).toMatch(/^Possible risk of harm: tell the DSL now/);
  });
});

describe('a reply in two parts', async () => {
  const { ctx } = await worldWithPupil();
  it('has a divider between "Review saved" and the guidance after it', async () => {
    const message = messageFrom(await completeReview(ctx));
    expect(slackViolations(message, 'message')).toEqual([]);
    const divider = message.blocks.findIndex((b) => b.type === 'divider');
    expect(texts(message.blocks.slice(0, divider))).toContain('Review saved');
    expect(message.blocks[divider + 1]).toMatchObject({ type: 'header', text: { text: 'What next for AB (ref 4021, Year 8)' } });
    expect(texts(message)).toContainEqual(expect.stringContaining('● *3*'));
  });
});

describe('the menu and my reviews', async () => {
  const { ctx } = await worldWithPupil();

  it('has a button for every command, sending the command, each action_id unique', () => {
    const message = messageFrom([menuView()]);
    const all = buttons(message.blocks);
    expect(all.map((b) => [b.text.text, b.value])).toEqual(MENU.map((m) => [m.label, m.command]));
    expect(new Set(all.map((b) => b.action_id)).size).toBe(all.length);
    expect(all.every((b) => actionKind(b.action_id!) === ACTION.command)).toBe(true);
    expect(texts(message)).toContainEqual(expect.stringContaining('*What next?*: Where a pupil is on the graduated response'));
  });

  it('lists due reviews as bullets with the overdue warning and a button to record each', async () => {
    const message = messageFrom([await myReviews(ctx)]);
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(texts(message)).toEqual(expect.arrayContaining(['My reviews', '⚠️ 1 review overdue.', '• AB (ref 4021): PCP review OVERDUE by 2 calendar days, Wed 18 Nov 2026']));
    expect(buttons(message.blocks).map((b) => [b.text.text, b.action_id, b.value])).toEqual([['Record review: AB', ACTION.command, 'review for 4021']]);
  });
});
