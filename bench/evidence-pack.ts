/**
 * The evidence pack's figure for `npm run bench`: the whole pack (the record read through the case
 * service, the document built, the PDF laid out) for a pupil with three school years of records,
 * the first in the process and then warm, beside pdfmake laying out a one-line page in the same run
 * (the library's own floor: fonts embedded, one page written). Aim: under 1 s.
 */
import { performance } from 'node:perf_hooks';
import { SchoolCalendar } from '../src/core/calendar/school-calendar.js';
import { CaseService } from '../src/core/cases/case-service.js';
import { buildIndex } from '../src/core/signpost/signpost-index.js';
import { MemoryAuditLog } from '../src/core/store/audit-log.js';
import { MemoryCaseRepository } from '../src/core/store/memory-case-repository.js';
import type { DialogContext } from '../src/dialogs/dialog.js';
import { runRead } from '../src/dialogs/read/run-read.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { renderPdf } from '../src/pdf/render-pdf.js';
import { threeYearRecord } from '../test/helpers/three-year-record.js';
import { percentiles, report } from './stats.js';

export async function evidencePackFigures(): Promise<void> {
  const now = () => new Date('2026-11-20T10:00:00Z');
  const pack = await loadPack('worcestershire');
  const repo = new MemoryCaseRepository({ now });
  const cases = new CaseService(repo, new MemoryAuditLog(), now);
  await repo.save(threeYearRecord({ sendco: 'sendco-1' }), undefined);
  const ctx: DialogContext = { user: { id: 'sendco-1', role: 'sendco', schoolId: 'oak-primary' }, pack, index: buildIndex(pack), cases, settings: { pspReviewIntervalDays: 21 }, calendar: new SchoolCalendar(), now, today: () => '2026-11-20' };

  const build = async () => {
    const [v] = await runRead(ctx, { kind: 'evidence', ref: '4021' });
    return renderPdf(v!.file!.document!);
  };
  const oneLine = { title: 'x', subject: 'x', period: 'x', runningHeader: 'x', runningFooter: 'x', author: 'x', producedAt: now(), sections: [{ title: 'x', blocks: [] }] };

  let t = performance.now();
  const first = await build();
  const cold = performance.now() - t;
  const packs: number[] = [];
  const cpu: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    const used = process.cpuUsage();
    await build();
    packs.push(performance.now() - t);
    const u = process.cpuUsage(used);
    cpu.push((u.user + u.system) / 1000);
    t = performance.now();
    await renderPdf(oneLine);
    floor.push(performance.now() - t);
  }
  console.log(`${'evidence pack, first in the process'.padEnd(34)} ${cold.toFixed(0)} ms (${first.pages} pages, ${Math.round(first.bytes.length / 1024)} KB; 3 school years: 12 reviews, 5 suspensions, 2 referrals, 44 chronology entries)`);
  report('evidence pack (3 years), warm', percentiles(packs), { p99: 1000 }, { name: 'pdfmake one-line page', f: percentiles(floor) });
  // CPU time is what the pack costs this process, whatever else the machine's cores are doing.
  const c = percentiles(cpu);
  console.log(`${'  evidence pack, CPU time'.padEnd(34)} p50=${c.p50.toFixed(0)} ms p99=${c.p99.toFixed(0)} ms (wall time above includes waiting for a busy machine)`);
}
