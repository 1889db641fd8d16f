/**
 * Prometheus metrics (prom-client): interactions by command and outcome, their latency, charts
 * drawn and skipped, database errors, and Node's default process metrics. Served by the HTTP
 * mode's GET /metrics, and in gateway mode on METRICS_PORT when set.
 */

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  interactions: Counter<'command' | 'outcome'>;
  latency: Histogram<'command'>;
  charts: Counter<'result'>;
  databaseErrors: Counter;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    interactions: new Counter({
      name: 'tierbot_interactions_total',
      help: 'Interactions handled, by command (or component owner) and outcome.',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'tierbot_interaction_duration_seconds',
      help: 'From receiving an interaction to its final answer being accepted by Discord.',
      labelNames: ['command'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
      registers: [registry],
    }),
    charts: new Counter({
      name: 'tierbot_charts_total',
      help: 'Charts rendered, or skipped (renderer too slow, failed, or shed under load).',
      labelNames: ['result'],
      registers: [registry],
    }),
    databaseErrors: new Counter({
      name: 'tierbot_database_errors_total',
      help: 'Calls to the settings database that found it unavailable or failed (counted by the store, whichever command made them).',
      registers: [registry],
    }),
  };
}
