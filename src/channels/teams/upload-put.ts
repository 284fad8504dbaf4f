import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * PUTs a whole file to an upload session URL (OneDrive's, from a Teams file consent) in one piece,
 * with an explicit Content-Length and `Content-Range: bytes 0-(n-1)/n`.
 *
 * Made with Node's own http/https client, not `fetch`: loading @slack/bolt loads the `undici`
 * package (@slack/socket-mode), which installs its own Agent as the process-wide dispatcher that
 * Node's built-in `fetch` then sends through. The built-in fetch adds its own Content-Length to
 * ours ("n, n"), which the newer Agent rejects as "invalid content-length header", so the upload
 * failed only in a process that also runs Slack. The http client sends exactly the headers given.
 *
 * Resolves when the server answers 2xx; throws an Error naming the status otherwise, or the
 * request's error (an AbortError when `signal` fires). The bytes are never logged.
 */
export function putWhole(url: string, bytes: Uint8Array, signal: AbortSignal): Promise<void> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const length = bytes.byteLength;
  return new Promise<void>((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'PUT',
        signal,
        headers: {
          'Content-Length': String(length),
          ...(length > 0 ? { 'Content-Range': `bytes 0-${length - 1}/${length}` } : {}),
        },
      },
      (res: IncomingMessage) => {
        // Drain the answer (OneDrive returns the drive item) so the socket is freed.
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`upload answered ${status}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}
