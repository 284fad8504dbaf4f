// Transitive dependency of botbuilder, imported to test against the real error class.
import { createHttpHeaders, createPipelineRequest, RestError, type PipelineResponse } from '@azure/core-rest-pipeline';
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  classifySendError,
  Outbox,
  SLACK_CHANNEL_LIMITS,
  TEAMS_CONVERSATION_LIMITS,
  type Clock,
  type OutboxOptions,
} from '../../src/app/outbox.js';
import { BOT_STOPPING, CALL_TIMEOUT, OutboundCallError } from '../../src/app/outbound.js';
import { createLogger } from '../../src/logger.js';

/**
 * Discrete-event virtual clock. sleep() registers a timer; once every pending microtask has run
 * (setImmediate), the earliest timer fires and time jumps to it. Concurrent sleepers therefore
 * interleave exactly as they would in real time, with no real waiting.
 */
class FakeClock implements Clock {
  t = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;
  private scheduled = false;

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
      this.schedule();
    });

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) return;
      this.t = Math.max(this.t, next.at);
      next.resolve();
      if (this.timers.length > 0) this.schedule();
    });
  }
}

/** A Teams-style error as botbuilder 4.23.3 throws it: the real RestError class and HttpHeaders. */
function teamsError(status: number, headers: Record<string, string> = {}): RestError {
  const request = createPipelineRequest({ url: 'https://smba.example/v3/conversations/x/activities', method: 'POST' });
  const response: PipelineResponse = { status, headers: createHttpHeaders(headers), request };
  // core-client puts the service's error code (not a network code) in `code`.
  return new RestError(`status ${status}`, { statusCode: status, code: 'BadSyntax', request, response });
}

function setup(opts: OutboxOptions = {}) {
  const clock = new FakeClock();
  const lines: string[] = [];
  const outbox = new Outbox({ clock, random: () => 0.5, logger: createLogger('warn', 'test', (l) => lines.push(l)), ...opts });
  return { clock, outbox, lines };
}

/** An op that records the virtual time of each attempt and then does what `behave` says. */
function recorder(clock: FakeClock) {
  const starts: number[] = [];
  const op =
    <T>(behave: (n: number) => T | Promise<T>) =>
    async (): Promise<T> => {
      starts.push(clock.now());
      return behave(starts.length);
    };
  return { starts, op };
}

