import type { CommandButton, Pager, Row } from '../../../core/views/view.js';
import type { Budget } from './budget.js';
import { button } from './buttons.js';
import { ACTION } from './ids.js';
import type { ActionsBlock, KnownBlock, SectionBlock } from './slack-types.js';
import { andMore, clip, context, escape, LIMITS, mrkdwn, oneLine } from './text.js';

/**
 * Rows of a list or a record as sections, each with its button as the accessory; a row of command
 * buttons; and a pager whose buttons replace the message they are on with the next page (so paging
 * through a list leaves one message, as a Teams card updates in place). A row's words are never cut
 * when the whole reply fits: words longer than a section holds carry on in the sections below.
 */

/** Room in a section for the row's words once escaped, keeping a little for the title's markup. */
const SECTION_ROOM = LIMITS.sectionText - 10;

/**
 * Plain text in pieces that each stay within their room once escaped (`first` for the first piece,
 * `rest` for the others), split between words where there are any, so an entity such as `&amp;`
 * is never cut in two. Returned escaped, ready for mrkdwn.
 */
export function escapedChunks(plain: string, first: number, rest: number = first): string[] {
  const out: string[] = [];
  const room = () => (out.length ? rest : first);
  let current = '';
  const push = (t: string) => {
    if (t.trim()) out.push(escape(t.trimEnd()));
  };
  for (const piece of plain.split(/(\s+)/)) {
    if (escape(current + piece).length <= room()) {
      current += piece;
      continue;
    }
    push(current);
    current = piece.trimStart();
    // One word longer than a section holds: cut it by characters.
    while (escape(current).length > room()) {
      let n = room();
      while (n > 1 && escape(current.slice(0, n)).length > room()) n--;
      out.push(escape(current.slice(0, n)));
      current = current.slice(n);
    }
  }
  push(current);
  return out;
}

function rowBlocks(r: Row, budget: Budget): KnownBlock[] {
  const mark = r.tone === 'warning' || r.tone === 'urgent' ? '⚠️ ' : '';
  const title = `${mark}*${escape(clip(oneLine(r.title), Math.min(budget.maxChars, 500)))}*`;
  const detail = r.detail ? clip(r.detail, budget.maxChars) : '';
  const [first, ...more] = detail ? escapedChunks(detail, SECTION_ROOM - title.length - 1, SECTION_ROOM) : [];
  const head: SectionBlock = { type: 'section', text: mrkdwn(first ? `${title}\n${first}` : title, LIMITS.sectionText) };
  if (r.open) head.accessory = button(r.open.label, ACTION.command, r.open.command);
  return [head, ...more.map((t): SectionBlock => ({ type: 'section', text: mrkdwn(t, LIMITS.sectionText) }))];
}

export function rowsBlocks(rows: readonly Row[], budget: Budget): KnownBlock[] {
  const shown = rows.slice(0, budget.maxItems);
  return [...shown.flatMap((r) => rowBlocks(r, budget)), ...(rows.length > shown.length ? [andMore(rows.length - shown.length)] : [])];
}

export function actionsBlocks(buttons: readonly CommandButton[]): KnownBlock[] {
  const rows: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements)
    rows.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements).map((b) => button(b.label, ACTION.command, b.command)) });
  return rows;
}

export function pagerBlocks(p: Pager): KnownBlock[] {
  const buttons = [...(p.previous ? [button('← Previous', ACTION.page, p.previous)] : []), ...(p.next ? [button('Next →', ACTION.page, p.next)] : [])];
  return [context(escape(`Page ${p.page} of ${p.pages} (${p.of})`)), ...(buttons.length ? [{ type: 'actions', elements: buttons } satisfies ActionsBlock] : [])];
}
