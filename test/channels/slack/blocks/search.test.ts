import { describe, expect, it } from 'vitest';
import { ACTION, actionKind, CALLBACK, decodeRefineSearch, decodeSearchMetadata } from '../../../../src/channels/slack/blocks/ids.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
import { searchFromState, searchModal } from '../../../../src/channels/slack/blocks/search-modal.js';
import type { SearchView } from '../../../../src/core/views/view.js';
import { searchServices } from '../../../../src/dialogs/signpost-dialog.js';
import { worldWithPupil } from '../../teams/cards/world.js';
import { slackViolations } from './limits.js';
import { button, input, inputs, stateOf, texts } from './query.js';
import { searchesIn } from './replies.js';

const { ctx } = await worldWithPupil();
const searchOf = (q: string, picked = {}): SearchView => searchesIn(searchServices(ctx, q, picked))[0]!;

describe('service search results as a message', () => {
  it('offers "Refine search" above the results, carrying the words and filters', () => {
    const message = messageFrom(searchServices(ctx, 'online tuition year 10'));
    expect(slackViolations(message, 'message')).toEqual([]);
    const refine = button(message.blocks, 'Refine search');
    expect(actionKind(refine.action_id!)).toBe(ACTION.refineSearch);
    expect(decodeRefineSearch(refine.value)).toEqual({ query: 'online tuition year 10', filters: { age: 15, mode: 'online' } });
    expect(texts(message)).toContainEqual(expect.stringMatching(/^\*1\. /));
    expect(texts(message)).toContainEqual(expect.stringMatching(/^Ages \d+–\d+ · online/));
  });

  it('says kindly when nothing matches, and still offers the search', () => {
    const message = messageFrom(searchServices(ctx, 'xyzzy plover'));
    expect(slackViolations(message, 'message')).toEqual([]);
    expect(texts(message)).toContain('No matching services');
    expect(button(message.blocks, 'Refine search')).toBeDefined();
  });

  it('escapes a link or mention typed into the search wherever Slack reads mrkdwn', () => {
    const message = messageFrom(searchServices(ctx, 'attendance <http://evil|x> <!channel> & <@U123>'));
    expect(slackViolations(message, 'message')).toEqual([]);
    const typed = '&lt;http://evil|x&gt; &lt;!channel&gt; &amp; &lt;@U123&gt;';
    // The notification text is read as mrkdwn too; the header is plain_text, which Slack shows as typed.
    expect(message.text).toBe(`Services for “attendance ${typed}”`);
    expect(message.blocks[1]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Services for “attendance <http://evil|x> <!channel> & <@U123>”' } });
    const markup = texts(message, 'mrkdwn').join('\n');
    expect(markup).not.toMatch(/<http:\/\/evil|<!channel>|<@U123>/);
    const none = messageFrom(searchServices(ctx, 'xyzzy <http://evil|x>'));
    expect(texts(none, 'mrkdwn')).toContainEqual(expect.stringContaining('“xyzzy &lt;http://evil|x&gt;”'));
  });
});

describe('the search modal', () => {
  it('has the words and every filter, none required but the words', () => {
    const modal = searchModal(searchOf('attendance'));
    expect(slackViolations(modal, 'modal')).toEqual([]);
    expect(modal).toMatchObject({ callback_id: CALLBACK.search, title: { text: 'Find a service' }, submit: { text: 'Search' } });
    expect(decodeSearchMetadata(modal.private_metadata)).toEqual({});
    expect(inputs(modal).map((b) => [b.block_id, b.optional])).toEqual([
      ['s_query', false],
      ['s_phase', true],
      ['s_district', true],
      ['s_mode', true],
      ['s_age', true],
    ]);
    // As long as Slack allows: every word is read for a worry; the search reads the start.
    expect(input(modal, 's_query').element).toMatchObject({ type: 'plain_text_input', initial_value: 'attendance', max_length: 3000 });
    expect(input(modal, 's_phase').element).toMatchObject({ type: 'static_select', initial_option: { value: 'any' }, options: [{ text: { text: 'Any' } }, { text: { text: 'Early years' } }, { text: { text: 'Primary' } }, { text: { text: 'Secondary' } }, { text: { text: 'Post-16' } }] });
    expect(input(modal, 's_district').element).toMatchObject({ options: expect.arrayContaining([{ text: expect.objectContaining({ text: 'Wyre Forest' }), value: 'wyre-forest' }]) });
    expect(input(modal, 's_mode').element).toMatchObject({ options: [{ value: 'any' }, { value: 'online' }, { value: 'face-to-face' }] });
    expect(input(modal, 's_age').element).toMatchObject({ type: 'number_input', is_decimal_allowed: false, min_value: '2', max_value: '25' });
    expect(searchFromState(stateOf(modal))).toEqual({ query: 'attendance', filters: {} });
  });

  it('keeps picked filters and sends them back unchanged', () => {
    const modal = searchModal(searchOf('tuition', { phase: 'secondary', district: 'worcester', mode: 'face-to-face', age: 14 }));
    expect(slackViolations(modal, 'modal')).toEqual([]);
    expect(searchFromState(stateOf(modal))).toEqual({ query: 'tuition', filters: { phase: 'secondary', district: 'worcester', mode: 'face-to-face', age: 14 } });
  });

  it('drops filter values it does not offer, rather than refusing the search', () => {
    const pick = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
    const state = {
      values: {
        s_query: { value: { type: 'plain_text_input', value: '  autism   support ' } },
        s_phase: pick('university'),
        s_district: pick('Not A Slug!'),
        s_mode: pick('any'),
        s_age: { value: { type: 'number_input', value: '99' } },
      },
    };
    expect(searchFromState(state)).toEqual({ query: 'autism support', filters: {} });
    expect(searchFromState({ values: {} })).toEqual({ query: '', filters: {} });
  });
});
