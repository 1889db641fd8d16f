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
  type APIEmbedField,
  type APIStringSelectComponent,
} from 'discord-api-types/v10';
import { TERMS, TERM_ENTRIES, findTerm, rangesSummary, suggestTerms, termById, termsByGroup, type Term } from '../domain/glossary';
import { bestMatches, normalise, rankMatches, type Searchable } from '../domain/search';
import { LIMITS } from '../interactions/limits';
import type { TeamTerm } from '../store/types';
import { NEUTRAL_COLOUR, button, buttonRows, embedTextLength, inputErrorReply, linesToFields, quoteUserText, truncate } from './embeds';
import { shownText } from './house';
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

/**
 * The http(s) address a team link points to, as the URL parser writes it, undefined for anything
 * else. The parser leaves a few characters that URLs may not contain (| ` \ ^ { }) as they are in
 * a query; they are percent-encoded too, so none can reach Discord's markdown.
 */
function webAddress(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(/[|`\\^{}]/g, (c) => encodeURIComponent(c));
}

/**
 * A team term's link as a link a user can click: `<https://…>`. It is shown unescaped because it
 * is safe to: the URL parser percent-encodes spaces, quotes, `<` and `>`, so nothing in it can
 * close the brackets early, and Discord reads everything inside them as the address, not as
 * markdown or mentions. Anything else (not an http(s) address, or too long once encoded) is shown
 * as escaped text, within `max` characters.
 */
export function teamLinkText(link: string, max: number = LIMITS.fieldValue): string {
  const address = webAddress(link);
  return address && address.length + 2 <= max ? `<${address}>` : shownText(link, max);
}

/**
 * Splits `room` characters between texts of the given lengths as evenly as their lengths allow:
 * a short text keeps all of its length, and what it does not need goes to the longer ones.
 */
function shareOut(room: number, lengths: readonly number[]): number[] {
  const shares = lengths.map(() => 0);
  let left = Math.max(0, room);
  const shortestFirst = lengths.map((length, i) => ({ length, i })).sort((a, b) => a.length - b.length);
  shortestFirst.forEach(({ length, i }, k) => {
    shares[i] = Math.min(length, Math.floor(left / (shortestFirst.length - k)));
    left -= shares[i]!;
  });
  return shares;
}

const SHORTENED_NOTE = ' Shortened (…) to fit beside the built-in term: pick it from the autocomplete, marked "(team term)", to read all of it.';

/**
 * A team's own term: everything the team typed is escaped, and it is marked as the team's. It
 * takes at most `room` characters of embed text (Discord allows 6,000 per message, all embeds
 * together): beside a built-in term, the definition, formula and example are shortened, each
 * ending in "…", and the footer says so. The name and the link are never shortened.
 */
export function teamTermEmbed(term: TeamTerm, shownFor?: string, room: number = LIMITS.embedTotal): APIEmbed {
  const lead = shownFor ? `Showing **${quoteUserText(term.name, 80)}** for "${quoteUserText(shownFor, 60)}".\n\n` : '';
  const link = term.link ? teamLinkText(term.link) : undefined;
  const footer = `Your team's own term, added by ${term.addedByName.replace(/[\r\n]+/g, ' ').slice(0, 80)}; not from a published source.`;
  // What the team typed, in the order shown: the definition (the description), then the fields.
  const typed = [
    { label: 'Definition', text: term.definition, most: LIMITS.embedDescription - lead.length },
    ...(term.formula ? [{ label: 'Formula', text: term.formula, most: LIMITS.fieldValue }] : []),
    ...(term.example ? [{ label: 'Example', text: term.example, most: LIMITS.fieldValue }] : []),
  ];
  const embedWith = (shown: readonly string[], shortened: boolean): APIEmbed => ({
    author: { name: 'Team term' },
    title: shownText(term.name, LIMITS.embedTitle),
    description: `${lead}${shown[0]}`,
    color: TEAM_COLOUR,
    fields: [...typed.slice(1).map((t, i) => ({ name: t.label, value: shown[i + 1]! })), ...(link ? [{ name: 'Link', value: link }] : [])],
    footer: { text: shortened ? `${footer}${SHORTENED_NOTE}` : footer },
  });

  const whole = typed.map((t) => shownText(t.text, t.most));
  const full = embedWith(whole, false);
  if (embedTextLength(full) <= room) return full;
  const wholeLength = whole.reduce((n, text) => n + text.length, 0);
  const everythingElse = embedTextLength(full) - wholeLength + SHORTENED_NOTE.length;
  const shares = shareOut(room - everythingElse, whole.map((text) => text.length));
  // At least one character each ("…"): Discord refuses an empty field.
  return embedWith(
    typed.map((t, i) => shownText(t.text, Math.max(1, shares[i]!))),
    true,
  );
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

const TEAM_FIELD = "Your team's terms";

function fieldsLength(fields: readonly APIEmbedField[]): number {
  return fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/**
 * Every team term's name, in as many fields as they take, within the `room` characters and
 * `slots` fields the rest of the index leaves. If even then not all fit (200 long names can
 * outgrow a message), as many as fit, and a last field that says how many more and how to find them.
 */
function teamIndexFields(team: readonly TeamTerm[], room: number, slots: number): APIEmbedField[] {
  // In the order people read lists ("term 2" before "term 10"), not the store's.
  const names = [...team].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' })).map((t) => quoteUserText(t.name, 60));
  for (let listed = names.length; listed >= 0; listed--) {
    const more = names.length - listed;
    const fields = [
      ...linesToFields(TEAM_FIELD, names.slice(0, listed), false, ' · '),
      ...(more
        ? [{ name: `${listed ? '…and ' : `${TEAM_FIELD}: `}${more} more`, value: 'Type part of a name in `/glossary term:` and pick it from the list; managers can download them all with `/term export`.' }]
        : []),
    ];
    if (fields.length <= slots && fieldsLength(fields) <= room) return fields;
  }
  return [];
}

export function indexReply(team: readonly TeamTerm[] = []): Reply {
  const embed: APIEmbed & { fields: APIEmbedField[] } = {
    title: `Glossary: ${TERMS.length} terms${team.length ? ` and ${team.length} of your team's` : ''}`,
    description: 'Run `/glossary term:<name>` or pick one below. New here? `/help` has a start-here path.',
    color: NEUTRAL_COLOUR,
    fields: [...termsByGroup()].filter(([, terms]) => terms.length).flatMap(([group, terms]) => linesToFields(group, [terms.map((t) => t.name).join(' · ')])),
  };
  if (team.length) embed.fields.push(...teamIndexFields(team, LIMITS.embedTotal - embedTextLength(embed), LIMITS.embedFields - embed.fields.length));
  return { embeds: [embed], components: indexMenus() };
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

/**
 * The team terms a name opens: the one with exactly that name, ignoring case (names are unique
 * per server that way); else those whose name reads the same once punctuation, accents and
 * spacing are set aside ("gifting" for "Gifting!"), which can be several.
 */
function teamTermsNamed(team: readonly TeamTerm[], name: string): TeamTerm[] {
  const sameName = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
  const exact = team.find((t) => sameName(t.name, name));
  if (exact) return [exact];
  const loose = normalise(name);
  return loose === '' ? [] : team.filter((t) => normalise(t.name) === loose);
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
  const named = teamTermsNamed(team, asTeamValue ?? query);
  const builtIn = asTeamValue === undefined ? (termById(query) ?? findTerm(query)) : undefined;
  if (named.length > 1) {
    const entries: Entry[] = [...(builtIn ? [{ kind: 'builtin' as const, term: builtIn }] : []), ...named.map((t) => ({ kind: 'team' as const, term: t }))];
    return choicesReply(query, entries, 'Which term?', `Several terms match "${quoteUserText(query)}":`);
  }
  const teamExact = named[0];
  if (builtIn && teamExact) {
    // Both share one message, and Discord's 6,000 characters: the team's text gives way.
    const builtInEmbed = termEmbed(builtIn);
    return { embeds: [builtInEmbed, teamTermEmbed(teamExact, undefined, LIMITS.embedTotal - embedTextLength(builtInEmbed))], components: relatedButtons(builtIn) };
  }
  if (builtIn) return termReply(builtIn);
  if (teamExact) return { embeds: [teamTermEmbed(teamExact)] };

  const { matches, clear } = bestMatches(query, [...teamEntries(team), ...BUILT_IN], 5);
  if (clear && matches[0]) return entryReply(matches[0], query);
  if (matches.length > 1) return choicesReply(query, matches, 'Which term?', `Several terms match "${quoteUserText(query)}":`);
  return inputErrorReply(`I have no term "${quoteUserText(query)}".`, 'a term from the autocomplete list, or /glossary alone for the index.', 'Unknown term');
}

/** Team terms to offer for what is typed: ranked matches, or, when nothing searchable is typed, names containing it. */
function teamSuggestions(typed: string, team: readonly TeamTerm[]): TeamTerm[] {
  if (normalise(typed) !== '') return rankMatches(typed, teamEntries(team), 10).map((e) => e.term as TeamTerm);
  // Blank, or only symbols ("🔥"), which the search cannot rank: a name that contains it, else the first ten.
  const symbols = typed.trim().toLowerCase();
  return (symbols ? team.filter((t) => t.name.toLowerCase().includes(symbols)) : team).slice(0, 10);
}

export async function autocomplete(focused: { name: string; value: string }, _args: unknown, context: RunContext): Promise<Choice[]> {
  const team = await teamTerms(context);
  const teamChoices = teamSuggestions(focused.value, team)
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

