/**
 * /glossary [term] — the vocabulary of influencer marketing, each term defined, worked and cited,
 * and the server's own team terms beside the built-in ones. Lookups forgive typos: a clear best
 * match is answered, saying what was read; several are offered as buttons. In a server with a
 * house definition (/house), a tier word leads with the house reading, and a house tier's own name
 * opens it.
 *
 * This file is the command: its option, running it, its autocomplete, and its buttons and menus.
 * A query is looked up in glossary-lookup.ts, among the built-in terms (shown as
 * glossary-term-reply.ts builds them), the team's (glossary-team-term.ts) and the house tiers
 * (glossary-house.ts); /glossary alone is the index of glossary-index.ts; and every custom_id
 * its buttons and menus carry is named in glossary-ids.ts.
 */

import { ApplicationCommandOptionType, MessageFlags } from 'discord-api-types/v10';
import { termById } from '../domain/glossary';
import type { TeamTerm } from '../store/types';
import { inputErrorReply } from './embeds';
import { houseLineFor, houseTierReply, houseTiersHere, tiersOfLookup } from './glossary-house';
import { HOUSE_TIER_BUTTON, INDEX_MENU, SOURCES_BUTTON, SOURCES_PAGE, TEAM_KEY_BUTTON, TEAM_MENU, TEAM_NAME_BUTTON, TERM_BUTTON } from './glossary-ids';
import { indexReply } from './glossary-index';
import { entryChoices, namedBy, queryReply } from './glossary-lookup';
import { teamTermEmbed } from './glossary-team-term';
import { allSourcesReply, termReply } from './glossary-term-reply';
import { HOUSE_LOOKUP_TIMEOUT_MS, lookUpHouse, readWithin } from './house-lookup';
import { unavailableReply } from './team-settings';
import { teamTermByKey } from './team-terms';
import { ownMessageMark, slashCommand, type ChatInputDefinition, type Choice, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';


export const definition = {
  name: 'glossary',
  description: 'Influencer-marketing terms in plain words, with formulas, examples and sources',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'term',
      description: 'A term, e.g. micro, CPE, engagement rate, or one of your team’s terms',
      autocomplete: true,
      max_length: 100,
    },
  ],
  ...EVERYWHERE,
} as const satisfies ChatInputDefinition;

export async function run(args: { term?: string }, context: RunContext): Promise<Reply> {
  const query = args.term?.trim() ?? '';
  const read = await readTeamTerms(context);
  const team = read ?? [];
  if (!query) return indexReply(team, context.guildId);
  return queryReply(query, team, context, read === null);
}

/** The team terms of the server it is used in, whichever install it came through (none in a DM); null when they could not be read. */
async function readTeamTerms(context: RunContext): Promise<TeamTerm[] | null> {
  const guildId = context.guildId;
  if (!guildId) return [];
  try {
    return await context.store.terms(guildId);
  } catch {
    return null;
  }
}

/** The team terms, or none when they could not be read: the answer goes on with the built-in ones. */
async function teamTerms(context: RunContext): Promise<TeamTerm[]> {
  return (await readTeamTerms(context)) ?? [];
}

/**
 * Suggestions cannot wait for a slow database (Discord gives them 3 seconds and no defer): the
 * team's terms and house tiers that are not read in time are left out, and the built-in terms are
 * still offered.
 */
export async function autocomplete(focused: { name: string; value: string }, _args: unknown, context: RunContext): Promise<Choice[]> {
  const [team, houseTiers] = await Promise.all([readWithin(teamTerms(context), HOUSE_LOOKUP_TIMEOUT_MS), houseTiersHere(context)]);
  return entryChoices(focused.value, context.guildId ?? '', team === 'late' ? [] : team, houseTiers);
}

/**
 * A button or menu entry: a team term's button (only on the presser's own "Which term?" or "Did
 * you mean" reply) and a term button marked OWN_MESSAGE change their message in place. The index
 * menu and a related-term button on a public reply answer the presser alone, the public message
 * stays as it is; so does a term button without the mark, as every one was before it existed,
 * public or not.
 */
