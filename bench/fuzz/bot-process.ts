import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutputWatch } from './output-watch.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./child-entry.ts', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BotSettings {
  workDir: string;
  slackApiUrl: string;
  signingSecret: string;
  staffFile: string;
}

/** A death of a child while requests were being sent. */
export interface ChildExit {
  generation: number;
  code: number | null;
  signal: string | null;
  /** Requests already answered or failed when it died. */
  afterRequests: number;
  /** Labels of the requests in flight when it died, and of the last few answered before: the cause is among them. */
  inFlight: string[];
  recent: string[];
  /** Last lines of its output, redacted (see OutputWatch). */
  lastLines: string[];
}

/** Resident memory of one child in MB (VmRSS): when it started serving, the highest seen, and the last seen. */
export interface RssFigures {
  generation: number;
  startMb: number;
  peakMb: number;
  endMb: number;
}

/** How the final SIGTERM went: exit code and milliseconds, or `killed` after STOP_TIMEOUT_MS. */
export type Shutdown = { code: number | null; signal: string | null; ms: number; killed: boolean };

interface Child {
  generation: number;
  process: ChildProcess;
  output: OutputWatch;
  pid: number;
  port: number;
  exited: boolean;
}

/** A port nobody is listening on now, for a child's PORT. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The bot as a child process (`node --import tsx bench/fuzz/child-entry.ts`), replaced when it
 * dies. A second child is kept started and idle, so a crash costs no start-up time. Each child has
 * its own port and data folder: a crashed process's data-folder lock is taken as live for about
 * 25 s (issue 9, item 4), and the fuzzer measures the edge, not restarts.
 */
export class BotProcess {
  readonly exits: ChildExit[] = [];
  readonly rss: RssFigures[] = [];
  /** Raw stack-frame lines across every child's output. */
  stackLines = 0;
  outputLines = 0;
  readonly stackSamples: string[] = [];
  #current!: Promise<Child>;
  #standby?: Promise<Child>;
  #serving?: Child;
  #generation = 0;
  #sampler?: NodeJS.Timeout;
  #stopping = false;

  constructor(private readonly settings: BotSettings, private readonly progress: () => { answered: number; inFlight: string[]; recent: string[] }) {}

  /** The base URL of the child serving now; waits out a replacement. */
  async url(): Promise<string> {
    return `http://127.0.0.1:${(await this.#current).port}`;
  }

  /** Starts the serving child and its standby; resolves when the first serves. */
  async start(): Promise<void> {
    this.#current = this.#spawn();
    await this.#current;
    this.#serve(await this.#current);
    this.#standby = this.#quiet(this.#spawn());
  }

  /** After a failed connection: give a dying child up to a second to be seen dead, so the next request goes to its successor. */
  async settle(): Promise<void> {
    const child = await this.#current;
    for (let i = 0; i < 20 && !child.exited; i++) await sleep(50);
  }

