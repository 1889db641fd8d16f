/**
 * /erase-team-data — erases everything Tierbot keeps for this server, in one go: the house
 * definition, the team terms, the saved plans, and its record of the server (its id and when a
 * command that changes team settings was first run there). Manage Server only, checked by the bot
 * (Discord's default permission can be changed by a server's admins). Guild install, servers only.
 *
 * The command itself erases nothing: it shows, to the member alone, exactly what would go, with
 * "Erase all" and "Cancel" buttons. Pressing "Erase all" checks again, from that interaction, who
 * presses and in which server (the custom_id names neither), then erases, only if the server still
 * has what the preview listed (the button carries that), and says what it erased; if the server's
 * data changed meanwhile, nothing is erased and the preview shows what it has now.
 */

import { ButtonStyle, MessageFlags, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import { andList, countOf, formatCount } from '../domain/format';
import { StoreUnavailableError, type ListedData, type ServerData } from '../store/types';
import { button, buttonRows, ERROR_COLOUR, inputErrorReply, NEUTRAL_COLOUR } from './embeds';
import { notManagerReply, orUnavailable, teamGuildId, unavailableReply } from './team-settings';
import {
  MANAGE_GUILD,
  OWN_MESSAGE,
  slashCommand,
  type ChatInputDefinition,
  type ComponentContext,
  type ComponentReply,
  type Reply,
  type RunContext,
  SERVER_ONLY,
} from './types';

export const definition = {
  name: 'erase-team-data',
  description: 'Erase all of Tierbot’s data for this server: house definition, team terms, saved plans',
  default_member_permissions: String(MANAGE_GUILD),
  ...SERVER_ONLY,
} as const satisfies ChatInputDefinition;

/**
 * The preview's buttons, "erase-team-data:erase:<house>:<terms>:<plans>:own" and
 * "erase-team-data:cancel:own": the preview is the member's own message (ephemeral), so each
 * changes it in place. Erase all carries what the preview listed (house definition 1 or 0, the
 * numbers of terms and plans), so a press erases only that. They carry no server id: the server
 * is always the one the press happens in.
 */
const ERASE = `${definition.name}:erase`;
const CANCEL_BUTTON = `${definition.name}:cancel${OWN_MESSAGE}`;

function eraseButtonId(listed: ListedData): string {
  return `${ERASE}:${listed.house ? 1 : 0}:${listed.terms}:${listed.plans}${OWN_MESSAGE}`;
}

/** What an Erase all button says its preview listed; undefined for any other custom_id. */
function listedBy(customId: string): ListedData | undefined {
  const match = new RegExp(`^${ERASE}:([01]):(\\d{1,6}):(\\d{1,6})${OWN_MESSAGE}$`).exec(customId);
  return match ? { house: match[1] === '1', terms: Number(match[2]), plans: Number(match[3]) } : undefined;
}

/** What the member may do, for the permission reply: "Only members with Manage Server can …". */
const ACTION = 'erase Tierbot’s data';

/**
 * What Tierbot keeps of a server where a command that changes team settings has run, even one
 * that changed nothing (`/term remove` of a name there is not), and even when it has nothing else.
 */
const WHEN_FIRST_RECORDED = '(its id, and when a command that changes team settings was first used here)';
const RECORD = `Tierbot’s record of this server ${WHEN_FIRST_RECORDED}`;

/** "the house definition, 12 team terms and 3 saved plans"; "" when there is none of them. */
function settingsList(data: ServerData): string {
  return andList([...(data.house ? ['the house definition'] : []), ...(data.terms > 0 ? [countOf(data.terms, 'team term')] : []), ...(data.plans > 0 ? [countOf(data.plans, 'saved plan')] : [])]);
}

/** The exports that would save a copy of what the server has: "`/house export` and `/term export`". */
function exportsOf(data: ServerData): string {
  return andList([...(data.house ? ['`/house export`'] : []), ...(data.terms > 0 ? ['`/term export`'] : []), ...(data.plans > 0 ? ['`/plans export`'] : [])]);
}

const hasAnything = (data: ServerData) => data.recorded || data.house || data.terms > 0 || data.plans > 0;

function privately(embed: APIEmbed, buttons: APIButtonComponent[] = []): Reply {
  return { embeds: [embed], components: buttonRows(buttons), flags: MessageFlags.Ephemeral };
}

/** Why there is no server here whose data could be erased: a DM, or a server that has not added Tierbot. */
function noServerReply(context: Pick<RunContext, 'guildId'>): Reply {
  if (context.guildId !== undefined) {
    return inputErrorReply(
      'Tierbot’s data for a server is erased only where the server itself has added Tierbot. Here Tierbot runs from your own apps, so this command cannot erase it.',
      'ask someone with Manage Server to add Tierbot to this server, then run `/erase-team-data` there.',
      'Tierbot is not added to this server',
    );
  }
  return {
    embeds: [
      {
        title: 'Only in a server',
        description: 'Tierbot’s data for a server belongs to that server, so this works only in one, not in a DM. Run it in a channel of the server whose data you mean to erase.',
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    inputError: true,
  };
}

/**
 * What would be erased, with the buttons; or that there is nothing, without them. `changed`, when
 * given, is a line put first: what changed since the preview the member pressed was opened.
 */
function previewReply(data: ServerData, changed?: string): Reply {
  if (!hasAnything(data)) {
    return privately({
      title: 'Nothing to erase',
      description: 'Tierbot keeps nothing for this server: no house definition, team terms or saved plans.',
      color: NEUTRAL_COLOUR,
    });
  }
  const settings = settingsList(data);
  const what = settings
    ? `**Erase all** removes ${settings} from this server, for everyone, with ${RECORD}. This cannot be undone.\n\nTo keep a copy, save it first with ${exportsOf(data)}.`
    : `Tierbot keeps no house definition, team terms or saved plans for this server: only a record that it used Tierbot ${WHEN_FIRST_RECORDED}. **Erase all** removes that too. This cannot be undone.`;
  return privately({ title: 'Erase all of Tierbot’s data for this server?', description: changed ? `${changed}\n\n${what}` : what, color: ERROR_COLOUR }, [
    button(eraseButtonId(data), 'Erase all', ButtonStyle.Danger),
    button(CANCEL_BUTTON, 'Cancel'),
  ]);
}

/** "Nothing was erased: since this was opened, a house definition was set and team terms went from 1 to 2." */
function changedLine(listed: ListedData, stored: ServerData): string {
  const went = (what: string, from: number, to: number) => `${what} went from ${formatCount(from)} to ${formatCount(to)}`;
  const changes = andList([
    ...(listed.house !== stored.house ? [stored.house ? 'a house definition was set' : 'the house definition was cleared'] : []),
    ...(listed.terms !== stored.terms ? [went('team terms', listed.terms, stored.terms)] : []),
    ...(listed.plans !== stored.plans ? [went('saved plans', listed.plans, stored.plans)] : []),
  ]);
  return `**Nothing was erased**: since this was opened, ${changes}. Here is what **Erase all** removes now.`;
}

const NOTHING_LEFT = privately({ title: 'Nothing was left to erase', description: 'Tierbot kept nothing for this server any more: it had been erased meanwhile.', color: NEUTRAL_COLOUR });

/** What the erase removed, in place of the preview. */
function erasedReply(erased: ServerData): Reply {
  if (!hasAnything(erased)) return NOTHING_LEFT;
  const settings = settingsList(erased);
  const after = [
    ...(erased.house ? ['`/tier`, `/tiers`, `/compare`, `/roster`, `/glossary` and “Classify follower counts” now go by the publishers’ tiers alone.'] : []),
    ...(erased.terms > 0 ? ['`/glossary` shows only Tierbot’s own terms.'] : []),
  ].join(' ');
  return privately({
    title: 'Tierbot’s data for this server is erased',
    description: `Erased ${settings ? `${settings}, and ` : ''}${RECORD}.${after ? ` ${after}` : ''}`,
    color: NEUTRAL_COLOUR,
  });
}

const CANCELLED = privately({ title: 'Nothing was erased', description: 'Tierbot’s data for this server is as it was.', color: NEUTRAL_COLOUR });

async function preview(context: RunContext): Promise<Reply> {
  const guildId = teamGuildId(context);
  if (guildId === undefined) return noServerReply(context);
  if (!context.canManageGuild) return notManagerReply(ACTION);
  return orUnavailable(async () => previewReply(await context.store.serverData(guildId)));
}

/**
 * Erase all: the server and the presser's permission as this press gives them, and what the
 * preview listed, as its button carries it. Refused, the preview gives way to the reason (its
 * buttons could not work); the server's data changed since the preview, it gives way to the
 * preview as it is now; with the database down, the reason comes in a reply of its own and the
 * preview stays, to be pressed again.
 */
async function press(customId: string, _values: readonly string[], context: ComponentContext): Promise<ComponentReply> {
  if (customId === CANCEL_BUTTON) return { mode: 'update', reply: CANCELLED };
  const listed = listedBy(customId);
  if (!listed) return { mode: 'reply', reply: inputErrorReply('That button is no longer in use.', 'run `/erase-team-data` again.') };
  const guildId = teamGuildId(context);
  if (guildId === undefined) return { mode: 'update', reply: noServerReply(context) };
  if (!context.canManageGuild) return { mode: 'update', reply: notManagerReply(ACTION) };
  try {
    const result = await context.store.eraseServerDataAsListed(guildId, listed);
    if (result.outcome === 'erased') return { mode: 'update', reply: erasedReply(result.erased) };
    if (!hasAnything(result.stored)) return { mode: 'update', reply: NOTHING_LEFT };
    return { mode: 'update', reply: previewReply(result.stored, changedLine(listed, result.stored)) };
  } catch (err) {
    if (err instanceof StoreUnavailableError) return { mode: 'reply', reply: unavailableReply() };
    throw err;
  }
}

export const eraseTeamData = slashCommand({ definition, run: (_args, context) => preview(context), component: press });
