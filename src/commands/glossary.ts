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
import { andList, countOf, formatCount, formatCountRange, labelsApart, shorten } from '../domain/format';
import { formatHouseTier, type HouseTier } from '../domain/house';
import { nameKey } from '../domain/names';
import { NORMAL_TIERS } from '../domain/sources';
import { TIER_LABELS } from '../domain/tier-style';
import {
  TERMS,
  TERM_ENTRIES,
  findTerm,
  rangeGroups,
  rangesSummary,
  sourceCount,
  suggestTerms,
  termById,
  termsByGroup,
  termsNamedWith,
  type BandAnswers,
  type Term,
  type TermCitation,
} from '../domain/glossary';
import { bestMatches, closest, editDistance, normalise, rankMatches, type Searchable } from '../domain/search';
import { LIMITS, embedLength } from './limits';
import type { TeamTerm } from '../store/types';
import {
  ERROR_COLOUR,
  NEUTRAL_COLOUR,
  PUBLIC_TEXT_LIMIT,
  button,
  buttonRows,
  inReadingOrder,
  inputErrorReply,
  linesToFields,
  pageLines,
  pagerRow,
  plainUserText,
  quoteUserText,
  SOURCES_PAGE_TEXT,
  shareOut,
  showsNothing,
} from './embeds';
import { HOUSE_ANSWER_ROOM, type HouseLookup, fitMarkdownLine, houseDefinitionLine, housePlacementText, houseProblemLine, houseTierMapping, lookUpHouse, teamTierName, yourHouse } from './house-lookup';
import { shownText, unavailableReply } from './team-settings';
import { NO_VISIBLE_TEXT, TEAM_KEY_VALUE, teamLinkText, teamTermByKey, teamTermKey } from './team-terms';
import { OWN_MESSAGE, ownMessageMark, slashCommand, type ChatInputDefinition, type Choice, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';

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

/**
 * custom_id prefixes: a built-in term button, a team term button (by key), and the index's menus.
 * The index and a term looked up by name are public, so a button or menu on them opens the term on
 * a message of the presser's own: one person's click must not replace what the channel is reading.
 * Only on such a message of one's own (ephemeral) does a term button end in OWN_MESSAGE, and
 * change that message in place. (Team term buttons are only ever on one's own "Which term?" or
 * "Did you mean" reply.)
 */
const TERM_BUTTON = 'glossary:term';
/** A team term's button by its key (teamTermKey): "glossary:teamkey:<key>". */
const TEAM_KEY_BUTTON = 'glossary:teamkey';
/** A team term button by name, as posted before keys: still opened, but no longer made. */
const TEAM_NAME_BUTTON = 'glossary:team';
const INDEX_MENU = 'glossary:open';
/** The index's menu of the server's own terms, each by key: "glossary:teamopen". */
const TEAM_MENU = 'glossary:teamopen';
/** "All sources" under a term whose citations the public reply only counts: "glossary:sources:<term id>". */
const SOURCES_BUTTON = 'glossary:sources';
/** A page of "All sources", changed in place: "glossary:sourcespage:<term id>:<page>". */
const SOURCES_PAGE = 'glossary:sourcespage';
/** A team term asked for by name ("team:Brand lift"), as autocomplete offered before keys. */
const TEAM_NAME_VALUE = 'team:';
const TEAM_MARK = ' (team term)';
/** A house tier in a list of terms ("Did you mean", "Which term?") and in autocomplete. */
const HOUSE_MARK = ' (house tier)';
/** Opens a house tier named by the rest of the custom_id (at most MAX_TIER_NAME characters). */
const HOUSE_TIER_BUTTON = 'glossary:housetier';
const TEAM_COLOUR = 0x57f287;

/** "1,000–2,499", "1,000,001 and up". */
function stretchCounts(from: number, to: number | null): string {
  return from === to ? formatCount(from) : formatCountRange(from, to);
}

/** A tier word's band, stretch by stretch: "1,000–2,499: nano or micro, a tie (6 of 21 publishers each)". */
function answersField(answers: BandAnswers): APIEmbedField {
  const band = answers.to === null ? `${formatCount(answers.from)} followers and up` : `${formatCount(answers.from)}–${formatCount(answers.to)} followers`;
  const lines = answers.stretches.map((s) => `${stretchCounts(s.from, s.to)}: ${s.words}`);
  return { name: `What /tier answers, ${band}`, value: shorten(lines.join('\n'), LIMITS.fieldValue) };
}

/**
 * How much of a term's detail a reply shows in place: every citation (or only how many there
 * are), and each publisher's range. What it leaves out is behind "All sources".
 */
interface Detail {
  citations: boolean;
  ranges: boolean;
}
const EVERYTHING: Detail = { citations: true, ranges: true };
/** Tried in this order for a public reply: the first that fits PUBLIC_TEXT_LIMIT is shown. */
const PUBLIC_DETAILS: readonly Detail[] = [EVERYTHING, { citations: false, ranges: true }, { citations: false, ranges: false }];

/** A citation as a list line: one that repeats another's definition sits under it. */
function citationLine(c: TermCitation): string {
  return c.sharesWith ? `  ↳ ${c.text}` : `• ${c.text}`;
}

function sourcesCounted(term: Term, detail: Detail): APIEmbedField {
  const n = sourceCount(term);
  const sources = countOf(n, 'source');
  const rangesToo = !detail.ranges && Boolean(term.ranges?.length);
  return { name: 'Sources', value: rangesToo ? `${sources}, and the range each publisher gives: press **All sources** to read them, with links.` : `${sources}: press **All sources** to read each in full, with its link where it has one.` };
}

function termEmbedWith(term: Term, detail: Detail, shownFor?: string, house?: string): APIEmbed {
  const related = term.related.map(termById).filter((t): t is Term => t !== undefined);
  const fields = [
    ...(term.formula ? [{ name: 'Formula', value: shorten(term.formula, LIMITS.fieldValue) }] : []),
    { name: 'Example', value: shorten(term.example, LIMITS.fieldValue) },
    ...(term.answersAcross ? [answersField(term.answersAcross)] : []),
    ...(detail.ranges && term.ranges?.length ? [{ name: 'Ranges by publisher', value: shorten(rangesSummary(term), LIMITS.fieldValue) }] : []),
    ...(detail.citations ? linesToFields('Sources', term.sources.map(citationLine)) : [sourcesCounted(term, detail)]),
    ...(related.length ? [{ name: 'Related', value: shorten(related.map((t) => t.name).join(' · '), LIMITS.fieldValue) }] : []),
  ];
  const lead = shownFor ? `Showing **${term.name}** for "${quoteUserText(shownFor, 60)}".\n\n` : '';
  return {
    title: shorten(term.name, LIMITS.embedTitle),
    description: shorten(`${lead}${house ? `${house}\n` : ''}${term.definition}`, LIMITS.embedDescription),
    color: NEUTRAL_COLOUR,
    fields,
    footer: { text: `${term.group}${term.aliases.length ? ` · also: ${term.aliases.join(', ')}` : ''}` },
  };
}

/** A term with all its detail: every citation and range (the /help path's steps, which are the reader's own). */
export function termEmbed(term: Term, shownFor?: string): APIEmbed {
  return termEmbedWith(term, EVERYTHING, shownFor);
}

/**
 * A term as /glossary shows it, short enough for a team channel (as /tier's public answer): its
 * definition, formula, example and what /tier answers across it always; its citations, then its
 * ranges by publisher, only counted when showing them would not fit, with "All sources" to see them.
 * `house`, when given, is one line put above the definition (the server's own reading of a tier word).
 */
function fittedTermEmbed(term: Term, shownFor?: string, house?: string): { embed: APIEmbed; allShown: boolean } {
  for (const detail of PUBLIC_DETAILS) {
    const embed = termEmbedWith(term, detail, shownFor, house);
    if (embedLength(embed) <= PUBLIC_TEXT_LIMIT) return { embed, allShown: detail === EVERYTHING };
  }
  // Still longer (a long query shown back beside a long term): as short as it gets, within Discord's limits.
  return { embed: termEmbedWith(term, PUBLIC_DETAILS.at(-1)!, shownFor, house), allShown: false };
}

/** Every line of a term's "All sources": each publisher's range, then every citation in full. */
function allSourcesLines(term: Term): string[] {
  const ranges = rangeGroups(term);
  return [...(ranges.length ? ['**Ranges by publisher**', ...ranges.map((r) => `• ${r}`), ''] : []), '**Sources**', ...term.sources.map(citationLine)];
}

/** "All sources" for a term, only for the presser, in pages as /tier's: the first press opens page 0, paging changes it in place. */
function allSourcesReply(term: Term, page = 0): Reply {
  const pages = pageLines(allSourcesLines(term), SOURCES_PAGE_TEXT);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const pager = pagerRow((n) => `${SOURCES_PAGE}:${term.id}:${n}`, at, pages.length);
  return {
    embeds: [
      {
        title: shorten(`${term.name}: all sources`, LIMITS.embedTitle),
        description: pages[at],
        color: NEUTRAL_COLOUR,
        ...(pages.length > 1 ? { footer: { text: `Page ${at + 1} of ${pages.length}` } } : {}),
      },
    ],
    components: pager ? [pager] : [],
    flags: MessageFlags.Ephemeral,
  };
}

const SHORTENED_NOTE = ' Shortened (…) to fit beside the built-in term: pick it from the autocomplete, marked "(team term)", to read all of it.';

/**
 * A team's own term: everything the team typed is escaped, and it is marked as the team's. It
 * takes at most `room` characters of embed text (Discord allows 6,000 per message, all embeds
 * together): beside a built-in term, the definition, formula and example are shortened, each
 * ending in "…", and the footer says so. The name and the link are never shortened.
 */
function teamTermEmbed(term: TeamTerm, shownFor?: string, room: number = LIMITS.embedTotal): APIEmbed {
  const lead = shownFor ? `Showing **${quoteUserText(term.name, 80)}** for "${quoteUserText(shownFor, 60)}".\n\n` : '';
  const link = term.link ? teamLinkText(term.link) : undefined;
  const footer = `Your team's own term, added by ${plainUserText(term.addedByName, 80) || 'a member'}; not from a published source.`;
  // What the team typed, in the order shown: the definition (the description), then the fields.
  // A stored value with nothing visible in it (kept before /term refused such values) would be an
  // empty field, which Discord refuses: a formula or example is left out, a definition says so.
  const typed = [
    { label: 'Definition', text: term.definition, most: LIMITS.embedDescription - lead.length },
    ...(term.formula && !showsNothing(term.formula) ? [{ label: 'Formula', text: term.formula, most: LIMITS.fieldValue }] : []),
    ...(term.example && !showsNothing(term.example) ? [{ label: 'Example', text: term.example, most: LIMITS.fieldValue }] : []),
  ];
  const shownTyped = (text: string, max: number) => (showsNothing(text) ? NO_VISIBLE_TEXT : shownText(text, max));
  const embedWith = (shown: readonly string[], shortened: boolean): APIEmbed => ({
    author: { name: 'Team term' },
    title: shownText(term.name, LIMITS.embedTitle),
    description: `${lead}${shown[0]}`,
    color: TEAM_COLOUR,
    fields: [...typed.slice(1).map((t, i) => ({ name: t.label, value: shown[i + 1]! })), ...(link ? [{ name: 'Link', value: link }] : [])],
    footer: { text: shortened ? `${footer}${SHORTENED_NOTE}` : footer },
  });

  const whole = typed.map((t) => shownTyped(t.text, t.most));
  const full = embedWith(whole, false);
  if (embedLength(full) <= room) return full;
  const wholeLength = whole.reduce((n, text) => n + text.length, 0);
  const everythingElse = embedLength(full) - wholeLength + SHORTENED_NOTE.length;
  const shares = shareOut(room - everythingElse, whole.map((text) => text.length));
  // At least one character each ("…"): Discord refuses an empty field.
  return embedWith(
    typed.map((t, i) => shownTyped(t.text, Math.max(1, shares[i]!))),
    true,
  );
}

/** Where a reply is shown: to the whole channel, or to the presser alone (ephemeral). */
type Audience = 'public' | 'own';

/** A built-in term's button: on a public message it opens the term for the presser alone; on their own, in place. */
function termButtonId(id: string, audience: Audience): string {
  return `${TERM_BUTTON}:${id}${audience === 'own' ? OWN_MESSAGE : ''}`;
}

/** Buttons that open each related term (at most two rows of five). */
function relatedButtons(term: Term, audience: Audience = 'public'): APIActionRowComponent<APIButtonComponent>[] {
  const buttons = term.related
    .map(termById)
    .filter((t): t is Term => t !== undefined)
    .slice(0, 10)
    .map((t) => button(termButtonId(t.id, audience), t.name));
  return buttonRows(buttons, 2);
}

/** The related terms' buttons, and "All sources" when the reply leaves citations out. */
function termComponents(term: Term, allShown: boolean, audience: Audience): APIActionRowComponent<APIButtonComponent>[] {
  return [...relatedButtons(term, audience), ...(allShown ? [] : buttonRows([button(`${SOURCES_BUTTON}:${term.id}`, 'All sources')]))];
}

function termReply(term: Term, shownFor?: string, audience: Audience = 'public', house?: string): Reply {
  const { embed, allShown } = fittedTermEmbed(term, shownFor, house);
  return { embeds: [embed], components: termComponents(term, allShown, audience), ...(audience === 'own' ? { flags: MessageFlags.Ephemeral } : {}) };
}

// ── Index ────────────────────────────────────────────────────────────────────────────────────

/**
 * The index's groups packed into menus, in the index's order: whole groups share a menu while
 * they fit its options (25); a group too big for one menu takes several, each said to be a part.
 */
function menuBatches(): { groups: string[]; terms: Term[] }[] {
  const batches: { groups: string[]; terms: Term[] }[] = [];
  for (const [group, terms] of termsByGroup()) {
    const parts = Math.ceil(terms.length / LIMITS.selectOptions);
    for (let part = 0; part < parts; part++) {
      const slice = terms.slice(part * LIMITS.selectOptions, (part + 1) * LIMITS.selectOptions);
      const label = parts > 1 ? `${group} (part ${part + 1} of ${parts})` : group;
      const last = batches.at(-1);
      if (last && last.terms.length + slice.length <= LIMITS.selectOptions) {
        last.groups.push(label);
        last.terms.push(...slice);
      } else batches.push({ groups: [label], terms: [...slice] });
    }
  }
  return batches;
}

/** Menus to open any term from the index, its groups in its order, each saying which groups it holds. */
function indexMenus(): APIActionRowComponent<APIStringSelectComponent>[] {
  return menuBatches()
    .slice(0, LIMITS.actionRows)
    .map(({ groups, terms }, i) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${INDEX_MENU}:${i}`,
          placeholder: shorten(`Open a term: ${groups.join(' · ')}`, LIMITS.selectPlaceholder),
          options: terms.map((t) => ({ label: shorten(t.name, LIMITS.selectLabel), value: t.id, description: shorten(t.group, 100) })),
        },
      ],
    }));
}

const TEAM_FIELD = "Your team's terms";

/**
 * A menu to open the server's own terms from the index, each by its key (which opens nothing in
 * another server): the first 25 in reading order, and, when there are more, a placeholder that
 * says the autocomplete finds the rest.
 */
function teamMenu(guildId: string, team: readonly TeamTerm[]): APIActionRowComponent<APIStringSelectComponent> {
  const byKey = new Map(inReadingOrder(team).map((t) => [teamTermKey(guildId, t.name), t] as const));
  const shown = [...byKey].slice(0, LIMITS.selectOptions);
  const labels = labelsApart(shown.map(([, t]) => plainUserText(t.name, LISTED_NAME_LENGTH)), LIMITS.selectLabel);
  const more = team.length - shown.length;
  const placeholder = more
    ? `Open a team term: the first ${shown.length} of ${team.length}, A to Z (type a name in /glossary term: for the rest)`
    : "Open one of your team's terms";
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: TEAM_MENU,
        placeholder: shorten(placeholder, LIMITS.selectPlaceholder),
        options: shown.map(([key], i) => ({ label: labels[i] || NO_VISIBLE_TEXT, value: key, description: 'Team term' })),
      },
    ],
  };
}

/** A team term's name in the index, at most. */
const INDEX_NAME_LENGTH = 60;

function fieldsLength(fields: readonly APIEmbedField[]): number {
  return fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/**
 * Every team term's name, in as many fields as they take, within the `room` characters and
 * `slots` fields the rest of the index leaves. If even then not all fit (200 long names can
 * outgrow a message), as many as fit, and a last field that says how many more and how to find them.
 */
function teamIndexFields(team: readonly TeamTerm[], room: number, slots: number): APIEmbedField[] {
  const sorted = inReadingOrder(team).map((t) => t.name);
  const names = labelsApart(sorted, INDEX_NAME_LENGTH).map((name) => quoteUserText(name, INDEX_NAME_LENGTH));
  for (let listed = names.length; listed >= 0; listed--) {
    const more = names.length - listed;
    const fields = [
      ...linesToFields(TEAM_FIELD, names.slice(0, listed), false, ' · '),
      ...(more
        ? [{ name: listed ? `…and ${more} more` : `${TEAM_FIELD} (${more})`, value: 'Pick one in the menu below, or type a name in `/glossary term:`.' }]
        : []),
    ];
    if (fields.length <= slots && fieldsLength(fields) <= room) return fields;
  }
  return [];
}

/** The index: every built-in term and the server's own (`guildId`'s), listed and in menus to open them. */
function indexReply(team: readonly TeamTerm[] = [], guildId = ''): Reply {
  const embed: APIEmbed & { fields: APIEmbedField[] } = {
    title: `Glossary: ${TERMS.length} terms${team.length ? ` and ${team.length} of your team's` : ''}`,
    description: 'Run `/glossary term:<name>` or pick one below. New here? `/help` has a start-here path.',
    color: NEUTRAL_COLOUR,
    fields: [...termsByGroup()].filter(([, terms]) => terms.length).flatMap(([group, terms]) => linesToFields(group, [terms.map((t) => t.name).join(' · ')])),
  };
  // The index is public: the team's names take what is left of a phone screen, the menu the rest.
  if (team.length) embed.fields.push(...teamIndexFields(team, PUBLIC_TEXT_LIMIT - embedLength(embed), LIMITS.embedFields - embed.fields.length));
  const menus = indexMenus();
  const roomForTeam = team.length > 0 && menus.length < LIMITS.actionRows;
  return { embeds: [embed], components: [...menus, ...(roomForTeam ? [teamMenu(guildId, team)] : [])] };
}

// ── The server's house definition ────────────────────────────────────────────────────────────

/** Room for the house line above a tier word's definition: as much as /tier gives its own. */
const HOUSE_LINE_ROOM = HOUSE_ANSWER_ROOM;

const houseLine = (body: string) => fitMarkdownLine(yourHouse(body), HOUSE_LINE_ROOM);
const houseTierText = (tier: HouseTier) => formatHouseTier(tier, (t) => teamTierName(t.name));

/**
 * Where a publisher's band falls in the house tiers: "falls in nano (1k–10k)", "falls in mid
 * (75k–500k) and macro (500k–1M)", or, when it meets none, "is below nano (1k–10k), the lowest house tier".
 */
function houseTiersAcross(tiers: readonly HouseTier[], from: number, to: number | null): string {
  const met = tiers.filter((t) => (to === null || t.min <= to) && (t.max === null || t.max >= from));
  if (!met.length) return `is ${housePlacementText(tiers, from)}`;
  const highest = tiers.at(-1)!;
  const outside = [
    ...(from < tiers[0]!.min ? ['partly below the lowest house tier'] : []),
    ...(highest.max !== null && (to === null || to > highest.max) ? ['partly above the highest'] : []),
  ];
  return `falls in ${andList(met.map(houseTierText))}${outside.length ? `, ${outside.join(' and ')}` : ''}`;
}

/**
 * A tier word as the house definition reads it, in one line: the house tier of that name ("micro
 * is 10k–75k"); for one publisher's tier word, the house tiers its band falls in; otherwise the
 * whole definition, the team's own tiers to set beside the publishers'.
 */
function houseReading(term: Term, tiers: readonly HouseTier[]): string {
  const named = tiers.find((t) => findTerm(t.name) === term);
  if (named) return houseLine(`${teamTierName(named.name)} is ${named.stated}`);
  const band = term.answersAcross;
  const bandName = term.ranges?.[0]?.tierName;
  if (band && bandName) return houseLine(`${bandName} (${stretchCounts(band.from, band.to)}) ${houseTiersAcross(tiers, band.from, band.to)}`);
  // A publishers' tier word (micro): the house tiers read as it, as /house show maps them.
  const normal = NORMAL_TIERS.find((n) => findTerm(TIER_LABELS[n]) === term);
  const readAs = normal === undefined ? [] : tiers.filter((t) => !t.spansEveryTier && !t.notInfluencer && t.normal === normal);
  if (normal !== undefined && readAs.length) return houseLine(`${andList(readAs.map(houseTierText))} ${readAs.length === 1 ? 'reads' : 'read'} as ${TIER_LABELS[normal]}`);
  if (normal !== undefined) return houseLine(`no house tier reads as ${TIER_LABELS[normal]}`);
  return houseDefinitionLine(tiers, HOUSE_LINE_ROOM);
}

/**
 * The line a tier word's entry leads with in a server that has a house definition, or the one
 * line saying it can't be used. None for other terms, and none where there is no definition
 * (lookUpHouse answers that without waiting on the database).
 */
async function houseLineFor(term: Term, context: RunContext): Promise<string | undefined> {
  if (term.group !== 'Tiers') return undefined;
  const found = await lookUpHouse(context);
  return found.kind === 'set' ? houseReading(term, found.tiers) : houseProblemLine(found);
}

/** A house tier asked for by name when no glossary term has it ("star"): its range, and the whole definition. */
function houseTierReply(tier: HouseTier, tiers: readonly HouseTier[], shownFor?: string): Reply {
  const mapped = houseTierMapping(tier);
  const related = tier.spansEveryTier || tier.notInfluencer ? undefined : findTerm(TIER_LABELS[tier.normal]);
  return {
    embeds: [
      {
        author: { name: 'House tier' },
        title: teamTierName(tier.name, LIMITS.embedTitle),
        description: [
          ...(shownFor ? [`Showing **${teamTierName(tier.name)}** for "${quoteUserText(shownFor, 60)}".\n`] : []),
          `${formatHouseTier(tier, (t) => `**${teamTierName(t.name)}**`)} takes ${tier.max === null ? `${formatCount(tier.min)} followers and up` : `${stretchCounts(tier.min, tier.max)} followers`}; beside the publishers' tiers it reads as ${mapped}.`,
          houseDefinitionLine(tiers),
        ].join('\n'),
        color: TEAM_COLOUR,
        footer: { text: "Your team's own tier, set with /house; not from a published source." },
      },
    ],
    components: related ? buttonRows([button(termButtonId(related.id, 'public'), related.name)]) : [],
  };
}

