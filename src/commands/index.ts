/** Every command Tierbot has: the slash commands, then the message command. */

import { classifyMessage } from './classify-message';
import { compare } from './compare';
import { eraseTeamData } from './erase-team-data';
import { glossary } from './glossary';
import { help } from './help';
import { house } from './house';
import { plans } from './plans';
import { roster } from './roster';
import { term } from './term';
import { tier } from './tier';
import { tiers } from './tiers';
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [tier, tiers, compare, glossary, help, roster, house, term, plans, eraseTeamData, classifyMessage];
