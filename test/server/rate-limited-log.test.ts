import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { rateLimitedLog } from '../../src/server/rate-limited-log.js';

describe('rate-limited log lines', () => {
  it('writes at most N lines per kind per minute, then says how many it dropped', () => {
    const lines: Record<string, unknown>[] = [];
    let clock = 0;
    const warn = rateLimitedLog(createLogger('info', 'edge', (l) => lines.push(JSON.parse(l) as Record<string, unknown>)), { perWindow: 3, now: () => clock });
    for (let i = 0; i < 50; i++) warn('teams 401', 'request refused', { status: 401 });
    warn('teams 415', 'request refused', { status: 415 });
    expect(lines.map((l) => l.status)).toEqual([401, 401, 401, 415]);
    clock += 60_000;
    warn('teams 401', 'request refused', { status: 401 });
    expect(lines.at(-1)).toMatchObject({ level: 'warn', msg: 'request refused', status: 401, suppressed: 47 });
    warn('teams 401', 'request refused', { status: 401 });
    expect(lines.at(-1)).not.toHaveProperty('suppressed');
  });
});
