import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  /** Decoded path, e.g. /v3/conversations/personal-1/activities */
  path: string;
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
}

interface Failure {
  status: number;
  headers?: Record<string, string>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });

/**
 * A local stand-in for the Bot Connector service (the activity's serviceUrl): records every
 * reply, update and proactive message the bot sends, and can answer with failures on demand.
 */
export async function startFakeConnector() {
  const calls: ConnectorCall[] = [];
  const failures: Failure[] = [];
  /** Conversations whose calls are accepted and never answered, as a stuck serviceUrl does. */
  const hanging = new Set<string>();
  const held: { conversationId: string }[] = [];
  /** Conversations the bot was removed from: every call answered with this status, and counted. */
  const refusing = new Map<string, number>();
  const refused: { conversationId: string; status: number }[] = [];
  let next = 1;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const m = path.match(/^\/v3\/conversations\/(.+?)\/activities(?:\/(.+))?$/);
    if (m && hanging.has(m[1]!)) return void held.push({ conversationId: m[1]! });
    const refusal = m ? refusing.get(m[1]!) : undefined;
    if (refusal) {
      refused.push({ conversationId: m![1]!, status: refusal });
      res.writeHead(refusal, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
    }
    const failure = failures.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      return void res.end(JSON.stringify({ error: { code: 'Throttled', message: 'try later' } }));
    }
    if (m) calls.push({ method: req.method ?? '', path, conversationId: m[1]!, ...(m[2] ? { activityId: m[2] } : {}), body: body ? (JSON.parse(body) as Record<string, unknown>) : {} });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: m?.[2] && req.method === 'PUT' ? m[2] : `sent-${next++}` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    calls,
    /** Calls for this conversation are read and never answered; `held` lists each one. */
    hang(conversationId: string) {
      hanging.add(conversationId);
    },
    held,
    /** Every call for this conversation gets `status` (403 after the bot was removed); `refused` lists each one. */
    refuse(conversationId: string, status = 403) {
      refusing.set(conversationId, status);
    },
    /** Answers this conversation normally again. */
    accept(conversationId: string) {
      refusing.delete(conversationId);
    },
    refused,
    /** The next `count` requests fail with this status (e.g. 429 with Retry-After). */
    failNext(count: number, status: number, headers?: Record<string, string>) {
      for (let i = 0; i < count; i++) failures.push({ status, ...(headers ? { headers } : {}) });
    },
    async waitFor(pred: (c: ConnectorCall) => boolean, timeoutMs = 5000): Promise<ConnectorCall> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const hit = calls.find(pred);
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`no matching connector call; saw ${calls.map((c) => `${c.method} ${c.path}`).join(', ') || 'none'}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => {
      // Held calls would keep server.close() waiting for ever.
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type FakeConnector = Awaited<ReturnType<typeof startFakeConnector>>;
