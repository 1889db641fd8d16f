/**
 * A /compare scenario carried in a button's custom_id, after the prefix that names the button, so
 * the buttons keep working after a restart and on any replica. Only what differs from the defaults
 * is carried: a presence mask of the options given, then each given value in a fixed number of
 * bits, the whole written in URL-safe base 64. Money is carried in cents and counts as they are.
 * A percentage is kept to six significant digits (so 0.00001% survives), carried as its digits
 * and a power of ten: value = digits ÷ 10^places. One more bit after the mask says the count (or
 * the budget) was set by the Equal budget button. With every option given this is 79 characters, so "compare:x:"
 * plus the state, and the own-message mark (":own") after it, stays within Discord's 100.
 *
 * Version 3 states (no Equal budget bit) and version 2 states (percentages in ten-thousandths of
 * a point, no Equal budget bit) are still read, so buttons on older replies keep working.
 */

import { PLATFORMS } from '../domain/benchmarks';
import { OPTION_KIND, OPTION_NAMES, PRESETS, parseOverrides, type CompareInput, type OptionKind, type Overrides } from '../domain/compare';
import { MAX_FOLLOWERS } from '../domain/followers';
import { MAX_MONEY } from '../domain/units';

/** A button's custom_id: one of these prefixes, saying which button it is, then the encoded state. */
export const ASSUMPTIONS_ID = 'compare:a:';
export const EXPORT_ID = 'compare:x:';
export const EQUAL_BUDGET_ID = 'compare:e:';
export const CASES_ID = 'compare:c:';

const VERSION = '4';
const VERSION_3 = '3';
const VERSION_2 = '2';
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The widths of the fields that carry the lists' entries, as every version read here (2 to 4) has
 * them: a presence bit for each option in OPTION_NAMES, in its order, and the preset and the
 * platform as their place in PRESETS and PLATFORMS. They are the layout of the buttons already
 * sent, so they are fixed here rather than taken from the lists: a list that grew past its field
 * would shift every field after it, and old buttons would read as other scenarios.
 */
const OPTION_MASK_BITS = 16;
const PRESET_BITS = 1;
const PLATFORM_BITS = 2;

/** What no longer fits the layout above; none while every list fits its field. */
function layoutProblems(): string[] {
  return [
    OPTION_NAMES.length === OPTION_MASK_BITS ? '' : `OPTION_NAMES has ${OPTION_NAMES.length} options for a mask of ${OPTION_MASK_BITS} bits`,
    PRESETS.length <= 2 ** PRESET_BITS ? '' : `PRESETS has ${PRESETS.length} presets for a field that holds ${2 ** PRESET_BITS}`,
    PLATFORMS.length <= 2 ** PLATFORM_BITS ? '' : `PLATFORMS has ${PLATFORMS.length} platforms for a field that holds ${2 ** PLATFORM_BITS}`,
  ].filter(Boolean);
}

// Refused when the module loads, so Tierbot does not start (nor any test of /compare pass) with
// buttons that read back as another scenario.
const outgrown = layoutProblems();
if (outgrown.length) {
  throw new Error(
    `The /compare button state no longer fits its layout: ${outgrown.join('; ')}. Give the new layout its own widths under a new VERSION ` +
      `(compare-state.ts), and keep decoding version ${VERSION} and older with the widths they were written with, so buttons already sent still work.`,
  );
}

/** Bits per value, and the scale from the option's unit to the whole number carried (percentages: see PERCENT_*). */
const WIDTH: Record<OptionKind, number> = { money: 47, followers: 34, influencers: 20, percent: 24 };
const SCALE: Record<OptionKind, number> = { money: 100, followers: 1, influencers: 1, percent: 1 };
const MAX: Record<OptionKind, number> = { money: MAX_MONEY * 100, followers: MAX_FOLLOWERS, influencers: 1_000_000, percent: 100 };

/** A percentage's digits (up to 999,999: six significant digits) and its decimal places (0–15). */
const PERCENT_DIGIT_BITS = 20;
const PERCENT_PLACE_BITS = 4;
const MAX_PLACES = 2 ** PERCENT_PLACE_BITS - 1;

/** Version 2: percentages in ten-thousandths of a point, 20 bits. */
const V2_PERCENT = { width: 20, scale: 10_000 };

