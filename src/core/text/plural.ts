/**
 * Numbers with their nouns as people write them: "1 review overdue", "2 reviews overdue", never
 * "review(s)". Irregular plurals are given: count(n, 'person', 'people').
 */

/** The noun for `n`: "day" or "days". */
export const plural = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** "1 day", "3 days", "1 person", "2 people". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${plural(n, one, many)}`;
