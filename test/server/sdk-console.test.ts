import { describe, expect, it, vi } from 'vitest';
import { routeConsoleWithin, describeConsoleArgs } from '../../src/server/sdk-console.js';

describe('SDK console output during a request', () => {
  it('goes to the sink inside the request, including after awaits, and to the console outside it', async () => {
    // Spied before the first routed call, so the router's own "original" is this spy.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const routed: string[] = [];
    await routeConsoleWithin((level, args) => routed.push(`${level}: ${describeConsoleArgs(args)}`), async () => {
      await new Promise((r) => setTimeout(r, 1));
      console.error(new TypeError("Cannot read properties of undefined (reading 'id')"));
      console.warn('BadRequest: Missing activity or activity type.\n    at somewhere');
    });
    expect(routed).toEqual(['error: TypeError', 'warn: BadRequest: Missing activity or activity type.']);
    expect(printed).not.toHaveBeenCalled();
    console.error('outside a request');
    expect(routed).toHaveLength(2);
    expect(printed).toHaveBeenCalledWith('outside a request');
  });
});
