import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AAD, teamsHarness, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => h?.close());

/** A loopback port with nothing listening: connections to it are refused at once. */
async function refusingUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return `http://127.0.0.1:${port}/`;
}

describe('Teams: calls to the Bot Connector are bounded', () => {
  it('gives up on a serviceUrl that never answers, without retrying, while another conversation is answered', async () => {
    h = await teamsHarness({ callTimeoutMs: 800 });
    h.connector.hang(`a:personal-${AAD.sendco}`);
    const stuck = h.post(h.activity(AAD.sendco, { type: 'message', text: 'help' }));
    await expect.poll(() => h.connector.held.length).toBe(1);

    // The stuck conversation holds nobody else.
    const other = await h.post(h.activity(AAD.teacher, { type: 'message', text: 'help' }));
    expect(other.status).toBe(200);
    expect(h.connector.calls.some((c) => c.conversationId === `a:personal-${AAD.teacher}`)).toBe(true);

    // Today this request hangs for minutes; bounded, the turn ends and the reply is not sent twice.
    const res = await stuck;
    expect([200, 500]).toContain(res.status);
    // The reply is tried once and never resent, and no apology follows it into the same silence
    // (it would hold the turn as long again, past the 15 s after which Teams resends).
    await new Promise((r) => setTimeout(r, 100));
    expect(h.connector.held.length).toBe(1);
  });

  it('gives up quickly on a serviceUrl that refuses connections, instead of the SDK retrying for half a minute', async () => {
    h = await teamsHarness();
    const url = await refusingUrl();
    const res = await h.post(h.activity(AAD.sendco, { type: 'message', text: 'help', serviceUrl: url }));
    // Liveness, not speed: the test's own timeout (20 s) is shorter than the SDK's retries took.
    expect([200, 500]).toContain(res.status);
  }, 20_000);
});
