import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseService } from '../../src/core/cases/case-service.js';
import { addPastoralSupportPlan } from '../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../src/core/staff.js';
import { PostgresDatabase } from '../../src/core/store/postgres/database.js';
import { PostgresAuditLog } from '../../src/core/store/postgres/postgres-audit-log.js';
import { PostgresCaseRepository } from '../../src/core/store/postgres/postgres-case-repository.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-11-23T09:00:00Z'; // a Monday at 9: a sending time
const PUPILS = 30;
const SENDCO: StaffMember = { id: 'teams:sendco-1', role: 'sendco', schoolId: 'oak-primary' };

interface Delivery {
  instance: string;
  key: string;
  at: number;
}

let testDb: TestDatabase;
let server: Server;
const dataDirs: string[] = [];
const children: ChildProcess[] = [];
const deliveries: Delivery[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = await PostgresDatabase.open(testDb.url);
  const cases = new CaseService(new PostgresCaseRepository(db, { now: () => new Date(NOW) }), new PostgresAuditLog(db), () => new Date(NOW));
  // Thirty pupils whose PSP review falls due today: each reminds its owner (the SENDCo) and its own overseeing leader.
  for (let i = 0; i < PUPILS; i++) {
    const c = await cases.create(SENDCO, { pupilRef: String(5000 + i), initials: 'AB', yearGroup: 8, flags: { senSupport: true, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
    await cases.change(SENDCO, { schoolId: c.schoolId, id: c.id }, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { targets: ['Stay in lessons'], overseeingLeaderId: `teams:leader-${i}`, startDate: '2026-11-02', reviewIntervalDays: 21, fields: {} }, cc));
  }
  await db.close();
  // Teams, standing in: a reminder counts as posted when it answers, 150 ms after the request (a
  // request whose sender died first is never answered, so never counted, as its message never went).
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      setTimeout(() => {
        if (req.socket.destroyed) return;
        const { personId, views } = JSON.parse(body) as { personId: string; views: unknown };
        const ref = /ref (\d+)/.exec(JSON.stringify(views))?.[1] ?? 'digest';
        deliveries.push({ instance: String(req.headers['x-instance']), key: `${personId}|${ref}`, at: Date.now() });
        res.writeHead(200).end('{}');
      }, 150);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await new Promise((r) => server?.close(r));
  await Promise.all(dataDirs.map((d) => rm(d, { recursive: true, force: true })));
  await testDb?.drop();
});

/** A bot instance as a real child process; resolves once it is ready, with its instance id. */
async function instance(): Promise<{ child: ChildProcess; id: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'gr-failover-'));
  dataDirs.push(dir);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/app/scheduler-instance.ts')], { cwd: root, env: { ...process.env, DATABASE_URL: testDb.url, DATA_DIR: dir, NOTIFY_URL: url, NOW, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = JSON.parse(line) as { instance: string; event: string };
      if (m.event === 'ready') done({ child, id: m.instance });
    });
    child.once('exit', (code) => fail(new Error(`instance exited (${code}) before it was ready`)));
  });
}

const until = async (what: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
};

describe('three instances, one scheduler, fail-over', () => {
  it('kill -9 of the leader mid-pass: another takes over within 30 s, nothing sent twice, nothing missed', { timeout: 90_000 }, async () => {
    const all = await Promise.all([instance(), instance(), instance()]);
    const expected = PUPILS * 2; // the SENDCo and each pupil's overseeing leader
    // Mid-pass: a third of the reminders have gone.
    expect(await until(() => deliveries.length >= 20, 30_000)).toBe(true);
    const leaderId = deliveries[deliveries.length - 1]!.instance;
    const leader = all.find((a) => a.id === leaderId)!;
    // Only the leader ever sent.
    expect(new Set(deliveries.map((d) => d.instance))).toEqual(new Set([leaderId]));
    const killedAt = Date.now();
    leader.child.kill('SIGKILL');
    expect(await until(() => deliveries.some((d) => d.instance !== leaderId), 30_000)).toBe(true);
    const takeoverSeconds = (deliveries.find((d) => d.instance !== leaderId)!.at - killedAt) / 1000;
    expect(await until(() => new Set(deliveries.map((d) => d.key)).size >= expected, 30_000)).toBe(true);
    // Let a few more passes run, to catch any send made twice after the take-over.
    await new Promise((r) => setTimeout(r, 2500));
    const byKey = new Map<string, number>();
    for (const d of deliveries) byKey.set(d.key, (byKey.get(d.key) ?? 0) + 1);
    const twice = [...byKey.values()].filter((n) => n > 1).length;
    process.stdout.write(`fail-over: ${byKey.size} of ${expected} reminders delivered, ${twice} twice, taken over in ${takeoverSeconds.toFixed(1)} s by ${new Set(deliveries.filter((d) => d.instance !== leaderId).map((d) => d.instance)).size} instance\n`);
    expect(byKey.size).toBe(expected);
    // At least once across a kill -9, never more than that: Teams took the leader's last message, but
    // the leader died before it could record so, and no API lets a sender ask whether a post went
    // through. That one message may go again after the take-over (seen under heavy load, about one run
    // in four); any other repeat would be two instances sending at once, which the claims forbid.
    const leaderLast = deliveries.filter((d) => d.instance === leaderId).at(-1)!.key;
    expect([...byKey].filter(([key, n]) => n > 1 && key !== leaderLast)).toEqual([]);
    expect(twice).toBeLessThanOrEqual(1);
    expect(takeoverSeconds).toBeLessThan(30);
    expect(new Set(deliveries.filter((d) => d.instance !== leaderId).map((d) => d.instance)).size).toBe(1);
  });
});
