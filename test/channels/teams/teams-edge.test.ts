import { randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AAD, teamsHarness, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const APP = { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000' };

/** Posts raw bytes to /api/messages as a client (or a web page) could. */
async function raw(body: RequestInit['body'], headers: Record<string, string>): Promise<{ status: number; text: string }> {
  // duplex: a streamed body goes out chunked, with no content-length to refuse it by.
  const res = await fetch(`${h.base}/api/messages`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { status: res.status, text: await res.text() };
}

/** A gzip stream of `mb` megabytes of zeros, built in 1 MB steps so the test itself stays small. */
async function gzipBomb(mb: number): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => gz.on('end', r));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mb; i++) if (!gz.write(zeros)) await new Promise((r) => gz.once('drain', r));
  gz.end();
  await done;
  return Buffer.concat(out);
}

async function healthy(): Promise<boolean> {
  return (await fetch(`${h.base}/healthz`)).status === 200;
}

describe('Teams edge: only plain JSON is read, before anything else runs', () => {
  it('refuses a body that claims gzip but is not, with 415, and keeps serving', async () => {
    h = await teamsHarness();
    expect((await raw('{}', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(415);
    expect((await raw(gzipSync('{}'), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(415);
    expect(await healthy()).toBe(true);
  });

  it('refuses a gzip bomb with 415 without inflating it', async () => {
    h = await teamsHarness({ env: APP, localMode: false });
    const bomb = await gzipBomb(200);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const before = process.memoryUsage().rss;
    const res = await raw(bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    const grown = process.memoryUsage().rss - before;
    expect(res.status).toBe(415);
    expect(grown).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a multipart upload with 415 and writes nothing to the temp folder', async () => {
    h = await teamsHarness();
    const marker = `upload-marker-${randomUUID()}`;
    const form = new FormData();
    form.append('file', new Blob([marker.repeat(100)]), 'notes.txt');
    const before = new Set(await readdir(tmpdir()));
    const res = await fetch(`${h.base}/api/messages`, { method: 'POST', body: form });
    expect(res.status).toBe(415);
    const added = (await readdir(tmpdir())).filter((f) => !before.has(f));
    const holding: string[] = [];
    for (const name of added) {
      const path = join(tmpdir(), name);
      if ((await stat(path)).isFile() && (await readFile(path, 'utf8')).includes(marker)) holding.push(name);
    }
    expect(holding).toEqual([]);
  });

  it('refuses a body over the size cap with 413, and still takes a large real card submit', async () => {
    h = await teamsHarness();
    const big = h.activity(AAD.sendco, { type: 'message', text: 'help', channelData: { pad: 'x'.repeat(300 * 1024) } });
    const res = await raw(JSON.stringify(big), { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    // Sent chunked, with no length to go by: refused once the bytes read pass the cap.
    const chunked = await raw(new Blob([JSON.stringify(big)]).stream(), { 'content-type': 'application/json' });
    expect(chunked.status).toBe(413);
    const fair = h.activity(AAD.sendco, { type: 'message', text: 'help', channelData: { pad: 'x'.repeat(90 * 1024) } });
    expect((await raw(JSON.stringify(fair), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect(await healthy()).toBe(true);
  });

  it('answers malformed activities with 400 and one fixed message, and sends nothing', async () => {
    h = await teamsHarness();
    const good = h.activity(AAD.sendco, { type: 'message', text: 'help' });
    const bad: unknown[] = [
      null,
      [],
      'message',
      { type: 'message' },
      { ...good, serviceUrl: 5 },
      { ...good, conversation: undefined },
      { ...good, from: { name: 'no id' } },
      { ...good, recipient: 'bot' },
      { ...good, type: '' },
      { ...good, text: { html: 'not a string' } },
      { ...good, timestamp: 'yesterday-ish' },
      { ...good, type: 'invoke', name: 'adaptiveCard/action', value: 'press' },
      // An invoke the app never declares (no message extensions): the SDK's empty 501 becomes the fixed 400.
      { ...good, type: 'invoke', name: 'composeExtension/query', value: { commandId: 'x' } },
      { ...good, locale: { x: 1 } },
    ];
    const answers = await Promise.all(bad.map((b) => raw(JSON.stringify(b), { 'content-type': 'application/json' })));
    expect(answers.map((a) => a.status)).toEqual(bad.map(() => 400));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(JSON.parse(answers[0]!.text)).toEqual({ code: 'BadRequest', message: 'That request is not a Bot Framework activity this bot can read.' });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.connector.calls).toHaveLength(0);
  });
});

describe('Teams edge: local mode takes requests only from this machine', () => {
  it('refuses a cross-site form post with 415, so a web page cannot add or read pupils', async () => {
    h = await teamsHarness();
    const form = new URLSearchParams({
      type: 'message', id: 'x1', channelId: 'msteams', serviceUrl: h.connector.url, text: 'new pupil',
      'from[id]': `29:${AAD.sendco}`, 'conversation[id]': 'a:evil', 'recipient[id]': '28:bot',
    });
    // From another site it is refused on the Origin before the body is read; from no page, as not JSON.
    const res = await raw(form.toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await raw(form.toString(), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const plain = await raw(form.toString(), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.connector.calls).toHaveLength(0);
    expect(await h.core.repo.scanAll()).toHaveLength(0);
  });

  it('refuses a request from a web page that is not on this machine with 403, and takes loopback pages', async () => {
    h = await teamsHarness();
    const body = JSON.stringify(h.activity(AAD.sendco, { type: 'message', text: 'help' }));
    const evil = await raw(body, { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect((await raw(body, { 'content-type': 'application/json', origin: 'http://localhost.evil.example:3978' })).status).toBe(403);
    expect((await raw(body, { 'content-type': 'application/json', origin: 'null' })).status).toBe(403);
    // Whatever the body: a page elsewhere is told 403, not how its body was wrong.
    for (const junk of ['{}', '{bad', 'null']) expect((await raw(junk, { 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.connector.calls).toHaveLength(0);
    const again = JSON.stringify(h.activity(AAD.sendco, { type: 'message', text: 'help' }));
    expect((await raw(again, { 'content-type': 'application/json', origin: 'http://localhost:56150' })).status).toBe(200);
    await h.connector.waitFor((c) => c.method === 'POST');
  });

  it('refuses an activity whose serviceUrl is not on this machine with 403, and sends nothing there', async () => {
    h = await teamsHarness();
    for (const serviceUrl of ['http://10.1.2.3/', 'https://evil.example/', 'http://127.0.0.1.evil.example/', 'http://[::ffff:10.1.2.3]/']) {
      const res = await raw(JSON.stringify(h.activity(AAD.sendco, { type: 'message', text: 'help', serviceUrl })), { 'content-type': 'application/json' });
      expect(res.status, serviceUrl).toBe(403);
      expect(JSON.parse(res.text)).toEqual({ code: 'Forbidden', message: 'In local mode the bot only answers clients on this machine.' });
    }
  });
});

describe('Teams edge: refusals carry no internal text and do not flood the logs', () => {
  it('with sign-in on, an unsigned request gets a fixed 401 and no stack trace on stderr', async () => {
    h = await teamsHarness({ env: APP, localMode: false });
    const written: string[] = [];
    const keep = (...args: unknown[]) => void written.push(args.map((a) => (a instanceof Error ? String(a.stack) : String(a))).join(' '));
    vi.spyOn(console, 'error').mockImplementation(keep);
    vi.spyOn(console, 'warn').mockImplementation(keep);
    vi.spyOn(console, 'log').mockImplementation(keep);
    const res = await h.post(h.activity(AAD.sendco, { type: 'message', text: 'help' }));
    const forged = await h.post(h.activity(AAD.sendco, { type: 'message', text: 'help' }), { authorization: 'Bearer not.a.token' });
    expect([res.status, forged.status]).toEqual([401, 401]);
    expect(res.body).toEqual({ code: 'Unauthorized', message: 'This request is not signed by the Bot Framework.' });
    expect(forged.body).toEqual(res.body);
    expect(written.filter((w) => /\n\s+at /.test(w))).toEqual([]);
  });
});

describe('Teams edge: reachability probes', () => {
  it('answers the Agents Playground\'s HEAD probe with an empty 200, and still nothing but POST reads a body', async () => {
    h = await teamsHarness();
    const head = await fetch(`${h.base}/api/messages`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${h.base}/api/messages`)).status).toBe(405);
  });
});
