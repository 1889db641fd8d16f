/**
 * /compare's definition, as registered with Discord, and the names of its options. Apart from the
 * command itself so that what builds its replies (saved-plans.ts, compare-assumptions.ts) can read
 * the option names without importing compare.ts, which imports them.
 */

import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { PLATFORMS, PLATFORM_LABEL } from '../domain/benchmarks';
import { PRESETS, PRESET_LABEL } from '../domain/compare';
import { type ChatInputDefinition, EVERYWHERE } from './types';

const STRING = ApplicationCommandOptionType.String;
const text = (name: string, description: string) => ({ type: STRING, name, description, max_length: 40 }) as const;

export const definition = {
  name: 'compare',
  description: 'One big influencer or many micro-influencers: reach, engagement, cost and sales, with ranges',
  options: [
    { type: STRING, name: 'preset', description: 'A case from the sources', choices: PRESETS.map((p) => ({ name: PRESET_LABEL[p], value: p })) },
    {
      type: STRING,
      name: 'platform',
      description: 'Platform whose benchmarks to use (default Instagram)',
      choices: PLATFORMS.map((p) => ({ name: PLATFORM_LABEL[p], value: p })),
    },
    text('budget', 'Total budget in US dollars for each plan, e.g. 5000, $5,000 or 5k'),
    text('big_followers', 'Plan A: the big influencer’s followers, e.g. 100k or 1.2M'),
    text('big_fee', 'Plan A: the big influencer’s fee in US dollars, e.g. $1,000 or 10k'),
    text('micro_count', 'Plan B: how many micro-influencers, e.g. 10'),
    text('micro_followers', 'Plan B: followers of each micro-influencer, e.g. 10k'),
    text('micro_fee', 'Plan B: fee of each micro-influencer in US dollars, e.g. 100'),
    text('big_engagement', 'Plan A engagement rate by followers, in percent, e.g. 1.55'),
    text('micro_engagement', 'Plan B engagement rate by followers, in percent, e.g. 2.28'),
    text('conversion', 'Orders per website visit in percent, e.g. 2.5'),
    text('order_value', 'Average order value in US dollars, e.g. 30'),
    text('overlap', 'Share of Plan B’s combined reach that is duplicated, in percent, e.g. 40'),
    text('click_through', 'Website visits per reached account, in percent, e.g. 0.5'),
    text('big_reach', 'Plan A reach rate: accounts reached per follower, in percent, e.g. 22.9'),
    text('micro_reach', 'Plan B reach rate: accounts reached per follower, in percent, e.g. 37.7'),
    { type: STRING, name: 'plan', description: 'Run a plan saved in this server (your other options override it)', autocomplete: true, max_length: 100 },
    { type: STRING, name: 'save', description: 'Save this scenario’s inputs in this server under a name', max_length: 100 },
  ],
  ...EVERYWHERE,
} as const satisfies ChatInputDefinition;

/** /compare's options: in a line typed or pasted, a word that starts with one of their names and a colon starts that option. */
export const COMPARE_OPTION_NAMES: readonly string[] = definition.options.map((option) => option.name);
