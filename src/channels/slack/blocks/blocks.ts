import type { Block, Fact, PersonRef, QuestionView, Tone } from '../../../core/views/view.js';
import { FULL, type Budget } from './budget.js';
import { detailsBlocks } from './details.js';
import { figureBlocks } from './figures.js';
import { withMentions } from './mentions.js';
import { ladderBlocks } from './ladder.js';
import { formLauncher, searchLauncher } from './launchers.js';
import { menuBlocks } from './menu.js';
import { recommendationBlocks } from './recommendation.js';
import { actionsBlocks, pagerBlocks, rowsBlocks } from './rows.js';
import { serviceBlocks } from './service.js';
import type { KnownBlock, SectionBlock } from './slack-types.js';
import { andMore, chunkLines, context, escape, header, LIMITS, mrkdwn, oneLine, safe, section } from './text.js';

/** Each channel-neutral block as Block Kit blocks. Everything the core wrote is escaped. */

const TONE_MARK: Record<Exclude<Tone, 'muted'>, string> = { normal: '', success: '✅ ', warning: '⚠️ ', urgent: '🚨 ' };

function textBlocks(text: string, tone: Tone = 'normal', budget: Budget, people: readonly PersonRef[] = []): KnownBlock[] {
  if (!text.trim()) return [];
  const max = Math.min(budget.maxChars, LIMITS.sectionText - 4);
  const markup = withMentions(safe(text, max), people);
  return [tone === 'muted' ? context(markup) : section(`${TONE_MARK[tone]}${markup}`)];
}

/**
 * A moment in the reader's own time zone, "Today at 10:15 AM", with the London words as the
 * fallback Slack shows where it cannot format dates (notifications, old clients).
 */
function valueMarkup(f: Fact, max: number): string {
  const seconds = f.at ? Math.floor(Date.parse(f.at) / 1000) : Number.NaN;
  // The token and its brackets take about 60 characters of the field.
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} at {time}|${safe(oneLine(f.value), max - 80)}>` : safe(f.value, max);
}

/** Facts as two columns of `*label*` and value, ten to a section. */
function factBlocks(facts: readonly Fact[], budget: Budget): KnownBlock[] {
  const shown = facts.slice(0, budget.maxItems);
  const fieldMax = Math.min(LIMITS.fieldText, budget.maxChars);
  const out: KnownBlock[] = [];
  for (let i = 0; i < shown.length; i += LIMITS.sectionFields) {
    const fields = shown.slice(i, i + LIMITS.sectionFields).map((f) => mrkdwn(`*${escape(oneLine(f.label))}*\n${valueMarkup(f, fieldMax)}`, LIMITS.fieldText));
    out.push({ type: 'section', fields } satisfies SectionBlock);
  }
  return [...out, ...(facts.length > shown.length ? [andMore(facts.length - shown.length)] : [])];
}

/** Bullets, split over several sections when they are longer than one can hold. */
function listBlocks(items: readonly string[], budget: Budget): KnownBlock[] {
  const shown = items.filter((i) => i.trim()).slice(0, budget.maxItems);
  const itemMax = Math.min(budget.maxChars, LIMITS.sectionText - 2);
  const chunks = chunkLines(
    shown.map((i) => `• ${safe(oneLine(i), itemMax)}`),
    LIMITS.sectionText,
  );
  const more = items.length - shown.length;
  return [...chunks.map(section), ...(more > 0 ? [andMore(more)] : [])];
}

/** A single question is for typed conversations: the prompt, any problem, and help in small print. */
function questionBlocks(q: QuestionView): KnownBlock[] {
  // Typed here, so the typed hint ("back") is given too.
  const small = [q.typedHint, q.help, q.defaultLabel ? `Leave blank for: ${q.defaultLabel}.` : undefined].filter((p): p is string => !!p);
  return [
    ...(q.before ?? []).flatMap((b) => blockToSlack(b)),
    section([`*${safe(oneLine(q.prompt), 2000)}*`, ...(q.error ? [`⚠️ ${safe(q.error, 900)}`] : [])].join('\n')),
    ...(small.length ? [context(safe(small.join(' '), LIMITS.textObject))] : []),
  ];
}

export function blockToSlack(b: Block, budget: Budget = FULL): KnownBlock[] {
  switch (b.type) {
    case 'heading':
      return b.text.trim() ? [header(b.text)] : [];
    case 'text':
      return textBlocks(b.text, b.tone, budget, b.people);
    case 'ladder':
      return ladderBlocks(b.rungs);
    case 'recommendation':
      return recommendationBlocks(b.rec, budget, b.part);
    case 'details':
      return detailsBlocks(b.details, budget, blockToSlack);
    case 'service':
      return serviceBlocks(b.rank, b.result, budget);
    case 'facts':
      return factBlocks(b.facts, budget);
    case 'list':
      return listBlocks(b.items, budget);
    case 'menu':
      return menuBlocks(b.items, budget);
    case 'question':
      return questionBlocks(b.question);
    case 'form':
      return formLauncher(b.form);
    case 'search':
      return searchLauncher(b.search);
    case 'rows':
      return rowsBlocks(b.rows, budget);
    case 'actions':
      return actionsBlocks(b.actions);
    case 'pager':
      return pagerBlocks(b);
    case 'table':
      return figureBlocks(b.table);
  }
}
