import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import { formModal } from '../../src/channels/slack/blocks/form-modal.js';
import { renderCard } from '../../src/channels/teams/cards/render-card.js';
import { fromAdvice } from '../../src/core/guidance/recommendation.js';
import type { FormView, QuestionView } from '../../src/core/views/view.js';
import { worcestershire } from '../helpers/pack.js';
import { inputs, texts as cardTexts } from './teams/cards/card-query.js';
import { cardProblems } from './teams/cards/parse-card.js';
import { slackViolations } from './slack/blocks/limits.js';
import { texts as slackTexts } from './slack/blocks/query.js';

/** A question with things to read first (the warnings before an exclusion is saved), as each channel shows it. */
const pack = await worcestershire();
const rec = fromAdvice(pack, 'before-saving-virtual-school', 'warning', pack.rules!.lookedAfter.beforeSuspension, 'a looked-after child');
const confirm: QuestionView = {
  dialogId: 'exclusion',
  id: 'confirm-abc',
  prompt: 'Record this 3-day suspension, having read the above?',
  kind: 'yesno',
  optional: false,
  progress: { answered: 5, total: 6 },
  before: [{ type: 'text', text: 'Before this 3-day suspension is saved, please read this:' }, { type: 'recommendation', rec }],
};
const form: FormView = { dialogId: 'exclusion', formId: 'f1', title: 'Record a suspension or exclusion', questions: [confirm], submitLabel: 'Check and record' };

describe('what to read before a question comes above it on every channel', () => {
  it('in text, before the question', () => {
    const out = renderText([{ blocks: [{ type: 'question', question: confirm }] }]);
    expect(out.indexOf('Before this 3-day suspension')).toBeLessThan(out.indexOf('! Looked-after child: speak to the Virtual School'));
    expect(out.indexOf('Virtual School')).toBeLessThan(out.indexOf('? Record this 3-day suspension'));
    expect(out).toContain('Why: a looked-after child.');
  });

  it('on a Teams card, above the input, and the card is valid', () => {
    const card = renderCard([{ blocks: [{ type: 'form', form }] }]);
    const all = cardTexts(card);
    expect(all.findIndex((t) => t.includes('speak to the Virtual School'))).toBeGreaterThan(all.findIndex((t) => t.includes('Before this 3-day')));
    expect(inputs(card).map((i) => i.id)).toEqual(['q_confirm-abc']);
    expect(cardProblems(card)).toEqual([]);
  });

  it('in a Slack modal, above the input, within Block Kit’s limits', () => {
    const modal = formModal(form);
    const blocks = modal.blocks as { type: string; block_id?: string }[];
    expect(blocks.at(-1)).toMatchObject({ type: 'input', block_id: 'q_confirm-abc' });
    expect(slackTexts(modal).join('\n')).toContain('Looked-after child: speak to the Virtual School');
    expect(slackViolations(modal, 'modal')).toEqual([]);
  });
});
