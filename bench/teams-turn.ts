/**
 * A whole Teams turn over HTTP, beside an echo bot on the same server and adapter: the real
 * server, Teams channel and core (10,000 stored cases) against a fake Bot Connector, with 50
 * conversations at once. Figures are printed, never asserted. `npm run bench:teams` runs it alone.
 *
 * The requests come from a worker thread, as they would come from outside: a client sharing the
 * server's event loop would add its own cost to both sides and flatter the ratio.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import { Assistant } from '../src/app/assistant.js';
import { startCore, type Core } from '../src/app/bootstrap.js';
import { FormSubmissions } from '../src/app/form-submissions.js';
import { Outbox, TEAMS_CONVERSATION_LIMITS } from '../src/app/outbox.js';
import { renderCard } from '../src/channels/teams/cards/render-card.js';
import { startTeamsChannel, type TeamsChannel } from '../src/channels/teams/teams-channel.js';
import { loadConfig } from '../src/config.js';
import type { PupilCase } from '../src/core/cases/pupil-case.js';
import { LowdbCaseRepository } from '../src/core/store/lowdb-case-repository.js';
import { createLogger } from '../src/logger.js';
import { createHttpServer, listen } from '../src/server/http-server.js';
import { startFakeConnector, type FakeConnector } from '../test/channels/teams/fake-connector.js';
import { actionsOf, cardOf, inputsOf, textOf } from '../test/channels/teams/harness.js';
import { fakeCase } from './fake-case.js';
import { startClient } from './http-client.js';
import { percentiles, type Figures } from './stats.js';

const SCHOOLS = 200;
const CASES = 10_000;
const CONVERSATIONS = 50;
const WARM_UP = 2;
/** Measured rounds per conversation, run as bot, echo, echo, bot halves so drift and GC debt fall on both. */
const ROUNDS = 20;
/** Start-to-start gap per conversation for message turns: 8 sends in 2 s is the tightest Teams window, so 350 ms never waits on it. */
const MESSAGE_SPACING_MS = 350;
const BURST_ROUNDS = 10;
const AIM = 1.5;
const LOCAL_SCHOOL = 'demo-school';

type Json = Record<string, unknown>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LETTERS = 'ABCDEFGHJKLMNPRSTW';

/** A recorded pupil at the local user's school, one per conversation: ref B<n>. */
function localCase(n: number): PupilCase {
  const c = fakeCase(CASES + n, SCHOOLS);
  return { ...c, id: `demo-case-${n}`, schoolId: LOCAL_SCHOOL, pupilRef: `B${n}`, initials: `${LETTERS[n % LETTERS.length]}${LETTERS[Math.floor(n / LETTERS.length) % LETTERS.length]}` };
}

/** Writes the cases; run in a child process so its garbage stays out of the bot's memory figures. */
async function seed(dataDir: string): Promise<void> {
  const repo = await LowdbCaseRepository.open(dataDir);
  try {
    // Schools in parallel, each school's cases in order: the same files as one save at a time, sooner.
    await Promise.all(
      Array.from({ length: SCHOOLS }, async (_, s) => {
        for (let i = s; i < CASES; i += SCHOOLS) await repo.save(fakeCase(i, SCHOOLS), undefined);
      }),
    );
    for (let n = 0; n < CONVERSATIONS; n++) await repo.save(localCase(n), undefined);
  } finally {
    await repo.close();
  }
}

const SEED_FLAG = '--seed-only';
const here = fileURLToPath(import.meta.url);

function seedInChild(dataDir: string): number {
  const t = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', here, SEED_FLAG, dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t;
}

// ---- Printing

const ms = (v: number) => `${v.toFixed(2)} ms`;

function line(name: string, f: Figures, note = ''): void {
  console.log(`${name.padEnd(44)} n=${String(f.n).padEnd(5)} p50=${ms(f.p50).padEnd(10)} p99=${ms(f.p99).padEnd(10)} max=${ms(f.max).padEnd(10)}${note}`);
}

function compare(name: string, bot: Figures, echo: Figures, note = ''): void {
  line(name, bot, note);
  line('  baseline: echo bot, same adapter', echo);
  const r50 = bot.p50 / echo.p50;
  const r99 = bot.p99 / echo.p99;
  console.log(`${'  ratio bot/echo'.padEnd(44)} p50 ${r50.toFixed(2)}x   p99 ${r99.toFixed(2)}x   aim ≤ ${AIM}x${r50 <= AIM ? '' : '  (p50 OVER the aim)'}`);
}

// ---- The bench

