/** /tier followers:<text> — classify a follower count by every source at once. */

import { SlashCommandBuilder, type APIEmbed, type APIEmbedField } from 'discord.js';
import { classify, type Classification, type NearBoundary, type Verdict } from '../domain/classify';
import { ACCEPTED_FORMS, parseFollowerCount } from '../domain/followers';
import { formatCompact, formatCount } from '../domain/format';
import { BOUNDARY_RULE, NO_STANDARD, NORMAL_TIERS, citation, type Source, type Tier } from '../domain/sources';
import { NEUTRAL_COLOUR, inputErrorReply, linesToFields, normalisedSuffix, quoteUserText, sourceLink, yearOf } from './embeds';
import { TIER_COLOURS, TIER_LABELS } from '../domain/tier-style';
import { replyWithChart } from '../charts';
import { deepFreeze } from '../memo';
import { WITH_CHARTS, type Command, type OptionValues, type Reply, type RunContext } from './types';

const definition = new SlashCommandBuilder()
  .setName('tier')
  .setDescription('Which influencer tier is this follower count, by every named source?')
  .addStringOption((o) =>
    o.setName('followers').setDescription('Follower count, e.g. 30000, 30k, 1.2M or 2.5 million').setRequired(true).setMaxLength(100),
  )
  .toJSON();

function tierText(tier: Tier): string {
  return `**${tier.name}** (${tier.stated})${normalisedSuffix(tier)}`;
}

export function verdictText(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'tier':
      return tierText(verdict.tier);
    case 'below':
      return `below its lowest tier (${verdict.lowest.name} ${verdict.lowest.stated})`;
    case 'gap':
      return `in a gap between ${verdict.under.name} (${verdict.under.stated}) and ${verdict.over.name} (${verdict.over.stated})`;
    case 'above':
      return `above its top tier (${verdict.highest.name} ${verdict.highest.stated})`;
    case 'floor-only':
      return `at or above its ${verdict.tier.name} floor (${formatCompact(verdict.tier.min)}); no upper bound given`;
    case 'none':
      return 'no numeric definition';
  }
}

function headline(c: Classification): string {
  const { leaders, votes, numericSources, placed } = c.consensus;
  if (leaders.length === 0) return `**No consensus:** none of the ${numericSources} sources with numbers puts this count in a tier.`;
  const names = leaders.map((t) => TIER_LABELS[t]).join(' / ');
  const tie = leaders.length > 1 ? ' (a tie)' : '';
  return `**Consensus: ${names}**${tie} — ${votes} of ${numericSources} sources with numbers (${placed} place it in a tier).`;
}

export function nearBoundaryText(count: number, near: NearBoundary): string {
  const { line, distance } = near;
  const used = `the ${formatCount(line.value)} line used by ${line.sources.length} source${line.sources.length === 1 ? '' : 's'}`;
  if (distance === 0) return `${formatCount(count)} is exactly on ${used}.`;
  const side = distance < 0 ? 'below' : 'above';
  return `${formatCount(count)} is ${formatCount(Math.abs(distance))} ${side} ${used}.`;
}

function disagreements(c: Classification): string[] {
  const lines: string[] = [];
  const spread = NORMAL_TIERS.filter((t) => c.consensus.tally[t] > 0).map((t) => `${TIER_LABELS[t]} ${c.consensus.tally[t]}`);
  if (spread.length > 1) lines.push(`Sources split: ${spread.join(' · ')}.`);
  else if (spread.length === 1) lines.push(`Every source that places it says ${spread[0]!.split(' ')[0]}.`);

  const names = (kind: Verdict['kind']) => c.verdicts.filter((v) => v.verdict.kind === kind).map((v) => v.source.name);
  const unplaced: [string, string[]][] = [
    ['in a gap', names('gap')],
    ['below the lowest tier', names('below')],
    ['above the top tier', names('above')],
    ['a floor with no upper bound', names('floor-only')],
  ];
  for (const [what, who] of unplaced) if (who.length) lines.push(`Not placed (${what}): ${who.join(', ')}.`);

  const tierNames = new Set(c.verdicts.flatMap((v) => (v.verdict.kind === 'tier' ? [v.verdict.tier.name] : [])));
  if (tierNames.size > 1) lines.push(`Names used: ${[...tierNames].join(', ')}.`);
  return lines;
}

