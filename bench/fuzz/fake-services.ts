import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback stand-in the bot calls out to; it only counts calls, so a long run keeps no bodies. */
export interface FakeService {
  /** Base URL ending in `/`, on 127.0.0.1. */
  url: string;
  calls(): number;
  close(): Promise<void>;
}

async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<FakeService> {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    // Drain the body without keeping it: answers depend on the path only.
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls: () => calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/**
 * Slack's Web API (Bolt's `slackApiUrl` is `<url>api/`) and response_url: `auth.test` names the
 * bot, every other method is `{ ok: true }` with the fields callers read (ts, channel, view).
 */
export function startFakeSlackApi(): Promise<FakeService> {
  let ts = 1000;
  return serve((req, res) => {
    const method = (req.url ?? '').split('?')[0]!.replace(/^\/api\//, '');
    if (method === 'auth.test') return json(res, 200, { ok: true, user_id: 'UBOT', team_id: 'T0001', bot_id: 'B0001', user: 'graduated' });
    json(res, 200, { ok: true, channel: 'D0FUZZ', ts: `${ts++}.0001`, view: { id: `V${ts}`, hash: 'h1' } });
  });
}

/** The Bot Connector (an activity's serviceUrl): every POST or PUT under /v3/conversations/ gets 200 `{"id":"1"}`. */
export function startFakeConnector(): Promise<FakeService> {
  return serve((req, res) => {
    if ((req.url ?? '').startsWith('/v3/conversations/')) return json(res, 200, { id: '1' });
    json(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
  });
}
