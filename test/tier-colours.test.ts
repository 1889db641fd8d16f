/**
 * The tier colours as readers with colour blindness see them: every two tiers stay apart, since a
 * chart's narrow segments are told apart by colour alone. Simulated with Machado, Oliveira and
 * Fernandes's matrices (severity 1.0) in linear RGB, compared by CIE76 ΔE in Lab.
 */

import { describe, expect, it } from 'vitest';
import { TIER_COLOURS } from '../src/domain/tier-style';

type Vector = [number, number, number];
type Matrix = [Vector, Vector, Vector];

const SIMULATIONS: Record<string, Matrix> = {
  'full colour vision': [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

function seenAs(colour: number, m: Matrix): Vector {
  const rgb = [16, 8, 0].map((shift) => toLinear((colour >> shift) & 0xff)) as Vector;
  return m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Vector;
}

function lab([r, g, b]: Vector): Vector {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const distance = (a: Vector, b: Vector) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('tier colours', () => {
  const tiers = Object.entries(TIER_COLOURS);
  it.each(Object.keys(SIMULATIONS))('stay apart with %s', (vision) => {
    for (const [i, [tier, colour]] of tiers.entries()) {
      for (const [other, otherColour] of tiers.slice(i + 1)) {
        const apart = distance(lab(seenAs(colour, SIMULATIONS[vision]!)), lab(seenAs(otherColour, SIMULATIONS[vision]!)));
        // ΔE 15 is well past "clearly different" (about 5) for small coloured areas.
        expect(apart, `${tier} against ${other}`).toBeGreaterThan(15);
      }
    }
  });
});
