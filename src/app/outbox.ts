/**
 * Outbound-message queue shared by the Teams and Slack adapters. Both platforms throttle per
 * conversation/channel and answer bursts with 429s, so every send goes through here: one at a
 * time per key, paced by sliding windows, retried with backoff when the error is transient.
 * Channel-neutral: it never imports an SDK, it only recognises the shapes of their errors.
 */
import { silentLogger, type Logger } from '../logger.js';
import { KeyedSerialQueue } from '../core/store/serial-queue.js';
import { BOT_STOPPING, CALL_TIMEOUT, OutboundCallError } from './outbound.js';

/** Time source. Injected so tests run on virtual time instead of sleeping. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Wall-clock time. Timers are not unref'd: pending sends should keep the process alive. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()),
};

/** At most `max` attempts in any `perMs` sliding window. */
export interface RateWindow {
  max: number;
  perMs: number;
}

/**
 * Teams per-bot-per-conversation limits for sending (msteams-docs bots/how-to/rate-limit.md,
 * "Per bot per thread limit"). Exact values may change; 429 handling is the backstop.
 */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { max: 7, perMs: 1000 },
  { max: 8, perMs: 2000 },
  { max: 60, perMs: 30_000 },
  { max: 1800, perMs: 3_600_000 },
];

/** Slack chat.postMessage: about 1 message per second per channel (short bursts tolerated). */
export const SLACK_CHANNEL_LIMITS: readonly RateWindow[] = [{ max: 1, perMs: 1000 }];

/** Whether to retry a failed send, and the server's requested pause if it gave one. */
export interface RetryDecision {
  retry: boolean;
  retryAfterMs?: number;
}

/** Options for {@link Outbox}. Every field has a default. */
export interface OutboxOptions {
  /** Sliding windows applied per key. Default: none (serialise only). */
  limits?: readonly RateWindow[];
  /** Error classifier. Default: {@link classifySendError}. */
  retryable?: (err: unknown) => RetryDecision;
  /** Total attempts per send, including the first. Default 5. */
  maxAttempts?: number;
  /** Backoff base for attempt 1; doubles per attempt. Default 500 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling before jitter. Default 30 s. */
  maxDelayMs?: number;
  clock?: Clock;
  /** Uniform [0, 1) source for jitter. Default Math.random. */
  random?: () => number;
  logger?: Logger;
  /** When it fires the bot is stopping: nothing more starts, waits end, and sends reject with BOT_STOPPING. */
  stopping?: AbortSignal;
}

interface KeyState {
  pending: number;
  /** Attempt start times, ascending, trimmed to what the windows can still see. */
  stamps: number[];
  /** Nothing for this key starts before this time (set by Retry-After and backoff). */
  notBefore: number;
}

// Idle keys are swept lazily at most this often, so a send never pays for a full scan.
const SWEEP_EVERY_MS = 60_000;

/**
 * Per-key serial send queue with rate limiting and retries.
 *
 * `send(key, op)` runs `op` after every earlier op for the same `key` has settled, once all rate
 * windows have room, retrying transient failures. Different keys never wait for each other.
 */
export class Outbox {
  private readonly keys = new Map<string, KeyState>();
  /** One op at a time per key, in order; a failed op does not block the next. */
  private readonly queue = new KeyedSerialQueue();
  private readonly limits: readonly RateWindow[];
  private readonly longestWindowMs: number;
  private readonly mostPerWindow: number;
  private readonly retryable: (err: unknown) => RetryDecision;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly logger: Logger;
  private readonly stopping: AbortSignal | undefined;
  /** Resolves when `stopping` fires, so a backoff or Retry-After wait ends at once. */
  private readonly stopped: Promise<void>;
  private pendingTotal = 0;
  private nextSweepAt = 0;

  constructor(opts: OutboxOptions = {}) {
    this.limits = opts.limits ?? [];
    for (const w of this.limits) {
      if (!(w.max >= 1 && w.perMs > 0)) throw new RangeError('Outbox: each rate window needs max >= 1 and perMs > 0');
    }
    this.longestWindowMs = Math.max(0, ...this.limits.map((w) => w.perMs));
    this.mostPerWindow = Math.max(0, ...this.limits.map((w) => w.max));
    this.clock = opts.clock ?? realClock;
    this.retryable = opts.retryable ?? ((err) => classifySendError(err, this.clock.now()));
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
    this.baseDelayMs = opts.baseDelayMs ?? 500;
    this.maxDelayMs = opts.maxDelayMs ?? 30_000;
    this.random = opts.random ?? Math.random;
    this.logger = opts.logger ?? silentLogger;
    this.stopping = opts.stopping;
    const stopping = opts.stopping;
    this.stopped = stopping ? new Promise((resolve) => (stopping.aborted ? resolve() : stopping.addEventListener('abort', () => resolve(), { once: true }))) : new Promise(() => undefined);
  }

