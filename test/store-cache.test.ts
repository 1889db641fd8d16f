import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_TTL_MS, GuildCache } from '../src/store/cache';

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
