/**
 * A school's name as people say it, from its id ("st-marys-primary" → "St Marys Primary"). The bot
 * keeps no register of school names, only the ids staff were given roles with, so the id's words
 * are capitalised: closer to the name than the id, and never a different school.
 */

const UPPER = new Set(['ce', 'rc', 'cofe', 'vc', 'va', 'ks', 'pru', 'ap', 'sen', 'send', 'uk']);
const SMALL = new Set(['of', 'and', 'the', 'in', 'on', 'at', 'for']);

export function schoolName(id: string): string {
  return id
    .split('-')
    .filter((w) => w)
    .map((w, i) => (UPPER.has(w) ? w.toUpperCase() : i > 0 && SMALL.has(w) ? w : `${w.charAt(0).toUpperCase()}${w.slice(1)}`))
    .join(' ');
}
