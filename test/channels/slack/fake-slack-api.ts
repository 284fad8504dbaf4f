import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

/** A file's bytes as sent to the upload URL `files.getUploadURLExternal` handed out. */
export interface SlackUpload {
  fileId: string;
  body: Buffer;
}

/**
 * The file in an upload: the client sends it as multipart/form-data (one part) or as the bare bytes;
 * Slack takes either, so the stand-in reads both.
 */
function fileIn(raw: Buffer, type: string | undefined): Buffer {
  const boundary = type?.match(/boundary=(?:"([^"]+)"|([^;]+))/);
  if (!boundary) return raw;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf('\r\n\r\n', raw.indexOf(marker)) + 4;
  const end = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), marker]), start);
  return raw.subarray(start, end);
}

/** Web API calls arrive form-encoded (objects as JSON strings) or as JSON; both become plain objects. */
function parseParams(body: string, type: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (type?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/**
 * A local stand-in for slack.com/api (Bolt's clientOptions.slackApiUrl) and for response_url:
 * records every call the app makes and can answer with rate limits on demand.
 */
export async function startFakeSlackApi() {
  const calls: SlackCall[] = [];
  const uploads: SlackUpload[] = [];
  const limits: { method: string; retryAfter: number }[] = [];
  let ts = 1000;
  let base = '';
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    // The upload URL is not a Web API method: the file's bytes arrive as they are.
    const upload = path.match(/^\/upload\/(F\w+)$/);
    if (upload) {
      uploads.push({ fileId: upload[1]!, body: fileIn(raw, req.headers['content-type']) });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end(`OK - ${raw.length}`);
    }
    const body = raw.toString();
    const method = path.replace(/^\/api\//, '');
    const params = parseParams(body, req.headers['content-type']);
    const limit = limits.findIndex((l) => l.method === method);
    if (limit >= 0) {
      const [l] = limits.splice(limit, 1);
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(l!.retryAfter) });
      return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    calls.push({ method, params });
    const reply: Record<string, unknown> = { ok: true };
    if (method === 'auth.test') Object.assign(reply, { user_id: 'UBOT', team_id: 'T0001', bot_id: 'B0001', user: 'graduated' });
    if (method === 'chat.postMessage') Object.assign(reply, { channel: params.channel, ts: `${ts++}.0001` });
    if (method.startsWith('views.')) Object.assign(reply, { view: { id: `V${ts++}`, hash: 'h1' } });
    if (method === 'conversations.open') Object.assign(reply, { channel: { id: `D${String(params.users)}` } });
    if (method === 'files.getUploadURLExternal') Object.assign(reply, { upload_url: `${base}/upload/F${ts}`, file_id: `F${ts++}` });
    if (method === 'files.completeUploadExternal') Object.assign(reply, { files: (params.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title ?? '' })) });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (n: number | string) => `${base}/respond/${n}`,
    calls,
    /** Files' bytes as uploaded, by the file id Slack gave. */
    uploads,
    rateLimitNext(method: string, retryAfterSeconds: number) {
      limits.push({ method, retryAfter: retryAfterSeconds });
    },
    async waitFor(pred: (c: SlackCall) => boolean, timeoutMs = 5000): Promise<SlackCall> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const hit = calls.find(pred);
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`no matching Slack call; saw ${calls.map((c) => c.method).join(', ') || 'none'}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;
