import type { Contact } from '../knowledge/schema/common.js';
import type { Recommendation } from '../core/guidance/types.js';
import type { Block, QuestionView, View } from '../core/views/view.js';

/** Plain-text rendering of the neutral views, for the terminal (and any text-only fallback). */

const contact = (c: Contact) => (c.kind === 'phone' ? `tel ${c.value}${c.hours ? ` (${c.hours})` : ''}` : c.value);

function recommendation(r: Recommendation): string[] {
  const mark = r.kind === 'safeguarding' ? '!!! ' : r.kind === 'warning' ? '! ' : '- ';
  const lines = [`${mark}${r.title}`, `  ${r.detail}`];
  if (r.because) lines.push(`  Why: ${r.because}.`);
  lines.push(`  Led by: ${r.ledByLabel}. Source: ${r.citation}.`);
  for (const s of r.services) lines.push(`  Contact ${s.name}${s.contacts.length ? `: ${s.contacts.map(contact).join(', ')}` : ''}`);
  return lines;
}

function question(q: QuestionView): string[] {
  const lines: string[] = (q.before ?? []).flatMap(block);
  if (q.error) lines.push(`  ${q.error}`);
  // The person's own words, given back when they were refused (too long): to shorten, not to retype.
  if (q.error && q.value) lines.push('  What you wrote:', q.value);
  const tail = q.defaultLabel ? ` [blank = ${q.defaultLabel}]` : q.optional ? ' [optional: leave blank to skip]' : '';
  // A terminal answer is one line, so a list's items are separated with ";" there (cards take one per line).
  const how = q.kind === 'yesno' ? ' (yes/no)' : q.kind === 'list' ? ' (separate them with ";")' : '';
  lines.push(`? ${q.prompt}${how}${tail}`);
  q.choices?.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  return lines;
}

function block(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return ['', `== ${b.text} ==`];
    case 'text':
      return [b.tone === 'warning' || b.tone === 'urgent' ? `! ${b.text}` : b.text];
    case 'ladder':
      return [
        b.rungs
          .map((r) => (r.state === 'current' ? `[${r.step} you are here]` : r.state === 'recommended' ? `[${r.step} go here next]` : `${r.step}`))
          .join(' > '),
      ];
    case 'recommendation':
      return recommendation(b.rec);
    case 'service': {
      const r = b.result;
      const contacts = r.contacts.map(contact).join(', ');
      return [`${b.rank}. ${r.name}${contacts ? ` | ${contacts}` : ''}`, `   ${r.summary}${r.why.length ? ` (${r.why.join('; ')})` : ''}`];
    }
    case 'facts':
      return b.facts.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return b.items.map((i) => `- ${i}`);
    case 'menu':
      return b.items.map((i) => `  ${i.command.padEnd(12)} ${i.description}`);
    case 'question':
      return question(b.question);
    case 'form':
      // The terminal asks one question at a time; a whole form only appears if a channel shares its views.
      return [`== ${b.form.title} ==`, ...(b.form.notice ? [b.form.notice] : []), ...b.form.questions.flatMap(question)];
    case 'search':
      // The terminal searches by typing; the heading above the results already names the filters.
      return [];
  }
}

export function renderText(views: readonly View[]): string {
  return views.flatMap((v) => v.blocks.flatMap(block)).join('\n');
}