describe('Outbox rate limiting', () => {
  it('paces 9 sends to one Teams conversation by the 1 s and 2 s windows', async () => {
    const { clock, outbox } = setup({ limits: TEAMS_CONVERSATION_LIMITS });
    const { starts, op } = recorder(clock);
    await Promise.all(Array.from({ length: 9 }, (_, i) => outbox.send('conv', op(() => i))));
    // 7 fit the 7/1 s window at t=0; the 8th waits for t=1000 when they slide out of it;
    // the 9th then meets 8-in-2 s (seven at 0, one at 1000) and waits for t=2000.
    expect(starts).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
  });

  it('holds a Teams conversation to 60 sends per 30 s', async () => {
    const { clock, outbox } = setup({ limits: TEAMS_CONVERSATION_LIMITS });
    const { starts, op } = recorder(clock);
    await Promise.all(Array.from({ length: 61 }, () => outbox.send('conv', op(() => undefined))));
    expect(starts[59]).toBeLessThan(30_000);
    expect(starts[60]).toBe(30_000);
  });

  it('sends to a Slack channel once per second', async () => {
    const { clock, outbox } = setup({ limits: SLACK_CHANNEL_LIMITS });
    const { starts, op } = recorder(clock);
    const results = await Promise.all(['a', 'b', 'c'].map((v) => outbox.send('C1', op(() => v))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(starts).toEqual([0, 1000, 2000]);
  });

  it('runs ops for one key strictly in order, never overlapping', async () => {
    const { clock, outbox } = setup();
    const log: string[] = [];
    const slow = (id: string, ms: number) => async () => {
      log.push(`start ${id}`);
      await clock.sleep(ms);
      log.push(`end ${id}`);
      return id;
    };
    await Promise.all([outbox.send('k', slow('1', 300)), outbox.send('k', slow('2', 10)), outbox.send('k', slow('3', 100))]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('does not let one key block another', async () => {
    const { clock, outbox } = setup({ limits: SLACK_CHANNEL_LIMITS });
    const done: string[] = [];
    let calls = 0;
    const a = outbox
      .send('A', async () => {
        if (++calls === 1) throw teamsError(429, { 'Retry-After': '7' });
        return 'a';
      })
      .then((v) => done.push(`${v}@${clock.now()}`));
    const b = outbox.send('B', async () => 'b').then((v) => done.push(`${v}@${clock.now()}`));
    await Promise.all([a, b]);
    expect(done).toEqual(['b@0', 'a@7000']);
  });
});

describe('Outbox retries', () => {
  it('waits out a Teams 429 Retry-After before the next attempt, and later ops queue behind it', async () => {
    const { clock, outbox } = setup({ limits: TEAMS_CONVERSATION_LIMITS, random: () => 0 });
    const { starts, op } = recorder(clock);
    const first = outbox.send(
      'conv',
      op((n) => {
        if (n === 1) throw teamsError(429, { 'Retry-After': '7' });
        return 'first';
      }),
    );
    const second = outbox.send('conv', op(() => 'second'));
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(starts).toEqual([0, 7000, 7000]);
  });

  it('keeps a key paused after the last attempt fails with Retry-After', async () => {
    const { clock, outbox } = setup({ maxAttempts: 1 });
    const { starts, op } = recorder(clock);
    const first = outbox.send('k', op(() => Promise.reject(teamsError(429, { 'retry-after': '3' }))));
    const second = outbox.send('k', op(() => 'ok'));
    await expect(first).rejects.toMatchObject({ statusCode: 429 });
    await expect(second).resolves.toBe('ok');
    expect(starts).toEqual([0, 3000]);
  });

  it('honours a Slack rate-limited error (retryAfter in seconds)', async () => {
    const { clock, outbox } = setup({ limits: SLACK_CHANNEL_LIMITS, random: () => 0 });
    const { starts, op } = recorder(clock);
    await outbox.send(
      'C1',
      op((n) => {
        if (n === 1) throw new webApi.WebAPIRateLimitedError(30);
        return 'ok';
      }),
    );
    expect(starts).toEqual([0, 30_000]);
  });

  it('does not retry a 400 and hands the error to the caller', async () => {
    const { clock, outbox } = setup();
    const { starts, op } = recorder(clock);
    const err = teamsError(400);
    await expect(outbox.send('k', op(() => Promise.reject(err)))).rejects.toBe(err);
    expect(starts).toEqual([0]);
  });

  it('gives up after maxAttempts with the last error, backing off with full jitter', async () => {
    const { clock, outbox, lines } = setup({ maxAttempts: 5 });
    const { starts, op } = recorder(clock);
    const errors = Array.from({ length: 5 }, () => teamsError(502));
    await expect(outbox.send('k', op((n) => Promise.reject(errors[n - 1])))).rejects.toBe(errors[4]);
    // random 0.5 of 500, 1000, 2000, 4000 ms.
    expect(starts).toEqual([0, 250, 750, 1750, 3750]);
    expect(lines).toHaveLength(4);
  });

  it('caps the backoff', async () => {
    const { clock, outbox } = setup({ maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 1500 });
    const { starts, op } = recorder(clock);
    await expect(outbox.send('k', op(() => Promise.reject(teamsError(503))))).rejects.toBeInstanceOf(RestError);
    expect(starts).toEqual([0, 500, 1250, 2000]);
  });

  it('uses an injected classifier', async () => {
    const { clock, outbox } = setup({ retryable: () => ({ retry: true, retryAfterMs: 100 }), random: () => 0 });
    const { starts, op } = recorder(clock);
    await outbox.send(
      'k',
      op((n) => {
        if (n < 3) throw new Error('flaky');
        return n;
      }),
    );
    expect(starts).toEqual([0, 100, 200]);
  });

  it('does not let a failed op block later ops for the same key', async () => {
    const { outbox } = setup();
    const failed = outbox.send('k', () => Promise.reject(teamsError(404)));
    const thrown = outbox.send('k', () => {
      throw new Error('sync');
    });
    const later = outbox.send('k', async () => 'later');
    await expect(failed).rejects.toMatchObject({ statusCode: 404 });
    await expect(thrown).rejects.toThrow('sync');
    await expect(later).resolves.toBe('later');
  });

  it('logs attempt, status and wait only, never the key or content', async () => {
    const { outbox, lines } = setup({ random: () => 0 });
    let n = 0;
    await outbox.send('19:secret-conversation@thread.v2', async () => {
      if (++n === 1) throw teamsError(429, { 'retry-after': '7' });
      return 'Pupil Jane Doe was excluded';
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', msg: 'send retry', attempt: 1, status: 429, waitMs: 7000 });
    expect(Object.keys(line).sort()).toEqual(['attempt', 'level', 'msg', 'name', 'status', 't', 'waitMs']);
    expect(lines[0]).not.toContain('secret');
  });
});

describe('Outbox bookkeeping', () => {
  it('reports size and resolves idle() when everything has been sent', async () => {
    const { clock, outbox } = setup({ limits: SLACK_CHANNEL_LIMITS });
    const sent: string[] = [];
    for (const v of ['a', 'b', 'c']) void outbox.send('C1', async () => sent.push(v));
    void outbox.send('C2', async () => sent.push('x'));
    expect(outbox.size()).toBe(4);
    await outbox.idle();
    expect(outbox.size()).toBe(0);
    expect(sent.sort()).toEqual(['a', 'b', 'c', 'x']);
    expect(clock.now()).toBe(2000);
    await expect(outbox.idle()).resolves.toBeUndefined();
  });

  it('forgets keys once their queue is empty and their windows have passed', async () => {
    const { clock, outbox } = setup({ limits: TEAMS_CONVERSATION_LIMITS });
    await Promise.all(Array.from({ length: 1000 }, (_, i) => outbox.send(`conv-${i}`, async () => i)));
    // Still inside the hour-long window: the state is needed to enforce it.
    expect(outbox.trackedKeys()).toBe(1000);
    await clock.sleep(3_600_000 - 1);
    expect(outbox.trackedKeys()).toBe(1000);
    await clock.sleep(1);
    expect(outbox.trackedKeys()).toBe(0);
  });

  it('forgets a key straight away when no window applies, but not while a Retry-After holds', async () => {
    const { clock, outbox } = setup({ maxAttempts: 1 });
    await outbox.send('plain', async () => 1);
    expect(outbox.trackedKeys()).toBe(0);
    await expect(outbox.send('paused', () => Promise.reject(teamsError(429, { 'retry-after': '5' })))).rejects.toBeInstanceOf(RestError);
    expect(outbox.trackedKeys()).toBe(1);
    await clock.sleep(5000);
    expect(outbox.trackedKeys()).toBe(0);
  });

  it('sweeps idle keys lazily while sending to others', async () => {
    const { clock, outbox } = setup({ limits: SLACK_CHANNEL_LIMITS });
    await Promise.all(Array.from({ length: 50 }, (_, i) => outbox.send(`C${i}`, async () => i)));
    await clock.sleep(60_000);
    await outbox.send('other', async () => 0);
    // 50 stale channels were dropped by the send itself, before anyone asked.
    expect((outbox as unknown as { keys: Map<string, unknown> }).keys.size).toBe(1);
  });

  it('rejects nonsensical windows', () => {
    expect(() => new Outbox({ limits: [{ max: 0, perMs: 1000 }] })).toThrow(RangeError);
    expect(() => new Outbox({ limits: [{ max: 1, perMs: 0 }] })).toThrow(RangeError);
  });
});

describe('classifySendError', () => {
  it('never retries a call we abandoned (it may have landed), timed out or cut short by a stop', () => {
    for (const code of [CALL_TIMEOUT, BOT_STOPPING] as const) expect(classifySendError(new OutboundCallError(code, { cause: new Error('ECONNRESET') }))).toEqual({ retry: false });
  });

  it.each([429, 412, 502, 503, 504])('retries Teams status %i', (status) => {
    expect(classifySendError(teamsError(status))).toEqual({ retry: true });
  });

  it.each([400, 401, 403, 404, 413, 500])('does not retry Teams status %i', (status) => {
    expect(classifySendError(teamsError(status, { 'retry-after': '1' }))).toEqual({ retry: false });
  });

  it('reads Retry-After as seconds, as an HTTP-date, or as milliseconds', () => {
    expect(classifySendError(teamsError(429, { 'Retry-After': '7' }))).toEqual({ retry: true, retryAfterMs: 7000 });
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(classifySendError(teamsError(503, { 'retry-after': 'Wed, 01 Jan 2025 00:00:12 GMT' }), now)).toEqual({ retry: true, retryAfterMs: 12_000 });
    expect(classifySendError(teamsError(503, { 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }), now)).toEqual({ retry: true, retryAfterMs: 0 });
    expect(classifySendError(teamsError(429, { 'retry-after-ms': '250', 'retry-after': '9' }))).toEqual({ retry: true, retryAfterMs: 250 });
    expect(classifySendError(teamsError(429, { 'retry-after': 'soon' }))).toEqual({ retry: true });
  });

  it('accepts older ms-rest-js shapes: plain header objects, status on the response', () => {
    expect(classifySendError({ statusCode: 429, response: { headers: { 'Retry-After': '2' } } })).toEqual({ retry: true, retryAfterMs: 2000 });
    expect(classifySendError({ response: { status: 504, headers: {} } })).toEqual({ retry: true });
  });

  it('classifies Slack errors by code', () => {
    expect(classifySendError(new webApi.WebAPIRateLimitedError(3))).toEqual({ retry: true, retryAfterMs: 3000 });
    expect(classifySendError(new webApi.WebAPIPlatformError({ ok: false, error: 'channel_not_found' }))).toEqual({ retry: false });
    expect(classifySendError(new webApi.WebAPIRequestError(new Error('socket hang up')))).toEqual({ retry: true });
    expect(classifySendError(new webApi.WebAPIHTTPError(503, 'Unavailable', { 'retry-after': '4' }))).toEqual({ retry: true, retryAfterMs: 4000 });
    expect(classifySendError(new webApi.WebAPIHTTPError(400, 'Bad Request', {}))).toEqual({ retry: false });
  });

  it('retries connection failures, including ones wrapped as a cause', () => {
    expect(classifySendError(new RestError('reset', { code: 'ECONNRESET' }))).toEqual({ retry: true });
    expect(classifySendError(new RestError('send failed', { code: RestError.REQUEST_SEND_ERROR }))).toEqual({ retry: true });
    expect(classifySendError(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }))).toEqual({ retry: true });
    expect(classifySendError(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toEqual({ retry: true });
  });

  it('does not retry unknown errors', () => {
    expect(classifySendError(new Error('boom'))).toEqual({ retry: false });
    expect(classifySendError(new RestError('parse', { code: RestError.PARSE_ERROR }))).toEqual({ retry: false });
    expect(classifySendError('string')).toEqual({ retry: false });
    expect(classifySendError(undefined)).toEqual({ retry: false });
  });
});