  #serve(child: Child): void {
    this.#serving = child;
    const figures = { generation: child.generation, startMb: rssMb(child.pid), peakMb: 0, endMb: 0 };
    figures.peakMb = figures.endMb = figures.startMb;
    this.rss.push(figures);
    clearInterval(this.#sampler);
    this.#sampler = setInterval(() => {
      const mb = rssMb(child.pid);
      if (!mb) return;
      figures.endMb = mb;
      figures.peakMb = Math.max(figures.peakMb, mb);
    }, 200);
  }

  #died(child: Child, code: number | null, signal: string | null): void {
    child.exited = true;
    if (this.#stopping) return;
    const { answered, inFlight, recent } = this.progress();
    this.exits.push({ generation: child.generation, code, signal, afterRequests: answered, inFlight, recent, lastLines: child.output.tail(30) });
    if (child === this.#serving) {
      clearInterval(this.#sampler);
      this.#current = this.#standby ?? this.#spawn();
      this.#current.then((c) => this.#serve(c), () => undefined);
      this.#standby = this.#quiet(this.#spawn());
    } else if (child.pid) {
      // The idle standby died: replace it. One that never started fails its own promise instead.
      this.#standby = this.#quiet(this.#spawn());
    }
  }

  /** A standby that fails to start is reported when it is needed (url() rejects), not as an unhandled rejection now. */
  #quiet(p: Promise<Child>): Promise<Child> {
    p.catch(() => undefined);
    return p;
  }

  async #spawn(): Promise<Child> {
    const generation = ++this.#generation;
    const dir = join(this.settings.workDir, `child-${generation}`);
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const readyFile = join(dir, 'ready.json');
    // A clean environment: nothing from the caller's shell or .env (real tokens) reaches the child.
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      TMPDIR: tmp,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      DATA_DIR: join(dir, 'data'),
      STAFF_FILE: this.settings.staffFile,
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-fuzz',
      SLACK_SIGNING_SECRET: this.settings.signingSecret,
    };
    const proc = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--slack-api-url', `${this.settings.slackApiUrl}api/`, '--ready-file', readyFile], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = new OutputWatch((line, stack) => {
      this.outputLines++;
      if (!stack) return;
      this.stackLines++;
      if (this.stackSamples.length < 5) this.stackSamples.push(line);
    });
    proc.stdout!.on('data', (c: Buffer) => output.add(c));
    proc.stderr!.on('data', (c: Buffer) => output.add(c));
    const child: Child = { generation, process: proc, output, pid: 0, port: 0, exited: false };
    proc.once('exit', (code, signal) => this.#died(child, code, signal));
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!existsSync(readyFile)) {
      if (child.exited) throw new Error(`the bot did not start: ${output.tail(3).join(' | ')}`);
      if (Date.now() > deadline) throw new Error(`the bot did not listen within ${START_TIMEOUT_MS / 1000} s`);
      await sleep(50);
    }
    const ready = JSON.parse(readFileSync(readyFile, 'utf8')) as { pid: number; port: number; teams: boolean; slack: string };
    if (!ready.teams || ready.slack !== 'http') throw new Error(`the bot must serve Teams and Slack over HTTP; it serves teams=${ready.teams} slack=${ready.slack}`);
    return Object.assign(child, { pid: ready.pid, port: ready.port });
  }

  /** Files the children left in their own TMPDIRs (multipart uploads land there). */
  tempFilesLeft(): number {
    let n = 0;
    for (let g = 1; g <= this.#generation; g++) n += listCount(join(this.settings.workDir, `child-${g}`, 'tmp'));
    return n;
  }

  /** SIGTERM to the serving child (measured), then to the standby; SIGKILL for either still running after STOP_TIMEOUT_MS. */
  async stop(): Promise<Shutdown> {
    this.#stopping = true;
    clearInterval(this.#sampler);
    const current = await this.#current.catch(() => undefined);
    const standby = this.#standby?.catch(() => undefined);
    this.#standby = undefined;
    if (current) {
      const figures = this.rss.find((r) => r.generation === current.generation);
      const mb = rssMb(current.pid);
      if (figures && mb) figures.endMb = mb;
    }
    const [shutdown] = await Promise.all([terminate(current), standby?.then(terminate)]);
    return shutdown;
  }
}

async function terminate(child: Child | undefined): Promise<Shutdown> {
  const proc = child?.process;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return { code: proc?.exitCode ?? null, signal: proc?.signalCode ?? null, ms: 0, killed: false };
  const started = Date.now();
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const { code, signal } = await exited;
  clearTimeout(timer);
  return { code, signal, ms: Date.now() - started, killed: signal === 'SIGKILL' };
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : 0;
  } catch {
    return 0;
  }
}

function listCount(dir: string): number {
  try {
    // tsx keeps its compile cache there (tsx-<uid>); anything else was left by the bot.
    return readdirSync(dir).filter((name) => !/^tsx-\d+$/.test(name)).length;
  } catch {
    return 0;
  }
}

/** Writes the staff file the children read: one SENDCo in Teams and in Slack, so deeper paths run. */
export function writeStaffFile(path: string, teamsSendco: string, slackSendco: string): void {
  writeFileSync(path, JSON.stringify({ staff: [{ id: `teams:${teamsSendco}`, role: 'sendco', schoolId: 'oak-primary' }, { id: `slack:T0001:${slackSendco}`, role: 'sendco', schoolId: 'oak-primary' }] }));
}
