/**
 * /tiers [source] — every publisher's tier ranges side by side (a short public overview with the
 * tables and the chart, an "All sources" button for the cited list), or one publisher with all of
 * its definitions together. Lookups forgive typos: a clear best match is answered, saying what was
 * read; ties are offered as buttons; an unknown source is told what it may have meant, or a few
 * publishers to try. A publisher picked from a public message (the overview, or a page asked for by
 * name) opens on a page only the presser sees.
 */

import {
  ApplicationCommandOptionType,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord-api-types/v10';
import { CITE, type Citation } from '../domain/benchmarks';
import { compactIsExact } from '../domain/followers';
import { formatCompact, formatCountRange, shorten } from '../domain/format';
import { LIMITS, embedLength } from './limits';
import { coverageNotes, disagreementOn, normalRanges, type NormalRange, type SpreadRange } from '../domain/overview';
import { bestMatches, closest, findExact, normalise, rankMatches, type Searchable } from '../domain/search';
import {
  BOUNDARY_RULE,
  NORMAL_TIERS,
  NO_STANDARD,
  PUBLISHERS,
  fullCitation,
  publisherById,
  publisherOf,
  sourceById,
  votingWords,
  yearLabel,
  type Publisher,
  type Source,
  type Tier,
} from '../domain/sources';
import { TIER_COLOURS, TIER_LABELS } from '../domain/tier-style';
import { HOUSE_DEFINITION_ROOM, fitMarkdownLine, houseDefinitionLine, houseProblemLine, lookUpHouse } from './house-lookup';
import {
  NEUTRAL_COLOUR,
  PUBLIC_TEXT_LIMIT,
  button,
  buttonRows,
  inputErrorReply,
  normalisedSuffix,
  pageLines,
  pagerRow,
  quoteUserText,
  SOURCES_PAGE_TEXT,
} from './embeds';
import { OWN_MESSAGE, ownMessageMark, slashCommand, type ChatInputDefinition, type Choice, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';

/** Publishers to try, named as examples by the `source` option, and offered when what was typed resembles none. */
const TRY_PUBLISHERS: readonly Publisher[] = ['mediakix', 'hypeauditor', 'cnbc'].map((id) => publisherById(id)!);

export const definition = {
  name: 'tiers',
  description: 'How every publisher defines influencer tiers, or one publisher quoted and cited',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'source',
      description: `A publisher, e.g. ${TRY_PUBLISHERS.map((p) => p.label).join(', ')}`,
      autocomplete: true,
      max_length: 100,
    },
  ],
  ...EVERYWHERE,
} as const satisfies ChatInputDefinition;

/**
 * custom_ids: the publisher menus on a public message, the overview or a page asked for by name (a
 * page of one's own); the menus on a page of one's own, marked OWN_MESSAGE, and a publisher button
 * on one's own "Which publisher?" list (in place); "All sources" (a page of one's own) and its
 * pages (in place). A menu without the mark may be on a public page shown before pages were
 * marked, so it too opens a page of one's own.
 */
const OPEN = 'tiers:open';
const PICK = 'tiers:pick';
const PUBLISHER = 'tiers:pub';
const ALL = 'tiers:all';
const PAGE = 'tiers:page';

/**
 * How wide a line of a code block may be: an embed on a phone shows about 40 monospace characters,
 * and Discord wraps a longer line at a space, so a cell would start the next line and read as if
 * under the wrong heading.
 */
const PHONE_CODE_WIDTH = 40;

/**
 * Row labels are at most 11 characters: the label column is then 12 wide with its space, and with
 * nano's, micro's and mid-tier's widest cells a line is 40, so those three tiers share one table.
 */
const LABEL_LENGTH = 11;

/** Short row labels for the tables. */
const SHORT: Record<string, string> = {
  'japanese-article': 'Japanese',
  'rise-article': 'Rise (art.)',
  tapinfluence: 'TapInflu.',
  'later-fohr': 'Later×Fohr',
  'influence-agency': 'Infl.Agency',
  'sprout-social': 'Sprout',
  'viral-nation': 'ViralNation',
};

function shortLabel(p: Publisher): string {
  return SHORT[p.id] ?? shorten(p.label, LABEL_LENGTH);
}

