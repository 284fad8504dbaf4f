import { describe, expect, it } from 'vitest';
import { ACTION, actionKind } from '../../../../src/channels/slack/blocks/ids.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
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

  it('is headed with the pupil and says so in the notification', () => {
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'What next for AB (ref 4021, Year 8)' } });
    expect(message.text).toBe('What next for AB (ref 4021, Year 8)');
  });

  it('marks the current step on the ladder line, names the next step and the tiers', () => {
    expect(texts(message)).toContainEqual(expect.stringMatching(/^✓ 1 › \*2 · you are here\* › 3 · next › 4 › 5 › 6\n\*You are here:\* Step 2, .+ \(targeted\)\n\*Next:\* Step 3, /));
    expect(texts(message)).toContain('Universal: step 1 · Targeted: steps 2–4 · Specialist: steps 5–6');
  });

  it('gives each action with why, who leads it and its source', () => {
    const psp = sectionWith(message.blocks, 'Set up a Pastoral Support Programme');
    expect(psp.section).toMatch(/^⚠️ \*Set up a Pastoral Support Programme \(PSP\)\*\n/);
    expect(psp.small).toEqual([expect.stringMatching(/^\*Why:\* 2 suspensions this school year/), expect.stringMatching(/^\*Led by:\* /), expect.stringMatching(/^Source: /)]);
    const action8 = sectionWith(message.blocks, '8. SENDCo and staff member review the PCP together');
    expect(action8.small).toContain('Source: Worcestershire: Graduated Response to Preventing Exclusions, Step 3 – action 8');
  });

  it('shows phone numbers as text with their hours, emails as mailto links and websites as links', () => {
    const ptt = sectionWith(message.blocks, 'Part-time timetable').section;
    expect(ptt).toContain('*Contact:* Attendance and Children Missing Team');
    expect(ptt).toContain('📞 01905 844 440 – Attendance helpline; Daily in term time, 9:00am to 4:30pm');
    expect(ptt).toContain('✉️ <mailto:cme@worcestershire.gov.uk|cme@worcestershire.gov.uk>');
    expect(ptt).toMatch(/🌐 <https:\/\/www\.worcestershire\.gov\.uk\/[^|>]+\|Attendance and CME>/);
    expect(texts(message).join('\n')).not.toContain('tel:');
  });
});

describe('guidance with a safeguarding concern', async () => {
  const { ctx } = await worldWithPupil();
  const message = messageFrom(await unrecordedGuidance(ctx, 'She says she is scared to go home and has bruises on her arms.'));

  it('puts safeguarding first, marked 🚨, with where to refer and its source', () => {
    expect(slackViolations(message, 'message')).toEqual([]);
    const first = texts(message.blocks[0]).join('\n');
    expect(first).toMatch(/^🚨 \*Possible risk of harm: tell the DSL now\*\n/);
    expect(first).toContain('*Contact:* Family Front Door');
    expect(first).toMatch(/🌐 <https:\/\/www\.worcestershire\.gov\.uk\//);
    expect(texts(message.blocks[1])).toContainEqual(expect.stringMatching(/^Source: .*Family Front Door$/));
    expect(message.text).toBe('Possible risk of harm: tell the DSL now');
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
    expect(texts(message)).toContainEqual(expect.stringContaining('*3 · you are here*'));
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
    expect(texts(message)).toEqual(expect.arrayContaining(['My reviews', '⚠️ 1 review overdue.', '• AB (ref 4021): PCP review OVERDUE by 2 days, Wed 18 Nov 2026']));
    expect(buttons(message.blocks).map((b) => [b.text.text, b.action_id, b.value])).toEqual([['Record review: AB', ACTION.command, 'review for 4021']]);
  });
});
