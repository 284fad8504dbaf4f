import { numberedItems, type ItemKind } from '../../core/record/record-items.js';
import { caseAsItStands } from '../../core/facts/pupil-facts.js';
import { pageOf } from '../../core/views/paging.js';
import { text, type View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { evidenceView } from '../evidence/evidence-view.js';
import { chronologyView } from '../views/chronology-view.js';
import { exclusionView, referralView, reviewView } from '../views/entry-views.js';
import { pcpView, pspView } from '../views/plan-views.js';
import { listsView, pupilListView, type Listed } from '../views/pupil-list-view.js';
import { pupilSummaryView } from '../views/pupil-summary-view.js';
import { itemName } from '../views/record-words.js';
import { findPupil } from './find-pupil.js';
import { LISTS } from './lists.js';
import type { ListId, ReadRequest } from './read-request.js';
import { to, type Subject } from './subject.js';

/**
 * Reads a pupil's record back: the summary, the chronology, one record in full, or a list of
 * pupils. Only shows; changes nothing. Every case comes through CaseService, so the access rules
 * apply and each read is audited (ids only); a list also records which pupils each page showed.
 */
export async function runRead(ctx: DialogContext, r: ReadRequest): Promise<View[]> {
  switch (r.kind) {
    case 'lists':
      return [listsView()];
    case 'list':
      return [await listPage(ctx, r.list, r.page)];
    case 'which':
      return [{ blocks: [text(WHICH[r.then])] }, await listPage(ctx, 'mine', 1)];
    default: {
      const found = await findPupil(ctx, r);
      if ('views' in found) return found.views;
      const s = found.subject;
      if (r.kind === 'pupil') return [pupilSummaryView(ctx, s)];
      if (r.kind === 'timeline') return [chronologyView(ctx, s, r.page)];
      if (r.kind === 'evidence') return [await evidenceView(ctx, s)];
      return [itemView(ctx, s, r.item, r.n, r.page)];
    }
  }
}

const WHICH = {
  pupil: 'Which pupil? Type "pupil" and their reference, e.g. "pupil 4021", or open one below.',
  timeline: 'Whose chronology? Type "timeline" and their reference, e.g. "timeline 4021", or open a pupil below.',
  evidence: 'Whose evidence pack? Type "evidence" and their reference, e.g. "evidence 4021", or open a pupil below and press “Evidence pack”.',
} as const;

async function listPage(ctx: DialogContext, id: ListId, page: number): Promise<View> {
  const def = LISTS[id];
  const listed: Listed[] = [];
  for (const stored of await ctx.cases.visibleCases(ctx.user)) {
    const c = caseAsItStands(stored);
    const picked = def.pick(c, ctx);
    if (picked) listed.push({ c, ...picked });
  }
  const byRef = (a: Listed, b: Listed) => a.c.schoolId.localeCompare(b.c.schoolId) || a.c.pupilRef.localeCompare(b.c.pupilRef, 'en', { numeric: true, sensitivity: 'base' });
  const soonest = (l: Listed) => l.deadlines?.map((d) => d.actBy ?? d.dueDate).sort()[0] ?? '';
  listed.sort(id === 'deadlines' ? (a, b) => soonest(a).localeCompare(soonest(b)) || byRef(a, b) : byRef);
  const shown = pageOf(listed, page);
  // A list discloses something of each pupil on the page: recorded like a read, ids only.
  await ctx.cases.disclosed(ctx.user, shown.items.map((l) => l.c));
  return pupilListView(ctx, def, shown);
}

const KIND_WORDS: Record<ItemKind, string> = { pcp: 'PCP', psp: 'PSP', review: 'review', referral: 'referral', exclusion: 'suspension or exclusion' };

function itemView(ctx: DialogContext, s: Subject, kind: ItemKind, n: number | undefined, page: number): View {
  const items = numberedItems(s.c);
  const pick = <T extends { n: number }>(all: readonly T[]) => (n === undefined ? all.at(-1) : all.find((x) => x.n === n));
  switch (kind) {
    case 'pcp': {
      const found = pick(items.pcps);
      return found ? pcpView(ctx, s, items, found, page) : missing(s, kind, n, items.pcps.length);
    }
    case 'psp': {
      const found = pick(items.psps);
      return found ? pspView(ctx, s, items, found, page) : missing(s, kind, n, items.psps.length);
    }
    case 'review': {
      const found = pick(items.reviews);
      return found ? reviewView(s, found, page) : missing(s, kind, n, items.reviews.length);
    }
    case 'referral': {
      const found = pick(items.referrals);
      return found ? referralView(ctx, s, found, page) : missing(s, kind, n, items.referrals.length);
    }
    case 'exclusion': {
      const found = pick(items.exclusions);
      return found ? exclusionView(ctx, s, found, page) : missing(s, kind, n, items.exclusions.length);
    }
  }
}

/** No such record: how many there are, and where to look. Plans on an LA officer's copy stay with the school. */
function missing(s: Subject, kind: ItemKind, n: number | undefined, total: number): View {
  const what = KIND_WORDS[kind];
  const withSchool = s.access === 'referral-only' && (kind === 'pcp' || kind === 'psp' || kind === 'review');
  const said = withSchool
    ? `Plans and reviews stay with the school: an LA officer sees the referrals to the LA and the dates of suspensions.`
    : total === 0
      ? `No ${what} is recorded for ${s.c.initials} (ref ${s.c.pupilRef}).`
      : `There is no ${itemName({ kind, n: n ?? 0 })} for ${s.c.initials} (ref ${s.c.pupilRef}): ${total === 1 ? `there is 1 ${what}` : `there are ${total}, numbered 1 to ${total}`}.`;
  return { blocks: [text(said, 'warning'), { type: 'actions', actions: [to.pupil(s), to.timeline(s)] }] };
}
