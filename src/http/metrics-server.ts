/**
 * Gateway mode's operator endpoints on their own port (METRICS_PORT): GET /metrics, and GET
 * /healthz (live) for the container's health check. The HTTP mode serves both itself.
 */

import Fastify from 'fastify';
import type { Metrics } from '../interactions/metrics';

export async function serveMetrics(metrics: Metrics, host: string, port: number): Promise<{ close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.listen({ host, port });
  return { close: () => app.close() };
}
