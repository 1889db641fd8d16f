/**
 * /compare — one big influencer (Plan A) or many micro-influencers (Plan B), through one funnel,
 * with ranges and the assumption that decides. The main reply leads with the verdict and what it
 * depends on; "Assumptions" lists every input with its source and the option that sets it
 * (ephemeral), "Export" returns compare.csv, "Equal budget" re-runs Plan B at Plan A's cost, for
 * the presser alone, with the command that gives it, when the two differ by more than one micro
 * fee and that cost buys at least one. `save:` and `plan:` keep scenarios per server; an option
 * given with `plan:` replaces the saved values it cannot be combined with. In a server with a
 * house definition (/house), each plan's tier is named by it as well.
 *
 * This file is the command: running it, and its buttons. Its options are defined in
 * compare-definition.ts, the main reply is built in compare-reply.ts, the Assumptions page in
 * compare-assumptions.ts, saved plans are kept and loaded in saved-plans.ts, and the buttons carry
 * the scenario as compare-state.ts writes it.
 */

import { MessageFlags } from 'discord-api-types/v10';
import {
  OPTION_NAMES,
  optionPairs,
  buildScenario,
  comparePlans,
  equalBudget,
  exportRows,
  parseCompareInput,
  type CompareInput,
  type Comparison,
  type EqualBudget,
  type OptionName,
  type Overrides,
  type ParseFailure,
} from '../domain/compare';
import { csvText } from '../domain/csv';
import { countReadingNote } from '../domain/followers';
import { formatMoneyExact } from '../domain/units';
import { LIMITS } from './limits';
import { nameKey, type PlanAuthor } from '../store/types';
import { ASSUMPTIONS_ID, CASES_ID, EQUAL_BUDGET_ID, EXPORT_ID, decodeState } from './compare-state';
import { mainReply, planBCount } from './compare-reply';
import { assumptionsReply, casesReply, compareStep } from './compare-assumptions';
import { COMPARE_OPTION_NAMES, definition } from './compare-definition';
import { MAX_PLAN_NAME, loadPlan, mayChangePlan, planOptionsProblem, plansKeptHere, savePlan, savedValueGivingWay } from './saved-plans';
import { lookUpHouse, type HouseLookup } from './house-lookup';
import { NEUTRAL_COLOUR, inputErrorReply, inReadingOrder, nextStepLine, quoteUserText } from './embeds';
import { ownMessageMark, slashCommand, type Choice, type ComponentContext, type ComponentReply, type Reply, type RunContext } from './types';

export { definition };

// ── Export (compare.csv) ──────────────────────────────────────────────────────────────────────

export const CSV_HEADER = 'plan,metric,low,expected,high,source';

/**
 * No byte order mark: tools read the first line as the header `plan,metric,low,expected,high,source`
 * (a documented contract), and a BOM would become part of its first name.
 */
function compareCsv(c: Comparison): string {
  return csvText([CSV_HEADER.split(','), ...exportRows(c).map((r) => [r.plan, r.metric, r.low, r.expected, r.high, r.source])]);
}

function exportReply(c: Comparison): Reply {
  return {
    embeds: [{ title: 'compare.csv', description: `${c.title}\nBoth plans’ figures (low, expected, high) and every input with its source, ready for a spreadsheet. Reach, visits, orders and the other counts are not rounded, so each step checks: orders × order value = revenue.`, color: NEUTRAL_COLOUR }],
    files: [{ name: 'compare.csv', data: Buffer.from(compareCsv(c), 'utf8'), description: 'The comparison as CSV: plan, metric, low, expected, high, source' }],
    flags: MessageFlags.Ephemeral,
  };
}

// ── Running it ────────────────────────────────────────────────────────────────────────────────

type Args = Partial<Record<OptionName | 'plan' | 'save', string>>;

function optionError(failure: ParseFailure): Reply {
  const { option, reason, accepted, typed, acceptedIsChoice } = failure;
  // The domain quotes what was typed as “typed”; the typed text itself may hold ” or markdown, so it
  // is found by its exact text (not by looking for the closing quote) and escaped whole.
  const quoted = typed === undefined ? '' : `“${typed}”`;
  const at = quoted ? reason.indexOf(quoted) : -1;
  const safe = at < 0 ? reason : `${reason.slice(0, at)}“${quoteUserText(typed!)}”${reason.slice(at + quoted.length)}`;
  // A choice between two options names them itself: "for micro_count, either micro_count or budget" would say one twice.
  return inputErrorReply(`**${option}**: ${safe}`, acceptedIsChoice ? `${accepted}.` : `for ${option}, ${accepted}.`, `That ${option} did not work`);
}

