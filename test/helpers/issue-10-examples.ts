/** The phrasings issue 10 names, shared by the core test and the channel tests so they cannot drift apart. */

export const DISCLOSURE = 'a pupil told me her dad hits her';

/** Worries in staff's own words: each must bring the DSL notice. */
export const WORRIES = [
  'a child is being hurt at home',
  "mum's new boyfriend shouts at him and pushes him around",
  'he came in with a burn on his hand and said the iron did it',
  'she said everyone would be better off without her',
  'older lads are making him carry parcels for them',
  'worried she is being taken abroad this summer to get married',
  DISCLOSURE,
];

/** Ordinary requests that share words with worries: each must raise nothing. */
export const ORDINARY = [
  'swearing and verbal abuse at staff',
  'keeps neglecting his coursework',
  'knife crime awareness workshop for year 9',
  'RSE lesson on sexual health',
  'he was hit by a car last year and has been anxious since',
];

export const INFORMAL = 'told dad not to bring him in tomorrow while things calm down';

/** Unlawful or informal exclusions, with the pack category each should raise. */
export const EXCLUSIONS: [string, string][] = [
  ['we can no longer meet her needs', 'needs-not-met'],
  ['suspend him until his parents come in for a meeting', 'parent-behaviour'],
  [INFORMAL, 'informal'],
];
