import { createServer, type AddressInfo } from 'node:net';

const LOOPBACK = '127.0.0.1';

/** True when nothing listens on the port on 127.0.0.1 (where the playground puts both servers). */
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve(true)));
  });
}

/** A port nothing listens on right now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Polls `url` until it answers 200, for up to `ms`; stops early, returning false, once `gaveUp()`
 * says there is no point (the process that should answer has exited).
 */
export async function waitForHealth(url: string, ms: number, gaveUp: () => boolean): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until && !gaveUp()) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
