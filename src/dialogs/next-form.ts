import { text, type FormView, type View } from '../core/views/view.js';
import type { DialogContext } from './dialog.js';
import { startForm, type FormStep } from './form-runner.js';
import { findDialog } from './registry.js';

/** How many forms in a row may hand on to the next within one turn: a guard, not a limit anyone meets. */
const MAX_HANDS = 4;

/**
 * A form that finished by handing on to another (the self-reflection's next area, then its last
 * question): a typed conversation carries straight on into the next form's questions, with what was
 * said before it (the form's notice) leading. Card channels show that form as it is, so only typed
 * conversations come here. Any other step comes back unchanged.
 */
export async function intoNextForm(ctx: DialogContext, step: FormStep, hands = 0): Promise<FormStep> {
  if (step.state || hands >= MAX_HANDS) return step;
  const form = handedOn(step.views);
  const next = form && findDialog(form.dialogId);
  if (!form || !next) return step;
  const before: View[] = step.views.map((v) => ({ blocks: v.blocks.filter((b) => b.type !== 'form') })).filter((v) => v.blocks.length > 0);
  if (form.notice) before.push({ blocks: [text(form.notice, 'success')] });
  const started = await intoNextForm(ctx, await startForm(next, ctx), hands + 1);
  return { ...started, views: [...before, ...started.views], ...(step.keptWords ? { keptWords: true as const } : {}) };
}

/** The form a finished step's views end on, if they hand on to one. */
function handedOn(views: readonly View[]): FormView | undefined {
  const last = views.at(-1)?.blocks.at(-1);
  return last?.type === 'form' ? last.form : undefined;
}
