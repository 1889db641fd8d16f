/**
 * /glossary [term] — the vocabulary of influencer marketing, each term defined, worked and cited,
 * and the server's own team terms beside the built-in ones. Lookups forgive typos: a clear best
 * match is answered, saying what was read; several are offered as buttons.
 */

import {
  ApplicationCommandOptionType,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord-api-types/v10';
import { TERMS, TERM_ENTRIES, findTerm, rangesSummary, suggestTerms, termById, termsByGroup, type Term } from '../domain/glossary';
import { bestMatches, normalise, rankMatches, type Searchable } from '../domain/search';
import type { TeamTerm } from '../store/types';
import { NEUTRAL_COLOUR, button, buttonRows, inputErrorReply, linesToFields, quoteUserText, truncate } from './embeds';
import { slashCommand, type ChatInputDefinition, type Choice, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';

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

/** custom_id prefixes: a built-in term button, a team term button, and the index's menus. */
export const TERM_BUTTON = 'glossary:term';
const TEAM_BUTTON = 'glossary:team';
const INDEX_MENU = 'glossary:open';
/** Autocomplete values for team terms (built-in terms are offered by id). */
const TEAM_VALUE = 'team:';
const TEAM_COLOUR = 0x57f287;

export function termEmbed(term: Term, shownFor?: string): APIEmbed {
  const related = term.related.map(termById).filter((t): t is Term => t !== undefined);
  const fields = [
    ...(term.formula ? [{ name: 'Formula', value: truncate(term.formula, 1024) }] : []),
    { name: 'Example', value: truncate(term.example, 1024) },
    ...(term.ranges?.length ? [{ name: 'Ranges by publisher', value: truncate(rangesSummary(term), 1024) }] : []),
    ...linesToFields('Sources', term.sources.map((s) => `• ${s.text}`)),
    ...(related.length ? [{ name: 'Related', value: truncate(related.map((t) => t.name).join(' · '), 1024) }] : []),
  ];
  const lead = shownFor ? `Showing **${term.name}** for "${quoteUserText(shownFor, 60)}".\n\n` : '';
  return {
    title: truncate(term.name, 256),
    description: truncate(`${lead}${term.definition}`, 4096),
    color: NEUTRAL_COLOUR,
    fields,
    footer: { text: `${term.group}${term.aliases.length ? ` · also: ${term.aliases.join(', ')}` : ''}` },
  };
}

/** A team's own term: everything the team typed is escaped, and it is marked as the team's. */
export function teamTermEmbed(term: TeamTerm, shownFor?: string): APIEmbed {
  const lead = shownFor ? `Showing **${quoteUserText(term.name, 80)}** for "${quoteUserText(shownFor, 60)}".\n\n` : '';
  const fields = [
    ...(term.formula ? [{ name: 'Formula', value: quoteUserText(term.formula, 1000) }] : []),
    ...(term.example ? [{ name: 'Example', value: quoteUserText(term.example, 1000) }] : []),
    ...(term.link ? [{ name: 'Link', value: quoteUserText(term.link, 500) }] : []),
  ];
  return {
    author: { name: 'Team term' },
    title: quoteUserText(term.name, 200),
    description: `${lead}${quoteUserText(term.definition, 3500)}`,
    color: TEAM_COLOUR,
    fields,
    footer: { text: `Your team's own term, added by ${term.addedByName.replace(/[\r\n]+/g, ' ').slice(0, 80)}; not from a published source.` },
  };
}

/** Buttons that open each related term in place (at most two rows of five). */
export function relatedButtons(term: Term): APIActionRowComponent<APIButtonComponent>[] {
  const buttons = term.related
    .map(termById)
    .filter((t): t is Term => t !== undefined)
    .slice(0, 10)
    .map((t) => button(`${TERM_BUTTON}:${t.id}`, t.name));
  return buttonRows(buttons, 2);
}

function termReply(term: Term, shownFor?: string): Reply {
  return { embeds: [termEmbed(term, shownFor)], components: relatedButtons(term) };
}

function teamButtonId(term: TeamTerm): string | undefined {
  const id = `${TEAM_BUTTON}:${term.name}`;
  return id.length <= 100 ? id : undefined;
}

// ── Index ────────────────────────────────────────────────────────────────────────────────────

/** Menus to open any term from the index: one per batch of 25 (Discord's cap per menu). */
function indexMenus(): APIActionRowComponent<APIStringSelectComponent>[] {
  const rows: APIActionRowComponent<APIStringSelectComponent>[] = [];
  for (let i = 0; i < TERMS.length && rows.length < 5; i += 25) {
    const batch = TERMS.slice(i, i + 25);
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${INDEX_MENU}:${i / 25}`,
          placeholder: truncate(`Open a term (${batch[0]!.name} … ${batch[batch.length - 1]!.name})`, 150),
          options: batch.map((t) => ({ label: truncate(t.name, 100), value: t.id, description: truncate(t.group, 100) })),
        },
      ],
    });
  }
  return rows;
}

export function indexReply(team: readonly TeamTerm[] = []): Reply {
  const fields = [...termsByGroup()].filter(([, terms]) => terms.length).flatMap(([group, terms]) => linesToFields(group, [terms.map((t) => t.name).join(' · ')]));
  if (team.length) fields.push(...linesToFields("Your team's terms", [team.map((t) => quoteUserText(t.name, 60)).join(' · ')]));
  return {
    embeds: [
      {
        title: `Glossary: ${TERMS.length} terms${team.length ? ` and ${team.length} of your team's` : ''}`,
        description: 'Run `/glossary term:<name>` or pick one below. New here? `/help` has a start-here path.',
        color: NEUTRAL_COLOUR,
        fields: fields.slice(0, 25),
      },
    ],
    components: indexMenus(),
  };
}

// ── Lookup ───────────────────────────────────────────────────────────────────────────────────

type Entry = { kind: 'builtin'; term: Term } | { kind: 'team'; term: TeamTerm };

// Built once: the search keeps each entry's normalised keys.
const BUILT_IN: readonly Searchable<Entry>[] = TERM_ENTRIES.map((e) => ({ item: { kind: 'builtin', term: e.item }, keys: e.keys }));

/** The server's team terms; none in a DM, and none (built-in terms only) if the store fails. */
async function teamTerms(context: RunContext): Promise<TeamTerm[]> {
  if (!context.guildId) return [];
  try {
    return await context.store.terms(context.guildId);
  } catch {
    return [];
  }
}

function teamEntries(team: readonly TeamTerm[]): Searchable<Entry>[] {
  return team.map((t) => ({ item: { kind: 'team', term: t }, keys: [t.name] }));
}

function entryName(e: Entry): string {
  return e.kind === 'builtin' ? e.term.name : `${quoteUserText(e.term.name, 60)} (team term)`;
}

function entryButton(e: Entry): APIButtonComponent | undefined {
  if (e.kind === 'builtin') return button(`${TERM_BUTTON}:${e.term.id}`, e.term.name);
  const id = teamButtonId(e.term);
  return id ? button(id, `${e.term.name} (team term)`) : undefined;
}

function entryReply(e: Entry, shownFor?: string): Reply {
  return e.kind === 'builtin' ? termReply(e.term, shownFor) : { embeds: [teamTermEmbed(e.term, shownFor)] };
}

function choicesReply(query: string, matches: readonly Entry[], title: string, lead: string): Reply {
  const buttons = matches.map(entryButton).filter((b): b is APIButtonComponent => b !== undefined).slice(0, 5);
  return {
    embeds: [{ title, description: `${lead} ${matches.map((m) => `**${entryName(m)}**`).join(', ')}. Press one to open it.`, color: NEUTRAL_COLOUR }],
    components: buttonRows(buttons, 1),
    flags: MessageFlags.Ephemeral,
  };
}

export async function run(args: { term?: string }, context: RunContext): Promise<Reply> {
  const query = args.term?.trim() ?? '';
  const team = await teamTerms(context);
  if (!query) return indexReply(team);

  const asTeamValue = query.startsWith(TEAM_VALUE) ? query.slice(TEAM_VALUE.length) : undefined;
  const teamExact = team.find((t) => normalise(t.name) === normalise(asTeamValue ?? query) && normalise(t.name) !== '');
  const builtIn = asTeamValue === undefined ? (termById(query) ?? findTerm(query)) : undefined;
  if (builtIn && teamExact) {
    return { embeds: [termEmbed(builtIn), teamTermEmbed(teamExact)], components: relatedButtons(builtIn) };
  }
  if (builtIn) return termReply(builtIn);
  if (teamExact) return { embeds: [teamTermEmbed(teamExact)] };

  const { matches, clear } = bestMatches(query, [...teamEntries(team), ...BUILT_IN], 5);
  if (clear && matches[0]) return entryReply(matches[0], query);
  if (matches.length > 1) return choicesReply(query, matches, 'Which term?', `Several terms match "${quoteUserText(query)}":`);
  return inputErrorReply(`I have no term "${quoteUserText(query)}".`, 'a term from the autocomplete list, or /glossary alone for the index.', 'Unknown term');
}

export async function autocomplete(focused: { name: string; value: string }, _args: unknown, context: RunContext): Promise<Choice[]> {
  const team = await teamTerms(context);
  const teamChoices = (normalise(focused.value) === '' ? team.slice(0, 10) : rankMatches(focused.value, teamEntries(team), 10).map((e) => e.term as TeamTerm))
    .filter((t) => TEAM_VALUE.length + t.name.length <= 100)
    .map((t) => ({ name: truncate(`${t.name} (team term)`, 100), value: `${TEAM_VALUE}${t.name}` }));
  const builtIn = suggestTerms(focused.value, 25).map((t) => ({ name: truncate(t.name, 100), value: t.id }));
  return [...teamChoices, ...builtIn].slice(0, 25);
}

export async function component(customId: string, values: readonly string[], context: RunContext): Promise<ComponentReply> {
  if (customId.startsWith(`${TEAM_BUTTON}:`)) {
    const name = customId.slice(TEAM_BUTTON.length + 1);
    const found = (await teamTerms(context)).find((t) => t.name === name);
    if (!found) return { mode: 'reply', reply: inputErrorReply('That team term is not there any more.', 'run /glossary again.') };
    return { mode: 'update', reply: { embeds: [teamTermEmbed(found)], components: [] } };
  }
  const id = customId.startsWith(`${TERM_BUTTON}:`) ? customId.slice(TERM_BUTTON.length + 1) : customId.startsWith(`${INDEX_MENU}:`) ? values[0] : undefined;
  const term = termById(id ?? '');
  if (!term) return { mode: 'reply', reply: inputErrorReply('That term is no longer in the glossary.', 'run /glossary again.') };
  return { mode: 'update', reply: termReply(term) };
}

export const glossary = slashCommand({ definition, run, autocomplete, component });

