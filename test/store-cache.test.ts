import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_TTL_MS, GuildCache } from '../src/store/cache';
import { ConfiguredServers } from '../src/store/configured';

describe('GuildCache', () => {
  it('reuses an answer for its TTL, "nothing set" included, per server', async () => {
    let now = 0;
    let loads = 0;
    const cache = new GuildCache<string | undefined>(5_000, 100, () => now);
    const load = async () => (loads++, undefined);
    expect(await cache.get('g1', load)).toBeUndefined();
    expect(await cache.get('g1', load)).toBeUndefined();
    expect(loads).toBe(1);
    await cache.get('g2', load);
    expect(loads).toBe(2);
    now = 5_000;
    await cache.get('g1', load);
    expect(loads).toBe(3);
    expect(DEFAULT_CACHE_TTL_MS).toBe(5_000);
  });

  it('a write invalidates that server only', async () => {
    const cache = new GuildCache<number>(60_000);
    let v = 1;
    await cache.get('g1', async () => v);
    await cache.get('g2', async () => v);
    v = 2;
    cache.invalidate('g1');
    expect(await cache.get('g1', async () => v)).toBe(2);
    expect(await cache.get('g2', async () => v)).toBe(1);
  });

  it('a read that started before a write never stores its older answer', async () => {
    const cache = new GuildCache<string>(60_000);
    let release!: (v: string) => void;
    const slow = cache.get('g', () => new Promise<string>((r) => (release = r)));
    cache.invalidate('g'); // the write lands while the read is in flight
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.get('g', async () => 'new')).toBe('new');
  });

  it('stays within its size', async () => {
    const cache = new GuildCache<number>(60_000, 3);
    let loads = 0;
    for (const g of ['a', 'b', 'c', 'd']) await cache.get(g, async () => ++loads);
    expect(await cache.get('a', async () => ++loads)).toBe(5); // 'a' was the oldest and went
    expect(await cache.get('d', async () => ++loads)).toBe(4);
  });
});

describe('ConfiguredServers', () => {
  // The list loads in a setImmediate after the read that noticed it was old.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

  function directory(ttlMs = 5_000) {
    let now = 0;
    let servers: string[] = [];
    let loads = 0;
    let fail = false;
    const list = new ConfiguredServers(
      ttlMs,
      async () => {
        loads++;
        if (fail) throw new Error('database down');
        return [...servers];
      },
      () => now,
    );
    return {
      list,
      set: (next: string[]) => (servers = next),
      at: (ms: number) => (now = ms),
      loads: () => loads,
      failing: (on: boolean) => (fail = on),
    };
  }

  it('knows nothing before its first load, then answers for servers it does not name', async () => {
    const d = directory();
    d.set(['g-set']);
    expect(d.list.surelyNone('g-empty')).toBe(false); // no list yet: ask the database
    await settle();
    expect(d.loads()).toBe(1);
    expect(d.list.surelyNone('g-empty')).toBe(true);
    expect(d.list.surelyNone('g-set')).toBe(false);
  });

  it('is used only until the TTL after its query started, and reloads from half of it', async () => {
    const d = directory(5_000);
    d.list.surelyNone('g');
    await settle();
    d.set(['g']); // another process writes to g at once
    d.at(2_499);
    expect(d.list.surelyNone('g')).toBe(true);
    expect(d.loads()).toBe(1);
    d.at(2_500);
    expect(d.list.surelyNone('g')).toBe(true); // still the old list, while the new one loads
    await settle();
    expect(d.loads()).toBe(2);
    expect(d.list.surelyNone('g')).toBe(false);
  });

  it('never answers from a list older than the TTL, even when no reload has finished', async () => {
    const d = directory(5_000);
    d.list.surelyNone('g');
    await settle();
    d.failing(true);
    d.at(5_000);
    expect(d.list.surelyNone('g')).toBe(false);
    await settle();
    expect(d.list.surelyNone('g')).toBe(false); // the reload failed: the database is asked
  });

  it('a write in this process counts at once, also while a list is being loaded', async () => {
    const d = directory();
    d.list.surelyNone('x');
    await settle();
    d.list.written('g1');
    expect(d.list.surelyNone('g1')).toBe(false);
    d.at(3_000);
    d.list.surelyNone('x'); // starts a reload that read the table before the next write committed
    d.list.written('g2');
    await settle();
    expect(d.loads()).toBe(2);
    expect(d.list.surelyNone('g2')).toBe(false);
  });

  it('once closed, a queued reload never runs, none starts, and a load under way changes nothing', async () => {
    const d = directory();
    d.list.surelyNone('g'); // queues a reload
    d.list.close();
    await settle();
    expect(d.loads()).toBe(0);
    expect(d.list.surelyNone('g')).toBe(false);
    await settle();
    expect(d.loads()).toBe(0);

    let release!: (servers: string[]) => void;
    const slow = new ConfiguredServers(5_000, () => new Promise<string[]>((resolve) => (release = resolve)));
    slow.surelyNone('g');
    await settle(); // the load is under way
    slow.close();
    release([]);
    await settle();
    expect(slow.surelyNone('g')).toBe(false);
  });

  it('with no TTL (cache off) it never answers', async () => {
    const d = directory(0);
    expect(d.list.surelyNone('g')).toBe(false);
    await settle();
    expect(d.list.surelyNone('g')).toBe(false);
    expect(d.loads()).toBe(0);
  });
});