/**
 * A range as the table shows it. A range from 0 shows its upper end as the counts it takes:
 * "<10k" when 10,000 is not in it (its words, or the boundary rule, give 10,000 to the next tier),
 * "≤10k" only when 10,000 is (Iconosquare's "nano ≤10k"), as "All sources" reads them. Any other
 * range shows its lower end the same way: ">10k" when 10,000 is not in it (the Rise article's
 * "more than 10k", HypeAuditor's "over 1M"), plain when it is ("10k–50k", "1M+"). A range's upper
 * end goes to the range that starts there, as the boundary rule says.
 */
function cell(range: NormalRange): string {
  const { from, to, tiers } = range;
  const startsAfter = tiers[0]!.min > from;
  const start = `${startsAfter ? '>' : ''}${formatCompact(from)}`;
  if (to === null) return startsAfter ? start : `${start}+`;
  if (from > 0) return `${start}–${formatCompact(to)}`;
  const last = tiers[tiers.length - 1]!.max ?? to;
  return compactIsExact(last + 1) ? `<${formatCompact(last + 1)}` : `≤${formatCompact(last)}`;
}

/** A voting definition as the table shows it: without a band that is not an influencer tier (HypeAuditor's "Instagram user"). */
function tabled(s: Source): Source {
  return { ...s, tiers: s.tiers.filter((t) => !t.notInfluencer) };
}

/**
 * The tier columns split into as few tables as keep every line within PHONE_CODE_WIDTH, in order:
 * each table starts with the label column. `widths` are the columns' widths, label first, each
 * with its trailing space (which a line's last cell does without).
 */
function phoneTables(widths: readonly number[]): number[][] {
  const tables: number[][] = [];
  let columns: number[] = [];
  let width = widths[0]!;
  for (let c = 1; c < widths.length; c++) {
    if (columns.length > 0 && width + widths[c]! - 1 > PHONE_CODE_WIDTH) {
      tables.push(columns);
      columns = [];
      width = widths[0]!;
    }
    columns.push(c);
    width += widths[c]!;
  }
  return [...tables, columns];
}

/**
 * One aligned row per voting definition (Adweek's two readings, two rows); a blank cell = not
 * defined. The tiers are split into tables narrow enough for a phone, every row labelled; a
 * publisher is left out of a table where it defines none of its tiers.
 */
export function rangeTable(publishers: readonly Publisher[] = PUBLISHERS): string {
  const byPublisher = publishers.map((p) =>
    p.voting.map((s, i) => {
      const ranges = new Map(normalRanges(tabled(s)).map((r) => [r.normal, cell(r)]));
      return [i === 0 ? shortLabel(p) : '  or', ...NORMAL_TIERS.map((t) => ranges.get(t) ?? '')];
    }),
  );
  const header = ['', ...NORMAL_TIERS.map((t) => TIER_LABELS[t])];
  // Each column as wide as its widest cell, plus one space: every character counts on a phone.
  const widths = header.map((h, c) => Math.max(h.length, ...byPublisher.flat().map((r) => r[c]!.length)) + 1);
  const tables = phoneTables(widths).map((columns) => {
    const line = (cells: string[]) => [0, ...columns].map((c) => cells[c]!.padEnd(widths[c]!)).join('').trimEnd();
    const shown = byPublisher.filter((rows) => rows.some((r) => columns.some((c) => r[c])));
    return [line(header), ...shown.flat().map(line)].join('\n');
  });
  return ['```', tables.join('\n\n'), '```'].join('\n');
}

/** `where` says what a pick does: on a public message, open a page for the presser alone; on theirs, change it. */
function publisherMenus(where: 'public' | 'own', current?: Publisher): APIActionRowComponent<APIStringSelectComponent>[] {
  const rows: APIActionRowComponent<APIStringSelectComponent>[] = [];
  for (let i = 0; i < PUBLISHERS.length; i += 25) {
    const batch = PUBLISHERS.slice(i, i + 25);
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: where === 'own' ? `${PICK}:${i / 25}${OWN_MESSAGE}` : `${OPEN}:${i / 25}`,
          placeholder: shorten(`Show a publisher (${batch[0]!.label} … ${batch[batch.length - 1]!.label})`, LIMITS.selectPlaceholder),
          options: batch.map((p) => ({
            label: shorten(p.label, 100),
            value: p.id,
            description: shorten(p.voting.length ? `${p.voting.length > 1 ? 'two readings' : p.voting[0]!.tiers.map((t) => t.name).join(', ')}` : p.sharesWith ? `shares ${p.sharesWith.label}’s table` : 'no range', 100),
            default: p.id === current?.id,
          })),
        },
      ],
    });
  }
  return rows;
}

