/**
 * Three bot instances against one PostgreSQL database (issue 14): 3 real bot processes
 * (bench/pg-instance.ts: startBot as `npm start`, Teams in local mode, each its own port and data
 * folder, one DATABASE_URL on a fresh database), CONVERSATIONS Teams conversations sending messages
 * round-robin across them for SECONDS, a local fake Bot Connector receiving every reply and
 * reminder. A third of the way in, PUPILS PSP reviews fall due (each reminds its overseeing leader
 * and the SENDCo, plus the SENDCo's Monday digest); once some have gone, the scheduler's instance
 * (the leader) is killed with SIGKILL mid-pass. A message refused because its instance is gone is
 * retried on the next one with the same activity id, as Teams retries. Prints: messages lost,
 * reminders sent twice, reminders missed, and seconds until another instance took over.
 * `npm run bench:pg:instances` (60 s, 200 conversations); runInstances() is also the test's short run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SchoolCalendar } from '../src/core/calendar/school-calendar.js';
import { CaseService } from '../src/core/cases/case-service.js';
import { addPastoralSupportPlan } from '../src/core/plans/plan-changes.js';
import { storedDueItems, storedDueItemsBasis } from '../src/core/reminders/stored-due-items.js';
import type { StaffMember } from '../src/core/staff.js';
import { PostgresDatabase } from '../src/core/store/postgres/database.js';
import { PostgresAuditLog } from '../src/core/store/postgres/postgres-audit-log.js';
import { PostgresCaseRepository } from '../src/core/store/postgres/postgres-case-repository.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { createTestDatabase } from '../test/helpers/postgres.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A Monday at 09:00 London: a sending time, and the SENDCo's digest day. The instances' clocks start here. */
const NOW = '2026-11-23T09:00:00Z';
const SENDCO: StaffMember = { id: 'teams:sendco-1', role: 'sendco', schoolId: 'oak-primary' };
/** How long the fake Teams takes to answer each call: a reminder pass of ~100 sends takes seconds, so it can be cut mid-way. */
const CONNECTOR_MS = 120;

export interface InstancesOptions {
  seconds: number;
  conversations: number;
  pupils: number;
  /** Pause between one conversation's messages, in ms. */
  thinkMs: number;
  log?: (line: string) => void;
}

export interface InstancesFigures {
  messages: number;
  messagesLost: number;
  remindersExpected: number;
  remindersDelivered: number;
  remindersTwice: number;
  remindersMissed: number;
  takeoverSeconds: number | undefined;
  killedAfterReminders: number;
  retriedElsewhere: number;
}

interface Instance {
  child: ChildProcess;
  id: string;
  port: number;
  alive: boolean;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const until = async (what: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) return false;
    await sleep(50);
  }
  return true;
};

