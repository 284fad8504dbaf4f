import { withPlaces, type FormField, type FormTemplate } from '../knowledge/schema/templates.js';
import type { Answers, DialogContext, Question } from './dialog.js';
import { choice } from './choice-match.js';
import { anchorFor, dateRuleProblem, fieldName, type AskedAs } from './date-rules.js';
import { dateWithin, limitedText, list, staffNameText, yesNo } from './parse.js';

/** What a dialog tells the template's questions: what the bot knows, the answers so far and where it keeps fields it asks itself. */
export interface TemplateOptions {
  /** Answers the bot already has (the school's name on a referral), by field id. */
  known?: Readonly<Record<string, string>>;
  /** The answers so far, for a date rule that counts from another date (DateRule.after). */
  answers?: Answers;
  /** Fields the dialog asks its own way, by field id → its question id. */
  askedAs?: AskedAs;
  /** Words for the `{name}` places in a field's label and help ("{service}": the service referred to). */
  words?: Readonly<Record<string, string>>;
}


/**
 * Questions from a pack form template (Appendix 3's plan, the PSP, the referral form), so
 * another LA's template changes the dialog without code. Answers are stored under `prefix.fieldId`.
 */
export function templateQuestions(ctx: DialogContext, template: FormTemplate, prefix: string, skip: readonly string[] = [], opts: TemplateOptions = {}): Question[] {
  return template.fields
    .filter((f) => !skip.includes(f.id))
    .map((f): Question => withKnown(question(ctx, f, prefix, template, opts), f, opts.known?.[f.id]));
}

/**
 * A field the bot can already answer (`known`: the school's name on a referral) starts filled in on a
 * card or modal, and a blank answer in a typed conversation takes it ("blank = Oak Primary").
 */
function withKnown(q: Question, f: FormField, known: string | undefined): Question {
  if (!known?.trim()) return q;
  const label = f.kind === 'choice' ? (f.choices?.find((c) => c.value === known)?.label ?? known) : known;
  return { ...q, initial: known, fallback: { value: known, label } };
}

/** Date fields about what is still to come (a plan's start or end, a review): a bare weekday is the next one. */
const AHEAD = /^(?:startDate|endDate|reviewDate|nextReviewDate)$/;

/** How a date's window messages name it ("The date the referral was made can’t be in the future"). */
const dateWhat = (f: FormField) => (f.dateRule?.notFuture && f.name ? f.name.replace(/^the /, '') : f.label.toLowerCase());

function question(ctx: DialogContext, f: FormField, prefix: string, template: FormTemplate, opts: TemplateOptions): Question {
  const base = { id: `${prefix}.${f.id}`, prompt: withPlaces(f.label, opts.words), optional: !f.required, ...(f.help ? { help: withPlaces(f.help, opts.words) } : {}) };
  switch (f.kind) {
    case 'yesno':
      return { ...base, kind: 'yesno', parse: (r) => {
        const p = yesNo(r);
        return p.ok ? { ...p, value: p.value ? 'yes' : 'no' } : p;
      } };
    case 'choice': {
      const choices = f.choices ?? [];
      return { ...base, kind: 'choice', choices, parse: (r) => choice(choices, r) };
    }
    case 'date':
      return { ...base, kind: 'date', parse: (r) => {
        const d = dateWithin(r, ctx.today(), { pastDays: 3650, futureDays: f.dateRule?.notFuture ? 0 : 366, what: dateWhat(f), weekdayAhead: AHEAD.test(f.id) });
        const anchor = anchorFor(template, f, opts.answers ?? {}, prefix, opts.askedAs);
        const problem = d.ok && f.dateRule ? dateRuleProblem(ctx.calendar, f.dateRule, fieldName(f), d.value as string, anchor) : undefined;
        return problem ? { ok: false, message: problem } : d;
      } };
    case 'list':
      // Kept as one field, so the items together fit the field's limit too.
      return { ...base, kind: 'list', maxLength: f.maxLength, parse: (r) => {
        const p = list(r, 20, f.maxLength, f.maxLength);
        return p.ok ? { ok: true, value: (p.value as string[]).join('; ') } : p;
      } };
    default:
      // A staff name is the answer itself, so it is not handed back as naming someone.
      if (f.staffName) return { ...base, kind: 'text', maxLength: f.maxLength, parse: (r) => staffNameText(r, f.maxLength) };
      return { ...base, kind: f.kind === 'longtext' ? 'longtext' : 'text', ...limitedText(f.maxLength) };
  }
}

/** Collects `prefix.*` answers into a field record, leaving out skipped ones. */
export function templateValues(answers: Answers, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers)) {
    if (k.startsWith(`${prefix}.`) && typeof v === 'string' && v !== '') out[k.slice(prefix.length + 1)] = v;
  }
  return out;
}

export function packForm(ctx: DialogContext, id: string): FormTemplate | undefined {
  return ctx.pack.forms.find((f) => f.id === id);
}
