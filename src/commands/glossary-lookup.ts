/**
 * A /glossary query looked up among everything it can open: the built-in terms, the server's own
 * terms and its house tiers. What the query names, read as a whole name before it is searched
 * for; the reply to it (the entry opened, "Which term?", "Did you mean", or why nothing could be
 * told); and the autocomplete's choices across all three.
 */

import { MessageFlags, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import { labelsApart, shorten } from '../domain/format';
import { TERM_ENTRIES, findTerm, suggestTerms, termById, termsNamedWith, type Term } from '../domain/glossary';
import type { HouseTier } from '../domain/house';
import { nameKey } from '../domain/names';
import { bestMatches, closest, editDistance, normalise, rankMatches, type Searchable } from '../domain/search';
import type { TeamTerm } from '../store/types';
import { ERROR_COLOUR, NEUTRAL_COLOUR, button, buttonRows, inputErrorReply, quoteUserText } from './embeds';
import { houseLineFor, houseTierReply, tiersOfLookup } from './glossary-house';
import { HOUSE_TIER_BUTTON, TEAM_KEY_BUTTON, TEAM_NAME_VALUE, termButtonId } from './glossary-ids';
import { LISTED_NAME_LENGTH, teamTermEmbed } from './glossary-team-term';
import { fittedTermEmbed, termComponents, termReply } from './glossary-term-reply';
import { lookUpHouse } from './house-lookup';
import { LIMITS, embedLength } from './limits';
import { TEAM_KEY_VALUE, teamTermByKey, teamTermKey } from './team-terms';
import type { Choice, Reply, RunContext } from './types';

// ── Entries ──────────────────────────────────────────────────────────────────────────────────

/** A team term in a list of terms ("Did you mean", "Which term?") and in autocomplete. */
const TEAM_MARK = ' (team term)';
/** A house tier in a list of terms ("Did you mean", "Which term?") and in autocomplete. */
const HOUSE_MARK = ' (house tier)';

type Entry = { kind: 'builtin'; term: Term } | { kind: 'team'; term: TeamTerm; key: string } | { kind: 'house'; tier: HouseTier; tiers: readonly HouseTier[] };

const entryName = (e: Entry) => (e.kind === 'house' ? e.tier.name : e.term.name);
const entryMark = (e: Entry) => (e.kind === 'team' ? TEAM_MARK : e.kind === 'house' ? HOUSE_MARK : '');

// Built once: the search keeps each entry's normalised keys.
const BUILT_IN: readonly Searchable<Entry>[] = TERM_ENTRIES.map((e) => ({ item: { kind: 'builtin', term: e.item }, keys: e.keys }));

function teamEntry(guildId: string, term: TeamTerm): Entry {
  return { kind: 'team', term, key: teamTermKey(guildId, term.name) };
}

function teamEntries(guildId: string, team: readonly TeamTerm[]): Searchable<Entry>[] {
  return team.map((t) => ({ item: teamEntry(guildId, t), keys: [t.name] }));
}

/** The built-in term a name is: by its id, or by its name or an alias, as findTerm reads them. */
const builtInCalled = (name: string): Term | undefined => termById(name) ?? findTerm(name);

/**
 * The team terms named for each built-in term ("EMV", "seeding": its name, id or an alias, as
 * builtInCalled reads it), by the built-in term's id: the team's reading of that term, shown with
 * it whichever of its names is typed.
 */
type TeamReadings = ReadonlyMap<string, readonly TeamTerm[]>;

function teamReadings(team: readonly TeamTerm[]): TeamReadings {
  const readings = new Map<string, TeamTerm[]>();
  for (const t of team) {
    const builtIn = builtInCalled(t.name);
    if (builtIn) readings.set(builtIn.id, [...(readings.get(builtIn.id) ?? []), t]);
  }
  return readings;
}

/** The entries as a list offers them: each built-in term followed by the team terms named for it. */
function withTeamReadings(entries: readonly Entry[], readings: TeamReadings, guildId: string): Entry[] {
  return entries.flatMap((e) => (e.kind === 'builtin' ? [e, ...(readings.get(e.term.id) ?? []).map((t) => teamEntry(guildId, t))] : [e]));
}

function houseEntries(tiers: readonly HouseTier[]): Searchable<Entry>[] {
  return tiersNamedByNoTerm(tiers).map((tier) => ({ item: houseEntry(tier, tiers), keys: [tier.name] }));
}

function houseEntry(tier: HouseTier, tiers: readonly HouseTier[]): Entry {
  return { kind: 'house', tier, tiers };
}

/** House tiers that no glossary term has the name of ("star"): offered beside the terms, found by their names. */
const tiersNamedByNoTerm = (tiers: readonly HouseTier[]) => tiers.filter((t) => !findTerm(t.name));

/**
 * The house tiers or team terms a name opens: the one with that name as the store compares names
 * (nameKey: "🔥", "tier A!", whatever the case or width), unique in a server; else those whose
 * name reads the same once punctuation, accents and spacing are set aside ("legend" for
 * "Legend!"), which can be several.
 */
export function namedBy<T extends { name: string }>(items: readonly T[], name: string): T[] {
  const exact = items.find((item) => nameKey(item.name) === nameKey(name));
  if (exact) return [exact];
  const loose = normalise(name);
  return loose === '' ? [] : items.filter((item) => normalise(item.name) === loose);
}

/** A button for a "Which term?" list or a "Did you mean", which only the person who asked sees. */
function entryId(e: Entry): string {
  if (e.kind === 'house') return `${HOUSE_TIER_BUTTON}:${e.tier.name}`;
  return e.kind === 'builtin' ? termButtonId(e.term.id, 'own') : `${TEAM_KEY_BUTTON}:${e.key}`;
}

function entryReply(e: Entry, shownFor?: string, house?: string): Reply {
  if (e.kind === 'house') return houseTierReply(e.tier, e.tiers, shownFor);
  return e.kind === 'builtin' ? termReply(e.term, shownFor, 'public', house) : { embeds: [teamTermEmbed(e.term, shownFor)] };
}

/** "**CPM (cost per thousand impressions)**", "**Brand lift** (team term)": a term's whole name, the team's escaped. */
function listedName(e: Entry): string {
  return `**${e.kind === 'builtin' ? e.term.name : quoteUserText(entryName(e), LISTED_NAME_LENGTH)}**${entryMark(e)}`;
}

/** A "Which term?" list offers its terms as buttons in up to two rows. */
const CHOICE_ROWS = 2;
const MOST_CHOICES = CHOICE_ROWS * LIMITS.buttonsPerRow;

/**
 * A button for each term (at most MOST_CHOICES), that opens it on the presser's own message.
 * Labels are shortened apart, so two long names that share their start still differ.
 */
function entryButtons(entries: readonly Entry[]): APIActionRowComponent<APIButtonComponent>[] {
  const labels = labelsApart(
    entries.map(entryName),
    LIMITS.buttonLabel - Math.max(TEAM_MARK.length, HOUSE_MARK.length),
  );
  return buttonRows(
    entries.map((e, i) => button(entryId(e), `${labels[i]}${entryMark(e)}`)),
    CHOICE_ROWS,
  );
}

/** "Which term?": each match by its whole name, and a button to open it. */
function choicesReply(query: string, matches: readonly Entry[]): Reply {
  const shown = matches.slice(0, MOST_CHOICES);
  const lines = shown.map((e) => `- ${listedName(e)}`);
  const more = matches.length - shown.length;
  return {
    embeds: [
      {
        title: 'Which term?',
        description: [
          `Several terms match "${quoteUserText(query)}":`,
          ...lines,
          more ? `…and ${more} more: type one’s whole name to open it.` : '',
          'Press one to open it.',
        ]
          .filter(Boolean)
          .join('\n'),
        color: NEUTRAL_COLOUR,
      },
    ],
    components: entryButtons(shown),
    flags: MessageFlags.Ephemeral,
  };
}

/**
 * A term that matches nothing: the terms it is one slip from, to open with a press (`offer` lists
 * them as a list offers them, no more than have a button); with none near, the start-here terms.
 */
function unknownTermReply(query: string, entries: readonly Searchable<Entry>[], offer: (near: readonly Entry[]) => Entry[]): Reply {
  const near = offer(closest(query, entries, 3));
  const offered: Entry[] = near.length ? near : suggestTerms('', 3).map((term) => ({ kind: 'builtin', term }));
  const didYouMean = near.length ? ` Did you mean ${near.map(listedName).join(', ')}?` : ` New here? Try ${offered.map(listedName).join(', ')}.`;
  const reply = inputErrorReply(`I have no term "${quoteUserText(query)}".${didYouMean}`, 'a term from the autocomplete list, or /glossary alone for the index.', 'Unknown term');
  return { ...reply, components: entryButtons(offered) };
}

/** Which of the server's own words could not be read for a lookup: its team terms, its house tiers. */
interface Unread {
  terms: boolean;
  house: boolean;
}

/**
 * The entries whose whole name (or an alias) the query misspells by one slip ("engagment rate"),
 * not one that only starts alike. As in autocomplete, three letters are too few to tell a slip
 * from another word ("sov" is not AOV).
 */
function oneSlipFromWhole(query: string, entries: readonly Searchable<Entry>[]): Entry[] {
  const typed = normalise(query);
  if (typed.length <= 3) return [];
  return entries.filter((e) => e.keys.some((key) => editDistance(typed, normalise(key)) <= 1)).map((e) => e.item);
}

/**
 * A name found nowhere while the server's own terms or house tiers could not be read: most likely
 * one of theirs, so the reply says to try again, not that the term is unknown. Only a clear typo of
 * a whole name is offered beside it: a term that merely starts alike ("star", "target audience")
 * would be a guess at the team's own word.
 */
function teamWordsUnreadReply(query: string, entries: readonly Searchable<Entry>[], unread: Unread, offer: (near: readonly Entry[]) => Entry[]): Reply {
  const [whose, title] = unread.terms && unread.house
    ? ['Your team’s own terms and house tiers', 'Team terms and house tiers unavailable']
    : unread.terms
      ? ['Your team’s own terms', 'Team terms unavailable']
      : ['Your house tiers', 'House tiers unavailable'];
  const near = offer(oneSlipFromWhole(query, entries).slice(0, 3));
  const didYouMean = near.length ? ` Or did you mean ${near.map(listedName).join(', ')}?` : '';
  return {
    embeds: [
      {
        title,
        description: `I have no built-in term "${quoteUserText(query)}". ${whose} could not be read just now, so I cannot tell whether it is one of them: try again in a minute.${didYouMean}`,
        color: ERROR_COLOUR,
      },
    ],
    components: near.length ? entryButtons(near) : [],
    flags: MessageFlags.Ephemeral,
    unavailable: true,
  };
}

// ── What a query names, and the reply ────────────────────────────────────────────────────────

/**
 * What a /glossary query names, in the order it is answered: one entry to open; several to choose
 * from; a built-in term with the team term named for it beside it, or a house tier with the team
 * term of the same name; a team term's key that opens nothing here; or, by no name, what a search
 * among the entries found: an entry (a built-in term with the team term named for it), several, or
 * nothing. `shownFor`: the query, when the entry was found for it by search rather than by name.
 */
type Named =
  | { kind: 'one'; entry: Entry; shownFor?: string }
  | { kind: 'several'; entries: Entry[] }
  | { kind: 'with team term'; entry: Extract<Entry, { kind: 'builtin' | 'house' }>; team: TeamTerm; shownFor?: string }
  | { kind: 'gone team term' }
  | { kind: 'nothing found'; entries: Searchable<Entry>[]; readings: TeamReadings; houseUnread: boolean };

/**
 * How the query asks: a team term picked from the autocomplete list, by its key ("teamkey:…"); a
 * team term by its name ("team:…"); or text as typed, which may name any entry.
 */
type Asked = { by: 'team key'; key: string } | { by: 'team name'; name: string } | { by: 'text' };

function howAsked(query: string): Asked {
  if (query.startsWith(TEAM_KEY_VALUE)) return { by: 'team key', key: query.slice(TEAM_KEY_VALUE.length) };
  if (query.startsWith(TEAM_NAME_VALUE)) return { by: 'team name', name: query.slice(TEAM_NAME_VALUE.length) };
  return { by: 'text' };
}

/** The reply to a query that is not blank; `teamUnread` when the server's team terms could not be read (`team` is then empty). */
export async function queryReply(query: string, team: readonly TeamTerm[], context: RunContext, teamUnread: boolean): Promise<Reply> {
  return replyFor(await whatQueryNames(query, team, context), query, context, teamUnread);
}

async function whatQueryNames(query: string, team: readonly TeamTerm[], context: RunContext): Promise<Named> {
  // Team terms exist only in a server.
  const guildId = context.guildId ?? '';
  const asked = howAsked(query);
  // A team term picked by key is looked for in this server's terms only.
  const keyed = asked.by === 'team key' ? teamTermByKey(guildId, team, asked.key) : undefined;
  if (keyed) return { kind: 'one', entry: teamEntry(guildId, keyed) };

  const asTeamName = asked.by === 'team name';
  const namedAsTyped = namedBy(team, asTeamName ? asked.name : query);
  // A generic word ("rate") fits several terms, even when it is one term's alias: ask which.
  const family = !asTeamName && !termById(query) ? termsNamedWith(query) : [];
  if (family.length) return { kind: 'several', entries: [...namedAsTyped.map((t) => teamEntry(guildId, t)), ...family.map((term): Entry => ({ kind: 'builtin', term }))] };
  const builtIn = asTeamName ? undefined : builtInCalled(query);
  const readings = teamReadings(team);
  const named = builtIn ? teamTermsWith(builtIn, query, namedAsTyped, readings) : namedAsTyped;
  // A house tier's own name ("star") where no built-in term has it (one that has it carries the house reading).
  const house = !builtIn && asked.by === 'text' ? await lookUpHouse(context) : undefined;
  const houseTiers = house ? tiersOfLookup(house) : [];
  const tiersNamed = namedBy(houseTiers, query);
  if (named.length > 1 || tiersNamed.length > 1) {
    const entries: Entry[] = [
      ...(builtIn ? [{ kind: 'builtin' as const, term: builtIn }] : []),
      ...tiersNamed.map((tier) => houseEntry(tier, houseTiers)),
      ...named.map((t) => teamEntry(guildId, t)),
    ];
    return { kind: 'several', entries };
  }
  const teamExact = named[0];
  const houseTier = tiersNamed[0];
  if (builtIn) return builtInWith(builtIn, named, guildId);
  if (houseTier && teamExact) return { kind: 'with team term', entry: { kind: 'house', tier: houseTier, tiers: houseTiers }, team: teamExact };
  if (teamExact) return { kind: 'one', entry: teamEntry(guildId, teamExact) };
  if (asked.by === 'team key') return { kind: 'gone team term' };
  // A house tier named by no term: the team's own word, answered before a guess at a term.
  if (houseTier) return { kind: 'one', entry: houseEntry(houseTier, houseTiers) };
  // A team term named for a built-in term is found as that term is, and shown with it: it does not compete with it.
  const ownWords = team.filter((t) => !builtInCalled(t.name));
  const entries = [...teamEntries(guildId, ownWords), ...houseEntries(houseTiers), ...BUILT_IN];
  return searched(query, entries, readings, guildId, house?.kind === 'unavailable');
}

/**
 * The team terms shown with the built-in term a query names: the one whose name it is exactly, as
 * the store compares names; else every one named for that built-in term (by its name, id or any
 * alias), with any whose name reads as the query once punctuation and spacing are set aside.
 */
function teamTermsWith(builtIn: Term, query: string, namedAsTyped: readonly TeamTerm[], readings: TeamReadings): readonly TeamTerm[] {
  const exact = namedAsTyped.length === 1 && nameKey(namedAsTyped[0]!.name) === nameKey(query);
  if (exact) return namedAsTyped;
  const forBuiltIn = readings.get(builtIn.id) ?? [];
  return [...forBuiltIn, ...namedAsTyped.filter((t) => !forBuiltIn.includes(t))];
}

/** A built-in term with the team terms shown with it: alone; with the one after it; with several, "Which term?". */
function builtInWith(term: Term, teamTerms: readonly TeamTerm[], guildId: string, shownFor?: string): Named {
  const entry = { kind: 'builtin' as const, term };
  if (teamTerms.length > 1) return { kind: 'several', entries: [entry, ...teamTerms.map((t) => teamEntry(guildId, t))] };
  return teamTerms[0] ? { kind: 'with team term', entry, team: teamTerms[0], shownFor } : { kind: 'one', entry, shownFor };
}

/** Nothing by name: the clear best match opens (a built-in term with the team terms named for it); several are offered; else nothing found. */
function searched(query: string, entries: Searchable<Entry>[], readings: TeamReadings, guildId: string, houseUnread: boolean): Named {
  const { matches, clear } = bestMatches(query, entries, 5);
  const best = clear ? matches[0] : undefined;
  if (best) return best.kind === 'builtin' ? builtInWith(best.term, readings.get(best.term.id) ?? [], guildId, query) : { kind: 'one', entry: best, shownFor: query };
  if (matches.length > 1) return { kind: 'several', entries: withTeamReadings(matches, readings, guildId) };
  return { kind: 'nothing found', entries, readings, houseUnread };
}

/** The reply to what the query names; `teamUnread` when the server's team terms could not be read. */
async function replyFor(named: Named, query: string, context: RunContext, teamUnread: boolean): Promise<Reply> {
  switch (named.kind) {
    case 'one':
      return openedReply(named.entry, context, named.shownFor);
    case 'several':
      return choicesReply(query, named.entries);
    case 'with team term':
      return withTeamTermReply(named.entry, named.team, context, named.shownFor);
    case 'gone team term':
      return teamUnread ? teamTermsUnreadReply() : goneReply();
    case 'nothing found': {
      // Every name offered has its button: the team terms named for the nearest built-in terms can be more than the buttons.
      const offer = (entries: readonly Entry[]) => withTeamReadings(entries, named.readings, context.guildId ?? '').slice(0, MOST_CHOICES);
      return teamUnread || named.houseUnread
        ? teamWordsUnreadReply(query, named.entries, { terms: teamUnread, house: named.houseUnread }, offer)
        : unknownTermReply(query, named.entries, offer);
    }
  }
}

/** An entry opened; a built-in term with the server's house reading of it. `shownFor`: the query it was found for, when not by name. */
async function openedReply(e: Entry, context: RunContext, shownFor?: string): Promise<Reply> {
  return entryReply(e, shownFor, e.kind === 'builtin' ? await houseLineFor(e.term, context) : undefined);
}

/**
 * A built-in term or a house tier with the team term of the same name (or named for it) after it,
 * in one message: the team term gives way to fit. `shownFor`: the query the built-in term was
 * found for, when not by name.
 */
async function withTeamTermReply(entry: Extract<Entry, { kind: 'builtin' | 'house' }>, teamTerm: TeamTerm, context: RunContext, shownFor?: string): Promise<Reply> {
  if (entry.kind === 'builtin') {
    // Discord's 6,000 characters hold both: the team's text gives way.
    const { embed: builtInEmbed, allShown } = fittedTermEmbed(entry.term, shownFor, await houseLineFor(entry.term, context));
    return {
      embeds: [builtInEmbed, teamTermEmbed(teamTerm, undefined, LIMITS.embedTotal - embedLength(builtInEmbed))],
      components: termComponents(entry.term, allShown, 'public'),
    };
  }
  // Both are the team's words for it: the tier first, then the term.
  const tierReply = houseTierReply(entry.tier, entry.tiers);
  const tierEmbed = tierReply.embeds[0]!;
  return { ...tierReply, embeds: [tierEmbed, teamTermEmbed(teamTerm, undefined, LIMITS.embedTotal - embedLength(tierEmbed))] };
}

function teamTermsUnreadReply(): Reply {
  return inputErrorReply('Your team’s own terms could not be read just now.', 'try again in a minute; built-in terms still open.', 'Team terms unavailable');
}

function goneReply(): Reply {
  return inputErrorReply(
    'I cannot find that team term here: it may have been removed, and team terms open only in the server that added them.',
    'a term from the autocomplete list, or /glossary alone for the index.',
    'Unknown term',
  );
}

// ── Autocomplete ─────────────────────────────────────────────────────────────────────────────

/** Team terms to offer for what is typed: ranked matches, or, when nothing searchable is typed, names containing it. */
function teamSuggestions(typed: string, team: readonly TeamTerm[]): TeamTerm[] {
  if (normalise(typed) !== '') return rankMatches(typed, team.map((t) => ({ item: t, keys: [t.name] })), 10);
  // Blank, or only symbols ("🔥"), which the search cannot rank: a name that contains it, else the first ten.
  const symbols = typed.trim().toLowerCase();
  return (symbols ? team.filter((t) => t.name.toLowerCase().includes(symbols)) : team).slice(0, 10);
}

/** House tiers to offer for what is typed: names that contain it once normalised, or, when only symbols are typed ("🔥"), as typed. */
function houseSuggestions(typed: string, tiers: readonly HouseTier[]): HouseTier[] {
  const wanted = normalise(typed);
  if (wanted !== '') return tiers.filter((t) => normalise(t.name).includes(wanted));
  return tiers.filter((t) => nameKey(t.name).includes(nameKey(typed)));
}

/**
 * The autocomplete's choices for what is typed: the server's own terms (each by its key), its
 * house tiers that no term has the name of, then the built-in terms; 25 at most.
 */
export function entryChoices(typed: string, guildId: string, team: readonly TeamTerm[], houseTiers: readonly HouseTier[]): Choice[] {
  const suggested = teamSuggestions(typed, team);
  const names = labelsApart(suggested.map((t) => t.name), LIMITS.choiceName - TEAM_MARK.length);
  const teamChoices = suggested.map((t, i) => ({ name: `${names[i]}${TEAM_MARK}`, value: `${TEAM_KEY_VALUE}${teamTermKey(guildId, t.name)}` }));
  // House tiers by name (at most MAX_TIER_NAME characters, so the name itself is the value /glossary reads).
  const houseChoices = houseSuggestions(typed, tiersNamedByNoTerm(houseTiers)).map((t) => ({ name: `${t.name}${HOUSE_MARK}`, value: t.name }));
  const builtIn = suggestTerms(typed, 25).map((t) => ({ name: shorten(t.name, LIMITS.choiceName), value: t.id }));
  return [...teamChoices, ...houseChoices, ...builtIn].slice(0, 25);
}