/** The house tiers of a lookup: none where there is no house definition, or it cannot be used. */
const houseTiersOf = (found: HouseLookup): readonly HouseTier[] => (found.kind === 'set' ? found.tiers : []);

/** The server's house tiers, none where it has no house definition (or it cannot be read). */
async function houseTiersHere(context: RunContext): Promise<readonly HouseTier[]> {
  return houseTiersOf(await lookUpHouse(context));
}

/**
 * The house tiers or team terms a name opens: the one with that name as the store compares names
 * (nameKey: "🔥", "tier A!", whatever the case or width), unique in a server; else those whose
 * name reads the same once punctuation, accents and spacing are set aside ("legend" for
 * "Legend!"), which can be several.
 */
function namedBy<T extends { name: string }>(items: readonly T[], name: string): T[] {
  const exact = items.find((item) => nameKey(item.name) === nameKey(name));
  if (exact) return [exact];
  const loose = normalise(name);
  return loose === '' ? [] : items.filter((item) => normalise(item.name) === loose);
}

/** House tiers to offer for what is typed: names that contain it once normalised, or, when only symbols are typed ("🔥"), as typed. */
function houseSuggestions(typed: string, tiers: readonly HouseTier[]): HouseTier[] {
  const wanted = normalise(typed);
  if (wanted !== '') return tiers.filter((t) => normalise(t.name).includes(wanted));
  return tiers.filter((t) => nameKey(t.name).includes(nameKey(typed)));
}

