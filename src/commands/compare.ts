/** /compare — one big influencer or many micro-influencers, with every assumption shown and sourced. */

import { ButtonStyle, ComponentType, MessageFlags, SlashCommandBuilder, type APIEmbed, type APIEmbedField } from 'discord.js';
import { PLATFORMS, PLATFORM_LABEL } from '../domain/benchmarks';
import {
  METRICS,
  comparePlans,
  decodeScenario,
  encodeScenario,
  equalBudgetScenario,
  parseCompareInput,
  type AssumptionRow,
  type BreakEven,
  type CompareInput,
  type Comparison,
  type PlanMetrics,
  type Scenario,
} from '../domain/compare';
import { formatMoney, formatPercent } from '../domain/units';
import { LIMITS, embedLength } from '../discord/limits';
import { NEUTRAL_COLOUR, inputErrorReply, linesToFields, quoteUserText, truncate } from './embeds';
import { TIER_COLOURS } from '../domain/tier-style';
import { replyWithChart } from '../charts';
import { Memo } from '../memo';
import { WITH_CHARTS, type Command, type ComponentReply, type OptionValues, type Reply, type RunContext } from './types';

const STRING_OPTIONS: [name: keyof CompareInput, description: string][] = [
  ['budget', 'Total budget in US dollars, e.g. 5000, $5,000 or 5k'],
  ['big_followers', 'Plan A: the big influencer’s followers, e.g. 100k or 1.2M'],
  ['big_fee', 'Plan A: the big influencer’s fee in US dollars, e.g. $1,000 or 10k'],
  ['micro_count', 'Plan B: how many micro-influencers, e.g. 10'],
  ['micro_followers', 'Plan B: followers of each micro-influencer, e.g. 10k'],
  ['micro_fee', 'Plan B: fee of each micro-influencer in US dollars, e.g. 100'],
  ['big_engagement', 'Plan A engagement rate in percent, e.g. 1.66'],
  ['micro_engagement', 'Plan B engagement rate in percent, e.g. 2.37'],
  ['conversion', 'Orders per website visit in percent, e.g. 2.5'],
  ['order_value', 'Average order value in US dollars, e.g. 30'],
  ['overlap', 'Share of the micros’ followers who are duplicates, in percent, e.g. 40'],
];

const builder = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('One big influencer or many micro-influencers: reach, engagement, cost, sales and ROI')
  .addStringOption((o) =>
    o
      .setName('preset')
      .setDescription('A case from the sources')
      .addChoices({ name: 'Kardashian tweet (seed 003)', value: 'kardashian' }, { name: '10 × 10,000 vs 1 × 100,000 (seeds 001, 003)', value: 'ten-micro' }),
  )
  .addStringOption((o) =>
    o
      .setName('platform')
      .setDescription('Platform whose engagement benchmarks to use (default Instagram)')
      .addChoices(...PLATFORMS.map((p) => ({ name: PLATFORM_LABEL[p], value: p }))),
  );
for (const [name, description] of STRING_OPTIONS) builder.addStringOption((o) => o.setName(name).setDescription(description).setMaxLength(40));
const definition = builder.toJSON();

/** custom_id prefixes; the rest of the id is the encoded scenario (≤ 86 characters). */
const ASSUMPTIONS_BUTTON = 'compare:a:';
const EQUAL_BUDGET_BUTTON = 'compare:e:';

const ORIGIN_LABEL = { given: 'your input', preset: 'preset', default: 'default', budget: 'from the budget' } as const;

function planField(plan: PlanMetrics, c: Comparison): APIEmbedField {
  const lines = METRICS.map((m) => {
    const value = plan[m.key];
    const won = c.winners[m.key] === plan.plan ? ' ✅' : '';
    return `${m.label}: **${value === null ? 'not defined' : m.format(value)}**${won}`;
  });
  const budgetNote = plan.withinBudget === false ? '\n⚠️ over the budget' : '';
  return { name: truncate(`Plan ${plan.plan}: ${plan.name}`, 256), value: truncate(lines.join('\n') + budgetNote, 1024), inline: true };
}

function breakEvenText(b: BreakEven, format: (n: number) => string): string {
  return b.value === null ? `none (${b.reason})` : format(b.value);
}

function breakEvenField(c: Comparison): APIEmbedField {
  const { cpe, roi } = c.breakEven;
  const value = [
    `Plan B ties Plan A on **CPE** at a micro engagement rate of ${breakEvenText(cpe.microEngagement, formatPercent)} or a micro fee of ${breakEvenText(cpe.microFee, formatMoney)} each.`,
    `It ties on **ROI** at ${breakEvenText(roi.microEngagement, formatPercent)} engagement or ${breakEvenText(roi.microFee, formatMoney)} each.`,
  ].join('\n');
  return { name: 'Break-even', value: truncate(value, 1024) };
}

function assumptionLine(row: AssumptionRow): string {
  const source = row.origin === 'given' ? '' : `; ${truncate(row.source, 110)}`;
  return `• ${row.label}: **${row.display}** (${ORIGIN_LABEL[row.origin]}${source})`;
}

