import { describe, expect, it } from 'vitest';
import { slackViolations } from './limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const button = (id: string, text = 'Go', value = 'v') => ({ type: 'button', action_id: id, text: plain(text), value });

describe('the limits checker', () => {
  it('passes a small valid message, modal and Home tab', () => {
    expect(slackViolations({ text: 'Hi', blocks: [{ type: 'header', text: plain('Hi') }, { type: 'section', text: md('*Hello*') }] }, 'message')).toEqual([]);
    const input = { type: 'input', block_id: 'q_a', label: plain('A?'), element: { type: 'plain_text_input', action_id: 'value', max_length: 300 } };
    expect(slackViolations({ type: 'modal', title: plain('Form'), submit: plain('Save'), blocks: [input] }, 'modal')).toEqual([]);
    expect(slackViolations({ type: 'home', blocks: [{ type: 'divider' }] }, 'home')).toEqual([]);
  });

  it('catches every kind of violation', () => {
    const long = (n: number) => 'x'.repeat(n);
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ text: plain(`o${i}`), value: `${i}` }));
    const message = {
      text: '',
      blocks: [
        ...Array.from({ length: 45 }, () => ({ type: 'divider' })),
        { type: 'header', text: md(long(151)) },
        { type: 'section', block_id: 'same', text: md(long(3001)) },
        { type: 'section', block_id: 'same', fields: Array.from({ length: 11 }, () => md(long(2001))) },
        { type: 'section' },
        { type: 'context', elements: Array.from({ length: 11 }, () => md('')) },
        { type: 'actions', elements: [...Array.from({ length: 25 }, (_, i) => button(`b${i}`)), button('b0', long(76), long(2001))] },
        { type: 'actions', elements: [{ type: 'static_select', action_id: long(256), options: options(101), placeholder: plain(long(151)), initial_option: { text: plain('x'), value: 'x' } }] },
        { type: 'actions', elements: [{ type: 'radio_buttons', action_id: 'r', options: [...options(10), { text: plain(long(76)), value: long(76) }] }] },
        { type: 'input', label: md('Label'), element: { type: 'plain_text_input', action_id: 'value', max_length: 3001 } },
        { type: 'image', image_url: 'https://example.org/x.png', alt_text: 'x' },
      ],
    };
    const problems = slackViolations(message, 'message');
    const expected = [
      'blocks: 55 blocks, over 50',
      'text: shorter than 1',
      'blocks[45].text: must be plain_text',
      'blocks[45].text.text: 151 characters, over 150',
      'blocks[46].text.text: 3001 characters, over 3000',
      'blocks[47].block_id: block_id same repeated in the view',
      'blocks[47].fields: 11 fields, over 10',
      'blocks[47].fields[0].text: 2001 characters, over 2000',
      'blocks[48]: section needs text or fields',
      'blocks[49].elements: 11 elements, over 10',
      'blocks[49].elements[0].text: shorter than 1',
      'blocks[50].elements: 26 elements, over 25',
      'blocks[50].elements: action_id repeated in the block',
      'blocks[50].elements[25].text.text: 76 characters, over 75',
      'blocks[50].elements[25].value: 2001 characters, over 2000',
      'blocks[50].elements[25].action_id: button action_id b0 repeated in the view',
      'blocks[51].elements[0].action_id: 256 characters, over 255',
      'blocks[51].elements[0].placeholder.text: 151 characters, over 150',
      'blocks[51].elements[0]: 101 options, over 100',
      'blocks[51].elements[0].initial_option: matches no option exactly',
      'blocks[52].elements[0]: 11 options, over 10',
      'blocks[52].elements[0].options[10].text.text: 76 characters, over 75',
      'blocks[52].elements[0].options[10].value: 76 characters, over 75',
      'blocks[53]: input blocks belong in modals and the Home tab',
      'blocks[53].label: must be plain_text',
      'blocks[53].element.max_length: 3001 is not 1–3000',
      'blocks[54]: unknown block type image',
    ];
    for (const p of expected) expect(problems).toContain(p);
  });

  it('checks the modal itself: title, buttons, metadata, and submit when there are inputs', () => {
    const input = { type: 'input', label: plain('A?'), element: { type: 'datepicker', action_id: 'value', initial_date: '18/12/2026' } };
    const modal = { type: 'modal', title: plain('A title far too long for a modal'), close: md('Cancel'), private_metadata: 'x'.repeat(3001), blocks: [input] };
    expect(slackViolations(modal, 'modal')).toEqual(
      expect.arrayContaining([
        'title.text: 32 characters, over 24',
        'close: must be plain_text',
        'private_metadata: 3001 characters, over 3000',
        'submit: required when the modal has inputs',
        'blocks[0].element.initial_date: 18/12/2026 is not YYYY-MM-DD',
      ]),
    );
    expect(slackViolations({ type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }, 'home')).toEqual(['blocks: 101 blocks, over 100']);
  });
});
