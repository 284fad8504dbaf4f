import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../channels/teams/fake-connector.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

let connector: FakeConnector | undefined;
afterEach(async () => connector?.close());

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

describe('npm start: SIGTERM', () => {
  it('ends the process within seconds even while a reply waits on a Bot Connector that never answers', async () => {
    connector = await startFakeConnector();
    connector.hang('a:personal-stuck');
    const dataDir = await mkdtemp(join(tmpdir(), 'gr-sigterm-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      await expect.poll(() => log.includes('bot started'), { timeout: 30_000, interval: 100 }).toBe(true);
      const activity = {
        type: 'message', id: 'm1', text: 'help', channelId: 'msteams', serviceUrl: connector.url, timestamp: new Date().toISOString(),
        from: { id: '29:someone', aadObjectId: 'someone', name: 'Staff' }, recipient: { id: '28:bot', name: 'Bot' },
        conversation: { id: 'a:personal-stuck', conversationType: 'personal', tenantId: 't1' },
      };
      void fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).catch(() => undefined);
      // The reply is now in flight to a connector that will never answer.
      await expect.poll(() => connector!.held.length, { timeout: 10_000 }).toBe(1);
      child.kill('SIGTERM');
      // A liveness ceiling, not a speed measure: today the process is still there minutes later.
      const end = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 12_000))]);
      expect(end).toEqual({ code: 0, signal: null });
      expect(log).toContain('stopping');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

  it('stops the bot when `npm start` itself is sent SIGTERM, as a service manager or a shell does', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gr-sigterm-npm-'));
    const port = await freePort();
    const npm = spawn('npm', ['start'], { cwd: process.cwd(), env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    npm.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const healthy = async () => (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false));
    try {
      await expect.poll(healthy, { timeout: 30_000, interval: 200 }).toBe(true);
      npm.kill('SIGTERM');
      // The bot, not only npm, must go: the port is free again and the log says it stopped.
      await expect.poll(healthy, { timeout: 12_000, interval: 200 }).toBe(false);
      // The bot says so before it closes its port, but the line may still be in the pipe when the port shuts: wait for it.
      await expect.poll(() => log, { timeout: 5_000, interval: 100 }).toContain('stopping');
    } finally {
      // Never leave a bot running: the lock names its process.
      const lock = await readFile(join(dataDir, '.lock'), 'utf8').catch(() => undefined);
      if (lock) process.kill((JSON.parse(lock) as { pid: number }).pid, 'SIGKILL');
    }
  }, 60_000);
});
