import type { ChildExit, RssFigures } from './bot-process.js';
import type { FuzzResult } from './fuzz.js';
import { PATHS, type Endpoint } from './fuzz-request.js';
import { Counter, featuresOf } from './tally.js';

const top = (c: Counter, n = 8): string =>
  c
    .entries()
    .slice(0, n)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ') + (c.entries().length > n ? `, … (${c.entries().length - n} more kinds)` : '');

/** The error line of a crash (`Error: incorrect header check`), or its last line. */
function causeOf(x: ChildExit): string {
  // The last error line: earlier ones may be errors it logged and survived.
  return x.lastLines.findLast((l) => /^(\w*Error|Error)\b/.test(l)) ?? x.lastLines.filter((l) => l.trim()).at(-1) ?? 'no output';
}

const line = (title: string, c: Counter): string[] => [`${title}: ${c.total}${c.total ? `  (${top(c)})` : ''}`];

/** The printed report: the fuzzer's main output. Lines only, no colours, so it reads the same in CI logs. */
export function formatReport(r: FuzzResult): string {
  const o = r.options;
  const out: string[] = [];
  out.push(`npm run fuzz: seed ${o.seed}, ${r.tally.sent} requests in ${(r.ms / 1000).toFixed(1)} s (stopped by ${r.stoppedBy === 'count' ? `--count ${o.count}` : `--seconds ${o.seconds}`}), ${o.concurrency} in flight, ${o.timeoutMs} ms timeout, all to 127.0.0.1`);
  out.push('');
  for (const e of ['teams', 'slack'] as Endpoint[]) {
    const t = r.tally.endpoints[e];
    out.push(`POST ${PATHS[e].padEnd(14)} ${String(t.sent).padStart(6)} sent   ${t.outcomes.entries().map(([k, v]) => `${k}×${v}`).join('  ')}`);
  }
  out.push('');
  out.push(`child exits while fuzzing: ${r.exits.length}`);
  const byCause = new Map<string, ChildExit[]>();
  for (const x of r.exits) byCause.set(causeOf(x), [...(byCause.get(causeOf(x)) ?? []), x]);
  for (const [cause, exits] of byCause) {
    const x = exits[0]!;
    out.push(`  ×${exits.length} ${cause} (${x.signal ? `signal ${x.signal}` : `exit code ${x.code}`}); first after ${x.afterRequests} answers${x.inFlight.length ? `, in flight: ${x.inFlight.join(', ')}` : ''}`);
    for (const l of x.lastLines.slice(-14)) out.push(`      | ${l}`);
  }
  if (r.exits.length) out.push(`  input features most over-represented just before exits: ${suspects(r)}`);
  out.push(`shutdown (SIGTERM): ${r.shutdown.killed ? `still running after 10 s, killed` : `exit ${r.shutdown.code ?? r.shutdown.signal} in ${r.shutdown.ms} ms`}`);
  out.push(...line('5xx to malformed input', r.tally.serverErrorsOnMalformed));
  out.push(...line('5xx to well-formed input', r.tally.serverErrorsOnWellFormed));
  out.push(...line('replies with stack-like text', r.tally.stackText));
  if (r.tally.stackText.total) out.push(`  text seen: ${top(r.tally.stackPatterns)}`, ...r.tally.stackSamples.map((s) => `  e.g. ${s}`));
  out.push(`raw stack-trace lines in the child's output: ${r.stackLines} of ${r.outputLines} lines`);
  for (const s of r.stackLineSamples.slice(0, 3)) out.push(`  e.g. ${s.trim()}`);
  out.push(...line('timeouts', r.tally.timeouts));
  out.push(...line('connection errors', r.tally.connectionErrors));
  out.push(`files left in the child's TMPDIR: ${r.tempFilesLeft}`);
  out.push(`calls the bot made: Bot Connector ${r.outbound.connector}, Slack API and response_url ${r.outbound.slack}`);
  out.push(...rssLines(r.rss));
  out.push('');
  out.push(r.failures.length ? `FAIL: ${r.failures.join('; ')}` : 'PASS: no exits, no 5xx to malformed input, no stack text in replies');
  return out.join('\n');
}

/** Each serving child's memory when there are few; otherwise the first, the last and the highest peak. */
function rssLines(rss: RssFigures[]): string[] {
  const one = (m: RssFigures) => `child ${m.generation} RSS: start ${m.startMb} MB, peak ${m.peakMb} MB, end ${m.endMb} MB (growth ${(m.endMb - m.startMb).toFixed(1)} MB)`;
  if (rss.length <= 3) return rss.map(one);
  const peak = rss.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
  return [`${rss.length} children served in turn; first, last and highest peak:`, `  ${one(rss[0]!)}`, `  ${one(rss.at(-1)!)}`, `  ${one(peak)}`];
}

/**
 * Which parts of a label (`gzip-corrupt`, `signed`, `raw:json-odd`…) turn up near exits far more
 * often than in the run as a whole: with eight requests in flight, the cause is rarely alone.
 */
function suspects(r: FuzzResult): string {
  const near = new Counter();
  for (const x of r.exits) for (const f of new Set([...x.inFlight, ...x.recent].flatMap(featuresOf))) near.add(f);
  const overall = new Map(r.tally.features.entries());
  const lift = near
    .entries()
    .filter(([, n]) => n >= Math.min(3, r.exits.length))
    .map(([f, n]) => ({ f, n, lift: n / r.exits.length / ((overall.get(f) ?? 1) / r.tally.sent) }))
    .sort((a, b) => b.lift - a.lift)
    .slice(0, 6);
  return lift.map((x) => `${x.f} (near ${x.n} of ${r.exits.length} exits, ×${x.lift.toFixed(1)} its share of requests)`).join(', ') || 'none stand out';
}
