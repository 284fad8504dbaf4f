import type { Exclusion, PupilCase, Referral } from '../core/cases/pupil-case.js';
import { FIELD_MAX } from '../core/cases/text-limits.js';
import { standingExclusions } from '../core/exclusions/withdrawn.js';
import { pupilFacts } from '../core/facts/pupil-facts.js';
import { count } from '../core/text/plural.js';
import { schoolCalled } from './views/record-words.js';
import { ukDate } from '../core/text/uk-date.js';
import type { DialogContext } from './dialog.js';
import { packForm } from './template-questions.js';

/**
 * What the bot already knows for a referral's fields (seed 004's form), so nobody types it twice:
 * the school's and referrer's details from earlier referrals, the pupil's SEN status, and their
 * suspensions and exclusions as recorded.
 */

/**
 * Said on every LA notice and LA copy of a referral: the bot keeps only the pupil's reference and
 * initials, so the LA team must ask the school, by a safe route, for the details the paper form has.
 */
export const FULL_DETAILS_FROM_SCHOOL =
  'The bot keeps only the pupil’s reference and initials. Get the pupil’s and parents’ full details (names, date of birth, address, contacts) from the school directly, by phone or secure email, not from the bot; reasons and plans stay with the school too.';

/** The school's details on a referral, the same on every referral the school makes (004 asks the head teacher's, SENDCo's and DSL's names). */
const SCHOOL_FIELDS = ['schoolName', 'schoolAddress', 'schoolTelephone', 'headteacherName', 'sendcoName', 'dslName', 'dslContact'] as const;
/** The referrer's own details, the same on every referral they make. */
const REFERRER_FIELDS = ['referrerRole', 'referrerContact'] as const;

/**
 * What the bot already knows for a referral's fields, so nobody types it twice: the school's details
 * as written on its last referral this person may see (its name otherwise from the school they work
 * at), their own role and contact as on their last referral (a SENDCo's role is plain), and the
 * pupil's SEN status and previous suspensions and exclusions as their record has them. Read through
 * the case service like any list.
 */
export async function knownForReferral(ctx: DialogContext, c: PupilCase): Promise<Record<string, string>> {
  const school = ctx.user.schoolId ?? c.schoolId;
  const referrals = (await ctx.cases.visibleCases(ctx.user))
    .filter((x) => x.schoolId === school)
    .flatMap((x) => x.referrals)
    .sort((a, b) => b.date.localeCompare(a.date));
  const latest = (field: string, among: readonly Referral[]) => among.find((r) => r.fields[field]?.trim())?.fields[field];
  // The school as the staff file names it, as every view and the pack do, not its id's words.
  const known: Record<string, string> = { schoolName: schoolCalled(ctx, school) };
  for (const f of SCHOOL_FIELDS) {
    const v = latest(f, referrals);
    if (v) known[f] = v;
  }
  // The staff file knows the school's SENDCos (it has no head teacher or DSL role): their names over
  // an earlier referral's, as the file is kept up to date when a SENDCo leaves.
  const sendcos = sendcoNames(ctx, school);
  if (sendcos) known.sendcoName = sendcos;
  const mine = referrals.filter((r) => r.by === ctx.user.id);
  if (ctx.user.role === 'sendco') known.referrerRole = 'SENDCo';
  if (ctx.user.role === 'headteacher') known.referrerRole = 'Headteacher';
  for (const f of REFERRER_FIELDS) {
    const v = latest(f, mine);
    if (v) known[f] = v;
  }
  const { flags } = pupilFacts(c);
  known.senStatus = flags.ehcp ? 'ehcp' : flags.senSupport ? 'sen-support' : 'none';
  const max = packForm(ctx, 'referral')?.fields.find((f) => f.id === 'previousExclusions')?.maxLength ?? FIELD_MAX;
  // Those standing today, as the saved referral will list them (referralFieldsShown): a fresh LA tester
  // (issue 13) was shown a withdrawn suspension here that the saved referral then left out.
  const standing = standingExclusions(c).filter((x) => x.startDate <= ctx.today());
  const exclusions = previousExclusions({ exclusions: standing }, max);
  if (exclusions) known.previousExclusions = exclusions;
  return known;
}

/**
 * The school's SENDCos by name, as the staff directory knows them: the person referring when they
 * are the SENDCo, else every named SENDCo at the school ("Sam Patel and Jo Khan"). Undefined when
 * none is named, so the question is asked blank.
 */
function sendcoNames(ctx: DialogContext, school: string): string | undefined {
  if (ctx.user.role === 'sendco' && ctx.user.schoolId === school && ctx.user.displayName) return ctx.user.displayName;
  const names = (ctx.staff?.list?.() ?? []).filter((m) => m.role === 'sendco' && m.schoolId === school && m.displayName).map((m) => m.displayName!);
  return names.length ? [...new Set(names)].sort().join(' and ') : undefined;
}

/**
 * A referral's form answers as anyone may see them (the saved referral, `show referral`, the
 * evidence pack): "Details of previous exclusions" read again from the record, dates, kind and
 * length only, of the suspensions and exclusions standing on the referral's day. A referral is read
 * by the LA, and a reason may name someone, so the reasons stay on the pupil's record; this also
 * covers referrals saved before the field left them out. Fields are otherwise as saved.
 */
export function referralFieldsShown(c: Pick<PupilCase, 'exclusions' | 'facts'>, r: Pick<Referral, 'date' | 'fields'>, max: number): Readonly<Record<string, string>> {
  if (!r.fields.previousExclusions?.trim()) return r.fields;
  const before = standingExclusions(c).filter((x) => x.startDate <= r.date);
  return { ...r.fields, previousExclusions: previousExclusions({ exclusions: before }, max) ?? 'None recorded by the referral’s date.' };
}


/** One suspension or exclusion as the referral's "Details of previous exclusions" lists it: date, kind and length in school days, never the reason. */
function exclusionLine(x: Exclusion): string {
  const what = x.kind === 'permanent' ? 'permanent exclusion' : `suspension of ${count(x.days, 'school day')}`;
  return `${ukDate(x.startDate)}: ${what}`;
}

/**
 * The pupil's suspensions and exclusions as recorded, oldest first, for "Details of previous
 * exclusions" (004): dates, kind and length in school days only, for every reader. 004 asks for
 * reasons too, but a referral is read by the LA and a reason as typed may name someone, so the
 * reasons stay on the pupil's record (issue 13). Undefined when none are recorded. Within `max`
 * characters: when they do not all fit, the latest that do, saying how many earlier ones are on the record.
 */
export function previousExclusions(c: Pick<PupilCase, 'exclusions'>, max: number): string | undefined {
  const lines = [...c.exclusions].sort((a, b) => a.startDate.localeCompare(b.startDate)).map(exclusionLine);
  if (!lines.length) return undefined;
  for (let from = 0; from < lines.length; from++) {
    const lead = from ? `${count(from, 'earlier one')} on the pupil’s record; ` : '';
    const text = `${lead}${lines.slice(from).join('; ')}`;
    if (text.length <= max) return text;
  }
  return `${count(lines.length, 'suspension or exclusion', 'suspensions or exclusions')} on the pupil’s record: see the record for their dates.`;
}
