import type { ChildExit, RssFigures } from './bot-process.js';
import type { FuzzResult } from './fuzz.js';
import { PATHS, type Endpoint } from './fuzz-request.js';
import { Counter } from './tally.js';

const top = (c: Counter, n = 8): string =>
  c
    .entries()
    .slice(0, n)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ') + (c.entries().length > n ? `, … (${c.entries().length - n} more kinds)` : '');

/** The error line of a crash (`Error: incorrect header check`), or its last line. */
function causeOf(x: ChildExit): string {
  return x.lastLines.find((l) => /^(\w*Error|Error)\b/.test(l)) ?? x.lastLines.filter((l) => l.trim()).at(-1) ?? 'no output';
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
    out.push(`  ×${exits.length} ${cause} (${x.signal ? `signal ${x.signal}` : `exit code ${x.code}`}); first after ${x.afterRequests} answers, in flight: ${x.inFlight.join(', ') || 'none'}`);
    for (const l of x.lastLines.slice(-14)) out.push(`      | ${l}`);
  }
  if (r.exits.length) {
    // Across many exits the input that kills it stands out among the bystanders.
    const suspects = new Counter();
    for (const x of r.exits) for (const label of new Set([...x.inFlight, ...x.recent])) suspects.add(label);
    out.push(`  inputs near the exits (in flight, or among the last 16 answered), by exits: ${top(suspects, 10)}`);
  }
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
