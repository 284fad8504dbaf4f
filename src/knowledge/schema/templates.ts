import { z } from 'zod/v4';
import { FIELD_MAX } from '../../core/cases/text-limits.js';
import { SeedRef, Slug } from './common.js';

const FieldId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a camelCase field id');

/**
 * What a date answer must meet beside the other answers of its form, checked as it is typed and
 * refused with a message naming the field and what to type: after another date of the form (a
 * PSP's end after its start), within so many calendar days of it, and on a school day of the
 * school's calendar (a review), where a date that is not gets the first school day after it.
 */
export const DateRule = z.strictObject({
  /** A date field of the same form this one must come after (not on the same day). */
  after: FieldId.optional(),
  /** At most this many calendar days (not school days) after `after`. */
  maxDaysAfter: z.number().int().positive().max(3650).optional(),
  /** On a school day: not a weekend, bank holiday, closure or school holiday. */
  schoolDay: z.boolean().default(false),
  /** Today or earlier (London): a record of something done, such as the day a referral was made. */
  notFuture: z.boolean().optional(),
});
export type DateRule = z.infer<typeof DateRule>;

export const FormField = z.object({
  id: FieldId,
  label: z.string().min(2).max(120),
  /** How a message names the field in a sentence, where its label reads badly there ("the plan’s date" for "Date"). */
  name: z.string().min(2).max(60).optional(),
  help: z.string().max(300).optional(),
  kind: z.enum(['text', 'longtext', 'date', 'list', 'yesno', 'choice']),
  choices: z.array(z.object({ value: Slug, label: z.string() })).optional(),
  required: z.boolean().default(false),
  /** Characters an answer may have; at most what the store keeps in a field. */
  maxLength: z.number().int().positive().max(FIELD_MAX).default(FIELD_MAX),
  /** For a date: how it stands to the form's other dates and the school calendar. */
  dateRule: DateRule.optional(),
  /**
   * A text field whose answer is a member of staff's name (004's head teacher, SENDCo, DSL): a name
   * is what it asks, so it is not handed back as naming someone. Pupils' names are never asked.
   */
  staffName: z.literal(true).optional(),
});
export type FormField = z.infer<typeof FormField>;

/** A form the bot walks staff through: PCP (Appendix 3), Incident Support Plan, PSP, referral. */
export const FormTemplate = z
  .object({
    id: Slug,
    title: z.string().min(3),
    purpose: z.string().min(10),
    fields: z.array(FormField).min(1),
    source: SeedRef,
  })
  .superRefine((form, ctx) => {
    form.fields.forEach((f, i) => {
      const rule = f.dateRule;
      if (!rule) return;
      if (f.kind !== 'date') ctx.addIssue({ code: 'custom', path: ['fields', i, 'dateRule'], message: `a dateRule belongs on a date field; "${f.id}" is ${f.kind}` });
      if (rule.maxDaysAfter !== undefined && !rule.after) ctx.addIssue({ code: 'custom', path: ['fields', i, 'dateRule', 'maxDaysAfter'], message: 'maxDaysAfter counts from "after": name the date it counts from' });
      if (!rule.after) return;
      const anchor = form.fields.find((x) => x.id === rule.after);
      if (!anchor || anchor.kind !== 'date' || anchor.id === f.id)
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'dateRule', 'after'], message: `"${rule.after}" is not another date field of the form "${form.id}"` });
    });
  });
export type FormTemplate = z.infer<typeof FormTemplate>;

/**
 * A field's label or help with its `{name}` places filled from `words` ("What support would you like
 * from {service}?" with the service referred to); a place with no word reads "the <name>", so a
 * label shown where the word is not known (an old record) still reads as a sentence.
 */
export function withPlaces(text: string, words: Readonly<Record<string, string>> = {}): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => words[name] ?? `the ${name}`);
}

/**
 * Which items of an area a suggestion answers: an item id ("2.3b") or a heading of the tool that
 * starts several ("2.3" is 2.3a to 2.3d). Empty: the area as a whole.
 */
