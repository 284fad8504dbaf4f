import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-request.js';
import { rawRequestArb } from './raw-bodies.js';
import { slackRequestArb } from './slack-requests.js';
import { teamsActivityArb } from './teams-activities.js';

/** Half to each endpoint; a third of each half raw malformed bodies, the rest protocol-shaped. */
const requestArb: fc.Arbitrary<FuzzRequest> = fc.oneof({ weight: 1, arbitrary: rawRequestArb('teams') }, { weight: 2, arbitrary: teamsActivityArb() }, { weight: 1, arbitrary: rawRequestArb('slack') }, { weight: 2, arbitrary: slackRequestArb() });

const BATCH = 100;

/**
 * The requests for one run, generated in seeded batches as they are needed, so a long run never
 * holds them all. The same seed gives the same requests in the same order.
 */
export function* requestStream(seed: number): Generator<FuzzRequest> {
  for (let batch = 0; ; batch++) {
    // Each batch has its own seed derived from the run's, so batch n never depends on how far batch n-1 got.
    yield* fc.sample(requestArb, { seed: (seed * 31 + batch * 7919) | 0, numRuns: BATCH });
  }
}
