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

export { ACCEPTED, MAX_BUDGET_FOR_FOLLOWERS, MAX_MICRO_COUNT, MAX_PERCENT, OPTION_KIND, OPTION_NAMES, PRESETS, PRESET_LABEL, parseOverrides, type CompareInput, type NumericOption, type OptionKind, type OptionName, type Overrides, type ParseFailure, type PresetId } from './options';
export { ASSUMPTION_KEYS, CENT_RULE_EXAMPLE_TEXT, exactPercent, feeByRulesAt, ONE_FIGURE, traackrAgainstCentRule, type Assumption, type AssumptionKey, type FeeRules, type PlanSpec, type Range, type Scenario } from './assumptions';
export { buildScenario, microInfluencers, mostMicrosText, ONE_MICRO_OVERLAP, parseCompareInput, parseOptions } from './scenario';
export { evaluate, extremeSettings, missingReason, type MetricRanges, type PlanResult, type Setting } from './evaluate';
export { BETTER, COUNTED, METRIC_LABEL, microBreakEvens, nearlyEqual, winnerOf, type CountedMetric, type Decider, type Flip, type Verdict, type Winner } from './verdict';
export { comparePlans, disputed, equalBudget, roiRoasText, type BudgetInfo, type Comparison, type EqualBudget } from './comparison';
export { HOLDS_TEXT, MEASURE_LABEL, breakEvenLine, breakEvenText, flipsText, formatInput, microBreakEvenLine, robustnessText, verdictHeadline, workedInputText } from './phrases';
export { BASIS_TEXT, exportRows, type ExportRow } from './export';
export { comparedText, comparedValue, exportedRange } from './precision';
export { METRIC_NAMES, type MetricName, type Metrics } from '../funnel';
