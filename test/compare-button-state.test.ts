/**
 * /compare's buttons carry their scenario in the custom_id, field after field in fixed widths:
 * the options given (a bit for each of OPTION_NAMES), then the preset and the platform by their
 * place in their lists, then the values. Buttons stay in channels for as long as the messages do,
 * so a layout that changed under them would read them as other scenarios. These tests press the
 * buttons for every preset and platform, and read states written before, exactly.
 */

import { describe, expect, it } from 'vitest';
import { assumptionsReply } from '../src/commands/compare-assumptions';
import { ASSUMPTIONS_ID, decodeState } from '../src/commands/compare-state';
import { PLATFORMS } from '../src/domain/benchmarks';
import { PRESETS, type Overrides } from '../src/domain/compare';
import { comparisonOf, pressButton, pressCustomId, runCompare, shownText } from './support/compare';

describe('the /compare button state', () => {
  it('reads back every preset and every platform, and the budget after them, as the reply was given', async () => {
    // A list that outgrew its field would spill into the next one: the platform after the preset,
    // the budget after the platform.
    for (const preset of PRESETS) {
      for (const platform of PLATFORMS) {
        const options = { preset, platform, budget: '5000' };
        const page = await pressButton(await runCompare(options), ASSUMPTIONS_ID);
        expect(shownText(page), `${preset} on ${platform}`).toBe(shownText(assumptionsReply(comparisonOf(options))));
      }
    }
  });

  // States written by the encoder of version 4 (the current one), kept as they were sent. If one
  // of these no longer reads, the layout changed: give the new one a new VERSION in
  // compare-state.ts and keep reading version 4 as it was.
  const EVERY_OPTION_BUT_THE_BUDGET = {
    preset: 'ten-micro',
    platform: 'youtube',
    big_followers: 250_000,
    big_fee: 2500.5,
    micro_count: 12,
    micro_followers: 15_000,
    micro_fee: 120.25,
    big_engagement: 1.55,
    micro_engagement: 2.28,
    conversion: 2.5,
    order_value: 30.99,
    overlap: 40,
    click_through: 0.5,
    big_reach: 22.9,
    micro_reach: 37.7,
  } as const satisfies Overrides;
  const WRITTEN: [state: string, overrides: Overrides][] = [
    ['4DAAF', { preset: 'kardashian', platform: 'tiktok' }],
    ['4gAQZAAC', { micro_count: 50, setByEqualBudget: true }],
    ['4CCBCAAAAAAABAAUB', { platform: 'instagram', micro_fee: 0.01, overlap: 0.00001 }],
    ['47_vCJ0DAACD9AAAAAGAAwUHAAg8dBAAAAwmAAC5AASGAAxGMAAAAAAFAAoAAgocAgIvAgI', EVERY_OPTION_BUT_THE_BUDGET],
    // Every option, the budget too (a state reads whole even where the budget clashes with the fee and count given).
    ['4__vCSoHAAAAgE6BAAhheAAAAADAAYqDAAQ-uAAAAAYTAAhcAAJDAgYDGAAAAAgCAAUAAQUOAQkXAQE', { ...EVERY_OPTION_BUT_THE_BUDGET, budget: 5000 }],
  ];

  it('reads buttons already sent as they were written: every option, each in its place, the last preset and platform', () => {
    for (const [state, overrides] of WRITTEN) {
      expect(decodeState(state), `${state}: the version 4 layout changed; bump VERSION in compare-state.ts and keep a decoder for version 4`).toEqual(overrides);
    }
  });

  it('a button already sent opens the page of the scenario it was written for', async () => {
    const { reply } = await pressCustomId(`${ASSUMPTIONS_ID}47_vCJ0DAACD9AAAAAGAAwUHAAg8dBAAAAwmAAC5AASGAAxGMAAAAAAFAAoAAgocAgIvAgI`);
    expect(reply.inputError).toBeUndefined();
    expect(shownText(reply)).toBe(shownText(assumptionsReply(comparisonOf(EVERY_OPTION_BUT_THE_BUDGET))));
  });
});
