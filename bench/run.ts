/**
 * `npm run bench`: prints speed and memory figures, each beside a baseline measured in the same
 * run, so a slow machine shows as slow for both. Figures are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../src/app/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { guide } from '../src/core/guidance/guide.js';
import { blankSituation } from '../src/core/guidance/situation.js';
import type { PupilSituation } from '../src/core/guidance/types.js';
import { filtersFromText } from '../src/core/signpost/filters-from-text.js';
import { signpost } from '../src/core/signpost/signpost.js';
import { buildIndex } from '../src/core/signpost/signpost-index.js';
import { normalise } from '../src/core/text/words.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { percentiles, report, timeSync } from './stats.js';
import { CASES, storeFigures } from './store.js';
import { slackAck } from './slack-ack.js';
import { teamsTurn } from './teams-turn.js';


async function signposting() {
  const pack = await loadPack('worcestershire');
  const index = buildIndex(pack);
  const queries: string[] = JSON.parse(readFileSync(new URL('../test/core/signpost/signpost-queries.json', import.meta.url), 'utf8')).map((q: { query: string }) => q.query);
  const docs = [...pack.services.map((s) => normalise(`${s.name} ${s.summary} ${s.keywords.join(' ')}`)), ...pack.apProviders.map((p) => normalise(`${p.name} ${p.offer}`))];
  const rounds = 20;
  const ours: number[] = [];
  const naive: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of queries) {
      ours.push(timeSync(() => signpost(index, q, filtersFromText(q), 5)));
      // Baseline: count query words appearing in each entry's text, the simplest search there is.
      naive.push(timeSync(() => {
        const ws = normalise(q).split(' ');
        return docs.map((d, i) => [i, ws.filter((w) => d.includes(w)).length]).sort((a, b) => b[1]! - a[1]!).slice(0, 5);
      }));
    }
  report(`signposting (${index.docs.length} entries)`, percentiles(ours), { p99: 5 }, { name: 'substring count', f: percentiles(naive) });
}

async function guidance() {
  const pack = await loadPack('worcestershire');
  const samples: number[] = [];
  const base: number[] = [];
  const statuses = ['none', 'in-place', 'reviewed-positive', 'reviewed-no-change'] as const;
  for (let i = 0; i < 20_000; i++) {
    const s: PupilSituation = { ...blankSituation(), currentStep: 1 + (i % 6), planStatus: statuses[i % 4]!, suspensionsThisYear: i % 4, longestSuspensionDays: i % 12, suspensionDaysThisYear: i % 50, lookedAfter: i % 7 === 0, onPartTimeTimetable: i % 5 === 0, notes: i % 3 ? 'left the classroom and shouted at staff' : 'sent home as we cannot meet his needs' };
    samples.push(timeSync(() => guide(pack, s, '2026-11-20')));
    base.push(timeSync(() => structuredClone(s)));
  }
  report('guidance decision', percentiles(samples), { p99: 1 }, { name: 'structuredClone of input', f: percentiles(base) });
  // Above, the notes repeat, so the concern check answers from memory, as it does when a form's notes
  // were read where they entered. Here every note is new: one full NLP read of the notes per decision.
  const fresh: number[] = [];
  for (let i = 0; i < 5_000; i++) fresh.push(timeSync(() => guide(pack, { ...blankSituation(), currentStep: 1 + (i % 6), notes: `left the classroom and shouted at staff, day ${i}` }, '2026-11-20')));
  report('  guidance decision, notes never seen', percentiles(fresh));
}

async function startup() {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-start-'));
  try {
    const t0 = performance.now();
    const core = await startCore(loadConfig({ DATA_DIR: dir }));
    const coreMs = performance.now() - t0;
    await core.close();
    // The whole process as a user starts it, to first answer and exit (includes TypeScript loading).
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', 'src/chat/main.ts'], { input: 'quit\n', env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent' } });
      runs.push(performance.now() - t);
    }
    console.log(`${'start-up: core (pack+index+store)'.padEnd(34)} ${coreMs.toFixed(0)} ms   target < 1500 ms`);
    const f = percentiles(runs);
    console.log(`${'start-up: `npm run chat` process'.padEnd(34)} p50=${f.p50.toFixed(0)} ms max=${f.max.toFixed(0)} ms (start, answer "quit", exit)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`bench on node ${process.version}, ${new Date().toISOString()}`);
await signposting();
await (await import('./concerns.js')).concernFigures();
await guidance();
await (await import('./first-screen.js')).firstScreenFigures();
await storeFigures();
await startup();
await teamsTurn();
await slackAck();
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (this bench process, with ${CASES} cases loaded)`);
await (await import('./reminders-due.js')).remindersDue();
await (await import('./evidence-pack.js')).evidencePackFigures();
await (await import('./la-report.js')).laReportFigures();
