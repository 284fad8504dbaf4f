import { beforeAll, describe, expect, it } from 'vitest';
import { signpost } from '../../../src/core/signpost/signpost.js';
import { buildIndex, type SignpostIndex } from '../../../src/core/signpost/signpost-index.js';
import { loadPack } from '../../../src/knowledge/load-pack.js';

let index: SignpostIndex;
beforeAll(async () => {
  index = buildIndex(await loadPack('worcestershire'));
});

describe('why a service matched', () => {
  it.each(['he is scared to go home', 'speech and language therapy', 'children missing education', "He's SCARED to go home!", 'Speech and Language Therapy?'])(
    'quotes the words exactly as typed, never search terms, for “%s”',
    (query) => {
      const phrases = signpost(index, query).flatMap((r) => r.why).flatMap((w) => w.match(/^matches "(.*)"$/)?.[1] ?? []);
      expect(phrases.length).toBeGreaterThan(0);
      for (const p of phrases) expect(query).toContain(p);
    },
  );

  it('names the words that counted as the person typed them', () => {
    const [top] = signpost(index, 'Bullied at the bus stop, attendance dropping');
    const mentioned = top!.why.find((w) => w.startsWith('you mentioned'))!;
    for (const quoted of mentioned.match(/"[^"]+"/g)!) expect('bullied at the bus stop, attendance dropping').toContain(quoted.slice(1, -1));
  });
});
