/**
 * A failed command load is an interaction like any other for an operator: one `info`
 * "interaction" line with the command, outcome, duration and the error id the user was shown,
 * and one count in tierbot_interactions_total. The next interaction tries the load again.
 */

import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger';
import { coreOnFirstInteraction } from '../src/interactions/lazy-core';
import { createMetrics } from '../src/interactions/metrics';
import type { Responder } from '../src/interactions/responder';

const command = (name: string, value: string) =>
  ({ id: '1', application_id: '2', token: 'tok', type: InteractionType.ApplicationCommand, version: 1, data: { id: '3', name, type: 1, options: [{ name: 'followers', type: 3, value }] }, user: { id: '4', username: 'u' } }) as unknown as APIInteraction;
const button = { id: '1', application_id: '2', token: 'tok', type: InteractionType.MessageComponent, version: 1, data: { custom_id: 'tiers:open:x', component_type: 2 }, user: { id: '4', username: 'u' } } as unknown as APIInteraction;

function recorder() {
  const answers: unknown[] = [];
  const responder: Responder = {
    respond: async (r) => void answers.push(r),
    editOriginal: async () => undefined,
    followUp: async () => undefined,
    deleteOriginal: async () => undefined,
  };
  return { responder, answers };
}

describe('a command load that fails', () => {
  it('logs the interaction line and counts it, with the error id the user sees; no user text', async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) } });
    const metrics = createMetrics();
    let loads = 0;
    const core = coreOnFirstInteraction(
      async () => {
        loads += 1;
        throw new Error('cannot load the commands');
      },
      logger,
      metrics,
    );
    const r = recorder();
    expect(await core.handle(command('tier', 'my words 98765'), r.responder)).toBe('failed');
    expect(await core.handle(button, recorder().responder)).toBe('failed');
    expect(loads).toBe(2); // tried again

    const errorId = /error id `([0-9a-f]{8})`/.exec(JSON.stringify(r.answers[0]))?.[1];
    expect(errorId).toBeDefined();
    const lines = logs.filter((l) => l.msg === 'interaction');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, command: 'tier', outcome: 'failed', errorId, durationMs: expect.any(Number) }),
      expect.objectContaining({ level: 30, command: 'tiers:button', outcome: 'failed', errorId: expect.any(String) }),
    ]);
    expect(logs.find((l) => l.msg === 'could not load the commands')).toMatchObject({ level: 50, command: 'tier', errorId });
    const counted = await metrics.registry.getSingleMetricAsString('tierbot_interactions_total');
    expect(counted).toContain('tierbot_interactions_total{command="tier",outcome="failed"} 1');
    expect(counted).toContain('tierbot_interactions_total{command="tiers:button",outcome="failed"} 1');
    expect(JSON.stringify(logs)).not.toContain('98765');
  });
});
