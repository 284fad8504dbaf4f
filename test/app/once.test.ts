import { describe, expect, it } from 'vitest';
import { Once, type KeyStore } from '../../src/app/once.js';

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
    await once.seen('k');
    await expect(once.run('k', async () => 'x')).rejects.toThrow(TypeError);
  });
});

describe('Once.seen', () => {
  it('marks a key and reports it as seen afterwards', async () => {
    const { once } = setup();
    expect(await once.seen('evt-1')).toBe(false);
    expect(await once.seen('evt-1')).toBe(true);
    expect(await once.seen('evt-2')).toBe(false);
  });

  it('forgets marks after the TTL', async () => {
    const { clock, once } = setup({ ttlMs: 15_000 });
    await once.seen('evt');
    clock.t = 14_999;
    expect(await once.seen('evt')).toBe(true);
    clock.t = 15_000;
    expect(await once.seen('evt')).toBe(false);
  });
});

describe('Once bounds', () => {
  it('evicts the oldest key first when full', async () => {
    const { once } = setup({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await once.seen(k);
    expect(once.size()).toBe(3);
    expect(await once.seen('b')).toBe(true);
    expect(await once.seen('a')).toBe(false); // evicted, so marked afresh (which evicts 'b')
    expect(await once.seen('b')).toBe(false);
  });

  it('counts a finished run as newest, so recent results outlive older marks', async () => {
    const { once } = setup({ maxEntries: 2 });
    const gate = deferred<string>();
    const run = once.run('slow', () => gate.promise);
    await once.seen('x');
    gate.resolve('done');
    await run;
    await once.seen('y'); // evicts 'x', now the oldest
    expect(await once.run('slow', async () => 'again')).toEqual({ value: 'done', repeat: true });
  });

  it('stays bounded under many distinct keys and drops expired ones', async () => {
    const { clock, once } = setup({ maxEntries: 10_000, ttlMs: 600_000 });
    for (let i = 0; i < 25_000; i++) await once.seen(`evt-${i}`);
    expect(once.size()).toBe(10_000);
    clock.t = 600_000;
    expect(once.size()).toBe(0);
  });

  it('defaults to 10,000 entries and 10 minutes', async () => {
    const { clock, once } = setup();
    for (let i = 0; i < 10_001; i++) await once.seen(`evt-${i}`);
    expect(once.size()).toBe(10_000);
    clock.t = 10 * 60_000 - 1;
    expect(once.size()).toBe(10_000);
    clock.t = 10 * 60_000;
    expect(once.size()).toBe(0);
  });
});

/** A store like the data folder's, in memory, that can be made to fail. */
function memoryStore() {
  const keys = new Map<string, number>();
  const store = {
    keys,
    failing: false,
    async take(k: string, exp: number, now: number) {
      if ((keys.get(k) ?? -1) > now) return false;
      await store.put(k, exp);
      return true;
    },
    async put(k: string, exp: number) {
      if (store.failing) throw new Error('disk full');
      keys.set(k, exp);
    },
    async release(k: string) {
      keys.delete(k);
    },
  } satisfies KeyStore & Record<string, unknown>;
  return store;
}

describe('Once with a persistent store (a restart is a new Once on the same store)', () => {
  it('answers a repeat after a restart with the restored value and does not run again', async () => {
    const store = memoryStore();
    const clock = { t: 0, now: () => clock.t };
    const persist = { store, namespace: 'form:', restored: () => 'already sent' };
    let calls = 0;
    await new Once<string>({ clock, ttlMs: 1000, persist }).run('me|form-1', async () => `saved ${++calls}`);
    const afterRestart = new Once<string>({ clock, ttlMs: 1000, persist });
    expect(await afterRestart.run('me|form-1', async () => `saved ${++calls}`)).toEqual({ value: 'already sent', repeat: true });
    clock.t = 1000;
    expect(await afterRestart.run('me|form-1', async () => `saved ${++calls}`)).toEqual({ value: 'saved 2', repeat: false });
    // Ids only, hashed under their namespace: nothing of the key's own text reaches the store.
    expect([...store.keys.keys()].every((k) => /^form:[0-9a-f]{32}$/.test(k))).toBe(true);
  });

  it('writes nothing for a result it is told not to keep, so a corrected resend runs', async () => {
    const store = memoryStore();
    const persist = { store, namespace: 'form:', restored: () => 'already sent' };
    const once = new Once<string>({ persist });
    expect(await once.run('k', async () => 'problems', (v) => v !== 'problems')).toEqual({ value: 'problems', repeat: false });
    expect(store.keys.size).toBe(0);
    expect(await new Once<string>({ persist }).run('k', async () => 'saved')).toEqual({ value: 'saved', repeat: false });
  });

  it('has the key on disk before the first caller gets its answer', async () => {
    const store = memoryStore();
    const once = new Once<string>({ persist: { store, namespace: 'button:', restored: () => '' } });
    await once.run('k', async () => 'done');
    expect(store.keys.size).toBe(1);
  });

  it('seen() survives a restart, and a mark that could not be written is dropped and the error thrown', async () => {
    const store = memoryStore();
    const persist = { store, namespace: 'slack-event:' };
    expect(await new Once<never>({ persist }).seen('Ev1')).toBe(false);
    expect(await new Once<never>({ persist }).seen('Ev1')).toBe(true);
    store.failing = true;
    const once = new Once<never>({ persist });
    await expect(once.seen('Ev2')).rejects.toThrow('disk full');
    store.failing = false;
    expect(await once.seen('Ev2')).toBe(false);
  });
});