function title(s: Scenario): string {
  if (s.preset === 'kardashian') return 'The Kardashian tweet (seed 003) against ten micro-influencers';
  return 'One big influencer or many micro-influencers?';
}

export function compareEmbed(c: Comparison): APIEmbed {
  const bWins = c.winners.roi === 'B' || (c.winners.roi !== 'A' && c.winners.cpe === 'B');
  return {
    title: title(c.scenario),
    description: truncate([c.verdict, c.budget?.sentence].filter(Boolean).join('\n\n'), 4096),
    color: bWins ? TIER_COLOURS.micro : TIER_COLOURS.macro,
    fields: [
      planField(c.a, c),
      planField(c.b, c),
      breakEvenField(c),
      ...linesToFields('Assumptions (press "Assumptions" for the full sources)', c.assumptions.map(assumptionLine)),
      ...linesToFields('Where the sources disagree', c.disagreements.map((d) => `• ${truncate(d, 300)}`)),
    ].slice(0, 25),
    footer: { text: 'Every option left out uses the default shown. ✅ marks the better plan on each measure.' },
  };
}

/** Replies by scenario: presets and common budgets are asked for again and again. */
const scenarioReplies = new Memo<{ reply: Reply; comparison: Comparison }>({ max: 256 });

function compareReply(scenario: Scenario, context: RunContext): Reply | Promise<Reply> {
  // A scenario follows from its overrides. Keyed by their exact values: the custom_id encoding rounds.
  const { reply, comparison } = scenarioReplies.get(JSON.stringify(scenario.overrides), () => {
    const state = encodeScenario(scenario);
    const comparison = comparePlans(scenario);
    const reply: Reply = {
      embeds: [compareEmbed(comparison)],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Assumptions', custom_id: `${ASSUMPTIONS_BUTTON}${state}` },
            { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Equal budget', custom_id: `${EQUAL_BUDGET_BUTTON}${state}` },
          ],
        },
      ],
    };
    return { reply, comparison };
  });
  return replyWithChart(reply, context, 'compare', { comparison });
}

/** The full list, for the "Assumptions" button: every value with its source, then how the model works. */
export function assumptionsReply(c: Comparison): Reply {
  const rows: APIEmbedField[] = c.assumptions.map((row) => ({
    name: truncate(`${row.label}: ${row.display}`, 256),
    value: truncate(`${ORIGIN_LABEL[row.origin]} · ${row.source}`, 1024),
  }));
  const model: APIEmbed = {
    title: 'How the numbers are worked out',
    description: truncate(c.formulas.map((f) => `• ${f}`).join('\n'), 4096),
    fields: linesToFields('Caveats', c.caveats.map((x) => `• ${x}`)).slice(0, 4),
  };
  return fitTotal([{ title: 'Every assumption, with its source', color: NEUTRAL_COLOUR, fields: rows.slice(0, 25) }, model]);
}

/** Discord counts 6,000 characters across all embeds: drop the last fields until it fits. */
function fitTotal(embeds: APIEmbed[]): Reply {
  const size = () => embeds.reduce((n, e) => n + embedLength(e), 0);
  while (size() > LIMITS.embedTotal) {
    const last = [...embeds].reverse().find((e) => e.fields?.length);
    if (!last?.fields) break;
    last.fields.pop();
  }
  return { embeds, flags: MessageFlags.Ephemeral };
}

export function run(options: OptionValues, context: RunContext = WITH_CHARTS): Reply | Promise<Reply> {
  const input: CompareInput = {};
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && typeof value !== 'boolean') input[name as keyof CompareInput] = value;
  }
  const parsed = parseCompareInput(input);
  if (!parsed.ok) {
    // The domain quotes what was typed between “ ”: escape it so it cannot format or ping.
    const reason = parsed.reason.replace(/“([^”]*)”/g, (_, typed: string) => `“${quoteUserText(typed)}”`);
    return inputErrorReply(`**${parsed.option}**: ${reason}`, `for ${parsed.option}, ${parsed.accepted}.`, `That ${parsed.option} did not work`);
  }
  return compareReply(parsed.scenario, context);
}

export async function component(customId: string, _values: readonly string[], context: RunContext = WITH_CHARTS): Promise<ComponentReply> {
  const isAssumptions = customId.startsWith(ASSUMPTIONS_BUTTON);
  const parsed = decodeScenario(customId.slice(isAssumptions ? ASSUMPTIONS_BUTTON.length : EQUAL_BUDGET_BUTTON.length));
  if (!parsed.ok) return { mode: 'reply', reply: inputErrorReply('This button’s comparison could not be read back.', 'run /compare again.') };
  if (isAssumptions) return { mode: 'reply', reply: assumptionsReply(comparePlans(parsed.scenario)) };
  return { mode: 'update', reply: await compareReply(equalBudgetScenario(parsed.scenario), context) };
}

export const compare: Command = { definition, run, component };
