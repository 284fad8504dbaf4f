/**
 * Every Block Kit limit our payloads could break, checked on plain JSON: a message
 * (`{ text, blocks }`), a modal or a Home tab. Returns every violation as "path: problem", so a
 * failing test says exactly what Slack would refuse. Limits are from the @slack/types JSDoc and
 * the Block Kit reference.
 */

export type Surface = 'message' | 'modal' | 'home';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

const INPUT_ELEMENTS = new Set(['plain_text_input', 'number_input', 'datepicker', 'static_select', 'radio_buttons', 'external_select', 'users_select']);
const ACCESSORIES = new Set(['button', 'static_select', 'radio_buttons', 'datepicker']);
const ACTION_ELEMENTS = new Set(['button', 'static_select', 'radio_buttons', 'datepicker']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

class Check {
  readonly problems: string[] = [];
  private readonly blockIds = new Set<string>();
  private readonly buttonIds = new Set<string>();

  add(path: string, problem: string): void {
    this.problems.push(`${path}: ${problem}`);
  }

  length(path: string, v: unknown, max: number, min = 0): void {
    if (typeof v !== 'string') return this.add(path, 'not a string');
    if (v.length < min) this.add(path, `shorter than ${min}`);
    if (v.length > max) this.add(path, `${v.length} characters, over ${max}`);
  }

  text(path: string, v: unknown, max: number, plainOnly = false): void {
    if (!isObj(v)) return this.add(path, 'missing text object');
    if (v.type !== 'plain_text' && v.type !== 'mrkdwn') this.add(path, `unknown text type ${String(v.type)}`);
    if (plainOnly && v.type !== 'plain_text') this.add(path, 'must be plain_text');
    this.length(`${path}.text`, v.text, max, 1);
  }

  id(path: string, v: unknown): void {
    this.length(path, v, 255, 1);
  }

  blockId(path: string, v: unknown): void {
    if (v === undefined) return;
    this.id(path, v);
    if (typeof v === 'string' && this.blockIds.has(v)) this.add(path, `block_id ${v} repeated in the view`);
    if (typeof v === 'string') this.blockIds.add(v);
  }

  options(path: string, e: Obj, max: number, plainOnly: boolean): void {
    const options = arr(e.options);
    if (!options?.length) return this.add(path, 'no options');
    if (options.length > max) this.add(path, `${options.length} options, over ${max}`);
    const values = new Set<string>();
    options.forEach((o, i) => {
      if (!isObj(o)) return this.add(`${path}.options[${i}]`, 'not an object');
      this.text(`${path}.options[${i}].text`, o.text, 75, plainOnly);
      this.length(`${path}.options[${i}].value`, o.value, 75, 1);
      if (typeof o.value === 'string' && values.has(o.value)) this.add(`${path}.options[${i}]`, `value ${o.value} repeated`);
      if (typeof o.value === 'string') values.add(o.value);
    });
    if (e.initial_option !== undefined && !options.some((o) => JSON.stringify(o) === JSON.stringify(e.initial_option))) this.add(`${path}.initial_option`, 'matches no option exactly');
  }

  element(path: string, e: unknown, allowed: Set<string>): void {
    if (!isObj(e)) return this.add(path, 'not an element');
    const type = String(e.type);
    if (!allowed.has(type)) return this.add(path, `element type ${type} not allowed here`);
    this.id(`${path}.action_id`, e.action_id);
    if (e.placeholder !== undefined) this.text(`${path}.placeholder`, e.placeholder, 150, true);
    switch (type) {
      case 'button':
        this.text(`${path}.text`, e.text, 75, true);
        if (e.value !== undefined) this.length(`${path}.value`, e.value, 2000);
        if (e.url !== undefined) this.length(`${path}.url`, e.url, 3000);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') this.add(`${path}.style`, `unknown style ${String(e.style)}`);
        if (typeof e.action_id === 'string' && this.buttonIds.has(e.action_id)) this.add(`${path}.action_id`, `button action_id ${e.action_id} repeated in the view`);
        if (typeof e.action_id === 'string') this.buttonIds.add(e.action_id);
        return;
      case 'static_select':
        return this.options(path, e, 100, true);
      case 'radio_buttons':
        return this.options(path, e, 10, false);
      case 'plain_text_input': {
        const max = typeof e.max_length === 'number' ? e.max_length : 3000;
        if (!Number.isInteger(max) || max < 1 || max > 3000) this.add(`${path}.max_length`, `${String(e.max_length)} is not 1–3000`);
        if (e.initial_value !== undefined) this.length(`${path}.initial_value`, e.initial_value, max);
        return;
      }
      case 'number_input':
        if (typeof e.is_decimal_allowed !== 'boolean') this.add(`${path}.is_decimal_allowed`, 'required boolean');
        for (const k of ['initial_value', 'min_value', 'max_value'])
          if (e[k] !== undefined && (typeof e[k] !== 'string' || !/^-?\d+(\.\d+)?$/.test(e[k]))) this.add(`${path}.${k}`, `${String(e[k])} is not a number string`);
        return;
      case 'external_select': {
        // Options come from the options load URL; only the one shown chosen is in the view.
        const o = e.initial_option;
        if (o !== undefined) {
          if (!isObj(o)) return this.add(`${path}.initial_option`, 'not an option');
          this.text(`${path}.initial_option.text`, o.text, 75, true);
          this.length(`${path}.initial_option.value`, o.value, 75, 1);
        }
        if (e.min_query_length !== undefined && (!Number.isInteger(e.min_query_length) || (e.min_query_length as number) < 0)) this.add(`${path}.min_query_length`, `${String(e.min_query_length)} is not a whole number`);
        return;
      }
      case 'users_select':
        if (e.initial_user !== undefined && (typeof e.initial_user !== 'string' || !/^[UW][A-Z0-9]+$/.test(e.initial_user))) this.add(`${path}.initial_user`, `${String(e.initial_user)} is not a Slack user id`);
        return;
      case 'datepicker':
        if (e.initial_date !== undefined && (typeof e.initial_date !== 'string' || !ISO_DATE.test(e.initial_date))) this.add(`${path}.initial_date`, `${String(e.initial_date)} is not YYYY-MM-DD`);
        return;
    }
  }

  block(path: string, b: unknown, surface: Surface): void {
    if (!isObj(b)) return this.add(path, 'not a block');
    this.blockId(`${path}.block_id`, b.block_id);
    switch (b.type) {
      case 'header':
        return this.text(`${path}.text`, b.text, 150, true);
      case 'divider':
        return;
      case 'section': {
        const fields = arr(b.fields);
        if (b.text === undefined && !fields) this.add(path, 'section needs text or fields');
        if (b.text !== undefined) this.text(`${path}.text`, b.text, 3000);
        if (b.fields !== undefined && !fields?.length) this.add(`${path}.fields`, 'empty fields');
        if (fields && fields.length > 10) this.add(`${path}.fields`, `${fields.length} fields, over 10`);
        fields?.forEach((f, i) => this.text(`${path}.fields[${i}]`, f, 2000));
        if (b.accessory !== undefined) this.element(`${path}.accessory`, b.accessory, ACCESSORIES);
        return;
      }
      case 'context': {
        const elements = arr(b.elements);
        if (!elements?.length) return this.add(`${path}.elements`, 'no elements');
        if (elements.length > 10) this.add(`${path}.elements`, `${elements.length} elements, over 10`);
        return elements.forEach((e, i) => this.text(`${path}.elements[${i}]`, e, 3000));
      }
      case 'actions': {
        const elements = arr(b.elements);
        if (!elements?.length) return this.add(`${path}.elements`, 'no elements');
        if (elements.length > 25) this.add(`${path}.elements`, `${elements.length} elements, over 25`);
        const ids = elements.map((e) => (isObj(e) ? e.action_id : undefined));
        if (new Set(ids).size !== ids.length) this.add(`${path}.elements`, 'action_id repeated in the block');
        return elements.forEach((e, i) => this.element(`${path}.elements[${i}]`, e, ACTION_ELEMENTS));
      }
      case 'input':
        if (surface === 'message') this.add(path, 'input blocks belong in modals and the Home tab');
        this.text(`${path}.label`, b.label, 2000, true);
        if (b.hint !== undefined) this.text(`${path}.hint`, b.hint, 2000, true);
        if (b.optional !== undefined && typeof b.optional !== 'boolean') this.add(`${path}.optional`, 'not a boolean');
        return this.element(`${path}.element`, b.element, INPUT_ELEMENTS);
      default:
        return this.add(path, `unknown block type ${String(b.type)}`);
    }
  }
}

/** Every problem Slack would refuse (or we promise not to send) in a message, modal or Home tab. */
export function slackViolations(payload: unknown, surface: Surface): string[] {
  const c = new Check();
  if (!isObj(payload)) return ['payload: not an object'];
  const blocks = arr(payload.blocks);
  if (!blocks) return ['blocks: missing'];
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) c.add('blocks', `${blocks.length} blocks, over ${max}`);
  blocks.forEach((b, i) => c.block(`blocks[${i}]`, b, surface));
  if (surface === 'message') c.length('text', payload.text, 40_000, 1);
  else {
    if (payload.type !== surface) c.add('type', `expected ${surface}, got ${String(payload.type)}`);
    if (payload.private_metadata !== undefined) c.length('private_metadata', payload.private_metadata, 3000);
    if (payload.callback_id !== undefined) c.id('callback_id', payload.callback_id);
  }
  if (surface === 'modal') {
    c.text('title', payload.title, 24, true);
    for (const k of ['submit', 'close']) if (payload[k] !== undefined) c.text(k, payload[k], 24, true);
    if (blocks.some((b) => isObj(b) && b.type === 'input') && payload.submit === undefined) c.add('submit', 'required when the modal has inputs');
  }
  return c.problems;
}
