import type { FormField, FormTemplate } from '../knowledge/schema/templates.js';
import type { Answers, DialogContext, Question } from './dialog.js';
import { choice } from './choice-match.js';
import { dateWithin, limitedText, list, yesNo } from './parse.js';

/**
 * Questions from a pack form template (Appendix 3's plan, the PSP, the referral form), so
 * another LA's template changes the dialog without code. Answers are stored under `prefix.fieldId`.
 */
export function templateQuestions(ctx: DialogContext, template: FormTemplate, prefix: string, skip: readonly string[] = [], known: Readonly<Record<string, string>> = {}): Question[] {
  return template.fields
    .filter((f) => !skip.includes(f.id))
    .map((f): Question => withKnown(question(ctx, f, prefix), f, known[f.id]));
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

function question(ctx: DialogContext, f: FormField, prefix: string): Question {
  const base = { id: `${prefix}.${f.id}`, prompt: f.label, optional: !f.required, ...(f.help ? { help: f.help } : {}) };
  switch (f.kind) {
    case 'yesno':
      return { ...base, kind: 'yesno', parse: (r) => {
        const p = yesNo(r);
        return p.ok ? { ok: true, value: p.value ? 'yes' : 'no' } : p;
      } };
    case 'choice': {
      const choices = f.choices ?? [];
      return { ...base, kind: 'choice', choices, parse: (r) => choice(choices, r) };
    }
    case 'date':
      return { ...base, kind: 'date', parse: (r) => dateWithin(r, ctx.today(), { pastDays: 3650, futureDays: 366, what: f.label.toLowerCase() }) };
    case 'list':
      // Kept as one field, so the items together fit the field's limit too.
      return { ...base, kind: 'list', maxLength: f.maxLength, parse: (r) => {
        const p = list(r, 20, f.maxLength, f.maxLength);
        return p.ok ? { ok: true, value: (p.value as string[]).join('; ') } : p;
      } };
    default:
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
