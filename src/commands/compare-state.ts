/**
 * A /compare scenario carried in a button's custom_id, so the buttons keep working after a restart
 * and on any replica. Only what differs from the defaults is carried: a presence mask of the
 * options given, then each given value in a fixed number of bits (money in cents, percentages in
 * ten-thousandths of a point, counts as they are), the whole written in URL-safe base 64. With every
 * option at its largest value this is 74 characters, so "compare:x:" plus the state stays within
 * Discord's 100.
 */

import { PLATFORMS } from '../domain/benchmarks';
import { OPTION_KIND, OPTION_NAMES, PRESETS, parseOverrides, type CompareInput, type OptionKind, type Overrides } from '../domain/compare';
import { MAX_FOLLOWERS } from '../domain/followers';
import { MAX_MONEY } from '../domain/units';

const VERSION = '2';
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bits per value, and the scale from the option's unit to the whole number carried. */
const WIDTH: Record<OptionKind, number> = { money: 47, followers: 34, influencers: 20, percent: 20 };
const SCALE: Record<OptionKind, number> = { money: 100, followers: 1, influencers: 1, percent: 10_000 };
const MAX: Record<OptionKind, number> = { money: MAX_MONEY * 100, followers: MAX_FOLLOWERS, influencers: 1_000_000, percent: 100 * 10_000 };

/** Widths and values, in order: the mask first, then each given option in OPTION_NAMES order. */
function fields(o: Overrides): [value: bigint, width: number][] {
  const out: [bigint, number][] = [];
  let mask = 0n;
  OPTION_NAMES.forEach((name, i) => {
    if (o[name] !== undefined) mask |= 1n << BigInt(i);
  });
  out.push([mask, OPTION_NAMES.length]);
  for (const name of OPTION_NAMES) {
    if (name === 'preset') {
      if (o.preset) out.push([BigInt(PRESETS.indexOf(o.preset)), 1]);
    } else if (name === 'platform') {
      if (o.platform) out.push([BigInt(PLATFORMS.indexOf(o.platform)), 2]);
    } else {
      const v = o[name];
      const kind = OPTION_KIND[name];
      if (v !== undefined) out.push([BigInt(Math.round(v * SCALE[kind])), WIDTH[kind]]);
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
  if (!state.startsWith(VERSION) || state.length > 90) return null;
  let acc = 0n;
  const body = state.slice(VERSION.length);
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
  const mask = take(OPTION_NAMES.length);
  const input: CompareInput = {};
  for (const [i, name] of OPTION_NAMES.entries()) {
    if ((mask & (1 << i)) === 0) continue;
    if (name === 'preset') {
      const preset = PRESETS[take(1)];
      if (!preset) return null;
      input.preset = preset;
    } else if (name === 'platform') {
      const platform = PLATFORMS[take(2)];
      if (!platform) return null;
      input.platform = platform;
    } else {
      const kind = OPTION_KIND[name];
      const whole = take(WIDTH[kind]);
      if (whole > MAX[kind]) return null;
      input[name] = whole / SCALE[kind];
    }
  }
  if (acc !== 1n) return null;
  const parsed = parseOverrides(input);
  return parsed.ok ? parsed.overrides : null;
}
