import { describe, expect, it } from 'vitest';
import { CommandData, executeAction, FormCancelData, FormSubmitData, formValuesFrom, SearchData, searchFrom, VERB } from '../../../../src/channels/teams/cards/actions.js';

describe('buttons', () => {
  it('are Action.Execute with the verb in data too, and an Action.Submit fallback teams-ai routes by data.verb', () => {
    expect(executeAction('Show guidance', VERB.submitForm, { dialogId: 'what-next', formId: 'f1', shown: ['pupil'] }, { associatedInputs: 'auto', style: 'positive' })).toEqual({
      type: 'Action.Execute',
      title: 'Show guidance',
      verb: 'form.submit',
      data: { dialogId: 'what-next', formId: 'f1', shown: ['pupil'], verb: 'form.submit' },
      associatedInputs: 'auto',
      style: 'positive',
      fallback: { type: 'Action.Submit', title: 'Show guidance', data: { dialogId: 'what-next', formId: 'f1', shown: ['pupil'], verb: 'form.submit' }, associatedInputs: 'auto', style: 'positive' },
    });
  });

  it('cannot have their verb overwritten by data', () => {
    expect(executeAction('Go', VERB.command, { verb: 'form.submit', command: 'help' }).data.verb).toBe('command');
  });
});

describe('what the handlers receive', () => {
  it('checks each kind of button data, keeping the inputs merged into it', () => {
    expect(CommandData.parse({ verb: 'command', command: 'review for 4021' })).toEqual({ verb: 'command', command: 'review for 4021' });
    expect(CommandData.safeParse({ verb: 'command', command: '  ' }).success).toBe(false);
    const submit = { verb: 'form.submit', dialogId: 'pcp', formId: 'f1', shown: ['pupil'], q_pupil: '4021' };
    expect(FormSubmitData.parse(submit)).toEqual(submit);
    expect(FormSubmitData.safeParse({ ...submit, formId: undefined }).success).toBe(false);
    expect(FormSubmitData.safeParse({ ...submit, verb: 'form.cancel' }).success).toBe(false);
    expect(FormCancelData.parse({ verb: 'form.cancel', dialogId: 'pcp', formId: 'f1' })).toMatchObject({ dialogId: 'pcp' });
    expect(SearchData.parse({ verb: 'signpost.search', s_query: 'autism' })).toEqual({ verb: 'signpost.search', s_query: 'autism' });
  });

  it('reads form answers from the q_ inputs only, as text', () => {
    const data = {
      verb: 'form.submit',
      dialogId: 'pcp',
      formId: 'f1',
      shown: ['pupil'],
      q_pupil: '4021',
      q_suspensions: 2,
      q_flag: true,
      'q_pcp.planDate': '2026-12-01',
      q_notes: 'Line one\nLine two',
      q_odd: { nested: 1 },
      q_nan: Number.NaN,
      q_nothing: null,
      q_: 'no id',
      s_query: 'not a form answer',
    };
    expect(formValuesFrom(data)).toEqual({ pupil: '4021', suspensions: '2', flag: 'true', 'pcp.planDate': '2026-12-01', notes: 'Line one\nLine two' });
  });

  it('reads a search, keeping good filters and dropping bad ones', () => {
    expect(searchFrom({ verb: 'signpost.search', s_query: '  online   tuition ', s_phase: 'secondary', s_district: 'wyre-forest', s_mode: 'face-to-face', s_age: '14' })).toEqual({
      query: 'online tuition',
      filters: { phase: 'secondary', district: 'wyre-forest', mode: 'face-to-face', age: 14 },
    });
    expect(searchFrom({ s_query: 'x', s_phase: 'any', s_district: '', s_mode: 'any', s_age: '' })).toEqual({ query: 'x', filters: {} });
    expect(searchFrom({ s_query: 'x', s_phase: 'tertiary', s_district: 'Wyre Forest!', s_mode: 'carrier pigeon', s_age: '1' }).filters).toEqual({});
    for (const age of ['26', '10.5', 'ten', true, { n: 10 }]) expect(searchFrom({ s_age: age }).filters).toEqual({});
    expect(searchFrom({ s_age: 10 })).toEqual({ query: '', filters: { age: 10 } });
    expect(searchFrom({})).toEqual({ query: '', filters: {} });
  });
});