function sourceLine(source: Source, verdict: Verdict): string {
  const year = source.origin === 'industry' ? ` ${yearOf(source)}` : '';
  return `• ${sourceLink(source)}${year}: ${verdictText(verdict)}`;
}

/** The seed articles behind the seed lines, once each (four outlets are quoted in seed 003). */
function seedCitations(c: Classification): string[] {
  const byTitle = new Map<string, Source>();
  for (const { source } of c.verdicts) {
    if (source.origin !== 'seed') continue;
    const seen = byTitle.get(source.title);
    // Cite the article itself, not an outlet it quotes: the shortest publisher is the article's own.
    if (!seen || source.publisher.length < seen.publisher.length) byTitle.set(source.title, source);
  }
  return [...byTitle.values()].map((s) => `• ${citation(s)}`);
}

/**
 * Everything in a /tier reply that depends only on the verdicts, not on the exact count: the
 * verdicts are shared by every count between two tier edges (classify's lookup table), so these
 * parts are built once per stretch and then reused.
 */
interface StretchParts {
  headline: string;
  color: number;
  fields: APIEmbedField[];
}

const stretchParts = new WeakMap<Classification['verdicts'], StretchParts>();

function partsFor(c: Classification): StretchParts {
  let parts = stretchParts.get(c.verdicts);
  if (!parts) {
    const leader = c.consensus.leaders.length === 1 ? c.consensus.leaders[0] : undefined;
    const lineFor = (origin: Source['origin']) => c.verdicts.filter((v) => v.source.origin === origin).map((v) => sourceLine(v.source, v.verdict));
    parts = deepFreeze({
      headline: headline(c),
      color: leader ? TIER_COLOURS[leader] : NEUTRAL_COLOUR,
      fields: [
        ...linesToFields('Where the sources disagree', disagreements(c)),
        ...linesToFields('Seed articles', lineFor('seed')),
        ...linesToFields('Industry definitions (linked)', lineFor('industry')),
        ...linesToFields('Seed articles cited', seedCitations(c)),
      ],
    });
    stretchParts.set(c.verdicts, parts);
  }
  return parts;
}

const FOOTER = deepFreeze({ text: `${NO_STANDARD}\nBoundaries: ${BOUNDARY_RULE}\n/tiers <source> shows each quote and full citation.` });

export function tierEmbed(c: Classification, asTyped?: string): APIEmbed {
  const understood = `${formatCount(c.count)} followers`;
  const typed = asTyped?.trim() ?? '';
  const title = typed && typed !== formatCount(c.count) && typed !== String(c.count) ? `${understood} (read from "${quoteUserText(typed, 40)}")` : understood;
  const near = c.nearBoundaries.slice(0, 2).map((n) => `⚠️ Near a boundary: ${nearBoundaryText(c.count, n)}`);
  const { headline, color, fields } = partsFor(c);
  return {
    title: title.slice(0, 256),
    description: [headline, ...near].join('\n'),
    color,
    fields,
    footer: FOOTER,
  };
}

export function run(options: OptionValues, context: RunContext = WITH_CHARTS): Reply | Promise<Reply> {
  const typed = String(options.followers ?? '');
  const parsed = parseFollowerCount(typed);
  if (!parsed.ok) return inputErrorReply(parsed.reason, `a whole number of followers from 0 to 10 billion, such as ${ACCEPTED_FORMS}.`, 'Not a follower count');
  const reply: Reply = { embeds: [tierEmbed(classify(parsed.value), typed)] };
  return replyWithChart(reply, context, 'tiers', { marker: parsed.value });
}

export const tier: Command = { definition, run };
