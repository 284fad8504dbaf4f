import type { MenuItem, View } from '../../core/views/view.js';
import { heading, text } from '../../core/views/view.js';
import type { Role } from '../../core/staff.js';

/** Everything the bot can do, in the order staff most often need it. */
export const MENU: MenuItem[] = [
  { command: 'what next', label: 'What next?', description: 'Where a pupil is on the graduated response and what to do next' },
  { command: 'signpost', label: 'Find a service', description: 'Who can help, e.g. "signpost attendance really poor"' },
  { command: 'new pupil', label: 'Add a pupil', description: 'Record a pupil by reference and initials' },
  { command: 'pcp', label: 'Person-centred plan', description: 'Write a PCP (with an optional Incident Support Plan)' },
  { command: 'review', label: 'Record a review', description: 'Review a PCP or PSP: did it bring positive change?' },
  { command: 'step', label: 'Move a pupil’s step', description: 'SENDCo: step support up or down outside a review, saying why' },
  { command: 'update', label: 'Update a record', description: 'Care, social worker, SEN or EHCP, EHC request, part-time timetable, return from suspension, risk; or correct an entry' },
  { command: 'pep', label: 'Record a PEP meeting', description: 'A looked-after pupil’s termly Personal Education Plan meeting: when, who led it, the next one' },
  { command: 'psp', label: 'Pastoral Support Programme', description: 'Set up a PSP with targets and reviews every 3–4 weeks' },
  { command: 'exclusion', label: 'Record a suspension', description: 'Record a suspension or permanent exclusion and check the rules ("withdraw exclusion 4021" or "reinstate 4021" afterwards)' },
  { command: 'refer', label: 'Make a referral', description: 'Refer to the LA or an external service (parental permission needed)' },
  { command: 'close plan', label: 'Close a plan', description: 'End a PCP or PSP with its outcome and what follows' },
  { command: 'share', label: 'Share a pupil', description: 'SENDCo: let a teacher see a pupil ("unshare" takes it away)' },
  { command: 'self-reflection', label: 'Inclusion self-reflection', description: 'SENDCo or head: rate the school on Appendix 2, area by area ("self-reflection summary" for the results)' },
  { command: 'my reviews', label: 'My reviews', description: 'Reviews, EHC, day-6 and PEP dates due or overdue' },
  { command: 'my pupils', label: 'My pupils', description: 'Your pupils a page at a time: open one for their summary, plans and chronology ("pupil 4021", "timeline 4021")' },
  { command: 'evidence', label: 'Evidence pack', description: 'A pupil’s whole graduated response as a PDF for an EHC needs assessment request or a referral, e.g. "evidence 4021"' },
  { command: 'la report', label: 'LA figures', description: 'LA officers: referrals, suspensions, PSPs, steps, part-time timetables and day-6 provision over time, e.g. "la report 1/9/2026 30/11/2026"' },
  { command: 'lists', label: 'Lists', description: 'Pupils on a PSP, at risk of permanent exclusion, looked after or with a social worker, with deadlines this week' },
  { command: 'grant', label: 'Give a role', description: 'Admin: give someone a role at a school ("revoke <id>" takes it away)' },
  { command: 'help', label: 'Help', description: 'Show this menu' },
];

/** What an LA officer can do here: the LA's views, not a school's forms. */
const LA_COMMANDS = new Set(['la report', 'self-reflection', 'evidence', 'signpost', 'help']);

/** Only the LA's officers have these: the LA's figures. */
const LA_ONLY = new Set(['la report']);

/** Only a SENDCo does these: a step outside a review and sharing (who-may.ts onlySendcos). */
const SENDCO_ONLY = new Set(['step', 'share']);

/** The school's self-reflection, filled in by its SENDCo or head (policy.ts fillsInSelfReflection). */
const LEADERS_ONLY = new Set(['self-reflection']);

/** What someone with no role yet can do: find services (the welcome says so). */
const NO_ROLE_COMMANDS = new Set(['signpost', 'help']);

/** What an admin does here: roles, not pupil records (admins see none; grant.ts). */
const ADMIN_COMMANDS = new Set(['signpost', 'grant', 'help']);

/**
 * The menu for a role, in MENU's order: an LA officer sees the LA's views only (their figures,
 * schools' shared ratings, a referred pupil's pack); school staff never see the LA's figures, and a
 * teacher not what only a SENDCo does (issue 12). `null`: the person is known to have no role yet,
 * so only what works without one (a fresh tester was told "for now I can find services" above a
 * menu of every form). `undefined`: the caller does not know whose menu it is; everything.
 */
export const menuFor = (role: Role | null | undefined): MenuItem[] => {
  if (role === null) return MENU.filter((m) => NO_ROLE_COMMANDS.has(m.command));
  // A fresh tester (issue 12) signed in as an admin was offered every pupil form and no way to give a role.
  if (role === 'admin') return MENU.filter((m) => ADMIN_COMMANDS.has(m.command));
  if (role === 'la-officer')
    return MENU.filter((m) => LA_COMMANDS.has(m.command)).map((m) => (m.command === 'self-reflection' ? { ...m, description: 'The self-reflection area ratings schools share with the LA' } : m.command === 'evidence' ? { ...m, description: 'A referred pupil’s graduated response as a PDF, e.g. "evidence 4021 at oak-primary"' } : m));
  if (!role) return MENU;
  return MENU.filter((m) => !LA_ONLY.has(m.command) && m.command !== 'grant' && (role !== 'teacher' || (!SENDCO_ONLY.has(m.command) && !LEADERS_ONLY.has(m.command))) && (role !== 'headteacher' || !SENDCO_ONLY.has(m.command)));
};

/** `typed` adds the tips for answering one question at a time (terminal); card channels have buttons instead. */
export function menuView(intro?: string, opts: { typed?: boolean; role?: Role | null } = {}): View {
  const typed = opts.typed ?? true;
  return {
    blocks: [
      heading('What I can help with'),
      ...(intro ? [text(intro)] : []),
      { type: 'menu', items: menuFor(opts.role) },
      typed ? text('In any question, type "back" to change your last answer or "cancel" to stop.', 'muted') : text(`You can also just type, e.g. ${opts.role === null || opts.role === 'admin' ? '' : '"what next for 4021" or '}"who helps with attendance?".`, 'muted'),
    ],
  };
}
