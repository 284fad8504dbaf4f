import { describe, expect, it } from 'vitest';
import { cleanChannelText } from '../../../src/core/text/channel-text.js';

describe('text from Teams and Slack, cleaned once for every channel', () => {
  it.each([
    ['<at>Graduated Response</at>&nbsp;link la channel', 'link la channel'],
    ['what’s next for 4021', "what's next for 4021"],
    ['“signpost” – attendance', '"signpost" - attendance'],
    ['mum &amp; dad said &lt;no&gt;', 'mum & dad said <no>'],
    ['<@U0123|ana> who helps with <!here>', '@ana who helps with @here'],
    ['see <https://example.org/help|the help page> and <#C1|general>', 'see the help page and #general'],
    ['<p>what next</p><p>for <b>JB</b></p>', 'what next for JB'],
    ['a\u200Bb  \u00A0 c', 'ab c'],
  ])('%j reads as %j', (raw, clean) => {
    expect(cleanChannelText(raw)).toBe(clean);
  });

  it('keeps a plain "<" that is not a tag', () => {
    expect(cleanChannelText('attendance < 90% this term')).toBe('attendance < 90% this term');
  });
});
