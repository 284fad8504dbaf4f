import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonlAuditLog, MemoryAuditLog } from '../../../src/core/store/audit-log.js';
import { describeAuditLog, event } from './audit-log-contract.js';
import { folderAt, tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

describeAuditLog('MemoryAuditLog', async () => new MemoryAuditLog());
describeAuditLog('JsonlAuditLog', async () => new JsonlAuditLog(await folderAt(await dirs.make())));

describe('JsonlAuditLog files', () => {
  it('writes a burst of records from many turns in order, each on disk by the time its record resolves', async () => {
    const dir = await dirs.make();
    const log = new JsonlAuditLog(await folderAt(dir));
    const months = ['2026-10-31T12:00:00Z', '2026-11-01T12:00:00Z'];
    const burst = Array.from({ length: 200 }, (_, i) => log.record(event({ action: `read.${i}`, at: months[i % 2]! })));
    await burst[199];
    const nov = (await readFile(join(dir, 'audit', '2026-11.jsonl'), 'utf-8')).trim().split('\n');
    expect(nov).toHaveLength(100);
    await Promise.all(burst);
    expect((await log.list()).filter((e) => e.at.startsWith('2026-10')).map((e) => e.action)).toEqual(Array.from({ length: 100 }, (_, i) => `read.${i * 2}`));
  });

  it('appends one line per event to a file per UTC month, and survives a restart', async () => {
    const dir = await dirs.make();
    const first = new JsonlAuditLog(await folderAt(dir));
    await first.record(event({ at: '2025-03-31T23:30:00-01:00' }));
    await first.record(event({ at: '2025-03-10T09:00:00.000Z' }));
    expect((await readdir(join(dir, 'audit'))).sort()).toEqual(['2025-03.jsonl', '2025-04.jsonl']);
    expect((await readFile(join(dir, 'audit', '2025-03.jsonl'), 'utf-8')).split('\n')).toHaveLength(2);

    const again = new JsonlAuditLog(await folderAt(dir));
    expect((await again.list()).map((e) => e.at)).toEqual(['2025-03-10T09:00:00.000Z', '2025-03-31T23:30:00-01:00']);
  });

  it('returns nothing before the first event', async () => {
    expect(await new JsonlAuditLog(await folderAt(await dirs.make())).list()).toEqual([]);
  });

  it('reports a damaged line by file and line number', async () => {
    const dir = await dirs.make();
    const log = new JsonlAuditLog(await folderAt(dir));
    await log.record(event());
    await appendFile(join(dir, 'audit', '2025-03.jsonl'), '{"at":"2025-03-10T09:00:00.000Z","actorId":""}\n');
    await expect(log.list()).rejects.toMatchObject({
      code: 'store-invalid',
      message: expect.stringContaining(`${join(dir, 'audit', '2025-03.jsonl')} line 2: actorId:`),
    });
  });
});
