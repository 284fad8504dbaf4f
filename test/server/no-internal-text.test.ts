import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { botHarness } from '../app/bot-harness.js';
import { slackHeaders } from '../channels/slack/harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

/** Text that only comes from inside the program: stack frames, source paths, JS error names, parser positions. */
const INTERNAL = /\bat |\.ts:|\.js:|TypeError|ReferenceError|SyntaxError|Cannot read properties|is not a function|position \d|Unexpected token/;

describe('refusals never carry internal error text', () => {
  it('answers malformed bodies on both endpoints without stack-like text, 5xx or raw stacks on stderr', async () => {
    h = await botHarness();
    const printed: string[] = [];
    const keep = (...args: unknown[]) => void printed.push(args.map((a) => (a instanceof Error ? String(a.stack) : String(a))).join(' '));
    for (const m of ['error', 'warn', 'log', 'info'] as const) vi.spyOn(console, m).mockImplementation(keep);
    const base = `http://127.0.0.1:${(h.bot.server.address() as { port: number }).port}`;
    const good = { type: 'message', id: 'a1', channelId: 'msteams', serviceUrl: h.connector.url, from: { id: '29:x' }, conversation: { id: 'a:x' }, recipient: { id: '28:bot' }, text: 'help' };
    const json = { 'content-type': 'application/json' };
    const teams: [string | Buffer, Record<string, string>][] = [
      ['{not json', json],
      ['{"type":"message","text":"x"', json],
      ['null', json],
      ['[1,2]', json],
      [JSON.stringify({ ...good, conversation: undefined }), json],
      [JSON.stringify({ ...good, serviceUrl: { url: 'x' } }), json],
      [JSON.stringify({ ...good, from: null }), json],
      [JSON.stringify({ ...good, type: 'invoke', name: 'adaptiveCard/action', value: {} }), json],
      [JSON.stringify({ ...good, timestamp: 'not a time' }), json],
      ['{}', { ...json, 'content-encoding': 'gzip' }],
      [gzipSync('{}'), { ...json, 'content-encoding': 'deflate' }],
      ['type=message&text=hi', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['{"a":1}', { 'content-type': 'text/plain' }],
      ['{"a":1}', {}],
    ];
    const slackBodies: [string, string][] = [
      ['null', 'application/json'],
      ['{not json', 'application/json'],
      ['[]', 'application/json'],
      ['{"type":"event_callback","event":"x"}', 'application/json'],
      ['payload=%7Bbad', 'application/x-www-form-urlencoded'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['command=5', 'application/x-www-form-urlencoded'],
    ];
    const answers: { status: number; text: string }[] = [];
    for (const [body, headers] of teams) {
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers, body });
      answers.push({ status: res.status, text: await res.text() });
    }
    for (const [body, type] of slackBodies) {
      for (const headers of [slackHeaders(body, { contentType: type }), { 'content-type': type }]) {
        const res = await fetch(`${base}/slack/events`, { method: 'POST', headers, body });
        answers.push({ status: res.status, text: await res.text() });
      }
    }
    expect(answers.filter((a) => a.status >= 500 || a.status < 400)).toEqual([]);
    expect(answers.filter((a) => INTERNAL.test(a.text))).toEqual([]);
    expect(printed.filter((p) => /\n\s+at /.test(p) || INTERNAL.test(p))).toEqual([]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
