/**
 * Which servers have any setting that is read on every interaction: a house definition or team
 * terms. Most servers have neither, and a bot in many servers rarely sees the same one twice
 * within the per-server cache's TTL, so without this list nearly every /tier, /glossary and
 * autocomplete keystroke would cost a database read (about 0.5 ms with SQLite; a network round
 * trip with Postgres) to learn that nothing is set. With it, a process reads the list once per
 * TTL and asks the database about a server only when the list names it. The gateway's text-reply
 * latency target depends on it (docs/performance.md).
 *
 * Freshness is the per-server cache's: a list is used only until `ttlMs` after the moment its
 * query started, so a setting written by another process is seen within the TTL. It is reloaded
 * in the background from half its age, after the interaction that noticed has been answered, so
 * steady traffic never waits for it. A write in this process adds its server at once, also to a
 * list being loaded while the write happened. Once closed (the store is), no reload starts and a
 * load under way changes nothing.
 */

export class ConfiguredServers {
  private list: { servers: Set<string>; queriedAt: number } | undefined;
  private loading: { writtenMeanwhile: Set<string> } | undefined;
  private queued: NodeJS.Immediate | undefined;
  private closed = false;

  constructor(
    private readonly ttlMs: number,
    private readonly load: () => Promise<readonly string[]>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True only when, as of less than the TTL ago, the server had no setting at all. */
  surelyNone(guildId: string): boolean {
    if (this.ttlMs <= 0 || this.closed) return false;
    const list = this.list;
    const age = list ? this.clock() - list.queriedAt : Infinity;
    if (age >= this.ttlMs / 2) this.reload();
    return list !== undefined && age < this.ttlMs && !list.servers.has(guildId);
  }

  /** A write in this process to this server: from now on it may have settings. */
  written(guildId: string): void {
    this.list?.servers.add(guildId);
    this.loading?.writtenMeanwhile.add(guildId);
  }

  /** Cancels a queued reload; no other starts. */
  close(): void {
    this.closed = true;
    if (this.queued) clearImmediate(this.queued);
    this.queued = undefined;
    this.list = undefined;
  }

  private reload(): void {
    if (this.loading || this.closed) return;
    const loading = { writtenMeanwhile: new Set<string>() };
    this.loading = loading;
    // Once the interaction that asked has been answered: the query is never on an answer's path.
    this.queued = setImmediate(() => {
      this.queued = undefined;
      const queriedAt = this.clock();
      this.load()
        .then(
          (servers) => {
            if (!this.closed) this.list = { servers: new Set([...servers, ...loading.writtenMeanwhile]), queriedAt };
          },
          // A failed load leaves the list to age out: reads then ask the database, and report its failure.
          () => undefined,
        )
        .finally(() => {
          this.loading = undefined;
        });
    });
  }
}
