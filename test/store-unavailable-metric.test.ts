import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/interactions/metrics';
import { openStore } from '../src/store';
import { driver } from './support/drive';
import { freePort } from './support/ports';

// The commands answer "unavailable right now" themselves, so an error count kept where the core
// catches failures stayed at 0 through a whole outage; the store counts every such call.
describe('tierbot_database_errors_total', () => {
  it('counts the calls that found the database unreachable, though every command answered (/tier from the publishers, /house with "unavailable")', async () => {
    const metrics = createMetrics();
    const port = await freePort(); // nothing listens there: Postgres is "down"
    const store = await openStore(`postgres://tierbot:tierbot@127.0.0.1:${port}/tierbot`, {
      connectTimeoutMs: 500,
      retryAfterMs: 0,
      onUnavailable: () => metrics.databaseErrors.inc(),
    });
    try {
      const bot = driver({ store });
      const tier = await bot.run('/tier 30000', { guildId: '42' });
      expect(tier.outcome).toBe('answered');
      const house = await bot.run('/house show', { guildId: '42', manager: true });
      // Answered, saying the settings are unavailable: an outcome of its own, so the CLI exits 1.
      expect(house.outcome).toBe('unavailable');
      const counted = (await metrics.registry.getSingleMetric('tierbot_database_errors_total')!.get()).values[0]!.value;
      expect(counted).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
  });
});