/** House tiers that no glossary term has the name of ("star"): offered beside the terms, found by their names. */
const tiersNamedByNoTerm = (tiers: readonly HouseTier[]) => tiers.filter((t) => !findTerm(t.name));

function houseEntries(tiers: readonly HouseTier[]): Searchable<Entry>[] {
  return tiersNamedByNoTerm(tiers).map((tier) => ({ item: houseEntry(tier, tiers), keys: [tier.name] }));
}

function houseEntry(tier: HouseTier, tiers: readonly HouseTier[]): Entry {
  return { kind: 'house', tier, tiers };
}

// ── Lookup ───────────────────────────────────────────────────────────────────────────────────

type Entry = { kind: 'builtin'; term: Term } | { kind: 'team'; term: TeamTerm; key: string } | { kind: 'house'; tier: HouseTier; tiers: readonly HouseTier[] };

const entryName = (e: Entry) => (e.kind === 'house' ? e.tier.name : e.term.name);
const entryMark = (e: Entry) => (e.kind === 'team' ? TEAM_MARK : e.kind === 'house' ? HOUSE_MARK : '');

// Built once: the search keeps each entry's normalised keys.
const BUILT_IN: readonly Searchable<Entry>[] = TERM_ENTRIES.map((e) => ({ item: { kind: 'builtin', term: e.item }, keys: e.keys }));

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

