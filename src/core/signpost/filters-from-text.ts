import type { Phase } from '../../knowledge/schema/common.js';
import { normalise } from '../text/words.js';
import type { SignpostFilters } from './signpost.js';

/**
 * Pulls explicit filters out of what a teacher typed: "year 9", "age 12", "reception", "primary",
 * "online", "face to face". Places stay in the text as soft boosts; these become hard filters.
 */
export function filtersFromText(text: string): SignpostFilters {
  const t = ` ${normalise(text)} `;
  const f: SignpostFilters = {};
  const year = t.match(/ (?:year|yr|y) ?(\d{1,2}) /);
  const age = t.match(/ (?:age|aged) (\d{1,2}) | (\d{1,2}) ?(?:year old|yr old|years old|yo) /);
  if (year && Number(year[1]) <= 13) f.age = Number(year[1]) + 5;
  else if (/ reception /.test(t)) f.age = 4;
  else if (age) f.age = Number(age[1] ?? age[2]);
  const phases: [RegExp, Phase][] = [
    [/ (?:primary|ks1|ks2|key stage [12]) /, 'primary'],
    [/ (?:secondary|ks3|ks4|key stage [34]|gcse) /, 'secondary'],
    [/ (?:post 16|sixth form|ks5|college) /, 'post-16'],
    [/ (?:nursery|early years|eyfs|pre school) /, 'early-years'],
  ];
  const phase = phases.find(([re]) => re.test(t));
  if (phase) f.phase = phase[1];
  if (/ (?:online|remote|virtual tuition|virtual lessons) /.test(t)) f.mode = 'online';
  else if (/ (?:face to face|in person|f2f) /.test(t)) f.mode = 'face-to-face';
  return f;
}
