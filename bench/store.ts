/**
 * The store's figures: a write (one fact recorded, as `update` does) with 10,000 cases whose
 * chronologies hold entries, beside the same cases in one lowdb file and the same write without
 * fsync; opening and validating every file; and how much a school file grows per 100 entries,
 * beside what one pupil takes. Printed, never asserted. `npm run bench:store` runs it alone.
 */
import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DataFile } from 'lowdb/node';
import { pupilFacts } from '../src/core/facts/pupil-facts.js';
import { recordFact } from '../src/core/facts/record-fact.js';
import { LowdbCaseRepository } from '../src/core/store/lowdb-case-repository.js';
import { CURRENT_SCHEMA_VERSION } from '../src/core/store/migrations.js';
import { fakeCase } from './fake-case.js';
import { percentiles, report, time } from './stats.js';

export const SCHOOLS = 200;
export const CASES = 10_000;

export async function storeFigures(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-store-'));
  try {
    let repo = await LowdbCaseRepository.open(dir);
    for (let i = 0; i < CASES; i++) await repo.save(fakeCase(i, SCHOOLS), undefined);
    await repo.close();

    const t0 = performance.now();
    repo = await LowdbCaseRepository.open(dir);
    const openMs = performance.now() - t0;
    // Each write is what `update` does: one more entry in a pupil's chronology (and its timeline line).
    const writes: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const school = `school-${String(i % SCHOOLS).padStart(3, '0')}`;
      const [c] = await repo.listBySchool(school);
      const next = recordFact(c!, { fact: 'risk-of-permanent-exclusion', atRisk: !pupilFacts(c!).riskOfPermanentExclusion, on: '2026-11-20', why: 'Reviewed at the pastoral meeting' }, { by: 's', now: new Date() });
      writes.push(await time(() => repo.save(next, c!.revision)));
    }
    const entries = (await repo.scanAll()).reduce((n, c) => n + c.facts.length, 0);

    // File size as a chronology grows: 100 more entries on one pupil of a 50-pupil school.
    const file = path.join(dir, 'schools', 'school-000.json');
    const sizeBefore = (await stat(file)).size;
    let grown = (await repo.listBySchool('school-000'))[0]!;
    for (let k = 0; k < 100; k++) {
      grown = await repo.save(recordFact(grown, { fact: 'social-worker', has: !pupilFacts(grown).flags.socialWorker, on: '2026-11-20', why: 'Child in need plan reviewed at the core group' }, { by: 's', now: new Date() }), grown.revision);
    }
    const growth = (await stat(file)).size - sizeBefore;
    const pupils = (await repo.listBySchool('school-000')).length;
    await repo.close();

    // Baseline: the same 10,000 cases in ONE lowdb file, rewritten on every write.
    const all = { schemaVersion: CURRENT_SCHEMA_VERSION, cases: Array.from({ length: CASES }, (_, i) => fakeCase(i, SCHOOLS)) };
    const single = new DataFile(path.join(dir, 'single.json'), { parse: JSON.parse, stringify: (d) => JSON.stringify(d) });
    const singleWrites: number[] = [];
    for (let i = 0; i < 100; i++) singleWrites.push(await time(() => single.write(all)));
    console.log(`store: ${CASES} cases at ${SCHOOLS} schools, ${entries} chronology entries (${(entries / CASES).toFixed(1)} a case)`);
    report(`store write: one fact recorded`, percentiles(writes), { p99: 10 }, { name: 'one lowdb file for all', f: percentiles(singleWrites) });
    // What durability costs: the same school files rewritten as steno did (temp file + rename, no fsync).
    const unsynced: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const file = path.join(dir, 'schools', `school-${String(i % SCHOOLS).padStart(3, '0')}.json`);
      const text = await readFile(file, 'utf-8');
      unsynced.push(await time(async () => {
        await writeFile(`${file}.nosync`, text);
        await rename(`${file}.nosync`, file);
      }));
    }
    report('  case write with fsync (above)', percentiles(writes), undefined, { name: 'same write, no fsync', f: percentiles(unsynced) });
    console.log(`${'store open + validate all files'.padEnd(34)} ${openMs.toFixed(0)} ms`);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`${'school file growth, 100 entries'.padEnd(34)} +${kb(growth)} (${Math.round(growth / 100)} bytes an entry with its timeline line)`);
    console.log(`${'  baseline: one pupil as saved'.padEnd(34)} ${kb(sizeBefore / pupils)} on average (the file was ${kb(sizeBefore)} for ${pupils} pupils)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  storeFigures().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
