/**
 * An autocomplete whose deadline comes while the commands load is answered with no choices and
 * counted `late`. When Discord does not take that answer, it is counted as the core counts an
 * answer Discord did not take: `expired` when Discord had forgotten the interaction (10062), else
 * `failed`; either way with an error id in the interaction's line, and the failure logged with it.
 */

import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger';
import { DEFER_AFTER_MS, type InteractionCore } from '../src/interactions/core';
import { coreOnFirstInteraction } from '../src/interactions/lazy-core';
import { createMetrics } from '../src/interactions/metrics';
import type { Responder } from '../src/interactions/responder';

/** A snowflake Discord would have given an interaction created `ageMs` ago. */
const snowflakeAged = (ageMs: number) => String((BigInt(Date.now() - ageMs) - 1420070400000n) << 22n);

/** Typing in /compare's plan option, created just before the defer deadline. */
const typing = (): APIInteraction =>
  ({
    id: snowflakeAged(DEFER_AFTER_MS - 50),
    application_id: '1',
    token: 'tok',
    type: InteractionType.ApplicationCommandAutocomplete,
    version: 1,
    user: { id: '3', username: 'u' },
    data: { id: '2', name: 'compare', type: 1, options: [{ type: 3, name: 'plan', value: 'q3', focused: true }] },
  }) as unknown as APIInteraction;

/** A responder whose first answer Discord refuses with `err`. */
const refusing = (err: Error): Responder => ({
  respond: async () => Promise.reject(err),
  editOriginal: async () => undefined,
  followUp: async () => undefined,
  deleteOriginal: async () => undefined,
});

/** A load that never ends within the test: the commands are still loading. */
const stillLoading = () => new Promise<InteractionCore>(() => undefined);

function logged() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { logger, lines };
}

describe('autocomplete answered with no choices while the commands load, when Discord does not take the answer', () => {
  it('a network failure is counted failed, with an error id in its line and in the error logged', async () => {
    const { logger, lines } = logged();
    const metrics = createMetrics();
    const lazy = coreOnFirstInteraction(stillLoading, logger, metrics);
    expect(await lazy.handle(typing(), refusing(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })))).toBe('failed');

    const line = lines.find((l) => l.msg === 'interaction')!;
    expect(line).toMatchObject({ command: 'unknown', outcome: 'failed', errorId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(lines.find((l) => l.msg === 'could not answer autocomplete while the commands load')).toMatchObject({ level: 50, errorId: line.errorId });
    expect(await metrics.registry.getSingleMetricAsString('tierbot_interactions_total')).toContain('tierbot_interactions_total{command="unknown",outcome="failed"} 1');
  });

  it('an interaction Discord has forgotten (10062) is counted expired, with a warning and no error', async () => {
    const { logger, lines } = logged();
    const lazy = coreOnFirstInteraction(stillLoading, logger);
    expect(await lazy.handle(typing(), refusing(Object.assign(new Error('Unknown interaction'), { code: 10062 })))).toBe('expired');

    const line = lines.find((l) => l.msg === 'interaction')!;
    expect(line).toMatchObject({ command: 'unknown', outcome: 'expired', errorId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