/** The fewest decimal places that carry `value` exactly, and its digits at those places. */
function percentBits(value: number): bigint {
  for (let places = 0; places <= MAX_PLACES; places++) {
    const digits = Math.round(value * 10 ** places);
    if (digits / 10 ** places === value && digits < 2 ** PERCENT_DIGIT_BITS) return (BigInt(places) << BigInt(PERCENT_DIGIT_BITS)) | BigInt(digits);
  }
  // Not reached for a percentage Tierbot keeps (six significant digits, at least 1e-9).
  throw new Error(`A percentage of ${value} cannot be carried in a button.`);
}

function percentFrom(bits: number): number {
  const digits = bits % 2 ** PERCENT_DIGIT_BITS;
  const places = Math.floor(bits / 2 ** PERCENT_DIGIT_BITS);
  return digits / 10 ** places;
}

/** Widths and values, in order: the mask, the Equal budget bit, then each given option in OPTION_NAMES order. */
function fields(o: Overrides): [value: bigint, width: number][] {
  const out: [bigint, number][] = [];
  let mask = 0n;
  OPTION_NAMES.forEach((name, i) => {
    if (o[name] !== undefined) mask |= 1n << BigInt(i);
  });
  out.push([mask, OPTION_MASK_BITS], [o.setByEqualBudget ? 1n : 0n, 1]);
  for (const name of OPTION_NAMES) {
    if (name === 'preset') {
      if (o.preset) out.push([BigInt(PRESETS.indexOf(o.preset)), PRESET_BITS]);
    } else if (name === 'platform') {
      if (o.platform) out.push([BigInt(PLATFORMS.indexOf(o.platform)), PLATFORM_BITS]);
    } else {
      const v = o[name];
      const kind = OPTION_KIND[name];
      if (v === undefined) continue;
      out.push([kind === 'percent' ? percentBits(v) : BigInt(Math.round(v * SCALE[kind])), WIDTH[kind]]);
    }
  }
  return out;
}

export function encodeState(o: Overrides): string {
  // Written last field first, so that reading from the low bits gives them in order; a leading 1 bit marks the end.
  let acc = 1n;
  for (const [value, width] of fields(o).reverse()) acc = (acc << BigInt(width)) | value;
  let text = '';
  while (acc > 0n) {
    text += DIGITS[Number(acc & 63n)];
    acc >>= 6n;
  }
  return VERSION + text;
}

/** The overrides a state carries, validated as typed options are; null when it is not one of ours. */
export function decodeState(state: string): Overrides | null {
  const version = state.slice(0, 1);
  if ((version !== VERSION && version !== VERSION_3 && version !== VERSION_2) || state.length > 90) return null;
  let acc = 0n;
  const body = state.slice(1);
  for (let i = body.length - 1; i >= 0; i--) {
    const digit = DIGITS.indexOf(body[i]!);
    if (digit < 0) return null;
    acc = (acc << 6n) | BigInt(digit);
  }
  const take = (width: number): number => {
    const v = acc & ((1n << BigInt(width)) - 1n);
    acc >>= BigInt(width);
    return Number(v);
  };
  const mask = take(OPTION_MASK_BITS);
  const setByEqualBudget = version === VERSION && take(1) === 1;
  const input: CompareInput = {};
  for (const [i, name] of OPTION_NAMES.entries()) {
    if ((mask & (1 << i)) === 0) continue;
    if (name === 'preset') {
      const preset = PRESETS[take(PRESET_BITS)];
      if (!preset) return null;
      input.preset = preset;
    } else if (name === 'platform') {
      const platform = PLATFORMS[take(PLATFORM_BITS)];
      if (!platform) return null;
      input.platform = platform;
    } else {
      const kind = OPTION_KIND[name];
      if (kind === 'percent') {
        const value = version === VERSION_2 ? take(V2_PERCENT.width) / V2_PERCENT.scale : percentFrom(take(WIDTH.percent));
        if (value > MAX.percent) return null;
        input[name] = value;
        continue;
      }
      const whole = take(WIDTH[kind]);
      if (whole > MAX[kind]) return null;
      input[name] = whole / SCALE[kind];
    }
  }
  if (acc !== 1n) return null;
  const parsed = parseOverrides(input);
  if (!parsed.ok) return null;
  // The bit means something only beside the value the button set.
  const setByButton = setByEqualBudget && (input.micro_count !== undefined || input.budget !== undefined);
  return setByButton ? { ...parsed.overrides, setByEqualBudget: true } : parsed.overrides;
}
