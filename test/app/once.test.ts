import { describe, expect, it } from 'vitest';
import { Once } from '../../src/app/once.js';

function setup(opts: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { t: 0, now: () => clock.t };
  return { clock, once: new Once<string>({ clock, ...opts }) };
}

/** A promise the test settles by hand, to hold a run in flight. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Once.run', () => {
  it('runs the first call and hands later calls the stored value', async () => {
    const { once } = setup();
    let calls = 0;
    const fn = async () => `saved ${++calls}`;
    expect(await once.run('act-1', fn)).toEqual({ value: 'saved 1', repeat: false });
    expect(await once.run('act-1', fn)).toEqual({ value: 'saved 1', repeat: true });
    expect(await once.run('act-2', fn)).toEqual({ value: 'saved 2', repeat: false });
    expect(calls).toBe(2);
  });

  it('makes concurrent calls (a double click) share one run', async () => {
    const { once } = setup();
    const gate = deferred<string>();
    let calls = 0;
    const fn = () => {
      calls++;
      return gate.promise;
    };
    const first = once.run('click', fn);
    const second = once.run('click', fn);
    gate.resolve('recorded');
    expect(await Promise.all([first, second])).toEqual([
      { value: 'recorded', repeat: false },
      { value: 'recorded', repeat: true },
    ]);
    expect(calls).toBe(1);
  });

  it('forgets a key whose run failed so a retry runs again', async () => {
    const { once } = setup();
    const gate = deferred<string>();
    const first = once.run('k', () => gate.promise);
    const concurrent = once.run('k', async () => 'never');
    gate.reject(new Error('store down'));
    await expect(first).rejects.toThrow('store down');
    await expect(concurrent).rejects.toThrow('store down');
    expect(await once.run('k', async () => 'second try')).toEqual({ value: 'second try', repeat: false });
  });

  it('treats a synchronous throw like a rejection', async () => {
    const { once } = setup();
    await expect(
      once.run('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await once.run('k', async () => 'ok')).toEqual({ value: 'ok', repeat: false });
  });

  it('runs again once the TTL has passed since the run finished', async () => {
    const { clock, once } = setup({ ttlMs: 1000 });
    await once.run('k', async () => 'a');
    clock.t = 999;
    expect(await once.run('k', async () => 'b')).toEqual({ value: 'a', repeat: true });
    clock.t = 1000;
    expect(await once.run('k', async () => 'c')).toEqual({ value: 'c', repeat: false });
  });

  it('starts the TTL when a slow run finishes, and never expires a run in flight', async () => {
    const { clock, once } = setup({ ttlMs: 1000 });
    const gate = deferred<string>();
    const slow = once.run('k', () => gate.promise);
    clock.t = 5000;
    const during = once.run('k', async () => 'duplicate');
    gate.resolve('slow');
    await Promise.all([slow, during]);
    expect(await during).toEqual({ value: 'slow', repeat: true });
    clock.t = 5999;
    expect(await once.run('k', async () => 'again')).toEqual({ value: 'slow', repeat: true });
  });

  it('refuses a key that seen() marked, rather than invent a value', async () => {
    const { once } = setup();
    once.seen('k');
    await expect(once.run('k', async () => 'x')).rejects.toThrow(TypeError);
  });
});

describe('Once.seen', () => {
  it('marks a key and reports it as seen afterwards', () => {
    const { once } = setup();
    expect(once.seen('evt-1')).toBe(false);
    expect(once.seen('evt-1')).toBe(true);
    expect(once.seen('evt-2')).toBe(false);
  });

  it('forgets marks after the TTL', () => {
    const { clock, once } = setup({ ttlMs: 15_000 });
    once.seen('evt');
    clock.t = 14_999;
    expect(once.seen('evt')).toBe(true);
    clock.t = 15_000;
    expect(once.seen('evt')).toBe(false);
  });
});

describe('Once bounds', () => {
  it('evicts the oldest key first when full', async () => {
    const { once } = setup({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) once.seen(k);
    expect(once.size()).toBe(3);
    expect(once.seen('b')).toBe(true);
    expect(once.seen('a')).toBe(false); // evicted, so marked afresh (which evicts 'b')
    expect(once.seen('b')).toBe(false);
  });

  it('counts a finished run as newest, so recent results outlive older marks', async () => {
    const { once } = setup({ maxEntries: 2 });
    const gate = deferred<string>();
    const run = once.run('slow', () => gate.promise);
    once.seen('x');
    gate.resolve('done');
    await run;
    once.seen('y'); // evicts 'x', now the oldest
    expect(await once.run('slow', async () => 'again')).toEqual({ value: 'done', repeat: true });
  });

  it('stays bounded under many distinct keys and drops expired ones', () => {
    const { clock, once } = setup({ maxEntries: 10_000, ttlMs: 600_000 });
    for (let i = 0; i < 25_000; i++) once.seen(`evt-${i}`);
    expect(once.size()).toBe(10_000);
    clock.t = 600_000;
    expect(once.size()).toBe(0);
  });

  it('defaults to 10,000 entries and 10 minutes', () => {
    const { clock, once } = setup();
    for (let i = 0; i < 10_001; i++) once.seen(`evt-${i}`);
    expect(once.size()).toBe(10_000);
    clock.t = 10 * 60_000 - 1;
    expect(once.size()).toBe(10_000);
    clock.t = 10 * 60_000;
    expect(once.size()).toBe(0);
  });
});
