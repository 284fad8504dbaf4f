import { createHmac } from 'node:crypto';

export type Endpoint = 'teams' | 'slack';
export const PATHS: Record<Endpoint, string> = { teams: '/api/messages', slack: '/slack/events' };

/** What a request needs that is only known at send time: the fakes' URLs, the secret, the clock. */
export interface BuildContext {
  /** The fake Bot Connector, `http://127.0.0.1:<port>/`. */
  connectorUrl: string;
  /** The fake Slack API, `http://127.0.0.1:<port>/` (response_url lives under it too). */
  slackUrl: string;
  secret: string;
  nowSeconds: number;
}

export interface Built {
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One generated request. Generators are seeded and produce these as data; `build` turns one into
 * bytes when it is sent, so Slack signatures carry a current timestamp and ports are the live ones.
 */
export interface FuzzRequest {
  endpoint: Endpoint;
  /** What kind of input this is, e.g. `raw:gzip-corrupt` or `teams:invoke+mutated`: reports group by it. */
  label: string;
  /** True only for unmutated, correctly signed requests: any 5xx on the others is "5xx on malformed input". */
  wellFormed: boolean;
  build(ctx: BuildContext): Built;
}

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:<timestamp>:<body as text>"). */
export function slackSignature(secret: string, timestamp: string, body: Buffer): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body.toString('utf8')}`).digest('hex')}`;
}

/** How a Slack request is signed: correctly, with a shifted clock, a wrong secret, or not at all. */
export type Signing = { kind: 'valid'; skewSeconds: number } | { kind: 'wrong-secret' } | { kind: 'garbage'; signature: string } | { kind: 'missing' } | { kind: 'bad-timestamp'; timestamp: string };

/** True when Slack's own rule (5 minutes either way) says the request is genuine. */
export const genuine = (s: Signing): boolean => s.kind === 'valid' && Math.abs(s.skewSeconds) < 300;

export function signingHeaders(s: Signing, body: Buffer, ctx: BuildContext): Record<string, string> {
  const now = String(ctx.nowSeconds);
  switch (s.kind) {
    case 'valid': {
      const ts = String(ctx.nowSeconds + s.skewSeconds);
      return { 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(ctx.secret, ts, body) };
    }
    case 'wrong-secret':
      return { 'x-slack-request-timestamp': now, 'x-slack-signature': slackSignature(`${ctx.secret}-not`, now, body) };
    case 'garbage':
      return { 'x-slack-request-timestamp': now, 'x-slack-signature': s.signature };
    case 'missing':
      return {};
    case 'bad-timestamp':
      return { 'x-slack-request-timestamp': s.timestamp, 'x-slack-signature': slackSignature(ctx.secret, s.timestamp, body) };
  }
}

export const signingLabel = (s: Signing): string => (s.kind === 'valid' ? (genuine(s) ? 'signed' : s.skewSeconds > 0 ? 'ts-future' : 'ts-past') : s.kind);
