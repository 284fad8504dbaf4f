import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { heading, text } from '../../../../src/core/views/view.js';
import { texts } from './card-query.js';

describe('text staff typed stays text', () => {
  it('escapes markdown in headings and texts, so a typed link or asterisks are shown, not rendered', () => {
    const card = renderCard([{ blocks: [heading('Services for “[click](https://evil.example)”'), text('*urgent* _now_', 'warning')] }]);
    expect(texts(card)).toEqual(['Services for “\\[click\\](https://evil.example)”', '\\*urgent\\* \\_now\\_']);
  });
});
