import { beforeAll, describe, expect, it } from 'vitest';
import { signpost } from '../../../src/core/signpost/signpost.js';
import { buildIndex, type SignpostIndex } from '../../../src/core/signpost/signpost-index.js';
import { normalise } from '../../../src/core/text/words.js';
import { loadPack } from '../../../src/knowledge/load-pack.js';

let index: SignpostIndex;
beforeAll(async () => {
  index = buildIndex(await loadPack('worcestershire'));
});

describe('why a service matched', () => {
  it.each(['he is scared to go home', 'speech and language therapy', 'children missing education'])('quotes the words typed, never internal stems, for “%s”', (query) => {
    const phrases = signpost(index, query).flatMap((r) => r.why).flatMap((w) => w.match(/^matches "(.*)"$/)?.[1] ?? []);
    expect(phrases.length).toBeGreaterThan(0);
    for (const p of phrases) expect(normalise(query)).toContain(p);
  });
});
