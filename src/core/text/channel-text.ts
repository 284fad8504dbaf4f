import { decodeHTML } from 'entities';
import { htmlToText } from './html-text.js';

/**
 * Turns what a chat platform delivers into the words the person typed, once, for every channel:
 * Teams sends HTML entities (`&nbsp;` after an @mention, `&amp;`), `<at>Bot</at>` mention tags and
 * sometimes whole HTML; Slack escapes `&`, `<` and `>` and writes mentions and links as
 * `<@U123|name>`, `<#C123|name>`, `<!here>`, `<https://…|label>`. Phones add curly apostrophes
 * and quotes. Recognition, risk checks and display all read the result.
 *
 * Returns plain text with single spaces; never throws. With `mentionIds`, a Slack mention that
 * carries a name (`<@U123|ana>`) reads as the id (`@U123`), for words that name someone to act on.
 */
export function cleanChannelText(raw: string, opts: { mentionIds?: boolean } = {}): string {
  let t = raw;
  // A person mentioned is their id where the words are read as a command ("grant <@U123|ana> teacher"):
  // the name alone cannot say who they are.
  if (opts.mentionIds) t = t.replace(/<@([UW][A-Z0-9]+)\|[^>]*>/g, '<@$1>');
  // Slack's own markup first, while its < and > are still markup (Slack escapes typed ones as &lt; &gt;).
  t = t.replace(/<([@#!])([^>|]*)(?:\|([^>]*))?>/g, (_m, sigil: string, id: string, label?: string) => slackReference(sigil, id, label));
  t = t.replace(/<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url);
  // Teams: the mention tag is the bot's or a person's name, not something the person asked.
  t = t.replace(/<at[^>]*>.*?<\/at>/gis, ' ');
  // HTML (a Teams message body) is parsed by htmlparser2, which decodes its entities; plain text
  // may still carry entities (Teams' &nbsp; after a mention, Slack's &amp;).
  t = /<\/?[a-z][^>]*>/i.test(t) ? htmlToText(t) : decodeHTML(t);
  return t
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** `<@U123|ana>` → `@ana`; `<!here>` → `@here`; `<#C1|general>` → `#general`. */
function slackReference(sigil: string, id: string, label: string | undefined): string {
  if (sigil === '!') return `@${(label ?? id).split('^')[0]}`;
  return `${sigil}${label ?? id}`;
}
