/**
 * /tier followers:<text> — which tier is this follower count? A short public answer (the count as
 * read, the publishers' one-line answer, the split, a boundary warning, the chart) and an
 * "All sources" button for the per-publisher list, paged and only for the person who asked.
 */

import {
  ApplicationCommandOptionType,
  ButtonStyle,
  MessageFlags,
  type APIEmbed,
} from 'discord-api-types/v10';
import { classify, type Classification, type PublisherVote } from '../domain/classify';
import { ACCEPTED_FORMS, MAX_FOLLOWERS, MAX_FOLLOWERS_WORDS, countReadingNote, parseFollowerCount } from '../domain/followers';
import { followersText, formatCount } from '../domain/format';
import { answerLine, boundaryWarning, ownLineNotes, publisherAnswerWords, publishersAnswer, splitLine, verdictWords } from '../domain/overview';
import { BOUNDARY_RULE, NO_STANDARD, PUBLISHERS, citation, howRead, isSecondHand, noVoteNote, votingWords, yearLabel, type Publisher, type Source } from '../domain/sources';
import { TIER_COLOURS } from '../domain/tier-style';
import { HOUSE_ANSWER_ROOM, fitMarkdownLine, houseAnswerLine, houseProblemLine, lookUpHouse } from './house-lookup';
import { NEUTRAL_COLOUR, PUBLIC_TEXT_LIMIT, button, buttonRows, inputErrorReply, pageLines, pagerRow, SOURCES_PAGE_TEXT, quoteUserText, sourceLink } from './embeds';
import { slashCommand, type ChatInputDefinition, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';

export const definition = {
  name: 'tier',
  description: 'Which influencer tier is this follower count, by your house definition and by every publisher?',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'followers',
      description: 'Follower count, e.g. 30000, 30k, 1.2M or 2.5 million',
      required: true,
      max_length: 100,
    },
  ],
  ...EVERYWHERE,
} as const satisfies ChatInputDefinition;

export { PUBLIC_TEXT_LIMIT };
/** Room kept for the house-definition line above the publishers' answer. */
export const HOUSE_LINE_ROOM = HOUSE_ANSWER_ROOM;

/** custom_ids: "tier:all:<count>" opens the list (a new reply); "tier:page:<count>:<n>" pages it in place. */
const ALL = 'tier:all';
const PAGE = 'tier:page';

// The registry is fixed data: how its vote is counted is worked out once.
const VOTING = votingWords();

const FOOTER = `No industry standard exists. ${VOTING.oneVote} Press "All sources" for each publisher’s answer and citation.`;

function titleFor(count: number, typed: string | undefined): string {
  const understood = followersText(count);
  const t = typed?.trim() ?? '';
  return t && t !== formatCount(count) && t !== String(count) ? `${understood} (read from "${quoteUserText(t, 40)}")` : understood;
}

/**
 * The public /tier embed. `house`, when given, is one line put above the publishers' answer (the
 * team's own definition); the reply stays within PUBLIC_TEXT_LIMIT either way.
 */
export function tierEmbed(c: Classification, asTyped?: string, house?: string): APIEmbed {
  const leader = c.consensus.outcome === 'tier' && c.consensus.leaders.length === 1 ? c.consensus.leaders[0] : undefined;
  const bold = (t: string) => `**${t}**`;
  const warning = boundaryWarning(c);
  // A word read one way of two ("30 mil": a million in English, a thousand in Spanish) is said.
  const reading = asTyped === undefined ? undefined : countReadingNote(asTyped);
  const lines = [
    // houseAnswerLine already fits the room; a longer line from elsewhere is cut without breaking its markdown.
    ...(house ? [fitMarkdownLine(house, HOUSE_LINE_ROOM), `Publishers: ${publishersAnswer(c, bold)}`] : [answerLine(c, bold)]),
    splitLine(c),
    ...(warning ? [`⚠️ ${warning}`] : []),
    ...(reading ? [`ℹ️ ${reading}`] : []),
  ];
  return {
    title: titleFor(c.count, asTyped),
    description: lines.join('\n'),
    color: leader ? TIER_COLOURS[leader] : NEUTRAL_COLOUR,
    footer: { text: FOOTER },
  };
}