function teamEntry(guildId: string, term: TeamTerm): Entry {
  return { kind: 'team', term, key: teamTermKey(guildId, term.name) };
}

function teamEntries(guildId: string, team: readonly TeamTerm[]): Searchable<Entry>[] {
  return team.map((t) => ({ item: teamEntry(guildId, t), keys: [t.name] }));
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

/** The longest a name is shown whole in the list: team names take up to 100 characters, and escaping can double them. */
const LISTED_NAME_LENGTH = 100;

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

/** A term that matches nothing: the terms it is one slip from, to open with a press; with none near, the start-here terms. */
function unknownTermReply(query: string, entries: readonly Searchable<Entry>[]): Reply {
  const near = closest(query, entries, 3);
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
function teamWordsUnreadReply(query: string, entries: readonly Searchable<Entry>[], unread: Unread): Reply {
  const [whose, title] = unread.terms && unread.house
    ? ['Your team’s own terms and house tiers', 'Team terms and house tiers unavailable']
    : unread.terms
      ? ['Your team’s own terms', 'Team terms unavailable']
      : ['Your house tiers', 'House tiers unavailable'];
  const near = oneSlipFromWhole(query, entries).slice(0, 3);
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

/**
 * What a /glossary query names, in the order it is answered: one entry to open; several to choose
 * from; a built-in term or a house tier with a team term of the same name beside it; a team term's
 * key that opens nothing here; or nothing by name, to search for among `entries`.
 */
type Named =
  | { kind: 'one'; entry: Entry }
  | { kind: 'several'; entries: Entry[] }
  | { kind: 'with team term'; entry: Extract<Entry, { kind: 'builtin' | 'house' }>; team: TeamTerm }
  | { kind: 'gone team term' }
  | { kind: 'no name'; entries: Searchable<Entry>[]; houseUnread: boolean };

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

export async function run(args: { term?: string }, context: RunContext): Promise<Reply> {
  const query = args.term?.trim() ?? '';
  const read = await readTeamTerms(context);
  const team = read ?? [];
  if (!query) return indexReply(team, context.guildId);
  return replyFor(await whatQueryNames(query, team, context), query, context, read === null);
}

async function whatQueryNames(query: string, team: readonly TeamTerm[], context: RunContext): Promise<Named> {
  // Team terms exist only in a server.
  const guildId = context.guildId ?? '';
  const asked = howAsked(query);
  // A team term picked by key is looked for in this server's terms only.
  const keyed = asked.by === 'team key' ? teamTermByKey(guildId, team, asked.key) : undefined;
  if (keyed) return { kind: 'one', entry: teamEntry(guildId, keyed) };

  const asTeamName = asked.by === 'team name';
  const named = namedBy(team, asTeamName ? asked.name : query);
  // A generic word ("rate") fits several terms, even when it is one term's alias: ask which.
  const family = !asTeamName && !termById(query) ? termsNamedWith(query) : [];
  if (family.length) return { kind: 'several', entries: [...named.map((t) => teamEntry(guildId, t)), ...family.map((term): Entry => ({ kind: 'builtin', term }))] };
  const builtIn = asTeamName ? undefined : (termById(query) ?? findTerm(query));
  // A house tier's own name ("star") where no built-in term has it (one that has it carries the house reading).
  const house = !builtIn && asked.by === 'text' ? await lookUpHouse(context) : undefined;
  const houseTiers = house ? houseTiersOf(house) : [];
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
  if (builtIn) {
    const entry = { kind: 'builtin' as const, term: builtIn };
    return teamExact ? { kind: 'with team term', entry, team: teamExact } : { kind: 'one', entry };
  }
  if (houseTier && teamExact) return { kind: 'with team term', entry: { kind: 'house', tier: houseTier, tiers: houseTiers }, team: teamExact };
  if (teamExact) return { kind: 'one', entry: teamEntry(guildId, teamExact) };
  if (asked.by === 'team key') return { kind: 'gone team term' };
  // A house tier named by no term: the team's own word, answered before a guess at a term.
  if (houseTier) return { kind: 'one', entry: houseEntry(houseTier, houseTiers) };
  return { kind: 'no name', entries: [...teamEntries(guildId, team), ...houseEntries(houseTiers), ...BUILT_IN], houseUnread: house?.kind === 'unavailable' };
}

/** The reply to what the query names; `teamUnread` when the server's team terms could not be read. */
async function replyFor(named: Named, query: string, context: RunContext, teamUnread: boolean): Promise<Reply> {
  switch (named.kind) {
    case 'one':
      return openedReply(named.entry, context);
    case 'several':
      return choicesReply(query, named.entries);
    case 'with team term':
      return withTeamTermReply(named.entry, named.team, context);
    case 'gone team term':
      return teamUnread ? teamTermsUnreadReply() : goneReply();
    case 'no name':
      return searchedReply(query, named.entries, context, { terms: teamUnread, house: named.houseUnread });
  }
}

/** An entry opened; a built-in term with the server's house reading of it. `shownFor`: the query it was found for, when not by name. */
async function openedReply(e: Entry, context: RunContext, shownFor?: string): Promise<Reply> {
  return entryReply(e, shownFor, e.kind === 'builtin' ? await houseLineFor(e.term, context) : undefined);
}

/** A built-in term or a house tier with the team term of the same name after it, in one message: the team term gives way to fit. */
async function withTeamTermReply(entry: Extract<Entry, { kind: 'builtin' | 'house' }>, teamTerm: TeamTerm, context: RunContext): Promise<Reply> {
  if (entry.kind === 'builtin') {
    // Discord's 6,000 characters hold both: the team's text gives way.
    const { embed: builtInEmbed, allShown } = fittedTermEmbed(entry.term, undefined, await houseLineFor(entry.term, context));
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

/**
 * Nothing by name: the clear best match opens, several are offered, and none gets "did you mean",
 * or, when the server's own words could not be read, a word that it may be one of them.
 */
async function searchedReply(query: string, entries: readonly Searchable<Entry>[], context: RunContext, unread: Unread): Promise<Reply> {
  const { matches, clear } = bestMatches(query, entries, 5);
  const best = clear ? matches[0] : undefined;
  if (best) return openedReply(best, context, query);
  if (matches.length > 1) return choicesReply(query, matches);
  return unread.terms || unread.house ? teamWordsUnreadReply(query, entries, unread) : unknownTermReply(query, entries);
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

/** Team terms to offer for what is typed: ranked matches, or, when nothing searchable is typed, names containing it. */
function teamSuggestions(typed: string, team: readonly TeamTerm[]): TeamTerm[] {
  if (normalise(typed) !== '') return rankMatches(typed, team.map((t) => ({ item: t, keys: [t.name] })), 10);
  // Blank, or only symbols ("🔥"), which the search cannot rank: a name that contains it, else the first ten.
  const symbols = typed.trim().toLowerCase();
  return (symbols ? team.filter((t) => t.name.toLowerCase().includes(symbols)) : team).slice(0, 10);
}

export async function autocomplete(focused: { name: string; value: string }, _args: unknown, context: RunContext): Promise<Choice[]> {
  const team = await teamTerms(context);
  const suggested = teamSuggestions(focused.value, team);
  const names = labelsApart(suggested.map((t) => t.name), LIMITS.choiceName - TEAM_MARK.length);
  const teamChoices = suggested.map((t, i) => ({ name: `${names[i]}${TEAM_MARK}`, value: `${TEAM_KEY_VALUE}${teamTermKey(context.guildId ?? '', t.name)}` }));
  // House tiers by name (at most MAX_TIER_NAME characters, so the name itself is the value /glossary reads).
  const houseChoices = houseSuggestions(focused.value, tiersNamedByNoTerm(await houseTiersHere(context))).map((t) => ({ name: `${t.name}${HOUSE_MARK}`, value: t.name }));
  const builtIn = suggestTerms(focused.value, 25).map((t) => ({ name: shorten(t.name, LIMITS.choiceName), value: t.id }));
  return [...teamChoices, ...houseChoices, ...builtIn].slice(0, 25);
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
    const tiers = houseTiersOf(found);
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

