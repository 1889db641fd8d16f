/** Every slash command Tierbot has, by name. */

import { tier } from './tier';
import { tiers } from './tiers';
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [tier, tiers];

const BY_NAME = new Map(COMMANDS.map((c) => [c.definition.name, c]));

export function commandByName(name: string): Command | undefined {
  return BY_NAME.get(name);
}

/** Components carry "<command>:<state>" custom ids, so the owner is found by prefix. */
export function commandForCustomId(customId: string): Command | undefined {
  return BY_NAME.get(customId.split(':', 1)[0] ?? '');
}
