import { describe, expect, it } from 'vitest';
import { executeAction, VERB } from '../../../../src/channels/teams/cards/actions.js';
import { cardProblems } from './parse-card.js';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AdaptiveCard', version: '1.5', body, ...extra });
const text = { type: 'TextBlock', text: 'Hello', wrap: true };
const actions = (...a: unknown[]) => ({ type: 'ActionSet', actions: a });

describe('the card checker', () => {
  it('passes a good card', () => {
    expect(cardProblems(card([text, actions(executeAction('Go', VERB.command, { command: 'help' }), { type: 'Action.OpenUrl', title: 'Call', url: 'tel:01905844440' })]))).toEqual([]);
  });

  it('catches an element type the parser does not know', () => {
    expect(cardProblems(card([{ type: 'Carousel', pages: [] }]))).toEqual([expect.stringContaining('Unknown element type "Carousel"')]);
  });

  it('catches a value out of the schema', () => {
    expect(cardProblems(card([{ ...text, color: 'Crimson' }]))).toEqual([expect.stringContaining('Invalid value "Crimson"')]);
  });

  it('catches a required input without an error message', () => {
    expect(cardProblems(card([{ type: 'Input.Text', id: 'q_x', label: 'X', isRequired: true }]))).toEqual([expect.stringContaining('error message')]);
  });

  it('catches a missing or wrong root type and version', () => {
    expect(cardProblems({ type: 'AdaptiveCard', body: [text] })).toContain('root: version is undefined, not 1.5');
    expect(cardProblems(card([text], { version: '1.6' }))).toContain('root: version is 1.6, not 1.5');
    expect(cardProblems(card([text], { type: 'HeroCard' }))).toContain('root: type is HeroCard, not AdaptiveCard');
  });

  it('catches an Action.Execute without a verb, with an unknown verb, or without its fallback', () => {
    const noVerb = { type: 'Action.Execute', title: 'Go', data: { command: 'help' } };
    expect(cardProblems(card([actions(noVerb)]))).toEqual([
      '$.body[0].actions[0]: Action.Execute verb undefined is not a known verb',
      '$.body[0].actions[0]: Action.Execute data.verb must equal its verb',
      '$.body[0].actions[0]: Action.Execute needs an Action.Submit fallback',
    ]);
    const good = executeAction('Go', VERB.command, { command: 'help' });
    expect(cardProblems(card([actions({ ...good, verb: 'launch' })]))).toContain('$.body[0].actions[0]: Action.Execute verb launch is not a known verb');
    expect(cardProblems(card([actions({ ...good, data: { command: 'help' } })]))).toContain('$.body[0].actions[0]: Action.Execute data.verb must equal its verb');
  });

  it('catches an Action.Submit teams-ai could not route', () => {
    expect(cardProblems(card([actions({ type: 'Action.Submit', title: 'Go', data: { command: 'help' } })]))).toEqual([
      '$.body[0].actions[0]: Action.Submit data.verb undefined is not a known verb',
    ]);
  });

  it('catches a link that is not https, tel or mailto', () => {
    for (const url of ['http://example.org', 'javascript:alert(1)'])
      expect(cardProblems(card([actions({ type: 'Action.OpenUrl', title: 'Open', url })]))).toContain(`$.body[0].actions[0]: Action.OpenUrl url ${url} is not https:, tel: or mailto:`);
  });

  it('catches two inputs with one id and too many buttons in a row', () => {
    const input = { type: 'Input.Text', id: 'q_x', label: 'X' };
    expect(cardProblems(card([input, input]))).toContain('$.body[1]: input id q_x is used twice');
    const many = Array.from({ length: 7 }, (_, i) => executeAction(`B${i}`, VERB.command, { command: 'help' }));
    expect(cardProblems(card([actions(...many)]))).toContain('$.body[0]: 7 actions in one ActionSet');
  });
});
