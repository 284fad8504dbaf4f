import type { Block, QuestionView } from '../../../core/views/view.js';
import type { Element, FactSet } from './adaptive-types.js';
import { renderWithin } from '../../../core/views/fit.js';
import { detailsElements, idSource, type IdSource } from './details.js';
import { andMore, clip, FULL, headingBlock, problemText, textBlock, tonedText, type Budget } from './elements.js';
import { figureElements } from './figures.js';
import { formElements, readFirstElements } from './form-card.js';
import { ladderElements } from './ladder.js';
import { menuElements } from './menu.js';
import { recommendationElement } from './recommendation.js';
import { actionsElements, pagerElements, rowsElements } from './rows.js';
import { searchElements } from './search-card.js';
import { serviceElement } from './service.js';

/** Each channel-neutral block as Adaptive Card elements. */

function facts(items: readonly { label: string; value: string }[], budget: Budget): Element[] {
  const shown = items.slice(0, budget.maxItems);
  const set: FactSet = { type: 'FactSet', facts: shown.map((f) => ({ title: f.label, value: clip(f.value, budget.maxChars) })) };
  return [...(shown.length ? [set] : []), ...(items.length > shown.length ? [andMore(items.length - shown.length)] : [])];
}

function list(items: readonly string[], budget: Budget): Element[] {
  const shown = items.slice(0, budget.maxItems);
  if (!shown.length) return [];
  // One text block an item, with its own bullet: a markdown list's indent made a long item run off
  // the card at phone width (seen in the screenshots), and hosts draw markdown lists differently.
  const bullets = shown.map((i, n) => textBlock(`•\u00a0${clip(i, budget.maxChars).replace(/[\r\n]+/g, ' ')}`, { spacing: n ? 'Small' : 'Default' }));
  return [...bullets, ...(items.length > shown.length ? [andMore(items.length - shown.length)] : [])];
}

/** A single question is for text channels; a card shows it as text in case one is ever shared. */
function question(q: QuestionView): Element[] {
  return [...readFirstElements(q.before), textBlock(q.prompt, { weight: 'Bolder' }), ...(q.error ? [problemText(q.error)] : [])];
}

/** `nextId` names the elements a "Show details" button toggles; one source per card keeps them unique. */
export function blockElements(b: Block, budget: Budget = FULL, nextId: IdSource = idSource()): Element[] {
  switch (b.type) {
    case 'heading':
      return [headingBlock(b.text)];
    case 'text':
      return [tonedText(clip(b.text, budget.maxChars), b.tone)];
    case 'ladder':
      return ladderElements(b.rungs);
    case 'recommendation':
      return [recommendationElement(b.rec, budget, b.part)];
    case 'details':
      return detailsElements(renderWithin({ blocks: b.details.blocks }, budget, (inner, within) => blockElements(inner, within, nextId), andMore), nextId);
    case 'service':
      return [serviceElement(b.rank, b.result, budget)];
    case 'facts':
      return facts(b.facts, budget);
    case 'list':
      return list(b.items, budget);
    case 'menu':
      return menuElements(b.items, budget, nextId);
    case 'question':
      return question(b.question);
    case 'form':
      return formElements(b.form, nextId);
    case 'search':
      return searchElements(b.search);
    case 'rows':
      return rowsElements(b.rows, budget);
    case 'actions':
      return actionsElements(b.actions);
    case 'pager':
      return pagerElements(b);
    case 'table':
      return figureElements(b.table);
  }
}
