/**
 * What the team-settings commands (/house, /term, /plans, and /compare's saved plans) share: which
 * server's settings an interaction may touch, the replies for a DM, a missing permission and a
 * database that is down, and the team's own text escaped to fit a limit.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { StoreRefusedError, StoreUnavailableError } from '../store/types';
import { ERROR_COLOUR, inputErrorReply, quoteUserText, withoutInvisible } from './embeds';
import { codePointCount, headOf, shorten } from '../domain/format';
import type { Reply, ReplyFile, RunContext } from './types';

/** Discord's name for the permission these commands need. */
export const MANAGE_SERVER = 'Manage Server';

/** User text, escaped (no markdown, no mentions, one line) and within `max` characters after escaping. */
export function shownText(text: string, max: number): string {
  const visible = withoutInvisible(text);
  let room = max;
  for (;;) {
    const quoted = quoteUserText(cutToRoom(visible, room), room);
    const length = codePointCount(quoted);
    if (length <= max || room <= 1) return headOf(quoted, max);
    room = Math.max(1, Math.floor((room * max) / length) - 1);
  }
}

/**
 * Text within `room` characters: cut at a word (shorten), or inside one when the words that fit
 * would keep less than half the room. A name such as "P5 *_~`|>*_~…" is one short word and one
 * long one: cut at a word, all it would show is "P5…", which names nothing.
 */
function cutToRoom(text: string, room: number): string {
  if (codePointCount(text) <= room) return text;
  const atWord = shorten(text, room);
  if (codePointCount(atWord) * 2 >= room) return atWord;
  return `${headOf(text, room - 1)}…`;
}

/**
 * The server whose team settings an interaction may read and change: the one it happened in, once
 * that server has added Tierbot. None in a DM, nor where a member runs Tierbot from their own apps
 * in a server that has not added it (Discord offers the team commands only to the server install;
 * the bot checks it too).
 */
export function teamGuildId(context: Pick<RunContext, 'guildId' | 'guildInstalled'>): string | undefined {
  return context.guildInstalled ? context.guildId : undefined;
}

/**
 * What each team setting still does in a server where a member runs Tierbot from their own apps:
 * only showing and changing it needs the server install, and the other commands read what the
 * server has wherever they run there (house-lookup.ts, glossary.ts).
 */
const STILL_USED_WITHOUT_SERVER_INSTALL = {
  'House definitions': ' Tierbot’s other commands here, such as /tier, /tiers and /compare, still use a house definition this server has.',
  'Team terms': ' /glossary here still shows the terms this server has.',
  'Saved plans': '',
} as const;

export type TeamSetting = keyof typeof STILL_USED_WITHOUT_SERVER_INSTALL;

/**
 * What a command that works only where the server has added Tierbot is about, in guildOnlyReply's
 * words. A team setting's name (TeamSetting) stands for that setting's.
 */
export interface ServerOnlySubject {
  /** How it is handled only there: "House definitions are shown and changed". */
  handled: string;
  /** What the command cannot do with it here: "show or change them". */
  cannot: string;
  /** What Tierbot still does with it here, as sentences after a space; "" for nothing. */
  stillUsed: string;
  /** Whose it is, in a DM: "House definitions belong to a server". */
  belongs: string;
  /** The server to run the command in: "whose settings you mean". */
  whose: string;
}

function settingSubject(what: TeamSetting): ServerOnlySubject {
  return {
    handled: `${what} are shown and changed`,
    cannot: 'show or change them',
    stillUsed: STILL_USED_WITHOUT_SERVER_INSTALL[what],
    belongs: `${what} belong to a server`,
    whose: 'whose settings you mean',
  };
}

/** Why there is no team server here (teamGuildId): a DM, or a server that has not added Tierbot. */
export function guildOnlyReply(what: TeamSetting | ServerOnlySubject, context: Pick<RunContext, 'guildId'>): Reply {
  const subject = typeof what === 'string' ? settingSubject(what) : what;
  if (context.guildId !== undefined) {
    return inputErrorReply(
      `${subject.handled} only where the server itself has added Tierbot. Here Tierbot runs from your own apps, so this command cannot ${subject.cannot}.${subject.stillUsed}`,
      'ask someone with Manage Server to add Tierbot to this server.',
      'Tierbot is not added to this server',
    );
  }
  return {
    embeds: [
      {
        title: 'Only in a server',
        description: `${subject.belongs}, so this works only in one, not in a DM. Run it in a channel of the server ${subject.whose}.`,
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    inputError: true,
  };
}

export function notManagerReply(action: string): Reply {
  return {
    embeds: [
      {
        title: `You need the ${MANAGE_SERVER} permission`,
        description: `Only members with **${MANAGE_SERVER}** can ${action} in this server. Ask someone who has it.`,
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    inputError: true,
  };
}

/** What the unavailable reply says of the member's action, unless the caller says it otherwise. */
const NOTHING_CHANGED = 'If you were changing a setting, nothing was changed. Try again in a minute';

/**
 * The database cannot be reached. `nothingDone` says what became of the member's action and when to
 * try again, as a sentence without its full stop ("Nothing was erased. Press **Erase all** again in
 * a minute"); by default, for any setting.
 */
export function unavailableReply(nothingDone: string = NOTHING_CHANGED): Reply {
  return {
    embeds: [
      {
        title: 'Team settings are unavailable right now',
        description:
          `The settings are unavailable right now: the bot can't reach its database. ${nothingDone}; ` +
          '`/tier`, `/tiers`, `/compare` and `/glossary` still answer from the publishers.',
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    unavailable: true,
  };
}

/** Runs a settings action, answering "unavailable" when the database is down. */
export async function orUnavailable(action: () => Promise<Reply>): Promise<Reply> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof StoreUnavailableError) return unavailableReply();
    // A value the database cannot keep (a NUL character): that write alone is refused.
    if (err instanceof StoreRefusedError) return inputErrorReply(`Nothing was changed: a value ${err.reason}.`, 'text without control characters.', 'Not saved');
    throw err;
  }
}

/** A Discord timestamp: each reader sees it in their own time zone. */
export function when(date: Date): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:f>`;
}

/** "**name** (<@id>)": the name escaped; a mention inside an embed never pings. */
export function who(id: string, name: string): string {
  const mention = /^\d{1,20}$/.test(id) ? ` (<@${id}>)` : '';
  return `**${shownText(name, 80)}**${mention}`;
}

/** The version of the export format every export writes, and `/term import` reads. */
export const EXPORT_VERSION = 1;

/** An export's `kind`: "tierbot.terms". */
export const exportKind = (kind: 'house' | 'terms' | 'plans') => `tierbot.${kind}`;

/** What every export (house.json, terms.json, plans.json) starts with: what it holds, its format's version, the server and when. */
export function exportHeader(kind: 'house' | 'terms' | 'plans', context: RunContext & { guildId: string }) {
  return { kind: exportKind(kind), version: EXPORT_VERSION, guildId: context.guildId, exportedAt: context.now.toISOString() };
}

/** A settings export as a JSON attachment; `description` is its alt text, as every attachment has. */
export function jsonFile(name: string, value: unknown, description: string): ReplyFile {
  return { name, data: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'), description };
}