export async function component(customId: string, values: readonly string[], context: RunContext): Promise<ComponentReply> {
  const byKey = customId.startsWith(`${TEAM_KEY_BUTTON}:`) ? customId.slice(TEAM_KEY_BUTTON.length + 1) : undefined;
  const byName = customId.startsWith(`${TEAM_NAME_BUTTON}:`) ? customId.slice(TEAM_NAME_BUTTON.length + 1) : undefined;
  if (byKey !== undefined || byName !== undefined) {
    const team = await readTeamTerms(context);
    // Unread is not gone: the term may well be there once the database answers again.
    if (team === null) return { mode: 'reply', reply: unavailableReply() };
    const found = byKey !== undefined ? teamTermByKey(context.guildId ?? '', team, byKey) : team.find((t) => t.name === byName);
    if (!found) return { mode: 'reply', reply: inputErrorReply('That team term is not there any more.', 'run /glossary again.') };
    return { mode: 'update', reply: { embeds: [teamTermEmbed(found)], components: [] } };
  }
  if (customId.startsWith(`${HOUSE_TIER_BUTTON}:`)) {
    // Offered on the presser's own "Did you mean" or "Which term?": it opens there.
    const found = await lookUpHouse(context);
    if (found.kind === 'unavailable') return { mode: 'reply', reply: unavailableReply() };
    const tiers = tiersOfLookup(found);
    const [tier, ...alike] = namedBy(tiers, customId.slice(HOUSE_TIER_BUTTON.length + 1));
    if (!tier || alike.length) return { mode: 'reply', reply: inputErrorReply('That house tier is not in your house definition any more.', 'run /glossary again, or /house show.') };
    return { mode: 'update', reply: houseTierReply(tier, tiers) };
  }
  if (customId === TEAM_MENU) {
    const team = await readTeamTerms(context);
    if (team === null) return { mode: 'reply', reply: unavailableReply() };
    // Only this server's terms: a key from another server opens nothing here.
    const found = teamTermByKey(context.guildId ?? '', team, values[0] ?? '');
    if (!found) return { mode: 'reply', reply: inputErrorReply('That team term is not there any more.', 'run /glossary again.') };
    // Picked from the public index: it opens for the picker alone, and the index stays.
    return { mode: 'reply', reply: { embeds: [teamTermEmbed(found)], flags: MessageFlags.Ephemeral } };
  }
  if (customId.startsWith(`${SOURCES_BUTTON}:`)) {
    const term = termById(customId.slice(SOURCES_BUTTON.length + 1));
    if (!term) return { mode: 'reply', reply: inputErrorReply('That term is no longer in the glossary.', 'run /glossary again.') };
    // On a public reply or one's own, the sources open beside it, for the presser alone.
    return { mode: 'reply', reply: allSourcesReply(term) };
  }
  if (customId.startsWith(`${SOURCES_PAGE}:`)) {
    const [id, page] = customId.slice(SOURCES_PAGE.length + 1).split(':');
    const term = termById(id ?? '');
    if (!term || !/^\d{1,3}$/.test(page ?? '')) return { mode: 'reply', reply: inputErrorReply('That button is out of date.', 'run /glossary again.') };
    return { mode: 'update', reply: allSourcesReply(term, Number(page)) };
  }
  const marked = ownMessageMark(customId);
  const onOwnMessage = customId.startsWith(`${TERM_BUTTON}:`) && marked.own;
  const id = customId.startsWith(`${TERM_BUTTON}:`)
    ? marked.id.slice(TERM_BUTTON.length + 1)
    : customId.startsWith(`${INDEX_MENU}:`)
      ? values[0]
      : undefined;
  const term = termById(id ?? '');
  if (!term) return { mode: 'reply', reply: inputErrorReply('That term is no longer in the glossary.', 'run /glossary again.') };
  return { mode: onOwnMessage ? 'update' : 'reply', reply: termReply(term, undefined, 'own', await houseLineFor(term, context)) };
}

export const glossary = slashCommand({ definition, run, autocomplete, component });

