/**
 * A built-in term as /glossary shows it: its definition, formula, example and what /tier answers
 * across it, then its citations and ranges by publisher, counted instead of shown when they would
 * not fit a team channel's reply; the buttons to its related terms and to "All sources", and the
 * "All sources" pages. /help shows a term the same way, with all its detail.
 */

import { MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { countOf, formatCount, formatCountRange, shorten } from '../domain/format';
import { rangeGroups, rangesSummary, sourceCount, termById, type BandAnswers, type Term, type TermCitation } from '../domain/glossary';
import { NEUTRAL_COLOUR, PUBLIC_TEXT_LIMIT, SOURCES_PAGE_TEXT, button, buttonRows, linesToFields, pageLines, pagerRow, quoteUserText } from './embeds';
import { SOURCES_BUTTON, SOURCES_PAGE, termButtonId, type Viewers } from './glossary-ids';
import { LIMITS, embedLength } from './limits';
import type { Reply } from './types';

/** "1,000–2,499", "1,000,001 and up". */
export function stretchCounts(from: number, to: number | null): string {
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
export function fittedTermEmbed(term: Term, shownFor?: string, house?: string): { embed: APIEmbed; allShown: boolean } {
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
export function allSourcesReply(term: Term, page = 0): Reply {
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

/** Buttons that open each related term (at most two rows of five). */
function relatedButtons(term: Term, viewers: Viewers = 'public'): APIActionRowComponent<APIButtonComponent>[] {
  const buttons = term.related
    .map(termById)
    .filter((t): t is Term => t !== undefined)
    .slice(0, 10)
    .map((t) => button(termButtonId(t.id, viewers), t.name));
  return buttonRows(buttons, 2);
}

/** The related terms' buttons, and "All sources" when the reply leaves citations out. */
export function termComponents(term: Term, allShown: boolean, viewers: Viewers): APIActionRowComponent<APIButtonComponent>[] {
  return [...relatedButtons(term, viewers), ...(allShown ? [] : buttonRows([button(`${SOURCES_BUTTON}:${term.id}`, 'All sources')]))];
}

/** A built-in term's reply with its buttons, to the channel or on the presser's own message; `house` is the house line above its definition. */
export function termReply(term: Term, shownFor?: string, viewers: Viewers = 'public', house?: string): Reply {
  const { embed, allShown } = fittedTermEmbed(term, shownFor, house);
  return { embeds: [embed], components: termComponents(term, allShown, viewers), ...(viewers === 'own' ? { flags: MessageFlags.Ephemeral } : {}) };
}
