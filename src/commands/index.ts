/** Every slash command Tierbot has, by name. */

import { compare } from './compare';
import { glossary } from './glossary';
import { help } from './help';
import { tier } from './tier';
import { tiers } from './tiers';
import { customIdOwner, type Command } from './types';

export const COMMANDS: readonly Command[] = [tier, tiers, compare, glossary, help];

const BY_NAME = new Map(COMMANDS.map((c) => [c.definition.name, c]));

export function commandForCustomId(customId: string): Command | undefined {
  return BY_NAME.get(customIdOwner(customId));
}
