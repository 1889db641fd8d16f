/**
 * Autocomplete must be answered within Discord's 3 seconds and cannot be deferred (LIMITS.md). When
 * a command's choices are not ready by the defer deadline (counted from when Discord created the
 * interaction), the core answers with no choices and drops the late ones: one answer, one warning,
 * counted as `late`. The same holds while the commands are still loading. Driven as Discord
 * delivers it: through the core, the lazy core, and end to end through the stand-in, which refuses
 * a first answer after 3 seconds.
 */

import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger';
import { slashCommand } from '../src/commands/types';
import { createInteractionCore } from '../src/interactions/core';
import { coreOnFirstInteraction } from '../src/interactions/lazy-core';
import { createMetrics } from '../src/interactions/metrics';
import type { Responder } from '../src/interactions/responder';
import { tierbotCore } from '../src/interactions/tierbot';
import { createdAt } from '../src/interactions/wire';
import type { TeamStore } from '../src/store/types';
import { harnessForEachMode, MODES } from './e2e/harness';
import { memoryStore } from './support/context';

const G = '200000000000000001';
const EPOCH = 1420070400000n;
/** Discord's window for the first answer, autocomplete's only answer included. */
const DISCORD_WAITS_MS = 3000;
/** Longer than Discord waits: how long the slow store and the slow load take. */
const SLOW_MS = 3500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A snowflake Discord would have given an interaction created `ageMs` ago. */
const snowflakeAged = (ageMs: number) => String((BigInt(Date.now() - ageMs) - EPOCH) << 22n);

/** Typing `value` into `option` of /`command` (under `subcommand`), in a server that added Tierbot, `ageMs` after Discord created it. */
function typing(command: string, option: string, value: string, { subcommand, ageMs = 0 }: { subcommand?: string; ageMs?: number } = {}): APIInteraction {
  const focused = { type: 3, name: option, value, focused: true };
  return {
    id: snowflakeAged(ageMs),
    application_id: '1',
    token: 'tok',
    type: InteractionType.ApplicationCommandAutocomplete,
    version: 1,
    guild_id: G,
    context: 0,
    authorizing_integration_owners: { '0': G },
    app_permissions: '0',
    locale: 'en-US',
    member: { user: { id: '3', username: 'u' }, roles: [], permissions: '0' },
    data: { id: '2', name: command, type: 1, options: subcommand ? [{ type: 1, name: subcommand, options: [focused] }] : [focused] },
  } as unknown as APIInteraction;
}

/** Gives the server a saved plan and a team term, for the choices to offer. */
async function seed(store: TeamStore): Promise<void> {
  await store.savePlan(G, { name: 'Q3 launch', inputs: { budget: '5000' }, savedById: '3', savedByName: 'u', savedAt: new Date() });
  await store.addTerm(G, { name: 'Brand lift', definition: 'Change in brand metrics.', addedById: '3', addedByName: 'u', updatedAt: new Date() });
}

/** `store`, whose reads of plans, terms and the house definition take `delayMs`. */
function readingAfter(store: TeamStore, delayMs: number): TeamStore {
  const late = <T>(read: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => read().then(resolve, reject), delayMs));
  return { ...store, plans: (g) => late(() => store.plans(g)), terms: (g) => late(() => store.terms(g)), house: (g) => late(() => store.house(g)) };
}

/** A server with a saved plan and a team term, whose reads take `delayMs`. */
async function storeAnsweringAfter(delayMs: number): Promise<TeamStore> {
  const store = memoryStore();
  await seed(store);
  return readingAfter(store, delayMs);
}

/** Every answer sent, with when it was sent, counted from when Discord created the interaction. */
function discord(interaction: APIInteraction) {
  const created = createdAt(interaction.id);
  const sent: { call: keyof Responder; body: unknown; atMs: number }[] = [];
  const record = (call: keyof Responder) => async (body?: unknown) => void sent.push({ call, body, atMs: Date.now() - created });
  const responder: Responder = { respond: record('respond'), editOriginal: record('editOriginal'), followUp: record('followUp'), deleteOriginal: record('deleteOriginal') };
  return { responder, sent };
}