function comparisonFor(overrides: Overrides): Comparison | Reply {
  const built = buildScenario(overrides);
  if (!built.ok) return optionError(built);
  return comparePlans(built.scenario);
}

const isReply = <T extends object>(x: T | Reply): x is Reply => 'embeds' in x;

/** The options the user typed now, by name (blank ones left out). */
function givenOptions(args: Args): Record<string, string> {
  const given: Record<string, string> = {};
  for (const name of OPTION_NAMES) {
    const v = args[name];
    if (typeof v === 'string' && v.trim() !== '') given[name] = v;
  }
  return given;
}

/**
 * The comparison for `inputs`, or the input error. With a loaded plan, a saved value that clashes
 * with one given now gives way, one at a time (each pass removes one): the inputs it was built
 * from are returned, with a line for each saved value left out.
 */
function compareInputs(
  inputs: Record<string, string>,
  given: Readonly<Record<string, string>>,
  fromSavedPlan: boolean,
): { comparison: Comparison; inputs: Record<string, string>; leftOut: string[] } | Reply {
  const leftOut: string[] = [];
  for (;;) {
    const built = parseCompareInput(inputs as CompareInput);
    if (built.ok) return { comparison: comparePlans(built.scenario), inputs, leftOut };
    const giveWay = fromSavedPlan ? savedValueGivingWay(built, inputs, given) : null;
    if (!giveWay) return optionError(built);
    const { [giveWay.option]: _leftOut, ...rest } = inputs;
    inputs = rest;
    leftOut.push(giveWay.line);
  }
}

async function run(args: Args, context: RunContext): Promise<Reply> {
  const given = givenOptions(args);
  const planName = args.plan?.trim();
  const saveName = args.save?.trim();
  const problem = planOptionsProblem(args, context, planName, saveName);
  if (problem) return problem;

  const loaded = planName ? await loadPlan(context, planName, given) : null;
  if (loaded && isReply(loaded)) return loaded;
  const compared = compareInputs(loaded?.inputs ?? given, given, loaded !== null);
  if (isReply(compared)) return compared;

  const extra: string[] = [];
  // "budget:2 mil" is read as a million, as /tier reads "mil", and said as /tier says it: typed
  // now or saved in the plan loaded, a value is read the same way each time it is used.
  for (const [name, value] of Object.entries(compared.inputs)) {
    const note = countReadingNote(value);
    if (note) extra.push(`ℹ️ ${name}${name in given ? '' : ' (saved in the plan)'}: ${note}`);
  }
  if (loaded) extra.push(loadedLine(loaded, given, saveName !== undefined, context), ...compared.leftOut);
  if (saveName) {
    const saved = await savePlan(context, saveName, compared.inputs);
    if (typeof saved !== 'string') return saved;
    extra.push(saved);
  }
  return mainReply(compared.comparison, extra, await lookUpHouse(context));
}

/**
 * "Plan “Q3” loaded; your options override its saved values. To save the change over it, run:
 * `/compare plan:Q3 micro_fee:320 save:Q3`. Or give `save:` a new name to keep both." Saving under
 * the plan's own name replaces it only for its author or a manager (anyone else is refused, as
 * /plans delete refuses them), so only they are offered it; anyone else is offered a new name.
 * `given`: the options given on top of it; `saving`: `save:` was given too, whose own line says
 * what was kept.
 */
function loadedLine(plan: { name: string; author: PlanAuthor }, given: Readonly<Record<string, string>>, saving: boolean, context: RunContext): string {
  const loaded = `Plan “${quoteUserText(plan.name, MAX_PLAN_NAME)}” loaded`;
  if (Object.keys(given).length === 0) return `${loaded}.`;
  const overridden = `${loaded}; your options override its saved values.`;
  if (saving) return overridden;
  if (!mayChangePlan(plan.author, context)) return `${overridden} To save the change, give \`save:\` a new name.`;
  const options = [['plan', plan.name] as const, ...optionPairs(given), ['save', plan.name] as const];
  return `${overridden} ${nextStepLine('save the change over it', '/compare', options, COMPARE_OPTION_NAMES)}. Or give \`save:\` a new name to keep both.`;
}