/** "Later × Fohr, 2021, and 3 more": who draws a range, by the publishers' names as the lookup reads them. */
function drawnBy(range: SpreadRange): string {
  const [first, ...others] = range.sources as [Source, ...Source[]];
  const name = withoutAsides(publisherOf(first).label);
  const who = first.year ? `${name}, ${first.year}` : name;
  return others.length ? `${who}, and ${others.length} more` : who;
}

/**
 * How far apart the table's publishers draw micro, the tier teams argue about, in one line:
 * "Micro alone runs from 500–5k (Adweek) to 10k–100k (CNBC, 2017, and 3 more)." Both ends are cells of the table.
 */
function disagreementLine(): string | undefined {
  const micro = disagreementOn('micro', PUBLISHERS.flatMap((p) => p.voting.map(tabled)));
  if (!micro) return undefined;
  const { lowest, highest } = micro;
  return `Micro alone runs from ${cell(lowest)} (${drawnBy(lowest)}) to ${cell(highest)} (${drawnBy(highest)}).`;
}

// The registry is fixed data: these lines are worked out once.
const DISAGREEMENT_LINE = disagreementLine();
const VOTING = votingWords();

/**
 * The public overview. `house`, when given, is one line put first (the team's own definition, or
 * why it is missing); it gets the room the rest leaves within PUBLIC_TEXT_LIMIT.
 */
export function overviewEmbed(house?: string): APIEmbed {
  const embed: APIEmbed = {
    title: 'Influencer tiers: every publisher side by side',
    color: NEUTRAL_COLOUR,
    description: [
      `**${NO_STANDARD.split('. ')[0]}.** Followers by tier (< under, ≤ at most, > over; blank: not defined):`,
      rangeTable(PUBLISHERS.filter((p) => p.voting.length > 0)),
      ...(DISAGREEMENT_LINE ? [DISAGREEMENT_LINE] : []),
    ].join('\n'),
    // The table has no row for a copy of another's table: the footer says whose it repeats.
    ...(VOTING.copies ? { footer: { text: `${VOTING.copies}.` } } : {}),
  };
  if (!house) return embed;
  return { ...embed, description: `${fitMarkdownLine(house, houseRoom(embed))}\n${embed.description}` };
}

/** What a public overview leaves for the house line (and the newline after it). */
function houseRoom(overview: APIEmbed = overviewEmbed()): number {
  return PUBLIC_TEXT_LIMIT - embedLength(overview) - 1;
}

export function overviewReply(house?: string): Reply {
  return {
    embeds: [overviewEmbed(house)],
    components: [...buttonRows([button(`${ALL}`, 'All sources', ButtonStyle.Secondary)]), ...publisherMenus('public')],
    chart: { kind: 'tiers', opts: {} },
  };
}

// ── All sources ──────────────────────────────────────────────────────────────────────────────

/** How a definition takes part in the vote, in words, when it does not simply vote. */
function roleWords(s: Source): string | undefined {
  switch (s.role) {
    case 'votes':
      return undefined;
    case 'reading':
      return 'one of two readings, one vote';
    case 'beside':
      return 'shown beside its latest definition, no vote';
    case 'copy':
      return `shares ${publisherOf(sourceById(s.copyOf ?? '') ?? s).label}’s definition, no vote`;
    case 'context':
      return 'no range, no vote';
  }
}

/**
 * A definition's name in bold, with what qualifies it in one pair of brackets: "**Forbes** (quoted
 * by TapInfluence; no range, no vote)", "**Adweek** (under 10,000; one of two readings, one vote)",
 * "**Mediakix**".
 */
function definitionName(s: Source): string {
  const own = /^(.*?)\s*\(([^()]*)\)$/.exec(s.name);
  const asides = [own?.[2], roleWords(s)].filter((aside): aside is string => aside !== undefined);
  return `**${own ? own[1] : s.name}**${asides.length ? ` (${asides.join('; ')})` : ''}`;
}

/** A definition, its ranges and its citation; one without a range says so once, in its brackets. */
function definitionLine(s: Source): string {
  const tiers = s.tiers.length ? `: ${s.tiers.map((t) => `${t.name} ${t.stated}`).join(' · ')}` : s.role === 'context' ? '' : ': no range';
  return `• ${definitionName(s)}${tiers}. ${fullCitation(s)}`;
}

