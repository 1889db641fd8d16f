/** Every slash command Tierbot has, by name. */

import { compare } from './compare';
import { glossary } from './glossary';
import { help } from './help';
import { tier } from './tier';
import { tiers } from './tiers';
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [tier, tiers, compare, glossary, help];

const BY_NAME = new Map(COMMANDS.map((c) => [c.definition.name, c]));

/** Components carry "<command>:<state>" custom ids, so the owner is found by prefix. */
export function commandForCustomId(customId: string): Command | undefined {
  return BY_NAME.get(customId.split(':', 1)[0] ?? '');
}