function allSourcesButton(count: number) {
  return buttonRows([button(`${ALL}:${count}`, 'All sources', ButtonStyle.Secondary)]);
}

/** The public reply for a count: the embed, the "All sources" button and the chart. */
export function tierReply(count: number, asTyped?: string, house?: string): Reply {
  return {
    embeds: [tierEmbed(classify(count), asTyped, house)],
    components: allSourcesButton(count),
    chart: { kind: 'tiers', opts: { marker: count } },
  };
}

/** The house line for this server, or undefined; never throws (a failing store is said in words). */
async function houseLine(context: RunContext, count: number): Promise<string | undefined> {
  const found = await lookUpHouse(context);
  return found.kind === 'set' ? houseAnswerLine(found.tiers, count, HOUSE_LINE_ROOM) : houseProblemLine(found);
}

// ── All sources ──────────────────────────────────────────────────────────────────────────────

/**
 * How second-hand figures were read ("as reported by Industry Index", "from a copy on getecube.com"),
 * the link on the site it really leads to: a link labelled CNBC must not open Industry Index.
 */
function howReadLinked(source: Source): string {
  const how = howRead(source);
  if (!source.url) return how;
  if (source.via && how.endsWith(source.via)) return `${how.slice(0, -source.via.length)}${sourceLink(source, source.via)}`;
  return sourceLink(source, how);
}

/**
 * How an "All sources" line names a definition's publisher: linked to the publisher's own page when
 * the figures were read there; figures read second-hand are not linked from the name, since a link
 * labelled CNBC must not open Industry Index (`readThrough` links the site they were read on).
 */
function citedName(source: Source, label: string): string {
  return isSecondHand(source) ? label : sourceLink(source, label);
}

/**
 * Where second-hand figures were read (", as reported by [Industry Index](…)"); nothing for figures
 * read first-hand, which the linked name already shows.
 */
function readThrough(source: Source): string {
  return isSecondHand(source) ? `, ${howReadLinked(source)}` : '';
}

