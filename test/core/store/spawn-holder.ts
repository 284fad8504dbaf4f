import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A lock-holder.ts child process on `dir`, with its stdout read line by line as JSON. */
export interface Holder {
  child: ChildProcessWithoutNullStreams;
  /** The next line it prints, parsed. */
  next(): Promise<unknown>;
  send(line: string): void;
  /** Ends it (SIGKILL) and waits for it to go. */
  kill(): Promise<void>;
}

export function spawnHolder(dir: string, staleMs?: number): Holder {
  // node itself, not the tsx wrapper: the pid in the lock and the one the test signals must be the same.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/core/store/lock-holder.ts'), dir, ...(staleMs ? [String(staleMs)] : [])], { cwd: root });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    next: () => new Promise((done) => {
      const line = lines.shift();
      if (line !== undefined) done(JSON.parse(line));
      else waiting.push((l) => done(JSON.parse(l)));
    }),
    send: (line) => child.stdin.write(`${line}\n`),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
