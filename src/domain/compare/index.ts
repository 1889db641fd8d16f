/**
 * The model behind /compare: one big influencer (Plan A) against many micro-influencers (Plan B),
 * through one funnel (../funnel.ts), with every input a low–expected–high range from the sources.
 *
 * parseCompareInput validates the options and fills every gap with a cited default;
 * comparePlans evaluates the scenario. Plain data in and out (no markdown, no Discord): the
 * command formats it, and the chart renderer receives it as is.
 *
 * Modules: options.ts (names, accepted forms, parsing), assumptions.ts (every funnel input with
 * its range and sources), scenario.ts (building a scenario from the options), evaluate.ts (the
 * three runs behind each range), verdict.ts (counted measures, deciders, break-evens),
 * comparison.ts (the result as the reply needs it, Equal budget), phrases.ts and export.ts.
 */

export { MAX_BUDGET_FOR_FOLLOWERS, MAX_MICRO_COUNT, OPTION_KIND, OPTION_NAMES, PRESETS, PRESET_LABEL, optionPairs, parseOverrides, type CompareInput, type NumericOption, type OptionKind, type OptionName, type Overrides, type ParseFailure } from './options';
export { ASSUMPTION_KEYS, CENT_RULE_EXAMPLE_TEXT, audienceText, exactPercent, feeByRulesAt, ONE_FIGURE, traackrAgainstCentRule, type Assumption, type AssumptionKey, type Range, type Scenario } from './assumptions';
export { buildScenario, microInfluencers, mostMicrosText, ONE_MICRO_OVERLAP, parseCompareInput, parseOptions } from './scenario';
export { evaluate, missingReason, type PlanResult } from './evaluate';
export { BETTER, COUNTED, METRIC_LABEL, microBreakEvens, winnerOf, type CountedMetric, type Winner } from './verdict';
export { comparePlans, disputed, equalBudget, roiRoasText, type Comparison, type EqualBudget } from './comparison';
export { HOLDS_TEXT, breakEvenLine, breakEvenText, flipsText, formatInput, microBreakEvenLine, robustnessText, verdictHeadline, workedInputText } from './phrases';
export { exportRows } from './export';
export { comparedText, comparedValue, exportedRange } from './precision';
export { METRIC_NAMES, type MetricName } from '../funnel';