/** Every definition, cited; the boundary rule first, so it is on the first page as in /tier's "All sources". */
export function allSourcesLines(): string[] {
  return [
    `**Boundaries.** ${BOUNDARY_RULE}`,
    '',
    ...PUBLISHERS.flatMap((p) => p.sources.map(definitionLine)),
    '',
    '**How the vote is counted**',
    ...VOTING.rules.map((r) => `• ${r}`),
    '',
    NO_STANDARD,
  ];
}

export function allSourcesReply(page: number): Reply {
  const pages = pageLines(allSourcesLines(), SOURCES_PAGE_TEXT);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const pager = pagerRow((n) => `${PAGE}:${n}`, at, pages.length);
  return {
    embeds: [
      {
        title: 'Every publisher’s definition, cited',
        description: pages[at],
        color: NEUTRAL_COLOUR,
        ...(pages.length > 1 ? { footer: { text: `Page ${at + 1} of ${pages.length}` } } : {}),
      },
    ],
    components: pager ? [pager] : [],
    flags: MessageFlags.Ephemeral,
  };
}

// ── One publisher ────────────────────────────────────────────────────────────────────────────

function tierLine(tier: Tier): string {
  const reads = formatCountRange(tier.min, tier.max);
  return `• **${tier.name}**: ${tier.stated} (reads as ${reads})${normalisedSuffix(tier)}`;
}

function definitionBlock(s: Source, several: boolean): string {
  const heading = several ? `${definitionName(s)}\n` : '';
  const words = s.quote.kind === 'verbatim' ? 'Their words' : 'Their figures (summarised, not a quotation)';
  const lines = [
    `${heading}${words}:\n> ${s.quote.text}`,
    ...(s.tiers.length ? s.tiers.map(tierLine) : []),
    `Citation: ${fullCitation(s)}`,
    ...[...coverageNotes(s), ...s.notes, ...(s.platform ? [`Platform: ${s.platform}.`] : [])].map((n) => `_${n}_`),
  ];
  return lines.join('\n');
}

/** Orders a publisher's definitions: the voting ones first. */
function ordered(p: Publisher): Source[] {
  const rank = { votes: 0, reading: 0, copy: 1, beside: 2, context: 3 } as const;
  return [...p.sources].sort((a, b) => rank[a.role] - rank[b.role]);
}

const PUBLISHER_FOOTER = 'Mapped tiers (→) are Tierbot’s reading by range, so publishers can be compared.';

/** A publisher's page: public when asked for by name, so within PUBLIC_TEXT_LIMIT like the overview. */
export function publisherEmbed(p: Publisher, shownFor?: string): APIEmbed {
  const sources = ordered(p);
  const main = sources[0]!;
  const lowest = main.tiers[0];
  const title = shorten(p.label, 256);
  const lead = shownFor ? `Showing ${p.label} for "${quoteUserText(shownFor, 60)}".\n\n` : '';
  const shared = p.sharedBy.length ? `\n\n${p.sharedBy.map((s) => s.label).join(', ')} shares this definition word for word.` : '';
  const body = `${lead}${sources.map((s) => definitionBlock(s, sources.length > 1)).join('\n\n')}${shared}`;
  // The footer explains the arrow, so only a page that shows one has it.
  const mapped = body.includes(' → ');
  const room = PUBLIC_TEXT_LIMIT - title.length - (mapped ? PUBLISHER_FOOTER.length : 0);
  const embed: APIEmbed = {
    title,
    color: lowest ? TIER_COLOURS[lowest.normal] : NEUTRAL_COLOUR,
    description: shorten(body, room),
    ...(mapped ? { footer: { text: PUBLISHER_FOOTER } } : {}),
  };
  if (main.url) embed.url = main.url;
  return embed;
}

/** A publisher's page: public when asked for by name, or (`own`) on a message only the presser sees. */
function publisherReply(p: Publisher, shownFor?: string, where: 'public' | 'own' = 'public'): Reply {
  return { embeds: [publisherEmbed(p, shownFor)], components: publisherMenus(where, p), ...(where === 'own' ? { flags: MessageFlags.Ephemeral } : {}) };
}

// ── Lookup ───────────────────────────────────────────────────────────────────────────────────