/** Runs the three instances and returns the figures; throws only if the set-up itself fails. */
export async function runInstances(opts: InstancesOptions): Promise<InstancesFigures> {
  const log = opts.log ?? (() => {});
  const testDb = await createTestDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), 'gr-instances-'));
  const instances: Instance[] = [];
  let connector: Server | undefined;
  try {
    // Staff: the SENDCo, a leader per pupil, a teacher per conversation.
    const staffFile = path.join(dir, 'staff.json');
    const teachers = Array.from({ length: opts.conversations }, (_, i) => `user-${i}`);
    const leaders = Array.from({ length: opts.pupils }, (_, i) => `leader-${i}`);
    await writeFile(staffFile, JSON.stringify({ staff: [SENDCO, ...leaders.map((l) => ({ id: `teams:${l}`, role: 'teacher', schoolId: 'oak-primary' })), ...teachers.map((t) => ({ id: `teams:${t}`, role: 'teacher', schoolId: 'oak-primary' }))], schools: [{ id: 'oak-primary', name: 'Oak Primary School' }] }));

    // The fake Bot Connector: replies carry the activity id they answer in the path; reminders do not.
    const replied = new Set<string>();
    const reminders: { key: string; at: number }[] = [];
    connector = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        setTimeout(() => {
          if (req.socket.destroyed) return; // its sender died first: the message never went
          const p = decodeURIComponent((req.url ?? '').split('?')[0]!);
          const m = /^\/v3\/conversations\/(.+?)\/activities(?:\/(.+))?$/.exec(p);
          // A reminder names the pupil's reference (or is the week's digest); anything else answers a message.
          const ref = /PSP review for AB \(ref (\d+)/.exec(body)?.[1];
          const what = body.includes('This week: reviews and deadlines') ? 'digest' : ref ? `psp-${ref}` : undefined;
          if (m && what) reminders.push({ key: `${m[1]!.replace(/^a:personal-/, '')}|${what}`, at: Date.now() });
          else if (m?.[2]) replied.add(m[2]);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${reminders.length}-${replied.size}` }));
        }, CONNECTOR_MS);
      });
    });
    await new Promise<void>((r) => connector!.listen(0, '127.0.0.1', r));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;

    // Three real bot processes on one database.
    const start = async (): Promise<Instance> => {
      const port = await freePort();
      const data = await mkdtemp(path.join(dir, 'data-'));
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/pg-instance.ts')], {
        cwd: root,
        env: { ...localMode(process.env), DATABASE_URL: testDb.url, DATA_DIR: data, STAFF_FILE: staffFile, PORT: String(port), NOW, LOG_LEVEL: 'silent', REMINDER_POLL_SECONDS: '5' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return new Promise((done, fail) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          try {
            const m = JSON.parse(line) as { instance: string; port: number; event: string };
            if (m.event === 'ready') done({ child, id: m.instance, port: m.port, alive: true });
          } catch {
            // not one of ours
          }
        });
        child.once('exit', (code) => fail(new Error(`a bot instance exited (${code}) before it was ready`)));
      });
    };
    // The first migrates the fresh database; the other two start together and find it done.
    instances.push(await start());
    instances.push(...(await Promise.all([start(), start()])));
    log(`3 instances ready on ports ${instances.map((i) => i.port).join(', ')}`);

    let seq = 0;
    const run = Math.random().toString(36).slice(2, 8);
    let rr = 0;
    let retriedElsewhere = 0;
    /** Posts an activity round-robin; on a refused or broken connection, again with the same id on the next live instance. */
    const post = async (aad: string, extra: Record<string, unknown>): Promise<string | undefined> => {
      const id = `act-${run}-${++seq}`;
      const body = JSON.stringify({ id, channelId: 'msteams', serviceUrl, from: { id: `29:${aad}`, aadObjectId: aad, name: 'Staff member' }, conversation: { id: `a:personal-${aad}`, conversationType: 'personal', tenantId: 't1' }, recipient: { id: '28:bot', name: 'Graduated Response' }, ...extra });
      for (let attempt = 0; attempt < 4; attempt++) {
        const live = instances.filter((i) => i.alive);
        const to = live[rr++ % live.length]!;
        try {
          const res = await fetch(`http://127.0.0.1:${to.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(15_000) });
          await res.text();
          if (res.status < 500) return id;
        } catch {
          // the instance is gone: Teams tries again
        }
        retriedElsewhere++;
        await sleep(200);
      }
      return id;
    };

    // Everyone installs the app (so the bot keeps their chat's reference, shared in the database).
    for (const aad of ['sendco-1', ...leaders, ...teachers]) await post(aad, { type: 'installationUpdate', action: 'add' });
    replied.clear();

    // Traffic: each conversation says something, waits for its answer, pauses, and again.
    const sent: string[] = [];
    const words = ['help', 'menu', 'what can you do', 'help'];
    const stopAt = Date.now() + opts.seconds * 1000;
    const traffic = Promise.all(
      teachers.map(async (aad, i) => {
        await sleep((i * opts.thinkMs) / teachers.length);
        for (let n = 0; Date.now() < stopAt; n++) {
          const id = await post(aad, { type: 'message', text: words[n % words.length] });
          if (id) sent.push(id);
          await sleep(opts.thinkMs);
        }
      }),
    );

    // A third of the way in, the reviews fall due: saved as the bot saves them, due items and all.
    await sleep((opts.seconds * 1000) / 3);
    const pack = await loadPack('worcestershire');
    const calendar = new SchoolCalendar();
    const db = await PostgresDatabase.open(testDb.url, { maxConnections: 2 });
    const clock = () => new Date(NOW);
    const cases = new CaseService(new PostgresCaseRepository(db, { now: clock, dueItems: { basis: storedDueItemsBasis(pack, calendar), calendar, of: (c) => storedDueItems(c, { pack, calendar }) } }), new PostgresAuditLog(db), clock);
    for (let i = 0; i < opts.pupils; i++) {
      const c = await cases.create(SENDCO, { pupilRef: String(5000 + i), initials: 'AB', yearGroup: 8, flags: { senSupport: true, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
      await cases.change(SENDCO, { schoolId: c.schoolId, id: c.id }, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { targets: ['Stay in lessons'], overseeingLeaderId: `teams:${leaders[i]}`, startDate: '2026-11-02', reviewIntervalDays: 21, fields: {} }, cc));
    }
    await db.close();
    const expected = opts.pupils * 2 + 1; // each leader, the SENDCo for each pupil, and the SENDCo's digest
    log(`${opts.pupils} PSP reviews due now: ${expected} reminders expected`);

    // Mid-pass: once a quarter have gone, kill -9 whichever instance sends them.
    let killedAt: number | undefined;
    let killedAfter = 0;
    if (await until(() => reminders.length >= Math.ceil(expected / 4), 60_000)) {
      const byPort = await Promise.all(instances.map(async (i) => ({ i, leads: await leads(testDb.url, i.id) })));
      const leader = byPort.find((x) => x.leads)?.i;
      if (!leader) throw new Error('no instance holds the scheduler lock while reminders are going out');
      killedAfter = reminders.length;
      leader.alive = false;
      killedAt = Date.now();
      leader.child.kill('SIGKILL');
      log(`killed the leader (${leader.id}, port ${leader.port}) with SIGKILL after ${killedAfter} reminders`);
    }
    await traffic;
    // The rest of the pass, on the new leader, and a few more passes to catch any send made twice.
    await until(() => new Set(reminders.map((r) => r.key)).size >= expected, 45_000);
    await sleep(6000);
    await until(() => sent.every((id) => replied.has(id)), 15_000);

    const seen = new Map<string, number>();
    for (const r of reminders) seen.set(r.key, (seen.get(r.key) ?? 0) + 1);
    // The killed leader's calls in flight are never answered (its sockets are gone), so the first reminder after the kill is the new leader's.
    const takeover = killedAt !== undefined ? reminders.find((r) => r.at > killedAt!) : undefined;
    return {
      messages: sent.length,
      messagesLost: sent.filter((id) => !replied.has(id)).length,
      remindersExpected: expected,
      remindersDelivered: seen.size,
      remindersTwice: [...seen.values()].filter((n) => n > 1).length,
      remindersMissed: Math.max(0, expected - seen.size),
      takeoverSeconds: takeover && killedAt !== undefined ? (takeover.at - killedAt) / 1000 : undefined,
      killedAfterReminders: killedAfter,
      retriedElsewhere,
    };
  } finally {
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await new Promise((r) => (connector ? connector.close(r) : r(undefined)));
    await testDb.drop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

/** The environment without Teams or Slack credentials: local mode, whatever the shell has set. */
function localMode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const k of Object.keys(out)) if (/^(Microsoft|SLACK_|TEAMS_)/.test(k)) delete out[k];
  return out;
}

/** Whether the instance holds the scheduler's advisory lock, asked of the server (pg_locks by its application_name). */
async function leads(url: string, instanceId: string): Promise<boolean> {
  const db = await PostgresDatabase.open(url, { maxConnections: 1 });
  try {
    const r = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE '%' || $1", [instanceId]);
    return r.rows[0]!.n > 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seconds = Number(process.env.SECONDS_RUN ?? 60);
  const conversations = Number(process.env.CONVERSATIONS ?? 200);
  runInstances({ seconds, conversations, pupils: 50, thinkMs: 3000, log: (l) => console.log(l) })
    .then((f) => {
      console.log(`three instances, one database: ${conversations} conversations for ${seconds} s, kill -9 of the scheduler's instance mid-pass`);
      console.log(`  messages: ${f.messages} sent, ${f.messagesLost} lost (${f.retriedElsewhere} retried on another instance after the kill)`);
      console.log(`  reminders: ${f.remindersDelivered} of ${f.remindersExpected} delivered, ${f.remindersTwice} sent twice, ${f.remindersMissed} missed (leader killed after ${f.killedAfterReminders})`);
      console.log(`  another instance took over after ${f.takeoverSeconds === undefined ? 'never' : `${f.takeoverSeconds.toFixed(1)} s`} (aim: within 30 s)`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
