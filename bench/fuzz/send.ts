import { request } from 'node:http';

/** An HTTP status, or what happened instead: no answer in time, or the connection failed. */
export type Outcome = number | 'timeout' | 'conn-error';
export interface Answer {
  outcome: Outcome;
  /** The reply body as text, cut at 64 KB (only read to look for stack text). */
  text: string;
}

const MAX_READ = 64 * 1024;

/**
 * POSTs exact bytes with exact headers (content-length set here) to a loopback URL; never throws.
 * The socket is destroyed after `timeoutMs` with no complete answer.
 */
export function send(url: string, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let done = false;
    let status: number | undefined;
    const chunks: Buffer[] = [];
    const text = () => Buffer.concat(chunks).toString('utf8').slice(0, MAX_READ);
    const finish = (a: Answer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(a);
    };
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, agent: false }, (res) => {
      status = res.statusCode ?? 0;
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_READ) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => finish({ outcome: status!, text: text() }));
      res.on('error', failed);
    });
    // A server may answer (413, 401) before reading the whole body and then reset the upload: the status still counts.
    const failed = () => finish(status === undefined ? { outcome: 'conn-error', text: '' } : { outcome: status, text: text() });
    const timer = setTimeout(() => {
      finish({ outcome: 'timeout', text: '' });
      req.destroy();
    }, timeoutMs);
    req.on('error', failed);
    req.end(body);
  });
}