async function autocomplete(focused: { name: string; value: string }, _args: unknown, context: RunContext): Promise<Choice[]> {
  // As run() answers: saved plans only where they are kept.
  if (focused.name !== 'plan' || !plansKeptHere(context)) return [];
  try {
    // Matched as names are (nameKey), as /plans delete does: "ｑ１" offers "Q1 launch".
    const typed = nameKey(focused.value.trim());
    return inReadingOrder((await context.store.plans(context.guildId)).filter((p) => nameKey(p.name).includes(typed)))
      .slice(0, LIMITS.autocompleteChoices)
      // A saved name is at most 100 characters (MAX_PLAN_NAME), a choice's name and value too: offered whole.
      .map((p) => ({ name: p.name, value: p.name }));
  } catch {
    return [];
  }
}

async function component(customId: string, _values: readonly string[], context: ComponentContext): Promise<ComponentReply> {
  const { id, own } = ownMessageMark(customId);
  const prefix = [ASSUMPTIONS_ID, CASES_ID, EXPORT_ID, EQUAL_BUDGET_ID].find((p) => id.startsWith(p));
  const overrides = prefix ? decodeState(id.slice(prefix.length)) : null;
  const c = overrides ? comparisonFor(overrides) : null;
  if (!c || isReply(c)) return { mode: 'reply', reply: inputErrorReply('This button’s comparison could not be read back.', 'run /compare again.') };
  if (prefix === ASSUMPTIONS_ID) return { mode: 'reply', reply: assumptionsReply(c, await lookUpHouse(context), plansKeptHere(context)) };
  if (prefix === CASES_ID) return { mode: 'reply', reply: casesReply(c) };
  if (prefix === EXPORT_ID) return { mode: 'reply', reply: exportReply(c) };
  const equal = equalBudget(c);
  // Buttons sent before the button was hidden in these cases still answer.
  if (equal === null) return { mode: 'reply', reply: inputErrorReply('The two plans already cost as much as they can be matched.', 'run /compare with other options.', 'Nothing to equal') };
  if (equal.kind === 'buys-none') {
    return {
      mode: 'reply',
      reply: inputErrorReply(
        `Plan A costs ${formatMoneyExact(equal.costA)}, less than one micro-influencer’s fee (${formatMoneyExact(equal.fee)}): it buys no micro-influencer, so no Plan B costs the same. Plan B is unchanged.`,
        'a larger big_fee, or a smaller micro_fee, then press Equal budget again.',
        'Plan A’s cost buys no micro-influencer',
      ),
    };
  }
  const next = comparisonFor(equal.overrides);
  if (isReply(next)) return { mode: 'reply', reply: next };
  // One person's press must not rewrite what the channel is reading: on the public reply it answers
  // the presser alone, with a copy of their own that later presses change in place. The saved plan's
  // name ("Plan “Q1” loaded") is not carried: it would not fit in the button's custom_id.
  const house = await lookUpHouse(context);
  // Short: the presser's copy is held to the main reply's budget, and the key assumptions give way to a longer line.
  const again = plansKeptHere(context) ? compareStep(next, 'To save it, run (with your own name for <name>):', true) : compareStep(next, 'To run this comparison yourself:', false);
  const reply = mainReply(next, [equalBudgetLine(equal, next, house), again], house, 'own');
  return { mode: own ? 'update' : 'reply', reply };
}

/**
 * What the Equal budget press did, truthfully when the cap on micro-influencers keeps the costs
 * apart; Plan B's count named as the reply's house line leaves it (planBCount).
 */
function equalBudgetLine(equal: Extract<EqualBudget, { kind: 'rerun' }>, next: Comparison, house: HouseLookup): string {
  const micros = planBCount(next.scenario.b.influencers, house);
  const costA = formatMoneyExact(equal.costA);
  if (equal.capped) {
    const costs = `Plan A costs ${costA}, Plan B ${formatMoneyExact(next.b.metrics.cost!.expected)}`;
    return next.scenario.budget !== null
      ? `The budget is now Plan A’s cost, ${costA}, but Plan B stops at ${micros}, the most Tierbot models, so the costs still differ: ${costs}.`
      : `Plan B now has ${micros}, the most Tierbot models, so the costs still differ: ${costs}.`;
  }
  return next.scenario.budget !== null
    ? `The budget is now Plan A’s cost, ${costA}: Plan B has ${micros}, as many as it buys.`
    : `Plan B now has ${micros}, as many as Plan A’s cost (${costA}) buys.`;
}

export const compare = slashCommand({ definition, run, autocomplete, component });
