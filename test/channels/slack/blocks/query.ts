import type { AnyBlock, Button, InputBlock, KnownBlock, ModalView } from '../../../../src/channels/slack/blocks/slack-types.js';

/** Small readers for Block Kit payloads in tests. */

/** Every text (plain_text and mrkdwn, or only one of them) anywhere in a payload, in order. */
export function texts(payload: unknown, only?: 'plain_text' | 'mrkdwn'): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if ((o.type === 'plain_text' || o.type === 'mrkdwn') && (!only || o.type === only) && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(payload);
  return out;
}

/** Every button, in actions blocks and as section accessories. */
export function buttons(blocks: readonly AnyBlock[]): Button[] {
  return (blocks as readonly KnownBlock[]).flatMap((b) => {
    if (b.type === 'actions') return b.elements.filter((e): e is Button => e.type === 'button');
    if (b.type === 'section' && b.accessory?.type === 'button') return [b.accessory];
    return [];
  });
}

export const buttonText = (b: Button): string => b.text.text;

export function button(blocks: readonly AnyBlock[], text: string): Button {
  const found = buttons(blocks).find((b) => b.text.text === text);
  if (!found) throw new Error(`no button "${text}" in ${buttons(blocks).map(buttonText).join(', ')}`);
  return found;
}

export const inputs = (view: Pick<ModalView, 'blocks'>): InputBlock[] => view.blocks.filter((b): b is InputBlock => b.type === 'input');

export function input(view: Pick<ModalView, 'blocks'>, blockId: string): InputBlock {
  const found = inputs(view).find((b) => b.block_id === blockId);
  if (!found) throw new Error(`no input ${blockId}`);
  return found;
}

/** What Slack sends back from a modal nobody changed: each input's initial value, as view.state. */
export function stateOf(view: Pick<ModalView, 'blocks'>): { values: Record<string, Record<string, unknown>> } {
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of inputs(view)) {
    const e = b.element as unknown as Record<string, unknown> & { type: string; action_id: string };
    const state =
      e.type === 'datepicker'
        ? { type: e.type, selected_date: e.initial_date ?? null }
        : e.type === 'static_select' || e.type === 'radio_buttons' || e.type === 'external_select'
          ? { type: e.type, selected_option: e.initial_option ?? null }
          : e.type === 'users_select'
            ? { type: e.type, selected_user: e.initial_user ?? null }
            : { type: e.type, value: e.initial_value ?? null };
    values[b.block_id!] = { [e.action_id]: state };
  }
  return { values };
}
