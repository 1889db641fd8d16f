/**
 * The server's house definition (/house) in /glossary: the line a tier word leads with, read by
 * the house tiers; a house tier opened as an entry of its own; and the house tiers a lookup reads.
 */

import { andList, formatCount } from '../domain/format';
import { findTerm, type Term } from '../domain/glossary';
import { formatHouseTier, type HouseTier } from '../domain/house';
import { NORMAL_TIERS } from '../domain/sources';
import { TIER_LABELS } from '../domain/tier-style';
import { button, buttonRows, quoteUserText } from './embeds';
import { termButtonId } from './glossary-ids';
import { TEAM_COLOUR } from './glossary-team-term';
import { stretchCounts } from './glossary-term-reply';
import { HOUSE_ANSWER_ROOM, type HouseLookup, fitMarkdownLine, houseDefinitionLine, housePlacementText, houseProblemLine, houseTierMapping, lookUpHouse, teamTierName, yourHouse } from './house-lookup';
import { LIMITS } from './limits';
import type { Reply, RunContext } from './types';

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
export async function houseLineFor(term: Term, context: RunContext): Promise<string | undefined> {
  if (term.group !== 'Tiers') return undefined;
  const found = await lookUpHouse(context);
  return found.kind === 'set' ? houseReading(term, found.tiers) : houseProblemLine(found);
}

/** A house tier asked for by name when no glossary term has it ("star"): its range, and the whole definition. */
export function houseTierReply(tier: HouseTier, tiers: readonly HouseTier[], shownFor?: string): Reply {
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
export const tiersOfLookup = (found: HouseLookup): readonly HouseTier[] => (found.kind === 'set' ? found.tiers : []);

/** The server's house tiers, none where it has no house definition (or it cannot be read). */
export async function houseTiersHere(context: RunContext): Promise<readonly HouseTier[]> {
  return tiersOfLookup(await lookUpHouse(context));
}
