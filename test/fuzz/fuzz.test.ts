import { describe, expect, it, vi } from 'vitest';
import { runFuzz } from '../../bench/fuzz/fuzz.js';
import { requestStream } from '../../bench/fuzz/request-stream.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

const first = (seed: number, n: number) => {
  const stream = requestStream(seed);
  return Array.from({ length: n }, () => stream.next().value!.label);
};

describe('npm run fuzz', () => {
  it('generates the same requests for the same seed, to both endpoints', () => {
    const labels = first(42, 300);
    expect(first(42, 300)).toEqual(labels);
    expect(first(43, 300)).not.toEqual(labels);
    expect(labels.some((l) => l.startsWith('teams:'))).toBe(true);
    expect(labels.some((l) => l.startsWith('slack:'))).toBe(true);
    expect(labels.some((l) => l.startsWith('raw:'))).toBe(true);
  });

  // The bot as a real child process on loopback, 300 generated requests (or 15 s) split between
  // POST /api/messages and POST /slack/events.
  it('keeps the bot up, never answers malformed input with a 5xx and never puts stack text in a reply', async () => {
    const r = await runFuzz({ count: 300, seconds: 15, seed: 7, concurrency: 8, timeoutMs: 5_000 });

    expect(r.tally.endpoints.teams.sent).toBeGreaterThan(50);
    expect(r.tally.endpoints.slack.sent).toBeGreaterThan(50);
    expect(r.exits.map((x) => ({ code: x.code, signal: x.signal, inFlight: x.inFlight, recent: x.recent }))).toEqual([]);
    expect({ code: r.shutdown.code, killed: r.shutdown.killed }).toEqual({ code: 0, killed: false });
    expect(r.tally.serverErrorsOnMalformed.entries()).toEqual([]);
    expect(r.tally.stackText.entries()).toEqual([]);
  }, 60_000);
});