export async function teamsTurn(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'bench-teams-'));
  const dataDir = path.join(root, 'data');
  let connector: FakeConnector | undefined;
  let core: Core | undefined;
  let server: Server | undefined;
  let teams: TeamsChannel | undefined;
  let client: ReturnType<typeof startClient> | undefined;
  try {
    const seedMs = seedInChild(dataDir);

    // The real stack, wired as src/main.ts does it.
    const fake = (connector = await startFakeConnector());
    const tStart = performance.now();
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const log = createLogger(config.logLevel, 'bot');
    core = await startCore(config);
    const coreMs = performance.now() - tStart;
    const atRest = process.memoryUsage();
    const assistant = new Assistant(core, { localMode: true, log: log.child('assistant') });
    const forms = new FormSubmissions(assistant);
    server = createHttpServer(log.child('http'));
    // As startTeamsChannel builds it in production when none is given.
    const outbox = new Outbox({ limits: TEAMS_CONVERSATION_LIMITS, maxAttempts: 3, logger: log.child('teams').child('outbox') });
    const channel = (teams = await startTeamsChannel(server, core, assistant, forms, { localMode: true, log: log.child('teams'), outbox }));

    // The echo bot: same server, same adapter, same body parsing as /api/messages, no bot logic.
    server.post('/api/echo', restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false, rejectUnknown: true }), async (req: restify.Request, res: restify.Response) => {
      await channel.adapter.process(req, res, async (ctx: TurnContext) => {
        const a = ctx.activity;
        if (a.type === ActivityTypes.Invoke && a.name === 'adaptiveCard/action') {
          const data = (a.value as { action?: { data?: Json } } | undefined)?.action?.data ?? {};
          const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', wrap: true, text: `echo: ${JSON.stringify(data)}` }] };
          // As teams-ai's AdaptiveCards answers Action.Execute: an InvokeResponse activity, kept by the adapter under INVOKE_RESPONSE_KEY.
          await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } } });
        } else if (a.type === ActivityTypes.Message) {
          await ctx.sendActivity(a.text ?? '');
        }
      });
    });
    const port = await listen(server, '127.0.0.1', 0);
    const stackMs = performance.now() - tStart;
    const http = (client = startClient(port, CONVERSATIONS));

    let seq = 0;
    const aad = (c: number) => `00000000-0000-0000-0000-${String(c).padStart(12, '0')}`;
    const activity = (c: number, extra: Json): Json => ({
      // Unique ids: the bot skips a message id it has already answered (a Teams resend).
      id: `bench-act-${++seq}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: fake.url,
      from: { id: `29:${aad(c)}`, aadObjectId: aad(c), name: 'Staff member' },
      conversation: { id: `a:personal-${aad(c)}`, conversationType: 'personal', tenantId: 'tenant-1' },
      recipient: { id: '28:bot', name: 'Graduated Response' },
      ...extra,
    });
    const message = (c: number) => activity(c, { type: 'message', text: `what next for B${c}` });

    // One real turn first, to take the submit button's data from the card the bot actually sends.
    const before = fake.calls.length;
    await http.one('/api/messages', message(0));
    const formCard = cardOf((await fake.waitFor((x) => fake.calls.indexOf(x) >= before && x.method === 'POST')).body);
    const [submit] = actionsOf(formCard, 'form.submit');
    if (!submit || submit.data.dialogId !== 'what-next') throw new Error(`"what next for B0" did not answer with the what-next form:\n${textOf(formCard)}`);
    if (inputsOf(formCard).find((i) => i.id === 'q_pupil')?.value !== 'B0') throw new Error('the what-next form did not keep the pupil B0');
    const { dialogId, shown } = submit.data;

    // A fresh form id every time, or the form-submit idempotency cache would answer instead of the bot.
    const invoke = (c: number, formId: string) =>
      activity(c, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: `sent-${c}`,
        value: { action: { type: 'Action.Execute', verb: 'form.submit', data: { verb: 'form.submit', dialogId, formId, shown, q_pupil: `B${c}`, q_considerSuspension: 'yes', q_deteriorating: 'no', q_notes: '' } }, trigger: 'manual' },
      });

    // The guidance card, checked once in full; every later answer must still carry the ladder.
    const check = JSON.parse((await http.one('/api/messages', invoke(7, 'bench-check'))).text) as Json;
    const guidance = (check.value ?? {}) as Json;
    const words = textOf(guidance);
    if (check.type !== 'application/vnd.microsoft.card.adaptive' || !words.includes('You are here') || !/Step \d/.test(words) || !words.includes('ref B7'))
      throw new Error(`the what-next submit did not answer with the guidance card for B7:\n${words.slice(0, 600)}`);
    const guidanceKb = JSON.stringify(guidance).length / 1024;

    const bodies = (rounds: number, make: (c: number, r: number) => Json) => Array.from({ length: CONVERSATIONS }, (_, c) => Array.from({ length: rounds }, (_, r) => JSON.stringify(make(c, r))));
    let phaseNo = 0;
    const invokes = (route: string, rounds: number) => {
      const tag = `p${++phaseNo}`;
      return http.phase({ route, spacingMs: 0, bodies: bodies(rounds, (c, r) => invoke(c, `bench-${c}-${tag}-${r}`)), ...(route === '/api/messages' ? { expect: 'You are here' } : {}) });
    };
    const messages = (route: string, rounds: number, spacingMs: number) => http.phase({ route, spacingMs, bodies: bodies(rounds, (c) => message(c)) });
    /** Bot, echo, echo, bot: each side gets one early and one late half. */
    async function abba(run: (route: string, rounds: number) => Promise<number[]>): Promise<{ bot: Figures; echo: Figures }> {
      const half = ROUNDS / 2;
      const bot = await run('/api/messages', half);
      const echo = await run('/api/echo', half);
      echo.push(...(await run('/api/echo', half)));
      bot.push(...(await run('/api/messages', half)));
      return { bot: percentiles(bot), echo: percentiles(echo) };
    }

    // Warm-up: both endpoints, both kinds, so neither side pays for first-time compilation.
    for (const route of ['/api/messages', '/api/echo']) {
      await invokes(route, WARM_UP);
      await messages(route, WARM_UP, MESSAGE_SPACING_MS);
    }

    const inv = await abba(invokes);
    const sentBefore = fake.calls.length;
    const msg = await abba((route, rounds) => messages(route, rounds, MESSAGE_SPACING_MS));
    await channel.bot.idle();
    const sent = fake.calls.length - sentBefore;
    // Back to back, no spacing: what the per-conversation pace costs when a conversation sends faster than Teams allows.
    await sleep(2100);
    const burstBot = percentiles(await messages('/api/messages', BURST_ROUNDS, 0));
    const burstEcho = percentiles(await messages('/api/echo', BURST_ROUNDS, 0));
    await channel.bot.idle();

    // Where a submit's time goes, in process and one at a time: the core's answer, then the card.
    const me = { id: `teams:${aad(0)}` };
    const submitMs: number[] = [];
    const renderMs: number[] = [];
    for (let i = 0; i < 300; i++) {
      const c = i % CONVERSATIONS;
      let t = performance.now();
      const out = await assistant.submit(me, 'what-next', { formId: `inproc-${i}`, shown: shown as string[], values: { pupil: `B${c}`, considerSuspension: 'yes', deteriorating: 'no', notes: '' } });
      submitMs.push(performance.now() - t);
      t = performance.now();
      renderCard(out.views);
      renderMs.push(performance.now() - t);
    }

    const rss = process.resourceUsage().maxRSS / 1024;
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    console.log(`teams turn over HTTP: ${CONVERSATIONS} conversations at once, ${ROUNDS} rounds each after ${WARM_UP} warm-up; ${CASES + CONVERSATIONS} cases in ${SCHOOLS + 1} schools; client in a worker thread`);
    compare('what-next submit (invoke)', inv.bot, inv.echo, `   guidance card ${guidanceKb.toFixed(1)} KB`);
    compare(`message turn (${MESSAGE_SPACING_MS} ms apart per conversation)`, msg.bot, msg.echo, '   spaced to stay under the Teams pace');
    if (sent !== CONVERSATIONS * ROUNDS * 2) console.log(`  NOTE: ${sent} replies reached the connector for ${CONVERSATIONS * ROUNDS * 2} messages`);
    line(`  unspaced: bot, ${BURST_ROUNDS} back to back`, burstBot, `   outbox paces each conversation: 7 per 1 s, 8 per 2 s`);
    line(`  unspaced: echo (no outbox)`, burstEcho);
    const sub = percentiles(submitMs);
    const ren = percentiles(renderMs);
    console.log(`${'  in process, one at a time'.padEnd(44)} assistant.submit p50=${ms(sub.p50)} p99=${ms(sub.p99)}   renderCard p50=${ms(ren.p50)} p99=${ms(ren.p99)}`);
    console.log(`${`seed ${CASES + CONVERSATIONS} cases (child process, lowdb)`.padEnd(44)} ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`${'start-up: core (pack+index+store)'.padEnd(44)} ${coreMs.toFixed(0)} ms   whole stack listening after ${stackMs.toFixed(0)} ms`);
    console.log(`${`memory, ${CASES + CONVERSATIONS} cases opened`.padEnd(44)} peak RSS ${rss.toFixed(0)} MiB (whole process so far, under load, worker included); after core start rss ${mib(atRest.rss)} heap ${mib(atRest.heapUsed)}; now rss ${mib(process.memoryUsage().rss)}`);
  } finally {
    // The order src/main.ts stops in, then the client and the fake connector.
    server?.close();
    await teams?.close();
    await core?.close();
    await client?.close();
    await connector?.close();
    await rm(root, { recursive: true, force: true });
  }
}

const entry = process.argv[1];
if (entry && realpathSync(path.resolve(entry)) === realpathSync(here)) {
  const at = process.argv.indexOf(SEED_FLAG);
  if (at > 0 && process.argv[at + 1]) await seed(process.argv[at + 1]!);
  else await teamsTurn();
}