  /** Queue `op` behind earlier ops for `key`. Resolves with its value or rejects with its last error. */
  send<T>(key: string, op: () => Promise<T>): Promise<T> {
    const now = this.clock.now();
    if (now >= this.nextSweepAt) this.sweep(now);
    let state = this.keys.get(key);
    if (!state) {
      state = { pending: 0, stamps: [], notBefore: 0 };
      this.keys.set(key, state);
    }
    const s = state;
    s.pending++;
    this.pendingTotal++;
    return this.queue.run(key, () => this.attempt(s, op)).finally(() => this.settle(key, s));
  }

  /** Sends queued or in flight, across all keys. */
  size(): number {
    return this.pendingTotal;
  }

  /** Resolves once nothing is queued or in flight, for graceful shutdown. */
  idle(): Promise<void> {
    return this.queue.drain();
  }

  /** Keys still holding state (after dropping idle, expired ones). For memory checks. */
  trackedKeys(): number {
    this.sweep(this.clock.now());
    return this.keys.size;
  }

  private async attempt<T>(s: KeyState, op: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.waitForRoom(s);
      // Stopping: what has not started yet is not started; the caller records it as not sent.
      if (this.stopping?.aborted) throw new OutboundCallError(BOT_STOPPING);
      s.stamps.push(this.clock.now());
      try {
        return await op();
      } catch (err) {
        const decision = this.retryable(err);
        const now = this.clock.now();
        // Honour Retry-After even when giving up: the next op for this key must not hammer on.
        if (decision.retryAfterMs !== undefined) s.notBefore = Math.max(s.notBefore, now + decision.retryAfterMs);
        if (!decision.retry || attempt >= this.maxAttempts) throw err;
        const waitMs = Math.max(this.backoffMs(attempt), decision.retryAfterMs ?? 0);
        s.notBefore = Math.max(s.notBefore, now + waitMs);
        // Attempt, status and wait only: keys carry conversation ids and ops carry message text.
        this.logger.warn('send retry', { attempt, status: statusForLog(err), waitMs });
      }
    }
  }

  /** Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2^(attempt-1))). */
  private backoffMs(attempt: number): number {
    return Math.floor(this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1)));
  }

  private async waitForRoom(s: KeyState): Promise<void> {
    // Loop because the clock may wake us a little early or late; re-check rather than trust it.
    for (;;) {
      const now = this.clock.now();
      this.trim(s, now);
      const until = Math.max(s.notBefore, this.windowsFreeAt(s, now));
      if (until <= now || this.stopping?.aborted) return;
      await Promise.race([this.clock.sleep(until - now), this.stopped]);
    }
  }

  /** Earliest time at which every window has room for one more attempt. */
  private windowsFreeAt(s: KeyState, now: number): number {
    let at = now;
    const n = s.stamps.length;
    for (const w of this.limits) {
      let inWindow = 0;
      for (let i = n - 1; i >= 0 && (s.stamps[i] ?? 0) > now - w.perMs; i--) inWindow++;
      // Full window: wait until the stamp `max` back from the newest slides out.
      if (inWindow >= w.max) at = Math.max(at, (s.stamps[n - w.max] ?? now) + w.perMs);
    }
    return at;
  }

  /** Keep only stamps a window can still see, and no more than the largest window counts. */
  private trim(s: KeyState, now: number): void {
    let drop = 0;
    while (drop < s.stamps.length && (s.stamps[drop] ?? 0) + this.longestWindowMs <= now) drop++;
    drop = Math.max(drop, s.stamps.length - this.mostPerWindow);
    if (drop > 0) s.stamps.splice(0, drop);
  }

  private expired(s: KeyState, now: number): boolean {
    const last = s.stamps[s.stamps.length - 1];
    return s.pending === 0 && s.notBefore <= now && (last === undefined || last + this.longestWindowMs <= now);
  }

  private settle(key: string, s: KeyState): void {
    s.pending--;
    this.pendingTotal--;
    if (this.expired(s, this.clock.now()) && this.keys.get(key) === s) this.keys.delete(key);
  }

  /** Drop idle keys whose windows and Retry-After have passed, so state does not grow per conversation. */
  private sweep(now: number): void {
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [key, s] of this.keys) if (this.expired(s, now)) this.keys.delete(key);
  }
}