/** "CNBC (2017)" → "CNBC": words in brackets qualify a name ("blog post", "article"); alone they name no one. */
function withoutAsides(text: string): string {
  return text.replace(/\s*\([^)]*\)/g, '').trim();
}

/** Former names the registry records, as in Sprout Social's "(formerly Tagger)". */
function formerNames(s: Source): string[] {
  return [s.what, s.publisher, s.name].flatMap((text) => [...text.matchAll(/\(formerly ([^)]+)\)/g)].map((m) => m[1]!.trim()));
}

/**
 * The outlet a definition was read in, when it reported or copied it ("Business Insider" for Viral
 * Nation 2020): users may know the figures by that name. An outlet that only quoted a line is not a
 * key: TapInfluence's blog quotes CNBC, Adweek and Forbes, so it names none of them.
 */
function readIn(s: Source): string[] {
  return s.via && (s.confidence === 'S' || s.confidence === 'M') ? [withoutAsides(s.via)] : [];
}

/**
 * Keys name a publisher: its label (alone and with its aside, so "medium" finds "Digital
 * Reflections (Medium)"), id, own article titles and other names it is known by, former names,
 * authors, the outlets its figures were read in, and each dated definition as "publisher year"
 * ("Mediakix 2019", "CNBC 2017"). Tags describe it (what each piece is, the platform): they help a query of several words
 * ("Mediakix tiers", "TapInfluence blog") but never match alone, so "blog" does not open whichever
 * publisher has one. An unnamed publisher's "name" is a description ("A Japanese article on…"),
 * so it is a tag.
 */
function searchable(p: Publisher): Searchable<Publisher> {
  const label = withoutAsides(p.label);
  const keys = [label, p.label, p.id, ...(p.name === p.label ? [withoutAsides(p.name)] : [])];
  // Every publisher here defines tiers: "cnbc tiers" names CNBC as "mediakix tiers" does Mediakix.
  const tags = [p.label, p.name, 'influencer tiers', 'tier definitions'];
  for (const s of p.sources) {
    const year = /\d{4}/.exec(s.year ?? '')?.[0];
    keys.push(s.id, withoutAsides(s.name), ...(s.title ? [s.title] : []), ...(year ? [`${label} ${year}`] : []), ...formerNames(s));
    keys.push(...(s.knownAs ?? []), ...(s.author ? [s.author] : []), ...readIn(s));
    tags.push(s.name, s.what, ...(s.platform ? [s.platform] : []));
  }
  return { item: p, keys: [...new Set(keys)], tags };
}

const ENTRIES: Searchable<Publisher>[] = PUBLISHERS.map(searchable);

/**
 * Best first. `exact`: an id or a key, ignoring case and punctuation ("tagger", "mediakix 2019");
 * `clear` when one publisher is the clear best match for what was typed.
 */
export function lookupPublisher(query: string): { exact?: Publisher; matches: Publisher[]; clear: boolean } {
  const bySource = sourceById(query);
  const exact = publisherById(query) ?? (bySource && publisherOf(bySource)) ?? findExact(query, ENTRIES);
  if (exact) return { exact, matches: [exact], clear: true };
  return bestMatches(query, ENTRIES, 5);
}

/** The lookup found it by another name ("tagger", an article title): say so, unless it is the name shown. */
function readAs(query: string, p: Publisher): string | undefined {
  const isId = publisherById(query) !== undefined || sourceById(query) !== undefined;
  return isId || normalise(query) === normalise(p.label) || normalise(query) === normalise(withoutAsides(p.label)) ? undefined : query;
}

/** "**Mediakix**, **CNBC**". */
function listedNames(publishers: readonly Publisher[]): string {
  return publishers.map((p) => `**${p.label}**`).join(', ');
}

/** A button for each publisher (one row), opening it in place of the presser's own message. */
function publisherButtons(publishers: readonly Publisher[]): APIActionRowComponent<APIButtonComponent>[] {
  return buttonRows(publishers.slice(0, LIMITS.buttonsPerRow).map((p) => button(`${PUBLISHER}:${p.id}`, p.label)));
}

