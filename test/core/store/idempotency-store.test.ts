import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../../../src/core/store/idempotency-store.js';
import { folderAt, tempDirs } from './temp-dirs.js';
import { describeKeyStoreContract } from './key-store-contract.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const fileOf = (d: string) => join(d, 'idempotency.jsonl');
const linesOf = async (d: string) => (await readFile(fileOf(d), 'utf-8')).split('\n').filter(Boolean);

describe('the idempotency store', () => {
  it('keeps keys across a restart until they expire, and drops expired ones from the file at start-up', async () => {
    const d = await dirs.make();
    let t = 1_000;
    const clock = () => t;
    const a = await IdempotencyStore.open(await folderAt(d), { clock });
    await a.put('form:aaa', 2_000);
    await a.put('slack-event:bbb', 10_000);
    await a.close();

    t = 1_999;
    const b = await IdempotencyStore.open(await folderAt(d), { clock });
    expect(b.has('form:aaa', t)).toBe(true);
    expect(b.has('slack-event:bbb', t)).toBe(true);
    expect(b.has('form:other', t)).toBe(false);
    expect(b.has('form:aaa', 2_000)).toBe(false);
    await b.close();

    t = 2_000;
    const c = await IdempotencyStore.open(await folderAt(d), { clock });
    expect(c.size).toBe(1);
    expect(await linesOf(d)).toEqual([JSON.stringify({ k: 'slack-event:bbb', exp: 10_000 })]);
  });

  it('holds a key taken by a run still going only while this process lives, so a resend after a crash mid-run is saved', async () => {
    const d = await dirs.make();
    const a = await IdempotencyStore.open(await folderAt(d), { clock: () => 1_000 });
    expect(await a.take('form:typed', 100_000, 1_000)).toBe(true);
    expect(await a.take('form:typed', 100_000, 1_000)).toBe(false);
    await a.close();
    // The process died before the run finished: nothing was saved, so the resend must run.
    const b = await IdempotencyStore.open(await folderAt(d), { clock: () => 2_000 });
    expect(await b.take('form:typed', 100_000, 2_000)).toBe(true);
    await b.put('form:typed', 100_000);
    await b.close();
    const c = await IdempotencyStore.open(await folderAt(d), { clock: () => 3_000 });
    expect(await c.take('form:typed', 100_000, 3_000)).toBe(false);
  });

  it('ignores a last line cut short by a crash', async () => {
    const d = await dirs.make();
    const a = await IdempotencyStore.open(await folderAt(d), { clock: () => 0 });
    await a.put('button:kept', 5_000);
    await a.close();
    await appendFile(fileOf(d), '{"k":"button:torn","ex');
    const b = await IdempotencyStore.open(await folderAt(d), { clock: () => 0 });
    expect(b.has('button:kept', 0)).toBe(true);
    expect(b.has('button:torn', 0)).toBe(false);
    // The torn piece is gone from the file, so the next append starts on a line of its own.
    await b.put('button:next', 5_000);
    await b.close();
    expect((await IdempotencyStore.open(await folderAt(d), { clock: () => 0 })).has('button:next', 0)).toBe(true);
  });

  it('refuses to start on any other bad line, naming the file and line, and changes nothing', async () => {
    const d = await dirs.make();
    const body = `${JSON.stringify({ k: 'form:a', exp: 5 })}\nnot json\n${JSON.stringify({ k: 'form:b', exp: 5 })}\n`;
    await writeFile(fileOf(d), body);
    await expect(IdempotencyStore.open(await folderAt(d), { clock: () => 0 })).rejects.toThrow(/idempotency\.jsonl line 2 is not valid JSON/);
    await writeFile(fileOf(d), `${JSON.stringify({ k: 'has spaces and no namespace', exp: 5 })}\n`);
    await expect(IdempotencyStore.open(await folderAt(d), { clock: () => 0 })).rejects.toThrow(/idempotency\.jsonl line 1: k/);
    expect(await readFile(fileOf(d), 'utf-8')).toContain('has spaces');
  });

  it('holds at most maxKeys, dropping the oldest written first, in memory and in the file at start-up', async () => {
    const d = await dirs.make();
    const a = await IdempotencyStore.open(await folderAt(d), { clock: () => 0, maxKeys: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await a.put(`form:${k}`, 1_000);
    // Writing 'b' again makes it the newest.
    await a.put('form:b', 1_000);
    expect(a.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((k) => a.has(`form:${k}`, 0))).toEqual([false, true, true, true]);
    await a.put('form:e', 1_000);
    expect(['b', 'c', 'd', 'e'].map((k) => a.has(`form:${k}`, 0))).toEqual([true, false, true, true]);
    await a.close();
    const b = await IdempotencyStore.open(await folderAt(d), { clock: () => 0, maxKeys: 3 });
    expect(['b', 'c', 'd', 'e'].map((k) => b.has(`form:${k}`, 0))).toEqual([true, false, true, true]);
    expect(await linesOf(d)).toHaveLength(3);
  });

  it('compacts while running, so a bot that never restarts keeps the file bounded', async () => {
    const d = await dirs.make();
    let t = 0;
    const s = await IdempotencyStore.open(await folderAt(d), { clock: () => t, maxKeys: 100 });
    // 5,000 short-lived keys in bursts of 50, each expired soon after: the live set stays small.
    for (let i = 0; i < 5_000; i += 50) {
      t = i;
      await Promise.all(Array.from({ length: 50 }, (_, j) => s.put(`teams-activity:${i + j}`, i + 100)));
    }
    await s.close();
    const lines = await linesOf(d);
    expect(lines.length).toBeLessThanOrEqual(1_100);
    t = 4_999;
    const reopened = await IdempotencyStore.open(await folderAt(d), { clock: () => t, maxKeys: 100 });
    expect(reopened.has('teams-activity:4999', t)).toBe(true);
    expect(reopened.has('teams-activity:4000', t)).toBe(false);
    expect(reopened.size).toBeLessThanOrEqual(100);
  });

  it('keeps every key put while a compaction is under way', async () => {
    const d = await dirs.make();
    const s = await IdempotencyStore.open(await folderAt(d), { clock: () => 0, maxKeys: 5_000 });
    await Promise.all(Array.from({ length: 3_000 }, (_, i) => s.put(`button:${i}`, 1_000)));
    await s.close();
    const reopened = await IdempotencyStore.open(await folderAt(d), { clock: () => 0, maxKeys: 5_000 });
    expect(reopened.size).toBe(3_000);
  });
});

describeKeyStoreContract('IdempotencyStore (idempotency.jsonl)', async () => IdempotencyStore.open(await folderAt(await dirs.make()), { clock: () => 0 }));
