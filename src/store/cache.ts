/**
 * A small read-through cache per server, for settings read on every interaction (the house
 * definition on every /tier, the team's terms on every /glossary keystroke).
 *
 * - Entries live `ttlMs` (DEFAULT_CACHE_TTL_MS). A write in this process invalidates that server's
 *   entries at once; another process sees the change when its entry expires, so within the TTL.
 * - "Nothing set" is cached too: most servers have no house definition, and asking the database
 *   that on every /tier is the load the cache exists to remove.
 * - A read that started before a write never stores its (older) answer after the write: each
 *   server has a generation, bumped by every write, and a read stores only if it is unchanged.
 * - Bounded: past `maxEntries` servers the oldest entry goes.
 */

export const DEFAULT_CACHE_TTL_MS = 5_000;

interface Entry<V> {
  value: V;
  expires: number;
}

export class GuildCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(guildId: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(guildId);
    if (hit && hit.expires > this.clock()) return hit.value;
    if (hit) this.entries.delete(guildId);
    const generation = this.generations.get(guildId) ?? 0;
    const value = await load();
    if (this.ttlMs > 0 && (this.generations.get(guildId) ?? 0) === generation) {
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(guildId, { value, expires: this.clock() + this.ttlMs });
    }
    return value;
  }

  invalidate(guildId: string): void {
    this.entries.delete(guildId);
    this.generations.set(guildId, (this.generations.get(guildId) ?? 0) + 1);
    // Generations only matter while a read is in flight; keep the map from growing without bound.
    if (this.generations.size > this.maxEntries * 2) this.generations.clear();
  }

  clear(): void {
    for (const guildId of [...this.entries.keys()]) this.invalidate(guildId);
  }
}