/** A publisher's answer, its citation, and how near the count is to its own lines. */
function publisherLine(vote: PublisherVote, c: Classification): string {
  const p = vote.publisher;
  const main = p.voting[0]!;
  const readings = p.voting.length > 1 ? ` (${p.voting.length} readings, one vote)` : '';
  const shared = p.sharedBy.length ? ` ${p.sharedBy.map((s) => s.label).join(', ')} shares this definition.` : '';
  const title = main.title && !main.title.startsWith(p.label.replace(/ \(.*$/, '')) ? `, “${main.title}”` : '';
  const nearNotes = ownLineNotes(c, p);
  const near = nearNotes.map((note) => `, ${note}`).join('');
  const answer = publisherAnswerWords(vote, (t) => `**${t}**`, nearNotes.length > 0);
  return `• **${citedName(main, p.label)}**${readings}${title}, ${yearLabel(main)}${readThrough(main)}: ${answer}${near}.${shared}`;
}

/**
 * A definition shown beside the one that votes, cited as the publishers' lines are: the publisher's
 * name (linked as theirs are), its own title in quotation marks or what it is, its year, and where
 * second-hand figures were read.
 */
function besideCitation(s: Source): string {
  const cited = citation(s);
  // A citation opens with the publisher's name unless the publisher is unnamed ("A Japanese article…"),
  // and then the whole citation is its name.
  const named = cited.startsWith(`${s.publisher}, `) ? s.publisher : cited;
  // "a line quoted in TapInfluence's blog" already says where it was read.
  const howSaid = s.via !== undefined && s.what.includes(s.via);
  return `${citedName(s, named)}${cited.slice(named.length)}${howSaid ? '' : readThrough(s)}`;
}

/**
 * Why a definition beside the vote has none: the publisher counts once, by its latest dated
 * definition, so a dated one is older; an undated one is simply another.
 */
function besideNoVote(s: Source, voting: Source | undefined): string {
  const yearOf = (dated: Source | undefined) => Number(/\d{4}/.exec(dated?.year ?? '')?.[0] ?? NaN);
  const older = yearOf(s) < yearOf(voting);
  return `${older ? 'Older' : 'Other'} definition; no vote.`;
}

function besideLines(p: Publisher, c: Classification): string[] {
  const byId = new Map(c.verdicts.map((v) => [v.source.id, v.verdict]));
  return p.sources
    .filter((s) => s.role === 'beside')
    .map((s) => `  ↳ also ${besideCitation(s)}: ${verdictWords(byId.get(s.id) ?? { kind: 'none' })}. ${besideNoVote(s, p.voting[0])}`);
}

/**
 * Every line of the "All sources" view for a count: the answer and the boundary rule (first, so it
 * is on the first page, beside the notes on each publisher's own lines), each publisher's answer,
 * then how the vote is counted.
 */
export function allSourcesLines(c: Classification): string[] {
  const byPublisher = new Map(c.consensus.publisherVotes.map((v) => [v.publisher.id, v]));
  const lines: string[] = [answerLine(c, (t) => `**${t}**`), splitLine(c), BOUNDARY_RULE, ''];
  for (const p of PUBLISHERS) {
    const vote = byPublisher.get(p.id);
    // One entry per publisher, so a page never opens on an "↳ also" line cut off from whose it is.
    if (vote) lines.push([publisherLine(vote, c), ...besideLines(p, c)].join('\n'));
  }
  const silent = PUBLISHERS.filter((p) => !byPublisher.has(p.id) && !p.sharesWith);
  for (const p of silent) lines.push(`• **${p.label}**: ${noVoteNote(p)}`);
  lines.push('', '**How the vote is counted**', ...VOTING.rules.map((r) => `• ${r}`), '', NO_STANDARD);
  return lines;
}

export function allSourcesReply(count: number, page: number): Reply {
  const c = classify(count);
  const pages = pageLines(allSourcesLines(c), SOURCES_PAGE_TEXT);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const pager = pagerRow((n) => `${PAGE}:${count}:${n}`, at, pages.length);
  return {
    embeds: [
      {
        title: `${followersText(count)}: every publisher`,
        description: pages[at],
        color: NEUTRAL_COLOUR,
        ...(pages.length > 1 ? { footer: { text: `Page ${at + 1} of ${pages.length}` } } : {}),
      },
    ],
    components: pager ? [pager] : [],
    flags: MessageFlags.Ephemeral,
  };
}

export function component(customId: string): ComponentReply {
  const [, what, countText, pageText] = customId.split(':');
  const count = Number(countText);
  const page = Number(pageText ?? 0);
  if ((what !== 'all' && what !== 'page') || !/^\d{1,11}$/.test(countText ?? '') || count > MAX_FOLLOWERS || !Number.isInteger(page) || page < 0) {
    return { mode: 'reply', reply: inputErrorReply('That button is out of date.', 'run /tier again.') };
  }
  // The first press opens a reply only the presser sees; paging within it updates it in place.
  return { mode: what === 'all' ? 'reply' : 'update', reply: allSourcesReply(count, page) };
}

export async function run(args: { followers: string }, context: RunContext): Promise<Reply> {
  const typed = args.followers;
  const parsed = parseFollowerCount(typed);
  if (!parsed.ok) return inputErrorReply(parsed.reason, `a whole number of followers from 0 to ${MAX_FOLLOWERS_WORDS}, such as ${ACCEPTED_FORMS}.`, 'Not a follower count');
  return tierReply(parsed.value, typed, await houseLine(context, parsed.value));
}

export const tier = slashCommand({ definition, run, component });