function logged() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { logger, lines };
}

const noChoices = { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };

describe('autocomplete whose choices are not ready by the deadline', () => {
  it('/compare plan and /plans delete name are answered with no choices before Discord stops waiting, once; the late ones are dropped', async () => {
    const { logger, lines } = logged();
    const metrics = createMetrics();
    const core = tierbotCore({ store: await storeAnsweringAfter(SLOW_MS), logger, metrics, charts: false });
    const asked = [typing('compare', 'plan', 'q3'), typing('plans', 'name', 'q3', { subcommand: 'delete' })];
    const discords = asked.map(discord);
    const outcomes = await Promise.all(asked.map((interaction, i) => core.handle(interaction, discords[i]!.responder)));
    expect(outcomes).toEqual(['late', 'late']);
    // The store answers meanwhile: its choices must not follow.
    await sleep(SLOW_MS + 300);
    for (const { sent } of discords) {
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ call: 'respond', body: noChoices });
      expect(sent[0]!.atMs).toBeLessThan(DISCORD_WAITS_MS);
    }
    // One warning each, saying what happened; nothing at error level.
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    // The two run at once: either may reach its deadline first.
    const warnings = lines.filter((l) => (l.level as number) === 40).sort((a, b) => String(a.command).localeCompare(String(b.command)));
    expect(warnings).toEqual([
      expect.objectContaining({ command: 'compare', msg: expect.stringMatching(/autocomplete.*not ready in time/) }),
      expect.objectContaining({ command: 'plans', msg: expect.stringMatching(/autocomplete.*not ready in time/) }),
    ]);
    const counted = await metrics.registry.getSingleMetricAsString('tierbot_interactions_total');
    expect(counted).toContain('tierbot_interactions_total{command="compare",outcome="late"} 1');
    expect(counted).toContain('tierbot_interactions_total{command="plans",outcome="late"} 1');
  });

  it('/glossary term is answered in time, once, with the built-in terms and without the team terms the store has not given yet', async () => {
    const core = tierbotCore({ store: await storeAnsweringAfter(SLOW_MS), logger: logged().logger, charts: false });
    const interaction = typing('glossary', 'term', 'brand');
    const { responder, sent } = discord(interaction);
    expect(await core.handle(interaction, responder)).toBe('answered');
    await sleep(SLOW_MS + 300);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ call: 'respond', body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult } });
    expect(sent[0]!.atMs).toBeLessThan(DISCORD_WAITS_MS);
    const offered = (sent[0]!.body as { data: { choices: { name: string }[] } }).data.choices.map((c) => c.name);
    expect(offered.some((name) => /brand/i.test(name))).toBe(true);
    expect(offered).not.toContain('Brand lift');
  });

  it('counts from when Discord created the interaction: one queued 1.5 s before it arrived is still answered within 3 s of that', async () => {
    const core = tierbotCore({ store: await storeAnsweringAfter(SLOW_MS), logger: logged().logger, charts: false });
    const interaction = typing('compare', 'plan', 'q3', { ageMs: 1500 });
    const { responder, sent } = discord(interaction);
    expect(await core.handle(interaction, responder)).toBe('late');
    expect(sent).toEqual([{ call: 'respond', body: noChoices, atMs: expect.any(Number) }]);
    expect(sent[0]!.atMs).toBeLessThan(DISCORD_WAITS_MS);
  });

  it('drops a late failure without a second answer or an error line', async () => {
    const failingLate = slashCommand({
      definition: { name: 'suggest', description: 'slow suggestions', options: [{ type: 3, name: 'q', description: 'q', autocomplete: true }] } as const,
      run: () => ({ embeds: [], content: 'ran' }),
      autocomplete: async () => {
        await sleep(2500);
        throw new Error('the suggestions failed after the answer went out');
      },
    });
    const { logger, lines } = logged();
    const core = createInteractionCore({ commands: [failingLate], store: memoryStore(), logger, download: async () => new Uint8Array() });
    const interaction = typing('suggest', 'q', 'x');
    const { responder, sent } = discord(interaction);
    expect(await core.handle(interaction, responder)).toBe('late');
    await sleep(1000);
    expect(sent).toEqual([{ call: 'respond', body: noChoices, atMs: expect.any(Number) }]);
    expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([expect.objectContaining({ level: 40, command: 'suggest', msg: expect.stringMatching(/not ready in time/) })]);
  });

  it('choices ready in time are sent as before', async () => {
    const core = tierbotCore({ store: await storeAnsweringAfter(100), logger: logged().logger, charts: false });
    const interaction = typing('compare', 'plan', 'q3');
    const { responder, sent } = discord(interaction);
    expect(await core.handle(interaction, responder)).toBe('answered');
    expect(sent).toEqual([{ call: 'respond', body: { type: 8, data: { choices: [{ name: 'Q3 launch', value: 'Q3 launch' }] } }, atMs: expect.any(Number) }]);
  });
});