// Teams docs ask for retries on 429, 412, 502 and 504; 503 is the generic "try later".
const RETRY_STATUSES = new Set([412, 429, 502, 503, 504]);
// Connection-level failures. REQUEST_SEND_ERROR is @azure/core-rest-pipeline's code when none is known.
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'REQUEST_SEND_ERROR',
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

/**
 * Default classifier for Teams (botbuilder RestError) and Slack (@slack/web-api) send errors.
 *
 * - Slack `slack_webapi_rate_limited_error`: retry after `retryAfter` seconds.
 * - Slack `slack_webapi_platform_error` (an `ok: false` answer such as channel_not_found): never.
 * - A call we abandoned (OutboundCallError: too slow, or the bot is stopping), directly or as a
 *   Slack request error's `original`: never, since it may have landed.
 * - Slack `slack_webapi_request_error` (network, or the SDK's own retries ran out): retry.
 * - Anything with an HTTP status (RestError `statusCode`/`response.status`, Slack HTTP error
 *   `statusCode`): retry on 412/429/502/503/504 honouring Retry-After; never on other statuses.
 * - No status: retry on connection errors (ECONNRESET, ETIMEDOUT, ...), also via `cause`.
 *
 * `now` is only used to turn an HTTP-date Retry-After into a delay.
 */
export function classifySendError(err: unknown, now: number = Date.now()): RetryDecision {
  if (!isObj(err)) return { retry: false };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code === 'slack_webapi_rate_limited_error') {
    const secs = typeof err.retryAfter === 'number' && err.retryAfter >= 0 ? err.retryAfter : undefined;
    return secs === undefined ? { retry: true } : { retry: true, retryAfterMs: secs * 1000 };
  }
  if (code === 'slack_webapi_platform_error') return { retry: false };
  // A call we abandoned (too slow, or the bot is stopping) may have landed: never sent twice.
  if (code === CALL_TIMEOUT || code === BOT_STOPPING) return { retry: false };
  if (code === 'slack_webapi_request_error') return { retry: !(err.original instanceof OutboundCallError) };
  const status = statusOf(err);
  // Status first: Teams RestErrors put the service's error code (e.g. 'BadArgument') in `code`.
  if (status !== undefined) {
    if (!RETRY_STATUSES.has(status)) return { retry: false };
    const retryAfterMs = retryAfterOf(headersOf(err), now);
    return retryAfterMs === undefined ? { retry: true } : { retry: true, retryAfterMs };
  }
  const causeCode = isObj(err.cause) && typeof err.cause.code === 'string' ? err.cause.code : undefined;
  return { retry: (code !== undefined && NETWORK_CODES.has(code)) || (causeCode !== undefined && NETWORK_CODES.has(causeCode)) };
}

function statusOf(err: Obj): number | undefined {
  if (typeof err.statusCode === 'number') return err.statusCode;
  if (isObj(err.response) && typeof err.response.status === 'number') return err.response.status;
  return undefined;
}

// RestError keeps headers on its (non-enumerable) `response`; Slack's HTTP error has them top-level.
function headersOf(err: Obj): unknown {
  return isObj(err.response) && err.response.headers !== undefined ? err.response.headers : err.headers;
}

/** Reads a header from an HttpHeaders-like object (`get`) or a plain object, case-insensitively. */
function header(headers: unknown, name: string): string | undefined {
  if (!isObj(headers)) return undefined;
  let v: unknown;
  if (typeof headers.get === 'function') v = (headers.get as (n: string) => unknown).call(headers, name);
  else v = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  if (Array.isArray(v)) v = v[0];
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined;
}

function retryAfterOf(headers: unknown, now: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const raw = header(headers, name);
    if (raw !== undefined && /^\d+(\.\d+)?$/.test(raw)) return Number(raw);
  }
  const value = header(headers, 'retry-after');
  if (value === undefined || value === '') return undefined;
  // Either delay-seconds or an HTTP-date (RFC 9110 section 10.2.3).
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** HTTP status or error code for logs: never the message, which may echo what we sent. */
function statusForLog(err: unknown): number | string | undefined {
  if (!isObj(err)) return undefined;
  const status = statusOf(err);
  if (status !== undefined) return status;
  return typeof err.code === 'string' && /^[\w.-]{1,64}$/.test(err.code) ? err.code : undefined;
}
