import { performance } from 'node:perf_hooks';

export interface Figures {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Figures {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s.at(-1)! };
}

/** Times a synchronous call; no await inside the window, so sub-millisecond figures stay honest. */
export function timeSync(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const ms = (v: number) => `${v < 0.1 ? v.toFixed(4) : v.toFixed(2)} ms`;

export function report(name: string, f: Figures, target?: { p99: number }, baseline?: { name: string; f: Figures }): void {
  const verdict = target ? (f.p99 <= target.p99 ? `  within target p99 < ${target.p99} ms` : `  OVER target p99 < ${target.p99} ms`) : '';
  console.log(`${name.padEnd(34)} n=${String(f.n).padEnd(6)} p50=${ms(f.p50).padEnd(11)} p99=${ms(f.p99).padEnd(11)} max=${ms(f.max)}${verdict}`);
  if (baseline)
    console.log(`${`  baseline: ${baseline.name}`.padEnd(34)} n=${String(baseline.f.n).padEnd(6)} p50=${ms(baseline.f.p50).padEnd(11)} p99=${ms(baseline.f.p99).padEnd(11)} ratio p99 ${(f.p99 / baseline.f.p99).toFixed(2)}x`);
}
