import restify, { type Server } from 'restify';
import type { Logger } from '../logger.js';

/**
 * The one web server: channels mount their own routes on it. No global body parser, because Slack
 * signatures need the raw body; each route parses what it needs.
 */
export function createHttpServer(log: Logger): Server {
  const server = restify.createServer({ name: 'graduated-response', handleUncaughtExceptions: false });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.on('restifyError', (req, _res, err: Error & { statusCode?: number }, cb: () => void) => {
    // Method and path only: bodies and query strings may hold pupil details.
    log.warn('request refused', { method: req.method, path: req.getPath(), status: err.statusCode ?? 500 });
    cb();
  });
  return server;
}

/** Starts listening; resolves with the real port (0 picks a free one, for tests). */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
