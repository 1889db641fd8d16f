/** GET /metrics on its own port, for gateway mode (METRICS_PORT); the HTTP mode serves it itself. */

import Fastify from 'fastify';
import type { Metrics } from '../interactions/metrics';

export async function serveMetrics(metrics: Metrics, host: string, port: number): Promise<{ close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  await app.listen({ host, port });
  return { close: () => app.close() };
}