function choicesReply(query: string, matches: readonly Publisher[]): Reply {
  return {
    embeds: [
      {
        title: 'Which publisher?',
        description: `Several publishers match "${quoteUserText(query)}": ${listedNames(matches)}${matches.at(-1)?.label.endsWith('.') ? '' : '.'} Press one to open it.`,
        color: NEUTRAL_COLOUR,
      },
    ],
    components: publisherButtons(matches),
    flags: MessageFlags.Ephemeral,
  };
}

/** A name as compared with a publisher's: letters and digits only, a web suffix dropped ("Minter.io" is "minter"). */
const publisherKey = (name: string) => normalise(name.replace(/\.(?:io|com|co)$/i, '')).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The other figures Tierbot cites a publisher for, when it has no tier definition from it (Ad Age,
 * Minter.io): asked for by name in /tiers, the publisher is known, and said so, rather than "no
 * publisher called".
 */
function citedForOtherFigures(query: string): Citation[] {
  const key = publisherKey(query);
  if (key.length < 3) return [];
  return Object.values(CITE).filter((c: Citation) => c.publisher.split(';').some((name) => publisherKey(name) === key));
}

/** A source that matches nothing: the publishers it is one slip from, else a few to try; each opens with a press. */
function unknownSourceReply(query: string): Reply {
  const near = closest(query, ENTRIES, 3);
  const cited = citedForOtherFigures(query);
  const unknown = `I have no publisher called "${quoteUserText(query)}"`;
  let problem: string;
  if (cited.length) {
    const figures = cited.map((c) => `${c.title ? `“${c.title}”` : c.what} (${yearLabel(c)})`).join('; ');
    problem = `I have no tier definition from ${cited[0]!.publisher.split(';')[0]!.trim()}; Tierbot cites it for other figures: ${figures}.`;
  } else {
    problem = near.length ? `${unknown}. Did you mean ${listedNames(near)}?` : `${unknown}, nor one close to it. Some to try: ${listedNames(TRY_PUBLISHERS)}.`;
  }
  const reply = inputErrorReply(
    problem,
    'a publisher or article title from the suggestions that appear as you type `source:`, or /tiers with no source for all of them.',
    'Unknown source',
  );
  return { ...reply, components: publisherButtons(near.length ? near : TRY_PUBLISHERS) };
}

/** The server's house definition as one line, or undefined; a failing store is said in words. */
async function houseLine(context: RunContext): Promise<string | undefined> {
  const found = await lookUpHouse(context);
  return found.kind === 'set' ? houseDefinitionLine(found.tiers, Math.min(HOUSE_DEFINITION_ROOM, houseRoom())) : houseProblemLine(found);
}

export async function run(args: { source?: string }, context: RunContext): Promise<Reply> {
  const query = args.source?.trim() ?? '';
  if (!query) return overviewReply(await houseLine(context));
  const { exact, matches, clear } = lookupPublisher(query);
  if (exact) return publisherReply(exact, readAs(query, exact));
  if (clear && matches[0]) return publisherReply(matches[0], query);
  if (matches.length > 1) return choicesReply(query, matches);
  return unknownSourceReply(query);
}

export function autocomplete(focused: { name: string; value: string }): Choice[] {
  return rankMatches(focused.value, ENTRIES, 25).map((p) => ({ name: shorten(p.voting.length ? p.label : `${p.label} (no vote)`, 100), value: p.id }));
}

export function component(customId: string, values: readonly string[]): ComponentReply {
  const [, what, arg] = customId.split(':');
  if (what === 'all') return { mode: 'reply', reply: allSourcesReply(0) };
  if (what === 'page' && /^\d{1,3}$/.test(arg ?? '')) return { mode: 'update', reply: allSourcesReply(Number(arg)) };
  const id = what === 'pick' || what === 'open' ? values[0] : what === 'pub' ? arg : undefined;
  const publisher = publisherById(id ?? '');
  if (!publisher) return { mode: 'reply', reply: inputErrorReply('That publisher is no longer listed.', 'run /tiers again.') };
  // The overview and a page asked for by name are public: one person's pick must not replace what
  // everyone in the channel is reading, so it opens on a page of the presser's own (as "All
  // sources" does), and the public message stays. On that page, or on one's own "Which
  // publisher?" list, a pick changes the page in place.
  const inPlace = what === 'pub' || (what === 'pick' && ownMessageMark(customId).own);
  return { mode: inPlace ? 'update' : 'reply', reply: publisherReply(publisher, undefined, 'own') };
}

export const tiers = slashCommand({ definition, run, autocomplete, component });
