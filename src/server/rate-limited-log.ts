import type { Logger } from '../logger.js';

export interface RateLimitedLogOptions {
  /** Lines per kind per window; default 5. */
  perWindow?: number;
  /** Window length in milliseconds; default one minute. */
  windowMs?: number;
  /** Clock in epoch milliseconds; tests pass their own. */
  now?: () => number;
}

/**
 * Logs one warning line per event, but at most `perWindow` lines per `kind` per window, so a flood
 * of refused requests cannot flood the logs. The first line of each later window carries
 * `suppressed: n`, the number of lines of that kind dropped since the last one written.
 * @returns `(kind, msg, fields)`; `kind` groups events (e.g. "teams 401 AuthenticationError").
 */
export function rateLimitedLog(log: Logger, opts: RateLimitedLogOptions = {}): (kind: string, msg: string, fields?: Record<string, unknown>) => void {
  const perWindow = opts.perWindow ?? 5;
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { start: number; written: number; suppressed: number }>();
  return (kind, msg, fields = {}) => {
    const at = now();
    let w = windows.get(kind);
    if (!w || at - w.start >= windowMs) {
      const suppressed = w?.suppressed ?? 0;
      w = { start: at, written: 0, suppressed: 0 };
      windows.set(kind, w);
      // Bounded memory: kinds are few (status × error name), but an attacker must not grow the map.
      if (windows.size > 100) windows.delete(windows.keys().next().value as string);
      if (suppressed > 0) fields = { ...fields, suppressed };
    }
    if (w.written >= perWindow) {
      w.suppressed++;
      return;
    }
    w.written++;
    log.warn(msg, fields);
  };
}
