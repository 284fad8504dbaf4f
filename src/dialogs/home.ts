import { exclusionStanding } from '../core/record/pupil-figures.js';
import { heading, text, type Block, type View } from '../core/views/view.js';
import { caseAsItStands } from '../core/facts/pupil-facts.js';
import type { DialogContext } from './dialog.js';
import { describePupil } from './pupil-question.js';
import { myReviews } from './my-reviews.js';
import { menuFor } from './views/menu-view.js';
import { to } from './read/subject.js';

/** How many pupils a home page lists before pointing to "what next for <ref>". */
export const HOME_PUPILS = 15;

/**
 * A person's home page (Slack App Home; any channel with a home tab): what to start, reviews due,
 * and the pupils they work with, most recently changed first. Reads go through the access rules.
 */
export async function homeViews(ctx: DialogContext): Promise<View[]> {
  const start: View = { blocks: [heading('Graduated response assistant'), text(`${ctx.pack.localAuthority}’s graduated response to preventing exclusions.`, 'muted'), { type: 'menu', items: menuFor(ctx.user.role).filter((m) => m.command !== 'help' && m.command !== 'my reviews' && m.command !== 'my pupils' && m.command !== 'lists') }] };
  if (ctx.user.role === 'admin') return [start, { blocks: [text('As an admin you manage roles (grant, revoke) and see no pupil records.', 'muted')] }];
  const visible = (await ctx.cases.visibleCases(ctx.user)).map(caseAsItStands);
  const cases = visible.filter((c) => ctx.user.role !== 'teacher' || c.staffIds.includes(ctx.user.id));
  const recent = [...cases].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const pupils: Block[] = [heading(ctx.user.role === 'la-officer' ? 'Pupils referred to the LA' : 'Your pupils')];
  if (!recent.length) pupils.push(text(ctx.user.role === 'la-officer' ? 'No school has referred a pupil to the LA yet.' : 'No pupils yet. Add one with “Add a pupil”.', 'muted'));
  else {
    // The home page shows something of each pupil listed: recorded like a read, ids only.
    await ctx.cases.disclosed(ctx.user, recent.slice(0, HOME_PUPILS));
    pupils.push({
      type: 'rows',
      rows: recent.slice(0, HOME_PUPILS).map((c) => ({
        title: describePupil(c),
        detail: `Step ${c.currentStep}${exclusionStanding(c).permanent ? ', permanently excluded' : exclusionStanding(c).atRisk ? ', at risk of permanent exclusion' : ''}`,
        open: to.pupil({ c, viewer: ctx.user }, `Open ${c.initials} ${c.pupilRef}`),
      })),
    });
    if (recent.length > HOME_PUPILS) pupils.push(text(`…and ${recent.length - HOME_PUPILS} more: “My pupils” lists them all, a page at a time.`, 'muted'));
    pupils.push({ type: 'actions', actions: [{ label: ctx.user.role === 'la-officer' ? 'Referred pupils' : 'My pupils', command: 'my pupils' }, { label: 'Lists', command: 'lists' }] });
  }
  const reviews = ctx.user.role === 'la-officer' ? [] : [await myReviews(ctx, visible)];
  return [start, ...reviews, { blocks: pupils }];
}
