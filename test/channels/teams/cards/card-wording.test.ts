import { describe, expect, it } from 'vitest';
import { renderText } from '../../../../src/chat/render-text.js';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import type { View } from '../../../../src/core/views/view.js';
import { openForm } from '../../../../src/dialogs/form-submit.js';
import { dialog, everyReply, formOf, submitAll } from './replies.js';
import { worldWithPupil } from './world.js';

/** Every string a reader sees on a card: text, labels, placeholders, button titles, error messages. */
function words(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(words);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? (['text', 'label', 'placeholder', 'title', 'errorMessage', 'value'].includes(k) ? [v] : []) : words(v)));
}

/** Hints that only make sense typed in a chat, or name the bot's machinery (issue 12). */
const TYPED_ONLY = [/type ["'“]?skip/i, /\bdialog\b/i, /in a chat\)/i, /go back \(/i];

describe('card wording says what to press, not what to type (issue 12)', async () => {
  const { ctx } = await worldWithPupil();
  const replies: Record<string, View[]> = await everyReply(ctx);
  // A reference nobody here has, on the what-next form (optional pupil) and the PCP form (pupil needed).
  for (const id of ['what-next', 'pcp']) {
    const opened = formOf(await openForm(dialog(id), ctx, {}, `form-${id}`));
    replies[`unknown pupil on ${id}`] = (await submitAll(ctx, id, opened, { pupil: '9999' })).views;
  }
  // A referral whose service was matched from free words: the line naming it, above the permission question.
  const refer = formOf(await openForm(dialog('refer'), ctx, {}, 'form-refer'));
  const named = formOf(await submitAll(ctx, 'refer', refer, { pupil: '4021', service: 'ed psych' }));
  replies['referral naming its service'] = [{ blocks: [{ type: 'form', form: named }] }];

  it('no card says "type skip", "dialog" or "back in a chat"', () => {
    const found = Object.entries(replies).flatMap(([name, views]) => words(renderCard(views)).filter((w) => TYPED_ONLY.some((r) => r.test(w))).map((w) => `${name}: ${w}`));
    expect(found).toEqual([]);
  });

  it('an unknown reference on a card says to leave it blank or check it, and to cancel to add a new pupil', () => {
    const text = words(renderCard(replies['unknown pupil on what-next']!)).join('\n');
    expect(text).toContain('Check the reference, or leave it blank to carry on without one.');
    expect(text).toContain('To add a new pupil, cancel this and start "new pupil".');
  });

  it('the referral names its service and says to change it on the card; only the typed conversation says "back"', () => {
    const card = words(renderCard(replies['referral naming its service']!)).join('\n');
    expect(card).toMatch(/Referring to .+\. Not the one you meant\? Change the service\./);
    expect(card).not.toMatch(/back/i);
    const permission = named.questions.find((q) => q.id === 'parentalPermission')!;
    expect(renderText([{ blocks: [{ type: 'question', question: permission }] }])).toContain('Type "back" to name the service again.');
  });
});
