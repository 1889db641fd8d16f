/** House definitions as their tests read them: straight from the domain, or through /house and /tier with every reply checked against Discord's limits. */

import { expect } from 'vitest';
import type { house } from '../../src/commands/house';
import { messageProblems } from '../../src/commands/limits';
import type { tier } from '../../src/commands/tier';
import type { Reply, RunContext } from '../../src/commands/types';
import { parseHouseDefinition, type HouseParse, type HouseTier } from '../../src/domain/house';
import type { TeamStore } from '../../src/store/types';
import { testContext } from './context';

/** The tiers `text` is read as; a definition that is refused throws, with the reason. */
export function tiersOf(text: string): HouseTier[] {
  const parsed = parseHouseDefinition(text);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${parsed.reason}`);
  return parsed.tiers;
}

/** The refusal of `text`; a definition that is read throws, with the tiers read. */
export function refusalOf(text: string): Extract<HouseParse, { ok: false }> {
  const parsed = parseHouseDefinition(text);
  if (parsed.ok) {
    const read = parsed.tiers.map((t) => `${t.name} ${t.stated} (${t.min}-${t.max ?? ''})`).join(', ');
    throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${read}`);
  }
  return parsed;
}

/** Why `text` is refused, in plain text; a definition that is read throws, with the tiers read. */
export const reasonOf = (text: string): string => refusalOf(text).reason;

/** The reply of /house or /tier to `args`, checked against Discord's limits. */
export async function run(command: typeof house | typeof tier, args: Record<string, string>, context: RunContext): Promise<Reply> {
  const reply = (await command.run(args as never, context)) as Reply;
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

/** The first embed's description. */
export const description = (reply: Reply): string => reply.embeds[0]!.description ?? '';

/** A server manager's context in the server `guildId`, with its own store unless one is given. */
export const managerContext = (guildId: string, store?: TeamStore): RunContext => testContext({ guildId, manager: true, store });
