import { chronology, type ChronologyEntry } from '../../core/record/chronology.js';
import { correctionNote } from '../../core/facts/corrections.js';
import { describeFact } from '../../core/facts/fact-words.js';
import { ukDate } from '../../core/text/uk-date.js';
import { pageOf } from '../../core/views/paging.js';
import { heading, text, type Block, type Row, type View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { describePupil } from '../pupil-question.js';
import { to, type Subject } from '../read/subject.js';
import { agreedWords, byWho, count, eventWords, itemName, serviceName } from './record-words.js';
import { exclusionNamed, exclusionStatus, exclusionStatusMark, reviewCorrectedWords, reviewCorrectionLine } from './correction-words.js';
import { reviewCorrected } from '../../core/plans/review-corrections.js';
import { stepAtReview } from '../../core/plans/plan-began.js';
import { acknowledgedLine, closureLine } from './closure-words.js';

/**
 * The pupil's chronology, a page at a time: every entry in date order with who did it, and a
 * button into each plan, review, referral and exclusion. On an LA officer's copy only what was
 * referred to the LA is there, and who recorded a suspension stays with the school.
 */
export function chronologyView(ctx: DialogContext, s: Subject, page: number): View {
  const all = chronology(s.c);
  const shown = pageOf(all, page);
  const blocks: Block[] = [heading(`Chronology: ${describePupil(s.c)}`)];
  blocks.push(
    text(s.access === 'referral-only' ? 'What was referred to the LA, in date order. Plans, reviews and the school’s notes stay with the school.' : 'Everything on the record, in date order, with who did it.', 'muted'),
  );
  if (!all.length) blocks.push(text('Nothing recorded yet.'));
  else blocks.push({ type: 'rows', rows: shown.items.map((e) => row(ctx, s, e)) });
  if (shown.pages > 1)
    blocks.push({
      type: 'pager',
      page: shown.page,
      pages: shown.pages,
      of: count(shown.total, 'entry', 'entries'),
      ...(shown.page > 1 ? { previous: to.timeline(s, shown.page - 1).command } : {}),
      ...(shown.page < shown.pages ? { next: to.timeline(s, shown.page + 1).command } : {}),
    });
  blocks.push({ type: 'actions', actions: [to.pupil(s)] });
  return { blocks };
}

function row(ctx: DialogContext, s: Subject, e: ChronologyEntry): Row {
  const when = ukDate(e.date);
  const by = byWho(e.by, s.viewer.id, s.who);
  const who = (id: string) => byWho(id, s.viewer.id, s.who);
  switch (e.kind) {
    case 'pcp':
      return {
        title: `${when}: ${itemName(e.item)} written at Step ${e.plan.step}${e.plan.status === 'closed' ? ' (now closed)' : ''}`,
        detail: `By ${by}.${e.plan.incidentSupportPlan ? ' With an Incident Support Plan.' : ''}`,
        open: to.item(s, e.item, `Open ${itemName(e.item)}`),
      };
    case 'psp':
      return {
        title: `${when}: ${itemName(e.item)} started${e.plan.status === 'closed' ? ' (now closed)' : ''}`,
        detail: `By ${by}, overseen by ${byWho(e.plan.overseeingLeaderId, s.viewer.id, s.who)}; ${count(e.plan.targets.length, 'target')}.`,
        open: to.item(s, e.item, `Open ${itemName(e.item)}`),
      };
    case 'review': {
      // A corrected review shows as first recorded, marked, with the outcome it now has beside it.
      const k = reviewCorrected(s.c, e.review);
      // The step the pupil was at on the review's date, from the chronology (a review can be typed in late).
      const held = stepAtReview(s.c, e.review);
      const said = (k ? k.original : e.review).positiveChange ? 'positive change' : 'no positive change';
      const now = k ? ` (corrected: now ${e.review.positiveChange ? 'positive change' : 'no positive change'})` : '';
      return {
        title: `${when}: ${itemName(e.item)}, of ${itemName(e.plan)}: ${said}${now}`,
        detail: `${held ? `At Step ${held}. ` : ''}By ${by}.${k ? ` ${reviewCorrectedWords(k, who)}` : ''}`,
        open: to.item(s, e.item, `Open ${itemName(e.item)}`),
      };
    }
    case 'review-corrected':
      return { title: `${when}: ${reviewCorrectionLine(e.item, e.plan, e.corrected, e.review.positiveChange)}`, detail: `By ${by}.${e.corrected.why ? ` ${e.corrected.why.replace(/\.?$/, '.')}` : ''}`, open: to.item(s, e.item, `Open ${itemName(e.item)}`) };
    case 'referral':
      return {
        title: `${when}: ${itemName(e.item)}, to ${serviceName(ctx.pack, e.referral.serviceId)}`,
        detail: `By ${by}.${e.referral.toLocalAuthority ? ' A referral to the LA.' : ''}`,
        open: to.item(s, e.item, `Open ${itemName(e.item)}`),
      };
    case 'exclusion':
      return {
        // A withdrawn or overturned exclusion stays, marked, so no one counts it (core/exclusions/withdrawn.ts).
        title: `${when}: ${e.exclusion.kind === 'permanent' ? 'Permanent exclusion' : `Suspension, ${count(e.exclusion.days, 'school day')}`} (${itemName(e.item).toLowerCase()})${exclusionStatusMark(exclusionStatus(s.c, e.exclusion))}`,
        detail: s.access === 'referral-only' ? 'Recorded by the school.' : `Recorded by ${by}.`,
        open: to.item(s, e.item, `Open ${itemName(e.item)}`),
      };
    case 'step':
      return { title: `${when}: Step ${e.change.from} to Step ${e.change.to}`, detail: `${e.change.reason} ${agreedWords(e.change, s.viewer.id, s.who)}.` };
    case 'fact': {
      // A withdrawal of a suspension or exclusion names it (kind, first day, days): the fact entries alone do not hold it.
      const withdrew = e.entry.fact === 'withdrawn' ? s.c.exclusions.find((x) => x.id === e.entry.corrects) : undefined;
      const words = withdrew ? `withdrawn: the ${exclusionNamed(withdrew)}, no longer counted` : describeFact(e.entry);
      const why = e.entry.why ? ` ${e.entry.why.replace(/\.?$/, '.')}` : '';
      // A corrected entry stays, marked with what changed, by whom and when; a correction says what it put right.
      const note = withdrew ? '' : correctionNote(s.c.facts, e.entry, who);
      const mark = withdrew ? '' : e.entry.corrects ? ' (a correction of an earlier entry)' : note ? ' (corrected)' : '';
      // The LA's copy keeps only the entries its views need (a withdrawal, a reinstatement, provision started), without who or why.
      if (s.access === 'referral-only') return { title: `${when}: ${words.charAt(0).toUpperCase()}${words.slice(1)}`, detail: 'Recorded by the school.' };
      return { title: `${when}: ${words.charAt(0).toUpperCase()}${words.slice(1)}${mark}`, detail: `Recorded by ${by}.${why}${note ? ` ${note}` : ''}` };
    }
    case 'closed':
      return { title: `${when}: ${closureLine(e.item, e.closure, e.replacedBy)}`, detail: `Closed by ${by}.`, open: to.item(s, e.item, `Open ${itemName(e.item)}`) };
    case 'acknowledged':
      return { title: `${when}: ${acknowledgedLine(e.item)}`, detail: `By ${e.by === s.viewer.id ? 'you' : s.who?.(e.by) || 'a member of the LA inclusion team'}.`, open: to.item(s, e.item, `Open ${itemName(e.item)}`) };
    case 'event':
      return { title: `${when}: ${eventWords(e.what)}`, detail: `By ${by}.` };
  }
}
