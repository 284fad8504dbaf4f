/**
 * How fast a signed Slack slash command is acknowledged: the real server, Bolt receiver and core
 * against a fake Slack Web API, 50 requests at once. Slack gives up after 3 s; the bot acks first
 * and works after, so the ack should be milliseconds. Beside it, in the same run: a Bolt app on the
 * same server whose command only acks (the receiver's own floor). Printed, never asserted.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Request, Response } from 'restify';
import { Assistant } from '../src/app/assistant.js';
import { startCore } from '../src/app/bootstrap.js';
import { FormSubmissions } from '../src/app/form-submissions.js';
import { startSlackChannel } from '../src/channels/slack/slack-channel.js';
import { boltLogger } from '../src/channels/slack/bolt-logger.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { createHttpServer, listen } from '../src/server/http-server.js';
import { startFakeSlackApi } from '../test/channels/slack/fake-slack-api.js';
import { startClient, type LoadRequest } from './http-client.js';
import { percentiles, type Figures } from './stats.js';

const SECRET = 'bench-signing-secret-0123456789';
const CONCURRENT = 50;
const ROUNDS = 20;

function signed(body: string): LoadRequest {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${sig}` } };
}

function commands(command: string, responseUrl: string): LoadRequest[][] {
  return Array.from({ length: CONCURRENT }, (_, c) =>
    Array.from({ length: ROUNDS }, (_, r) =>
      signed(new URLSearchParams({ team_id: 'T0001', user_id: `U${String(c).padStart(4, '0')}`, channel_id: 'C1', command, text: 'signpost attendance really poor', response_url: `${responseUrl}${c}-${r}`, trigger_id: `t${c}.${r}` }).toString()),
    ),
  );
}

const line = (name: string, f: Figures, note = '') =>
  console.log(`${name.padEnd(44)} n=${String(f.n).padEnd(5)} p50=${f.p50.toFixed(2).padStart(7)} ms p99=${f.p99.toFixed(2).padStart(8)} ms max=${f.max.toFixed(2).padStart(8)} ms ${note}`);

export async function slackAck(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gr-bench-slack-'));
  const api = await startFakeSlackApi();
  const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET });
  const core = await startCore(config);
  const assistant = new Assistant(core, { localMode: false, log: silentLogger });
  const server = createHttpServer(silentLogger);
  const slack = await startSlackChannel(server, config.slack!, assistant, new FormSubmissions(assistant), { log: silentLogger, slackApiUrl: api.apiUrl });

  // The floor: a Bolt app on the same server whose command does nothing but ack.
  const floor = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/floor', logger: boltLogger(silentLogger) });
  const floorApp = new App({ token: 'xoxb-floor', receiver: floor, logLevel: LogLevel.ERROR, logger: boltLogger(silentLogger), clientOptions: { slackApiUrl: api.apiUrl } });
  floorApp.command('/floor', async ({ ack }) => ack());
  server.post('/slack/floor', async (req: Request, res: Response) => {
    await new Promise<void>((done) => (res.once('finish', () => done()), floor.requestListener(req, res)));
  });

  const port = await listen(server, '127.0.0.1', 0);
  const client = startClient(port, CONCURRENT);
  try {
    await client.phase({ route: '/slack/events', bodies: commands('/graduated', api.responseUrl('warm')).map((r) => r.slice(0, 2)), spacingMs: 0 });
    // ABBA so drift falls on both.
    const bot: number[] = [];
    const base: number[] = [];
    const half = (rs: LoadRequest[][], first: boolean) => rs.map((r) => (first ? r.slice(0, ROUNDS / 2) : r.slice(ROUNDS / 2)));
    bot.push(...(await client.phase({ route: '/slack/events', bodies: half(commands('/graduated', api.responseUrl('a')), true), spacingMs: 0 })));
    base.push(...(await client.phase({ route: '/slack/floor', bodies: half(commands('/floor', api.responseUrl('b')), true), spacingMs: 0 })));
    base.push(...(await client.phase({ route: '/slack/floor', bodies: half(commands('/floor', api.responseUrl('c')), false), spacingMs: 0 })));
    bot.push(...(await client.phase({ route: '/slack/events', bodies: half(commands('/graduated', api.responseUrl('d')), false), spacingMs: 0 })));
    console.log(`slack slash command ack over HTTP: ${CONCURRENT} at once, ${ROUNDS} rounds each; Slack's limit is 3000 ms`);
    const b = percentiles(bot);
    const f = percentiles(base);
    line('signed /graduated signpost → ack', b, `(${(3000 / b.p99).toFixed(0)}× inside 3 s at p99)`);
    line('  baseline: Bolt app that only acks', f, `ratio p50 ${(b.p50 / f.p50).toFixed(2)}x`);
    const drainStart = performance.now();
    await slack.close(); // waits for the outbox: every reply that was acked must still be sent
    const replies = api.calls.filter((c) => c.method.startsWith('/respond/')).length;
    console.log(`${'  replies sent after the ack (response_url)'.padEnd(44)} ${replies} of ${CONCURRENT * (ROUNDS + 2)} (last ${(performance.now() - drainStart).toFixed(0)} ms after the final ack)`);
  } finally {
    await client.close();
    server.close();
    await slack.close();
    await core.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  slackAck().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