describe('autocomplete while the commands are still loading', () => {
  it('is answered with no choices before Discord stops waiting, counted as late; the load goes on and serves the next one', async () => {
    const { logger, lines } = logged();
    const metrics = createMetrics();
    const store = await storeAnsweringAfter(0);
    const lazy = coreOnFirstInteraction(
      () => sleep(SLOW_MS).then(() => tierbotCore({ store, logger, metrics, charts: false })),
      logger,
      metrics,
    );
    const first = typing('compare', 'plan', 'q3');
    const early = discord(first);
    expect(await lazy.handle(first, early.responder)).toBe('late');
    expect(early.sent).toEqual([{ call: 'respond', body: noChoices, atMs: expect.any(Number) }]);
    expect(early.sent[0]!.atMs).toBeLessThan(DISCORD_WAITS_MS);

    await sleep(SLOW_MS - early.sent[0]!.atMs + 300);
    expect(lazy.loaded()).toBeDefined();
    expect(early.sent).toHaveLength(1);
    const next = typing('compare', 'plan', 'q3');
    const later = discord(next);
    expect(await lazy.handle(next, later.responder)).toBe('answered');
    expect(later.sent).toEqual([{ call: 'respond', body: { type: 8, data: { choices: [{ name: 'Q3 launch', value: 'Q3 launch' }] } }, atMs: expect.any(Number) }]);

    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(lines.filter((l) => l.msg === 'interaction')).toEqual([
      expect.objectContaining({ command: 'unknown', outcome: 'late' }),
      expect.objectContaining({ command: 'compare', outcome: 'answered' }),
    ]);
    const counted = await metrics.registry.getSingleMetricAsString('tierbot_interactions_total');
    expect(counted).toContain('tierbot_interactions_total{command="unknown",outcome="late"} 1');
  });
});

describe('end to end, a store slower than Discord waits', () => {
  const store = memoryStore();
  beforeAll(() => seed(store));
  const harnessFor = harnessForEachMode({ store: readingAfter(store, SLOW_MS) });

  it.each(MODES)('%s mode: /compare plan gets one answer, no choices, within the stand-in\'s 3 seconds', async (mode) => {
    const h = harnessFor(mode);
    const record = await h.autocomplete('compare', 'plan', 'q3', {}, { guildId: G });
    expect(record.endpointError).toBeUndefined();
    expect(record.callbacks).toEqual([expect.objectContaining({ type: 8, data: { choices: [] } })]);
    await sleep(SLOW_MS + 300);
    expect(record.callbacks).toHaveLength(1);
    // Over the gateway the answer is a callback request; over HTTP it is the response itself.
    expect(h.standIn.requests.filter((r) => r.path.includes(`/interactions/${record.id}/`))).toHaveLength(mode === 'gateway' ? 1 : 0);
    expect(h.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
