import type { Contact } from '../knowledge/schema/common.js';
import type { Recommendation } from '../core/guidance/types.js';
import { textTable } from '../core/views/text-table.js';
import type { Block, Pager, QuestionView, RecommendationPart, Row, View } from '../core/views/view.js';

/** Plain-text rendering of the neutral views, for the terminal (and any text-only fallback). */

const contact = (c: Contact) => (c.kind === 'phone' ? `tel ${c.value}${c.hours ? ` (${c.hours})` : ''}` : c.value);

/** A recommendation, or the part of it a first screen or its details show (RecommendationPart). */
function recommendation(r: Recommendation, part?: RecommendationPart): string[] {
  const mark = r.kind === 'safeguarding' ? '!!! ' : r.kind === 'warning' ? '! ' : '- ';
  if (part === 'notice') return [`${mark}${r.brief ?? r.title}`, ...(r.because ? [`  Why: ${r.because}.`] : [])];
  const lines = [`${mark}${r.title}`];
  if (part !== 'brief' && part !== 'refs') lines.push(`  ${r.detail}`);
  if (r.because && part !== 'refs') lines.push(`  Why: ${r.because}.`);
  if (part === 'brief' || part === 'words') return [...lines, `  Led by: ${r.ledByLabel}.`];
  lines.push(part === 'refs' ? `  Source: ${r.citation}.` : `  Led by: ${r.ledByLabel}. Source: ${r.citation}.`);
  for (const s of r.services) lines.push(`  Contact ${s.name}${s.contacts.length ? `: ${s.contacts.map(contact).join(', ')}` : ''}`);
  return lines;
}

function question(q: QuestionView): string[] {
  // Asked again after an answer it could not use: the reading is just above, so only what to type.
  const lines: string[] = q.readAbove ? [] : (q.before ?? []).flatMap(block);
  if (q.error) lines.push(`  ${q.error}${q.readAbove ? ` ${typeThis(q)}` : ''}`);
  if (q.typedHint) lines.push(`  ${q.typedHint}`);
  // The person's own words, given back when they were refused (too long): to shorten, not to retype.
  if (q.error && q.value) lines.push('  What you wrote:', q.value);
  const tail = q.defaultLabel ? ` [blank = ${q.defaultLabel}]` : q.optional ? ' [optional: leave blank to skip]' : '';
  // A terminal answer is one line, so a list's items are separated with ";" there (cards take one per line).
  const how = q.kind === 'yesno' ? ' (yes/no)' : q.kind === 'list' ? ' (separate them with ";")' : '';
  lines.push(`? ${q.prompt}${how}${tail}`);
  q.choices?.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  return lines;
}

/** What to type, for a question asked again with its reading above it. */
const typeThis = (q: QuestionView): string =>
  q.kind === 'yesno' ? 'Type "yes" or "no" (what to read first is above).' : q.choices?.length ? 'Type a number or the words of a choice (what to read first is above).' : 'Type your answer (what to read first is above).';

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
      return recommendation(b.rec, b.part);
    case 'details':
      // The terminal keeps the details for "details" (conversation.ts), so a long reply stays one screen.
      return ['', `Type "details" for ${b.details.summary}.`];
    case 'service': {
      const r = b.result;
      const contacts = r.contacts.map(contact).join(', ');
      return [`${b.rank}. ${r.name}${contacts ? ` | ${contacts}` : ''}`, `   ${r.summary}${r.why.length ? ` (${r.why.join('; ')})` : ''}`];
    }
    case 'facts':
      return b.facts.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return b.items.map((i) => `- ${i}`);
    case 'menu': {
      const width = Math.max(12, ...b.items.map((i) => i.command.length + 1));
      return b.items.map((i) => `  ${i.command.padEnd(width)} ${i.description}`);
    }
    case 'question':
      return question(b.question);
    case 'form':
      // The terminal asks one question at a time; a whole form only appears if a channel shares its views.
      return [`== ${b.form.title} ==`, ...(b.form.notice ? [b.form.notice] : []), ...b.form.questions.flatMap(question)];
    case 'search':
      // The terminal searches by typing; the heading above the results already names the filters.
      return [];
    case 'rows':
      return b.rows.flatMap(row);
    case 'actions':
      return b.actions.length ? [`Type ${b.actions.map((a) => `"${a.command}"${a.label.toLowerCase() === a.command ? '' : ` (${a.label.toLowerCase()})`}`).join(', ')}.`] : [];
    case 'pager':
      return [pager(b)];
    case 'table':
      return ['', b.table.title, ...textTable(b.table).map((l) => `  ${l}`), ...(b.table.note ? [`  ${b.table.note}`] : [])];
  }
}

/** A row: its title, what it says indented under it, and the command that opens it. */
function row(r: Row): string[] {
  const mark = r.tone === 'warning' || r.tone === 'urgent' ? '! ' : '* ';
  const detail = r.detail ? r.detail.split(/\r?\n/).map((l) => `    ${l}`) : [];
  return [`${mark}${r.title}${r.open ? `  [${r.open.command}]` : ''}`, ...detail];
}

/** Where a long list is, and how to see more: "more" for the next page (the conversation keeps its command). */
function pager(p: Pager): string {
  const where = `Page ${p.page} of ${p.pages} (${p.of}).`;
  const next = p.next ? ' Type "more" for the next page' : '';
  const previous = p.previous ? `${next ? ', or' : ' Type'} "${p.previous}" for the one before` : '';
  return `${where}${next}${previous}${next || previous ? '.' : ''}`;
}

export function renderText(views: readonly View[]): string {
  return views.flatMap((v) => v.blocks.flatMap(block)).join('\n');
}
