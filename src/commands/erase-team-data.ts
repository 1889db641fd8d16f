/**
 * /erase-team-data — erases everything Tierbot keeps for this server, in one go: the house
 * definition, the team terms, the saved plans, and its record of the server (its id and when a
 * command that changes team settings was first run there). Manage Server only, checked by the bot
 * (Discord's default permission can be changed by a server's admins). Guild install, servers only.
 *
 * The command itself erases nothing: it shows, to the member alone, exactly what would go, with
 * "Erase all" and "Cancel" buttons. Pressing "Erase all" checks again, from that interaction, who
 * presses and in which server (the custom_id names neither), then erases, only if the server still
 * has exactly what the preview listed (the button carries its fingerprints), and says what it
 * erased; if the server's data changed meanwhile, nothing is erased and the preview shows what it
 * has now.
 */

import { ButtonStyle, MessageFlags, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import { andList, formatCount } from '../domain/format';
import { SERVER_NOTE, SERVER_NOTE_LISTED, settingsHeld, settingsNamed, type SettingKind } from '../store/server-data-words';
import { FINGERPRINT_LENGTH, StoreUnavailableError, type ListedData, type ServerData } from '../store/types';
import { button, buttonRows, ERROR_COLOUR, inputErrorReply, NEUTRAL_COLOUR } from './embeds';
import { guildOnlyReply, notManagerReply, orUnavailable, teamGuildId, unavailableReply, type ServerOnlySubject } from './team-settings';
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
 * The preview's buttons, "erase-team-data:erase:<house>:<terms>:<plans>:<fingerprints>:own" and
 * "erase-team-data:cancel:own": the preview is the member's own message (ephemeral), so each
 * changes it in place. Erase all carries what the preview listed: a house definition (1 or 0), the
 * numbers of terms and plans, and the fingerprints of the house definition, terms and plans
 * (ServerData.fingerprints, three colon-separated), so a press erases exactly that. They carry no
 * server id: the server is always the one the press happens in.
 */
const ERASE = `${definition.name}:erase`;
const CANCEL_BUTTON = `${definition.name}:cancel${OWN_MESSAGE}`;

function eraseButtonId(listed: ListedData): string {
  const { fingerprints } = listed;
  return `${ERASE}:${listed.house ? 1 : 0}:${listed.terms}:${listed.plans}:${fingerprints.house}:${fingerprints.terms}:${fingerprints.plans}${OWN_MESSAGE}`;
}

const FINGERPRINT = `([0-9a-f]{${FINGERPRINT_LENGTH}})`;
const ERASE_BUTTON_ID = new RegExp(`^${ERASE}:([01]):(\\d{1,6}):(\\d{1,6}):${FINGERPRINT}:${FINGERPRINT}:${FINGERPRINT}${OWN_MESSAGE}$`);

/** What an Erase all button says its preview listed; undefined for any other custom_id. */
function listedBy(customId: string): ListedData | undefined {
  const match = ERASE_BUTTON_ID.exec(customId);
  if (!match) return undefined;
  const [, house, terms, plans, houseFingerprint, termsFingerprint, plansFingerprint] = match;
  return { house: house === '1', terms: Number(terms), plans: Number(plans), fingerprints: { house: houseFingerprint!, terms: termsFingerprint!, plans: plansFingerprint! } };
}

/** What the member may do, for the permission reply: "Only members with Manage Server can …". */
const ACTION = 'erase Tierbot’s data';

/** Why this works only where the server has added Tierbot (guildOnlyReply). */
const SERVER_ONLY_SUBJECT: ServerOnlySubject = {
  handled: 'Tierbot’s data for a server is erased',
  cannot: 'erase it',
  stillUsed: '',
  belongs: 'Tierbot’s data for a server belongs to that server',
  whose: 'whose data you mean to erase',
};

const EXPORT_COMMAND: Record<SettingKind, string> = { house: '`/house export`', terms: '`/term export`', plans: '`/plans export`' };

/** The exports that would save a copy of what the server has: "`/house export` and `/term export`". */
const exportsOf = (data: ServerData) => andList(settingsHeld(data).map((kind) => EXPORT_COMMAND[kind]));

const hasAnything = (data: ServerData) => data.recorded || settingsHeld(data).length > 0;

function privately(embed: APIEmbed, buttons: APIButtonComponent[] = []): Reply {
  return { embeds: [embed], components: buttonRows(buttons), flags: MessageFlags.Ephemeral };
}

/**
 * What would be erased, with the buttons; or that there is nothing, without them. `changed`, when
 * given, leads in: what changed since the preview the member pressed was opened (changedLine).
 */
function previewReply(data: ServerData, changed?: string): Reply {
  if (!hasAnything(data)) {
    return privately({
      title: 'Nothing to erase',
      description: 'Tierbot keeps nothing for this server: no house definition, team terms or saved plans.',
      color: NEUTRAL_COLOUR,
    });
  }
  const settings = settingsNamed(data);
  let what: string;
  if (settings.length > 0) {
    const listed = `for everyone in this server: ${andList([...settings, SERVER_NOTE_LISTED])}. This can’t be undone.\n\nTo keep copies, run ${exportsOf(data)} first.`;
    what = changed ? `${changed} Here is what would be erased now, ${listed}` : `**Erase all** removes, ${listed}`;
  } else {
    const noteOnly =
      'Tierbot has no house definition, team terms or saved plans for this server, only a note that a settings command (such as `/house clear`) was run here. ' +
      '**Erase all** removes that too. This can’t be undone.';
    what = changed ? `${changed}\n\n${noteOnly}` : noteOnly;
  }
  return privately({ title: 'Erase all of Tierbot’s data for this server?', description: what, color: ERROR_COLOUR }, [
    button(eraseButtonId(data), 'Erase all', ButtonStyle.Danger),
    button(CANCEL_BUTTON, 'Cancel'),
  ]);
}

/**
 * "**Nothing was erased**: someone set a house definition and team terms went from 1 to 2 after
 * you opened this.": what changed of what the preview listed (`listed`), as the server has it now.
 */
function changedLine(listed: ListedData, stored: ServerData): string {
  const changed = (kind: SettingKind) => listed.fingerprints[kind] !== stored.fingerprints[kind];
  const counted = (kind: 'terms' | 'plans', name: string) => {
    if (listed[kind] !== stored[kind]) return [`${name} went from ${formatCount(listed[kind])} to ${formatCount(stored[kind])}`];
    return changed(kind) ? [`the ${name} changed`] : [];
  };
  const house = () => {
    if (listed.house !== stored.house) return [stored.house ? 'someone set a house definition' : 'someone cleared the house definition'];
    return changed('house') ? ['someone replaced the house definition'] : [];
  };
  const changes = andList([...house(), ...counted('terms', 'team terms'), ...counted('plans', 'saved plans')]);
  return `**Nothing was erased**: ${changes} after you opened this.`;
}

const NOTHING_LEFT = privately({
  title: 'Already erased',
  description: 'This server’s Tierbot data was erased after you opened this preview. There is nothing left to erase.',
  color: NEUTRAL_COLOUR,
});

/** What the erase removed, in place of the preview. */
function erasedReply(erased: ServerData): Reply {
  if (!hasAnything(erased)) return NOTHING_LEFT;
  const after = [
    ...(erased.house ? ['`/tier`, `/tiers`, `/compare`, `/roster`, `/glossary` and “Classify follower counts” now go by the publishers’ tiers alone.'] : []),
    ...(erased.terms > 0 ? ['`/glossary` shows only Tierbot’s own terms.'] : []),
  ].join(' ');
  return privately({
    title: 'Tierbot’s data for this server is erased',
    description: `Erased ${andList([...settingsNamed(erased), ...(erased.recorded ? [SERVER_NOTE] : [])])}.${after ? ` ${after}` : ''}`,
    color: NEUTRAL_COLOUR,
  });
}

const CANCELLED = privately({ title: 'Nothing was erased', description: 'Tierbot’s data for this server is as it was.', color: NEUTRAL_COLOUR });

/** Said when Erase all is pressed with the database down; the preview stays, to be pressed again. */
const NOTHING_ERASED = 'Nothing was erased. Press **Erase all** again in a minute';

async function preview(context: RunContext): Promise<Reply> {
  const guildId = teamGuildId(context);
  if (guildId === undefined) return guildOnlyReply(SERVER_ONLY_SUBJECT, context);
  if (!context.canManageGuild) return notManagerReply(ACTION);
  return orUnavailable(async () => previewReply(await context.store.serverData(guildId)));
}

/**
 * Erase all: the server and the presser's permission as this press gives them, and what the
 * preview listed, as its button carries it. Refused, the preview gives way to the reason (its
 * buttons could not work); the server's data changed since the preview, it gives way to the
 * preview as it is now; with the database down, the reason
 * comes in a reply of its own and the preview stays, to be pressed again.
 */
async function press(customId: string, _values: readonly string[], context: ComponentContext): Promise<ComponentReply> {
  if (customId === CANCEL_BUTTON) return { mode: 'update', reply: CANCELLED };
  const listed = listedBy(customId);
  if (!listed) return { mode: 'reply', reply: inputErrorReply('That button is no longer in use.', 'run `/erase-team-data` again.') };
  const guildId = teamGuildId(context);
  if (guildId === undefined) return { mode: 'update', reply: guildOnlyReply(SERVER_ONLY_SUBJECT, context) };
  if (!context.canManageGuild) return { mode: 'update', reply: notManagerReply(ACTION) };
  try {
    const result = await context.store.eraseServerDataAsListed(guildId, listed);
    if (result.outcome === 'erased') return { mode: 'update', reply: erasedReply(result.erased) };
    return { mode: 'update', reply: previewInstead(result.stored, changedLine(listed, result.stored)) };
  } catch (err) {
    if (err instanceof StoreUnavailableError) return { mode: 'reply', reply: unavailableReply(NOTHING_ERASED) };
    throw err;
  }
}

/** The preview as the server's data is now, `why` first, in place of one that erased nothing; or that nothing is left. */
function previewInstead(stored: ServerData, why: string): Reply {
  return hasAnything(stored) ? previewReply(stored, why) : NOTHING_LEFT;
}

export const eraseTeamData = slashCommand({ definition, run: (_args, context) => preview(context), component: press });
