import type { IncomingMessage } from 'node:http';
import { HttpRefusal } from './http-refusal.js';

/**
 * Reads a request body as raw bytes, at most `limitBytes` of them.
 * @throws HttpRefusal 413 as soon as the declared length or the bytes read pass the cap; nothing
 * past the cap is kept, and the rest of the request is discarded unread.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume();
    return Promise.reject(new HttpRefusal(413, 'declared-too-large'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        chunks.length = 0;
        // Keep draining (and dropping) so the client can still read our 413.
        req.resume();
        reject(new HttpRefusal(413, 'too-large'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanup();
      reject(new HttpRefusal(400, 'body-aborted'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}

/** True when the request's body is sent as is: no content-encoding, or `identity`. */
function plainEncoding(req: IncomingMessage): boolean {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  return encoding === '' || encoding === 'identity';
}

/** True for `application/json`, with or without parameters such as `charset=utf-8`. */
function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * The one way a JSON endpoint reads its request: `application/json` only, no content encoding,
 * at most `limitBytes` bytes, parsed once. Nothing is inflated or written to disk.
 * @returns the parsed JSON value (any shape: validate it next).
 * @throws HttpRefusal 415 (not JSON, or compressed), 413 (over the cap), 400 (not valid JSON).
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  if (!plainEncoding(req)) throw new HttpRefusal(415, 'content-encoding');
  if (!isJsonContentType(req.headers['content-type'])) throw new HttpRefusal(415, 'content-type');
  const bytes = await readRawBody(req, limitBytes);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new HttpRefusal(400, 'bad-json');
  }
}
