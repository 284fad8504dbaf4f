import fc from 'fast-check';
import type { Signing } from './fuzz-request.js';

/** Mostly genuine signatures, so most signed bodies get past Bolt's check and reach its parsing. */
export const signingArb: fc.Arbitrary<Signing> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -200, max: 200 }).map((skewSeconds): Signing => ({ kind: 'valid', skewSeconds })) },
  { weight: 1, arbitrary: fc.integer({ min: -400_000, max: -301 }).map((skewSeconds): Signing => ({ kind: 'valid', skewSeconds })) },
  { weight: 1, arbitrary: fc.integer({ min: 301, max: 400_000 }).map((skewSeconds): Signing => ({ kind: 'valid', skewSeconds })) },
  { weight: 1, arbitrary: fc.constant<Signing>({ kind: 'wrong-secret' }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant('v0='), fc.string({ maxLength: 80 }), fc.stringMatching(/^v0=[0-9a-f]{64}$/)).map((signature): Signing => ({ kind: 'garbage', signature })) },
  { weight: 1, arbitrary: fc.constant<Signing>({ kind: 'missing' }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(''), fc.constant('NaN'), fc.constant('-1'), fc.constant('1e99'), fc.string({ maxLength: 20 })).map((timestamp): Signing => ({ kind: 'bad-timestamp', timestamp })) },
);

/** Text a person might type, odd text, and now and then a long one. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('help', 'whoami', 'new pupil', 'signpost attendance really poor', 'what next for 4021', 'my reviews', 'pcp', 'review', 'psp', 'refer', 'exclusion', 'back', 'cancel', 'grant teams:x sendco oak-primary', 'revoke teams:x', 'link la channel', 'who helps with CAMHS?') },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 700_000 }).map((n) => 'signpost '.padEnd(n, 'attendance ')) },
);

/** Any JSON value, small or nested, for fields that should hold something else. */
export const jsonArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, '', 0, -1, true, [], {}, 'undefined', '__proto__', { toString: 1 }, 'x'.repeat(5000)) },
);
