import { planBegan, stepChangeOn } from '../../core/plans/plan-began.js';
import { pupilDeadlines } from '../../core/record/deadlines.js';
import { factSources } from '../../core/facts/pupil-facts.js';
import { factSentence } from '../../core/facts/fact-words.js';
import { exclusionStanding, partTimeFigures, suspensionFigures, type SuspensionFigures } from '../../core/record/pupil-figures.js';
import { numberedItems } from '../../core/record/record-items.js';
import { londonDayOf, ukDate } from '../../core/text/uk-date.js';
import { heading, text, type Block, type CommandButton, type Row, type View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { describePupil } from '../pupil-question.js';
import { commandFor } from '../read/read-request.js';
import { pupilAt, to, type Subject } from '../read/subject.js';
import { agreedWords, byWho, count, deadlineWords, flagWords, itemName, provisionStartedLines, schoolCalled, serviceName, stepChangeWords, stepTitle, whenDue } from './record-words.js';
import { schoolYearOf } from '../../core/exclusions/suspension-days.js';
import { reinstatedOn, withdrawnExclusionIds } from '../../core/exclusions/withdrawn.js';
import { pspTargetsNow } from './psp-targets-now.js';

/** Step changes shown on the summary; the chronology has them all. */
const STEP_CHANGES_SHOWN = 4;
/** Referrals shown on the summary, latest first; the chronology has them all. */
const REFERRALS_SHOWN = 3;

/**
 * A pupil's summary: who, which step and how they got there, needs and care, risk, active plans
 * and their next review, suspensions this school year and term in school days, a part-time
 * timetable, and what is due. Buttons open each plan and the chronology. An LA officer's copy of
 * the case has no plans, timeline or reasons, and the summary says those stay with the school.
 */
export function pupilSummaryView(ctx: DialogContext, s: Subject): View {
  const { c } = s;
  const today = ctx.today();
  const school = s.access === 'referral-only';
  const blocks: Block[] = [heading(describePupil(c))];
  if (school) blocks.push(text(`${schoolCalled(ctx, c.schoolId)}. Referred to the LA: you see the step, needs, suspension dates and referrals to the LA; plans, notes and reasons stay with the school.`, 'muted'));
  const flags = flagWords(c.flags);
  const sus = suspensionFigures(c, ctx.calendar, today);
  const ptt = partTimeFigures(c, today);
  blocks.push({
    type: 'facts',
    facts: [
      { label: 'Where on the pathway', value: stepTitle(ctx.pack, c.currentStep) },
      { label: 'Needs and care', value: flags.length ? flags.join(', ') : 'None recorded' },
      ...(c.ehcRequestedOn ? [{ label: 'EHC needs assessment', value: `Requested ${ukDate(c.ehcRequestedOn)}` }] : []),
      exclusionFact(c),
      ...suspensionFacts(sus),
      ...reinstatedFacts(c),
      ...(school ? [] : [{ label: 'Part-time timetable', value: ptt ? `${ukDate(ptt.startDate)} to ${ukDate(ptt.endDate)} (${ptt.when === 'current' ? 'now' : ptt.when})${ptt.reviewDate && ptt.when !== 'ended' ? `; review by ${ukDate(ptt.reviewDate)}` : ''}` : 'No' }]),
    ],
  });
  // Which entry each fact comes from, by its date: a later-dated entry outweighs one typed after it.
  const sources = school ? [] : factSources(c.facts ?? []);
  if (sources.length) blocks.push(text(`As the chronology has it: ${sources.map(factSentence).join('; ')}.`, 'muted'));
  if (ptt && ptt.when !== 'ended' && !ptt.laNotifiedOn) blocks.push(text('The LA has not been told about the part-time timetable.', 'warning'));
  else if (ptt?.laNotifiedOn) blocks.push(text(`The LA was told about the part-time timetable on ${ukDate(ptt.laNotifiedOn)}.`, 'muted'));
  if (!school) blocks.push(...howTheyGotHere(ctx, s));
  blocks.push(...plans(ctx, s), ...deadlines(ctx, s), ...provisionStarted(ctx, s), ...referrals(ctx, s));
  const buttons: CommandButton[] = [to.timeline(s)];
  if (!school) buttons.push({ label: 'What next', command: `what next for ${c.pupilRef}` });
  buttons.push({ label: school ? 'Referred pupils' : 'My pupils', command: commandFor({ kind: 'list', list: 'mine', page: 1 }) });
  blocks.push({ type: 'actions', actions: buttons });
  // A row of its own: a fourth button runs off a phone-width Teams card.
  blocks.push({ type: 'actions', actions: [{ label: 'Evidence pack', command: commandFor({ kind: 'evidence', ...pupilAt(s) }) }] });
  return { blocks };
}

/** Permanently excluded (and since when), else whether at risk of it: never "at risk" once excluded. */
function exclusionFact(c: Subject['c']): { label: string; value: string } {
  const standing = exclusionStanding(c);
  if (standing.permanent) return { label: 'Permanently excluded', value: `From ${ukDate(standing.permanent.startDate)}: the LA arranges full-time education from the sixth school day` };
  return { label: 'At risk of permanent exclusion', value: standing.atRisk ? 'Yes' : 'No' };
}

/**
 * Each permanent exclusion the pupil was reinstated after (not one withdrawn as a mistake): it no
 * longer stands, but stays on the pupil's page, marked reinstated with the decision's date (London).
 */
function reinstatedFacts(c: Subject['c']): { label: string; value: string }[] {
  const back = reinstatedOn(c);
  const withdrawn = withdrawnExclusionIds(c);
  return c.exclusions
    .filter((e) => e.kind === 'permanent' && back.has(e.id) && !withdrawn.has(e.id))
    .map((e) => ({ label: 'Permanent exclusion (reinstated)', value: `From ${ukDate(e.startDate)}; reinstated from ${ukDate(back.get(e.id)!)}` }));
}

function suspensionFacts(s: SuspensionFigures): { label: string; value: string }[] {
  const term = s.term
    ? { label: `Suspensions this term${s.term.name ? ` (${s.term.name})` : ''}`, value: s.termCount ? `${s.termCount} (${count(s.termDays ?? 0, 'school day')})` : 'None' }
    : { label: 'Suspensions this term', value: 'Not known: the school’s term dates are not set' };
  return [
    { label: `Suspensions this school year (${s.year.label})`, value: s.yearCount ? `${s.yearCount} (${count(s.yearDays, 'school day')})` : 'None' },
    term,
    ...(s.permanent ? [{ label: 'Permanent exclusion', value: `From ${ukDate(s.permanent.startDate)}` }] : []),
  ];
}

/** The step changes that brought the pupil to where they are, latest last. */
function howTheyGotHere(ctx: DialogContext, s: Subject): Block[] {
  const { c } = s;
  // In the order they took effect, which is not always the order typed in (a review recorded late).
  const changes = c.stepChanges.map((x, i) => ({ x, i, on: stepChangeOn(c, x) })).sort((a, b) => a.on.localeCompare(b.on) || a.i - b.i).map((d) => d.x);
  const legacy = c.timeline.filter((t) => t.what === 'step.up' || t.what === 'step.down').filter((t) => !changes.some((x) => x.id === t.ref));
  const start = c.stepChanges[0]?.from ?? (legacy.length ? undefined : c.currentStep);
  const lines = [
    `Added ${ukDate(londonDayOf(c.createdAt))}${start !== undefined ? ` at Step ${start}` : ''}.`,
    ...legacy.map((t) => `${ukDate(londonDayOf(t.at))}: moved ${t.what === 'step.up' ? 'up' : 'down'} a step (recorded before reasons were kept).`),
    ...changes.slice(-STEP_CHANGES_SHOWN).map((x) => `${ukDate(stepChangeOn(c, x))}: ${stepChangeWords(x)} ${agreedWords(x, s.viewer.id, s.who)}.`),
  ];
  const earlier = changes.length - STEP_CHANGES_SHOWN;
  if (earlier > 0) lines.splice(1 + legacy.length, 0, `…${count(earlier, 'earlier step change')}: see the chronology.`);
  if (!changes.length && !legacy.length) lines.push(`No step changes recorded: still at Step ${c.currentStep}.`);
  return [heading('How they got here'), { type: 'list', items: lines }];
}

/** Active plans with their next review, each with a button; closed plans are in the chronology. */
function plans(ctx: DialogContext, s: Subject): Block[] {
  if (s.access === 'referral-only') return [];
  const items = numberedItems(s.c);
  const due = pupilDeadlines(s.c, { pack: ctx.pack, calendar: ctx.calendar, today: ctx.today() });
  const next = (kind: 'pcp' | 'psp', n: number) => due.find((d) => d.plan?.kind === kind && d.plan.n === n);
  const rows: Row[] = [];
  for (const { n, plan } of items.pcps.filter((p) => p.plan.status === 'active')) {
    const d = next('pcp', n);
    rows.push({
      title: `${itemName({ kind: 'pcp', n })}: person-centred plan (Step ${plan.step})`,
      detail: `Written ${ukDate(planBegan('pcp', plan))} by ${byWho(plan.ownerId, s.viewer.id, s.who)}. ${count(plan.reviews.length, 'review')} so far.${d ? ` Next review ${whenDue(d)}.` : ''}`,
      open: to.item(s, { kind: 'pcp', n }, `Open PCP ${n}`),
      ...(d?.overdue ? { tone: 'warning' as const } : {}),
    });
  }
  for (const { n, plan } of items.psps.filter((p) => p.plan.status === 'active')) {
    const d = next('psp', n);
    const now = pspTargetsNow(items, plan);
    rows.push({
      title: `${itemName({ kind: 'psp', n })}: Pastoral Support Programme`,
      detail: `Started ${ukDate(plan.startDate)}, ${count(now.targets.length, 'target')}${now.amended ? ` (${now.amended.words})` : ''}, overseen by ${byWho(plan.overseeingLeaderId, s.viewer.id, s.who)}. ${count(plan.reviews.length, 'review')} so far.${d ? ` Next review ${whenDue(d)}.` : ''}`,
      open: to.item(s, { kind: 'psp', n }, `Open PSP ${n}`),
      ...(d?.overdue ? { tone: 'warning' as const } : {}),
    });
  }
  const closed = items.pcps.length + items.psps.length - rows.length;
  return [
    heading('Plans'),
    ...(rows.length ? [{ type: 'rows' as const, rows }] : [text('No active plan.', 'muted')]),
    ...(closed > 0 ? [text(`${count(closed, 'earlier plan')} closed: open ${closed === 1 ? 'it' : 'them'} from the chronology.`, 'muted')] : []),
  ];
}

/** Dated things other than plan reviews (which are with their plans): EHC dates, day-6 provision, the PEP. */
function deadlines(ctx: DialogContext, s: Subject): Block[] {
  const others = pupilDeadlines(s.c, { pack: ctx.pack, calendar: ctx.calendar, today: ctx.today() }).filter((d) => d.kind !== 'pcp-review' && d.kind !== 'psp-review');
  if (!others.length) return [];
  const blocks: Block[] = [heading('Deadlines'), { type: 'list', items: others.map((d) => deadlineWords(ctx.pack, d)) }];
  // The PEP clears once its meeting is recorded, so the way to record it is beside it.
  if (s.access !== 'referral-only' && others.some((d) => d.kind === 'pep')) blocks.push({ type: 'actions', actions: [{ label: 'Record PEP meeting', command: `pep ${s.c.pupilRef}` }] });
  return blocks;
}

/**
 * Day-6 provision recorded as started after this school year's exclusions: the day, the school day of
 * the exclusion, and how late against the duty (001). The LA's copy too (its case keeps those entries).
 */
function provisionStarted(ctx: DialogContext, s: Subject): Block[] {
  const yearStart = schoolYearOf(ctx.today()).start;
  const lines = provisionStartedLines(ctx.pack, ctx.calendar, s.c, (d) => d.exclusion.startDate >= yearStart);
  return lines.length ? [heading('Day-6 provision'), ...lines.map((l) => text(l.line, l.late ? 'warning' : 'normal'))] : [];
}

function referrals(ctx: DialogContext, s: Subject): Block[] {
  const items = numberedItems(s.c).referrals;
  if (!items.length) return [];
  const shown = items.slice(-REFERRALS_SHOWN).reverse();
  const rows: Row[] = shown.map(({ n, referral }) => ({
    title: `${itemName({ kind: 'referral', n })}: ${ukDate(referral.date)}${referral.toLocalAuthority ? ' (to the LA)' : ''}`,
    detail: `To ${serviceName(ctx.pack, referral.serviceId)}, by ${byWho(referral.by, s.viewer.id, s.who)}.`,
    open: to.item(s, { kind: 'referral', n }, `Open referral ${n}`),
  }));
  const earlier = items.length - shown.length;
  return [heading('Referrals'), { type: 'rows', rows }, ...(earlier > 0 ? [text(`${count(earlier, 'earlier referral')}: see the chronology.`, 'muted')] : [])];
}
