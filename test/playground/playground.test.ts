import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { menuFor } from '../../src/dialogs/views/menu-view.js';
import { cardProblems } from '../channels/teams/cards/parse-card.js';

/*
 * `npm run playground` end to end: the real bot and the real Agents Playground, driven the way the
 * Playground's own web page drives its server (read from the package's built client): GET
 * /_internal/v1/config when the page loads, POST /_debug/conversation/{id}/installation to open the
 * personal chat, POST /_conversation/v1/conversations/{id}/messages for what is typed, POST
 * /_conversation/v1/invoke for a card button, and the bot's messages pushed back over the web
 * socket /_ws_conversation/v1/conversations/stream.
 */

type Json = Record<string, unknown>;
interface Pushed {
  action: string;
  message?: { messageId: string; attachments?: { contentType: string; content: Json }[] };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** True when a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** An HTTP proxy that forwards nothing and notes every request: whatever tries to leave the machine comes here. */
async function startRecordingProxy() {
  const seen: string[] = [];
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

function executeActions(v: unknown): Json[] {
  if (Array.isArray(v)) return v.flatMap(executeActions);
  if (!v || typeof v !== 'object') return [];
  const o = v as Json;
  return [...(o.type === 'Action.Execute' ? [o] : []), ...Object.values(o).flatMap(executeActions)];
}

const cardOf = (p: Pushed) => p.message?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('npm run playground', () => {
  it('starts the bot and the Agents Playground together: "help" typed in the Playground brings the menu card, a button on it answers in place, and Ctrl-C stops both', async () => {
    const proxy = await startRecordingProxy();
    cleanups.push(proxy.close);
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    const dataDir = await mkdtemp(join(tmpdir(), 'gr-playground-data-'));
    const tmp = await mkdtemp(join(tmpdir(), 'gr-playground-tmp-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => rm(tmp, { recursive: true, force: true }));
    const hadDevTools = existsSync('devTools');
    const noProxy = '127.0.0.1,localhost,::1';
    // detached: its own process group, so the test can press Ctrl-C as a terminal does (SIGINT to the group).
    const npm = spawn('npm', ['run', '-s', 'playground'], {
      cwd: process.cwd(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(botPort),
        PLAYGROUND_PORT: String(playgroundPort),
        DATA_DIR: dataDir,
        TMPDIR: tmp,
        TEAMSAPPTESTER_BROWSER: 'none',
        http_proxy: proxy.url, https_proxy: proxy.url, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url,
        no_proxy: noProxy, NO_PROXY: noProxy,
      },
    });
    let out = '';
    let err = '';
    npm.stdout.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    cleanups.push(() => {
      if (npm.exitCode === null && npm.signalCode === null) process.kill(-npm.pid!, 'SIGKILL');
    });

    await expect.poll(() => out.includes('Ctrl-C stops both') || npm.exitCode !== null, { timeout: 90_000, interval: 200 }).toBe(true);
    expect(out, err).toContain(`Bot (local mode):   http://127.0.0.1:${botPort}/api/messages`);
    expect(out).toContain(`Agents Playground:  http://127.0.0.1:${playgroundPort}`);
    const base = `http://127.0.0.1:${playgroundPort}`;

    // The page loads: the Playground reads its config (and probes the bot), then opens the personal chat.
    const { config } = (await (await fetch(`${base}/_internal/v1/config`)).json()) as { config: { personalChat: { id: string }; currentUser: { id: string } } };
    const chat = config.personalChat.id;
    const me = config.currentUser.id;
    const ws = new WebSocket(`ws://127.0.0.1:${playgroundPort}/_ws_conversation/v1/conversations/stream`);
    cleanups.push(() => ws.close());
    const pushed: Pushed[] = [];
    ws.on('message', (d: Buffer) => pushed.push(JSON.parse(d.toString()) as Pushed));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    expect((await postJson(`${base}/_debug/conversation/${chat}/installation`, {})).status).toBe(200);
    await expect.poll(() => pushed.filter((p) => p.action === 'createMessage').length, { timeout: 15_000 }).toBe(1);

    // Typing "help" brings the menu card back through the Playground.
    const before = pushed.length;
    expect((await postJson(`${base}/_conversation/v1/conversations/${chat}/messages`, { type: 'text', text: 'help', textFormat: 'plain', from: { id: me } })).status).toBe(200);
    await expect.poll(() => pushed.slice(before).find((p) => p.action === 'createMessage' && cardOf(p)), { timeout: 15_000 }).toBeTruthy();
    const reply = pushed.slice(before).find((p) => p.action === 'createMessage' && cardOf(p))!;
    const menu = cardOf(reply)!;
    expect(cardProblems(menu)).toEqual([]);
    expect(JSON.stringify(menu)).toContain('What I can help with');
    const buttons = executeActions(menu);
    // The local user is a SENDCo (LOCAL_USER_ROLE's default): every item a SENDCo has, the ones behind "More" too.
    expect(buttons.map((b) => (b.data as Json).command)).toEqual(expect.arrayContaining(menuFor('sendco').map((m) => m.command)));

    // Pressing "My reviews" on it is an Action.Execute: the bot's answer replaces the card in place.
    const myReviews = buttons.find((b) => (b.data as Json).command === 'my reviews')!;
    const pressed = await postJson(`${base}/_conversation/v1/invoke`, {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: myReviews.verb, data: myReviews.data }, trigger: 'manual' },
      from: { id: me },
      conversation: { id: chat },
      replyToId: reply.message!.messageId,
    });
    expect(pressed.status).toBe(200);
    const answer = (await pressed.json()) as { type: string; value: Json };
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(answer.value)).toEqual([]);
    expect(JSON.stringify(answer.value)).toContain('No reviews or deadlines are due');

    // The Playground listens on this machine only (it would otherwise relay the bot to the network):
    // checked on each other address this machine has.
    const lan = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address);
    for (const address of lan) expect(await accepts(address, playgroundPort), address).toBe(false);

    // Ctrl-C: both stop, npm ends cleanly, and the Playground's log (which holds what was typed) is gone.
    process.kill(-npm.pid!, 'SIGINT');
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 20_000))])).toBe(0);
    expect(await accepts('127.0.0.1', botPort)).toBe(false);
    expect(await accepts('127.0.0.1', playgroundPort)).toBe(false);
    expect((await readdir(tmp)).filter((f) => f.startsWith('agents-playground-'))).toEqual([]);
    expect(existsSync('devTools')).toBe(hadDevTools);

    // Quiet: the bot logged no warning or error beyond saying it runs in local mode (the Playground's
    // HEAD probe, installationUpdate and conversationUpdate are answered without complaint) ...
    const complaints = err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: string; msg: string })
      .filter((l) => (l.level === 'warn' || l.level === 'error') && !l.msg.startsWith('Local mode:'));
    expect(complaints).toEqual([]);
    expect(err).toContain('authentication is OFF');
    // No deprecation notices either, on any supported Node (restify's spdy used to print DEP0111 and
    // could not load at all on Node 24; see vendor/no-spdy).
    expect(err).not.toMatch(/Warning:/);
    // ... and nothing tried to leave the machine: the Playground's telemetry is off, SDK statistics included.
    expect(proxy.seen).toEqual([]);
  }, 150_000);
});
