/** /tiers [source] — every source's tier ranges side by side, or one source quoted and cited. */

import {
  ComponentType,
  SlashCommandBuilder,
  type APIActionRowComponent,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord.js';
import { formatCompact, formatCount } from '../domain/format';
import { coverageNotes, normalRanges, tierSpread } from '../domain/overview';
import { closest, findExact, rankMatches, type Searchable } from '../domain/search';
import {
  BOUNDARY_RULE,
  CONFIDENCE_LABEL,
  NORMAL_TIERS,
  NO_STANDARD,
  SOURCES,
  citation,
  sourceById,
  type Source,
  type Tier,
} from '../domain/sources';
import { NEUTRAL_COLOUR, inputErrorReply, linesToFields, normalisedSuffix, quoteUserText, truncate } from './embeds';
import { TIER_COLOURS, TIER_LABELS } from '../domain/tier-style';
import { replyWithChart } from '../charts';
import { TYPED_TEXT_MEMO, Memo, deepFreeze } from '../memo';
import { Suggestions } from './suggestions';
import { WITH_CHARTS, WITHOUT_CHARTS, type Choice, type Command, type ComponentReply, type OptionValues, type Reply, type RunContext } from './types';

const definition = new SlashCommandBuilder()
  .setName('tiers')
  .setDescription('How every source defines influencer tiers, or one source quoted and cited')
  .addStringOption((o) => o.setName('source').setDescription('A source, e.g. Mediakix, HypeAuditor, seed-000').setAutocomplete(true).setMaxLength(100))
  .toJSON();

const SELECT_PREFIX = 'tiers:pick';

const SEARCHABLE: Searchable<Source>[] = SOURCES.map((s) => ({ item: s, keys: [s.name, s.id, s.publisher] }));
/** "Did you mean" looks at names and ids only: long titles match almost any typo somewhere. */
const BY_NAME: Searchable<Source>[] = SOURCES.map((s) => ({ item: s, keys: [s.name, s.id] }));

function cell(from: number, to: number | null): string {
  if (to === null) return `${formatCompact(from)}+`;
  return from === 0 ? `≤${formatCompact(to)}` : `${formatCompact(from)}–${formatCompact(to)}`;
}

/** One aligned row per source; a blank cell is a tier the source does not define. */
export function rangeTable(sources: readonly Source[] = SOURCES): string {
  const nameWidth = Math.max(...sources.map((s) => s.id.length)) + 1;
  const header = 'source'.padEnd(nameWidth) + NORMAL_TIERS.map((t) => TIER_LABELS[t].padEnd(10)).join('');
  const rows = sources
    .filter((s) => s.tiers.length > 0)
    .map((s) => {
      const ranges = new Map(normalRanges(s).map((r) => [r.normal, r.tiers.some((t) => t.upperUnstated) ? `${formatCompact(r.from)}?` : cell(r.from, r.to)]));
      return (s.id.padEnd(nameWidth) + NORMAL_TIERS.map((t) => (ranges.get(t) ?? '·').padEnd(10)).join('')).trimEnd();
    });
  return ['```', header.trimEnd(), ...rows, '```'].join('\n');
}

function spreadLine(normal: (typeof NORMAL_TIERS)[number]): string | undefined {
  const { ranges } = tierSpread(normal);
  if (ranges.length < 2) return undefined;
  const starts = ranges.map((r) => r.from);
  const ends = ranges.map((r) => r.to ?? Infinity);
  const who = (r: (typeof ranges)[number]) => r.sources.map((s) => s.name).slice(0, 2).join(', ') + (r.sources.length > 2 ? ' …' : '');
  const lowest = ranges[0]!;
  const highest = ranges[ranges.length - 1]!;
  const end = (n: number) => (n === Infinity ? 'open-ended' : formatCompact(n));
  const [firstEnd, lastEnd] = [Math.min(...ends), Math.max(...ends)];
  const ending = firstEnd === lastEnd ? `always ends ${end(firstEnd)}` : `ends anywhere from ${end(firstEnd)} to ${end(lastEnd)}`;
  return (
    `**${TIER_LABELS[normal]}**: ${ranges.length} different ranges; it starts anywhere from ${formatCompact(Math.min(...starts))} to ` +
    `${formatCompact(Math.max(...starts))} and ${ending} (${lowest.text}: ${who(lowest)} · ${highest.text}: ${who(highest)}).`
  );
}

function sourceSelects(current?: Source): APIActionRowComponent<APIStringSelectComponent>[] {
  const menu = (origin: Source['origin'], placeholder: string): APIActionRowComponent<APIStringSelectComponent> => ({
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: `${SELECT_PREFIX}:${origin}`,
        placeholder,
        options: SOURCES.filter((s) => s.origin === origin).map((s) => ({
          label: truncate(s.name, 100),
          value: s.id,
          description: truncate(`${s.publisher}, ${s.year ?? 'n.d.'}`, 100),
          default: s.id === current?.id,
        })),
      },
    ],
  });
  return [menu('seed', 'Show a seed article…'), menu('industry', 'Show an industry source…')];
}