const ItemRefs = z.array(z.string().regex(/^\d+\.\d+[a-z]?$/, 'an item id such as "2.3b" or a heading such as "2.3"')).default([]);

/**
 * What the pack suggests when an area of the self-reflection is weak, or one of its items rated
 * 1 or 2: a whole-school action (from Step 1, or a numbered pathway action by its id), a service in
 * this pack (Appendix 1), or a link the tool itself gives. Each cites the seed section it comes from.
 */
export const ReflectionSuggestion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('action'),
    title: z.string().min(5).max(160),
    detail: z.string().min(10).max(600),
    /** A numbered action of the pathway (e.g. "3"), when the suggestion is one. */
    pathwayAction: z.string().regex(/^\d{1,2}[a-z]?$/).optional(),
    items: ItemRefs,
    source: SeedRef,
  }),
  z.object({ kind: z.literal('service'), serviceId: Slug, why: z.string().min(10).max(600), items: ItemRefs, source: SeedRef }),
  z.object({ kind: z.literal('link'), title: z.string().min(3).max(160), url: z.url({ protocol: /^https$/ }), why: z.string().min(10).max(600), items: ItemRefs, source: SeedRef }),
]);
export type ReflectionSuggestion = z.infer<typeof ReflectionSuggestion>;

/** One area of the tool (Appendix 2's numbered sections), its items and what helps where it is weak. */
export const ReflectionArea = z.object({
  id: Slug,
  title: z.string().min(3),
  items: z.array(z.object({ id: z.string().regex(/^\d+\.\d+[a-z]$/, 'an item id such as "1.1a"'), text: z.string().min(5).max(400) })).min(1).max(40),
  suggestions: z.array(ReflectionSuggestion).default([]),
});
export type ReflectionArea = z.infer<typeof ReflectionArea>;

/** Appendix 2: the Inclusion Self-Reflection Tool. */
export const SelfReflectionTool = z
  .object({
    areas: z.array(ReflectionArea).min(1).max(12),
    rag: z.array(z.object({ score: z.number().int().min(1).max(4), label: z.string().min(3).max(40), meaning: z.string() })).length(4),
    source: SeedRef,
  })
  .superRefine((tool, ctx) => {
    tool.rag.forEach((r, i) => {
      if (r.score !== i + 1) ctx.addIssue({ code: 'custom', path: ['rag', i, 'score'], message: `the RAG scale is listed 1 to 4 in order; found ${r.score} at position ${i + 1}` });
    });
    const seen = new Map<string, string>();
    tool.areas.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'id'], message: `area "${a.id}" is listed twice` });
      seen.set(a.id, a.id);
      a.items.forEach((item, j) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'items', j, 'id'], message: `item "${item.id}" is listed twice` });
        seen.set(item.id, a.id);
      });
      a.suggestions.forEach((s, j) =>
        s.items.forEach((ref, k) => {
          if (!a.items.some((item) => itemMatches(item.id, ref)))
            ctx.addIssue({ code: 'custom', path: ['areas', i, 'suggestions', j, 'items', k], message: `"${ref}" names no item of the area "${a.id}"` });
        }),
      );
    });
  });
export type SelfReflectionTool = z.infer<typeof SelfReflectionTool>;

/** Whether an item ("2.3b") is the one a suggestion names, or under the heading it names ("2.3"). */
export function itemMatches(itemId: string, ref: string): boolean {
  return itemId === ref || (/^\d+\.\d+$/.test(ref) && itemId.startsWith(ref) && /^[a-z]$/.test(itemId.slice(ref.length)));
}

/** Appendix 4: legislation and guidance. */
export const LegislationItem = z.object({
  title: z.string().min(3),
  why: z.string().min(5),
  link: z.url().optional(),
  source: SeedRef,
});
export type LegislationItem = z.infer<typeof LegislationItem>;
