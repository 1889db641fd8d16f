/**
 * /compare's Assumptions page, shown to the presser alone: every input with its rule, range and
 * sources (cited in full where Discord's limits allow), the break-evens, and a button to the
 * observed cases and caveats, which have a page of their own.
 */

import { MessageFlags, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { PLATFORM_LABEL, audienceWord, citeBrief, citeText, type Citation } from '../domain/benchmarks';
import { exactPercent, microBreakEvenLine, microBreakEvens, ONE_FIGURE, OPTION_NAMES, optionPairs, workedInputText, type Assumption, type AssumptionKey, type Comparison } from '../domain/compare';
import { severalReachFormula } from '../domain/funnel';
import { shorten } from '../domain/format';
import { formatPercent } from '../domain/units';
import { LIMITS, embedsLength } from './limits';
import { CASES_ID, encodeState } from './compare-state';
import { NO_HOUSE, basisWord, houseLine, spanText } from './compare-reply';
import type { HouseLookup } from './house-lookup';
import { COMPARE_OPTION_NAMES } from './compare-definition';
import { NEUTRAL_COLOUR, button, buttonRows, linesToFields, optionTexts, pasteableCommand } from './embeds';
import type { Reply } from './types';

/**
 * "[Minter.io, “How much reach…”, 2019](url)": publisher, the real title (or what the piece is,
 * as /glossary says it), year, "as reported by …" for a second-hand figure, and the link.
 */
function citeLink(c: Citation): string {
  const t = citeText(c);
  return c.url ? `[${t}](${c.url})` : t;
}

/** "[HypeAuditor 2018](url)": a citation by publisher and year, with its link where it has one. */
function briefLink(c: Citation): string {
  return c.url ? `[${citeBrief(c)}](${c.url})` : citeBrief(c);
}

/**
 * How much of each input's text the Assumptions reply shows. `full`: every citation in full the
 * first time it fits (what it is and its link), by publisher and year after that. `linked`: every
 * citation by publisher and year, linked the first time. `short`: by publisher and year, no links.
 * `trimmed`: that, and each input's text shortened to an equal share.
 */
type Detail = 'full' | 'linked' | 'short' | 'trimmed';

/** `uses`: how the funnel uses an input, where its rule does not say, after the rule. */
function assumptionFields(as: readonly Assumption[], detail: Detail, share: number = LIMITS.fieldValue, uses: Partial<Record<AssumptionKey, string>> = {}): APIEmbedField[] {
  const cited = new Set<Citation>();
  return as.map((a) => {
    const value = a.value === null ? 'not reported' : spanText(a.value, (n) => workedInputText(a, n, 'working'));
    // A user's input has no rule beyond being theirs ("your input", or where it applies).
    const parts = [a.basis === 'input' ? `*${a.rule}*.` : `*${a.value === null ? 'not reported' : basisWord(a)}*: ${a.rule}.`];
    const use = uses[a.key];
    if (use) parts.push(use);
    if (a.rangeNote && a.rangeNote !== ONE_FIGURE) parts.push(`Range: ${a.rangeNote}.`);
    const max = detail === 'trimmed' ? Math.max(2, Math.min(share, LIMITS.fieldValue)) : LIMITS.fieldValue;
    // Trimming shortens the rule and range, never the citations: they say what was read second-hand.
    const text = parts.join(' ');
    // A citation given above is repeated by publisher and year only ("Markerly 2016 (as reported by
    // Digiday)"), always with how a second-hand figure was read. In `full`, one not given yet is
    // given in full while the field has room beside the rule and range (a cut range would lose
    // figures); past that, by publisher and year with its link, and in full where it next fits.
    const linked = detail === 'full' || detail === 'linked';
    const briefs = a.sources.map((c) => (cited.has(c) || !linked ? citeBrief(c) : briefLink(c)));
    let spare = max - text.length - 1 - briefs.join(' · ').length;
    const citations = a.sources
      .map((c, i) => {
        const brief = briefs[i]!;
        if (cited.has(c) || !linked) return brief;
        if (detail === 'linked') {
          cited.add(c);
          return brief;
        }
        const whole = citeLink(c);
        if (whole.length - brief.length > spare) return brief;
        spare -= whole.length - brief.length;
        cited.add(c);
        return whole;
      })
      .join(' · ');
    if (!citations) return { name: shorten(`${a.label}: ${value}`, LIMITS.fieldName), value: shorten(text, max) };
    const room = max - citations.length - 1;
    const body = room >= 2 ? shorten(text, room) : '';
    return { name: shorten(`${a.label}: ${value}`, LIMITS.fieldName), value: shorten(body ? `${body} ${citations}` : citations, max) };
  });
}

export const BREAK_EVEN_TITLE = 'Break-even';

/**
 * The micro fee and the micro engagement rate at which the plans change hands on cost per
 * engagement and cost per order, each moved alone: given here whether or not it decides the
 * verdict (the main reply names only the inputs that do, in the same words).
 */
function breakEvenEmbed(c: Comparison): APIEmbed {
  const lines = microBreakEvens(c.scenario).map((b) => `${microBreakEvenLine(c, b)}.`);
  return { title: BREAK_EVEN_TITLE, color: NEUTRAL_COLOUR, description: shorten(lines.join('\n'), LIMITS.embedDescription) };
}

/** How every result's range is found (README: "How /compare gives ranges"). */
const RANGES_RULE =
  'Ranges: each plan with every input that has a range at its worse end (low rates, high fees, high overlap), then at its better end, fees priced at that run’s engagement rate ' +
  '(and again with the engagement rate at its other end, since Traackr’s price follows it); low and high: the smallest and largest results.';

/** The observed cases and every caveat, on a page of their own (the Assumptions page's button). */
export function casesReply(c: Comparison): Reply {
  const citedCase = new Set<Citation>();
  const observed = c.observedClicks.map((o) => {
    const per = (x: number | null) => (x === null ? 'not reported' : formatPercent(x));
    const reached = [o.perReachedA === null ? '' : `${per(o.perReachedA)} for Plan A`, o.perReachedB === null ? '' : `${per(o.perReachedB)} for Plan B`].filter(Boolean);
    const cite = citedCase.has(o.source) ? citeBrief(o.source) : citeText(o.source);
    citedCase.add(o.source);
    return `• ${o.label}: ${exactPercent(o.perFollower)} per follower${reached.length ? `; per account reached, ${reached.join(', ')}` : ''} (${cite}).`;
  });
  const cases: APIEmbed = {
    title: 'Observed cases and caveats',
    color: NEUTRAL_COLOUR,
    description: shorten(observed.join('\n'), LIMITS.embedDescription),
    fields: linesToFields('Caveats', c.notes.map((n) => `• ${n}`)),
  };
  return { embeds: [cases], flags: MessageFlags.Ephemeral };
}

/**
 * "To run this comparison yourself: `/compare platform:tiktok micro_count:32`.": `lead`, then the
 * command that gives this comparison again, with `save:<name>` at its end when `save`, the name
 * for the user to fill in. Its values are numbers and listed choices, so the line always pastes;
 * were it not to, its options are given as texts to type.
 */
export function compareStep(c: Comparison, lead: string, save: boolean): string {
  const options = [...optionPairs(c.scenario.overrides), ...(save ? [['save', '<name>'] as const] : [])];
  return `${lead} ${pasteableCommand('/compare', options, COMPARE_OPTION_NAMES) ?? optionTexts(options)}.`;
}

/**
 * How to change what the page shows: the option that sets each input (with a budget, Plan A's
 * fee is the budget's), the options for the plans themselves, and the command that gives this
 * comparison, to run again with them (with `save:` where `savesHere`).
 */
function changeText(c: Comparison, savesHere: boolean): string {
  // `setter`: the option that sets the input here; `own`: the input's own, which a budget's fee does not take.
  const inputs = Object.values(c.scenario.assumptions).flatMap((a) => (a.option === undefined ? [] : [{ label: a.label, setter: a.basis === 'budget' ? 'budget' : a.option, own: a.option }]));
  const setters = inputs.map((a) => `${a.label} \`${a.setter}:\``);
  // Each option is named once: an input's setter is not offered again for the plans, nor its own (big_fee cannot be given with a budget).
  const taken = new Set<string>(inputs.flatMap((a) => [a.setter, a.own]));
  const forPlans = OPTION_NAMES.filter((name) => !taken.has(name)).map((name) => `\`${name}:\``);
  return [
    `**To change an input**, add its option to /compare: ${setters.join(' · ')}; to change the plans themselves: ${forPlans.join(' · ')}.`,
    compareStep(c, savesHere ? 'To save it for this server, add your changes and a name to:' : 'Add your changes to this command:', savesHere),
  ].join('\n');
}

/**
 * Every input with its source, then the break-evens; the observed cases and caveats are a button
 * away, so the sources keep their links. Discord allows 6,000 characters over all of a message's
 * embeds, so nothing is dropped silently: the break-evens are always shown whole, and the inputs
 * give way instead, first their links and titles (a notice says the Export has them), then, only
 * if that is still too long, an even share of their text. How to change the inputs is the
 * message's text, above the embeds: Discord counts it apart from them (2,000 characters), so
 * saying it costs the sources nothing. `savesHere`: plans can be saved where the page is shown.
 */
export function assumptionsReply(c: Comparison, house: HouseLookup = NO_HOUSE, savesHere = false): Reply {
  const s = c.scenario;
  const bNote = s.b.influencersNote === s.b.followersNote ? s.b.followersNote : `${s.b.influencersNote}; ${audienceWord(s.platform)}: ${s.b.followersNote}`;
  // The default plans share one source, the article's advice: say it once.
  const plans: string[] =
    s.a.followersNote === bNote
      ? [`Plan A: ${c.a.name}; Plan B: ${c.b.name} (both from ${bNote}).`]
      : [`Plan A: ${c.a.name} (${s.a.followersNote}).`, `Plan B: ${c.b.name} (${bNote}).`];
  // The button carries the inputs, not the house definition: this is the one in force when it is pressed.
  const houseText = houseLine(c, house, 'Your house definition as it is now');
  if (houseText) plans.push(houseText);
  plans.push(`Platform: ${PLATFORM_LABEL[s.platform]}${s.platformGiven ? '' : ' (default: most benchmarks are for Instagram)'}.`);
  plans.push(RANGES_RULE);
  const inputs = Object.values(s.assumptions);
  // The formula compare.csv gives for Plan B's reach, so its row checks against the overlap here.
  const uses = s.b.influencers > 1 ? { overlap: `Plan B’s reach: ${severalReachFormula(s.platform)}.` } : {};
  const inputsEmbed = (detail: Detail, share?: number): APIEmbed => {
    const named = detail === 'linked' ? 'by publisher and year' : `without links${detail === 'trimmed' ? ' and some text is shortened' : ''}`;
    const notice = detail === 'full' ? [] : [`*To fit Discord’s limits, sources are named ${named}: **Export** (compare.csv) has every input’s rule, range and sources in full.*`];
    return { title: 'Every input, with its source', color: NEUTRAL_COLOUR, description: shorten([...plans, ...notice].join('\n'), LIMITS.embedDescription), fields: assumptionFields(inputs, detail, share, uses) };
  };
  // The break-evens are kept whole: the inputs give way to them.
  const whole = [breakEvenEmbed(c)];
  let embeds = [inputsEmbed('full'), ...whole];
  if (embedsLength(embeds) > LIMITS.embedTotal) embeds = [inputsEmbed('linked'), ...whole];
  if (embedsLength(embeds) > LIMITS.embedTotal) embeds = [inputsEmbed('short'), ...whole];
  if (embedsLength(embeds) > LIMITS.embedTotal) {
    // An equal share of what is left for each input's text; the names and the notice are kept.
    const fixed = embedsLength([{ ...inputsEmbed('trimmed', 0), fields: [] }, ...whole]) + embeds[0]!.fields!.reduce((n, f) => n + f.name.length, 0);
    embeds = [inputsEmbed('trimmed', Math.floor((LIMITS.embedTotal - fixed) / inputs.length)), ...whole];
  }
  const state = encodeState(c.scenario.overrides);
  return { content: changeText(c, savesHere), embeds, components: buttonRows([button(`${CASES_ID}${state}`, 'Observed cases and caveats')]), flags: MessageFlags.Ephemeral };
}