function overviewEmbed(): APIEmbed {
  return {
    title: 'Influencer tiers: every source side by side',
    color: NEUTRAL_COLOUR,
    description: [
      `**${NO_STANDARD}**`,
      `Follower ranges by normalised tier (· = the source does not define it; ≤ = no lower bound; ? = no upper bound given):`,
      rangeTable(),
    ].join('\n'),
    fields: [
      ...linesToFields('Where they disagree most', NORMAL_TIERS.map(spreadLine).filter((l): l is string => l !== undefined)),
      { name: 'Boundaries', value: truncate(BOUNDARY_RULE, 1024) },
    ],
    footer: { text: 'Pick a source below, or run /tiers source:<name>, for its tiers, exact words and citation.' },
  };
}

// The registry is fixed data, so the overview and each source's reply are the same every time:
// each is built once, ahead (prepare) or when first asked for.
let overview: Reply | undefined;
const sourceReplies = new Memo<Reply>({ max: SOURCES.length });

export function overviewReply(context: RunContext = WITH_CHARTS): Reply | Promise<Reply> {
  const reply = (overview ??= deepFreeze({ embeds: [overviewEmbed()], components: sourceSelects() }));
  return replyWithChart(reply, context, 'tiers', {});
}

function tierLine(tier: Tier): string {
  const reads = tier.max === null ? `${formatCount(tier.min)} and up` : `${formatCount(tier.min)}–${formatCount(tier.max)}`;
  return `• **${tier.name}**: ${tier.stated} (reads as ${tier.upperUnstated ? `${formatCount(tier.min)}, no upper bound` : reads})${normalisedSuffix(tier)}`;
}

export function sourceEmbed(source: Source): APIEmbed {
  const quoteHeading =
    source.quote.kind === 'verbatim' ? `Their words${source.quote.via ? ` (as quoted in ${source.quote.via})` : ''}:` : 'Their figures, as recorded in SOURCES.md (not a verbatim quote):';
  const lowest = source.tiers[0];
  const embed: APIEmbed = {
    title: truncate(source.name, 256),
    color: lowest ? TIER_COLOURS[lowest.normal] : NEUTRAL_COLOUR,
    description: `${quoteHeading}\n> ${source.quote.text}`,
    fields: [
      ...linesToFields('Tiers', source.tiers.length ? source.tiers.map(tierLine) : ['No numeric definition.']),
      { name: 'Citation', value: truncate(`${citation(source)}${source.url ? `\n${source.url}` : ''}`, 1024) },
      ...linesToFields('Notes', [
        ...coverageNotes(source),
        ...source.notes,
        `Platform: ${source.platform ?? 'not stated'}.`,
        `Confidence: ${source.confidence === 'seed' ? 'seed article' : `[${source.confidence}] ${CONFIDENCE_LABEL[source.confidence]}`}.`,
      ]),
    ],
    footer: { text: 'Normalised tiers (→) are Tierbot’s mapping by range, so sources can be compared.' },
  };
  if (source.url) embed.url = source.url;
  return embed;
}

function sourceReply(source: Source): Reply {
  return sourceReplies.get(source.id, () => ({ embeds: [sourceEmbed(source)], components: sourceSelects(source) }));
}

// By the words typed: asked again, the reply is one lookup, without normalising and matching again.
const repliesByQuery = new Memo<Reply>(TYPED_TEXT_MEMO);

export function run(options: OptionValues, context: RunContext = WITH_CHARTS): Reply | Promise<Reply> {
  const query = typeof options.source === 'string' ? options.source.trim() : '';
  if (!query) return overviewReply(context);
  return repliesByQuery.get(query, () => replyFor(query));
}

function replyFor(query: string): Reply {
  const source = sourceById(query) ?? findExact(query, SEARCHABLE);
  if (source) return sourceReply(source);
  const suggestions = closest(query, BY_NAME, 3);
  const didYouMean = suggestions.length ? `Did you mean ${suggestions.map((s) => `**${s.name}** (\`${s.id}\`)`).join(', ')}?` : '';
  return inputErrorReply(
    `I have no source called "${quoteUserText(query)}". ${didYouMean}`.trim(),
    'a source id or name from the autocomplete list, or /tiers with no source for all of them.',
    'Unknown source',
  );
}

// Before anything searchable is typed, rankMatches lists the sources in order.
const suggestions = new Suggestions<Source>(
  (query) => rankMatches(query, SEARCHABLE, 25),
  (source) => ({ name: truncate(`${source.name} — ${source.publisher}`, 100), value: source.id }),
);

export function autocomplete(focused: { name: string; value: string }): Choice[] {
  return suggestions.answer(focused.value);
}

export function component(customId: string, values: readonly string[]): ComponentReply {
  const source = customId.startsWith(SELECT_PREFIX) ? sourceById(values[0] ?? '') : undefined;
  if (!source) return { mode: 'reply', reply: inputErrorReply('That source is no longer listed.', 'run /tiers again.') };
  return { mode: 'update', reply: sourceReply(source) };
}

/**
 * The overview (without its chart, which the renderer draws), every source's reply, as asked for
 * by its id (what a picked suggestion sends) and by its name, then the suggestions for every
 * prefix of each name and id, one per step.
 */
function* prepare() {
  yield overviewReply(WITHOUT_CHARTS);
  for (const source of SOURCES) {
    yield repliesByQuery.get(source.id, () => sourceReply(source));
    yield repliesByQuery.get(source.name, () => sourceReply(source));
  }
  yield* suggestions.prepare(SOURCES.flatMap((source) => [source.name, source.id]));
}

export const tiers: Command = { definition, run, autocomplete, component, prepare };
