import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { Logger } from '../../logger.js';
import { AppError } from '../errors.js';
import type { AuditLog } from '../store/case-repository.js';
import type { Recommendation } from '../guidance/types.js';
import type { Block, QuestionView, View } from '../views/view.js';
import type { Concern } from './concern-check.js';
import { concernViews } from './concern-notice.js';
import { concernsIn } from './for-pack.js';

/**
 * The one check on every text that enters: the notices to lead the reply with, after `record`
 * has noted that they were shown. The notice is shown even if recording fails, and a check that
 * fails shows nothing rather than stopping the request; both are logged (an error code, never words).
 */
export async function screenTexts(pack: KnowledgePack, texts: readonly string[], record: ((found: readonly Concern[]) => Promise<void>) | undefined, log: Pick<Logger, 'error'>): Promise<View[]> {
  const failed = (what: 'audit' | 'check', err: unknown) =>
    log.error(what === 'audit' ? 'concern notice not audited' : 'concern check failed', { code: err instanceof AppError ? err.code : 'unexpected' });
  let found: Concern[];
  try {
    found = concernsIn(pack, texts);
  } catch (err) {
    failed('check', err);
    return [];
  }
  if (found.length) await record?.(found).catch((err: unknown) => failed('audit', err));
  return concernViews(pack, found);
}

/**
 * Records in the audit log that a notice was shown: the actor's id and the category only
 * (`concern.risk:neglect`), never the words. Throws what the audit log throws.
 */
export async function recordConcernsShown(audit: AuditLog, actorId: string, at: Date, found: readonly Concern[]): Promise<void> {
  for (const c of found) await audit.record({ at: at.toISOString(), actorId, action: `concern.${c.kind}:${c.category}`, outcome: 'done' });
}

/**
 * The reply with the notices first. A recommendation the rest of the reply repeats is shown once,
 * at the top: the same one (the guidance card's own safeguarding-first, from the same notes), or
 * the same advice for the same words (a suspension's check quoting the reason the notice quoted).
 */
export function leadWith(notices: readonly View[], views: readonly View[]): View[] {
  if (!notices.length) return [...views];
  const recs = notices.flatMap((v) => v.blocks.flatMap((b) => (b.type === 'recommendation' ? [b.rec] : [])));
  const shown = new Set(recs.map((r) => r.id));
  const advised = new Set(recs.map((r) => `${r.title}\n${quotedIn(r.because)}`));
  const repeats = (r: Recommendation) => shown.has(r.id) || advised.has(`${r.title}\n${quotedIn(r.because)}`);
  const rest = views
    .map((v) => ({ ...v, blocks: v.blocks.filter((b) => b.type !== 'recommendation' || !repeats(b.rec)).map((b) => dropRepeats(b, repeats)) }))
    .filter((v) => v.blocks.length > 0);
  return [...notices, ...rest];
}

/** The words a "why" quotes (“…”), so two reasons quoting the same words match; "" when none. */
function quotedIn(because: string | undefined): string {
  return because?.match(/“[^”]*”/g)?.join(' ') ?? '';
}

/** A question, or a form's questions, without what the notices above already say. */
function dropRepeats(b: Block, repeats: (r: Recommendation) => boolean): Block {
  if (b.type === 'question') return { ...b, question: withoutRepeats(b.question, repeats) };
  if (b.type === 'form') return { ...b, form: { ...b.form, questions: b.form.questions.map((q) => withoutRepeats(q, repeats)) } };
  return b;
}

/**
 * A question without what the notices above it already say (a suspension's check quoting the
 * reason the notice quoted); when nothing to read first is left, its lead-in line goes too.
 */
function withoutRepeats(q: QuestionView, repeats: (r: Recommendation) => boolean): QuestionView {
  if (!q.before?.some((b) => b.type === 'recommendation' && repeats(b.rec))) return q;
  const before = q.before.filter((b) => b.type !== 'recommendation' || !repeats(b.rec));
  const { before: _, ...rest } = q;
  return before.some((b) => b.type === 'recommendation') ? { ...rest, before } : rest;
}
