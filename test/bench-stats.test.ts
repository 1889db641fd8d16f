import { describe, expect, it } from 'vitest';
import { percentile, prng, ratioInterval, turns, underWayTogether } from '../bench/stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    // Of 286 replies, p99 is the 3rd-slowest: rank ceil(2.86) = 3 from the top is 284.
    const many = Array.from({ length: 286 }, (_, i) => i + 1);
    expect(percentile(many, 99)).toBe(284);
    expect(percentile([], 50)).toBeNull();
  });

  it('draws the same numbers from the same seed, in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });

  it('gives a ratio no room to move when one bot is always a fixed multiple of the other', () => {
    const pairs = Array.from({ length: 300 }, (_, i) => [2 * (1 + i / 10), 1 + i / 10] as const);
    expect(ratioInterval(pairs, 50)).toEqual([2, 2]);
    expect(ratioInterval(pairs, 99)).toEqual([2, 2]);
  });

  it('shows a p99 ratio of equal, heavy-tailed bots moving far more than the p50 ratio', () => {
    const next = prng(3);
    // Both bots alike: about 3 ms, and now and then a stall of up to 20 ms (1 in 50).
    const latency = () => 2.5 + next() + (next() < 0.02 ? 5 + 15 * next() : 0);
    const pairs = Array.from({ length: 286 }, () => [latency(), latency()] as const);
    const p50 = ratioInterval(pairs, 50)!;
    const p99 = ratioInterval(pairs, 99)!;
    expect(p50[0]).toBeLessThanOrEqual(1);
    expect(p50[1]).toBeGreaterThanOrEqual(1);
    expect(p50[1] - p50[0]).toBeLessThan(0.1);
    expect(p99[0]).toBeLessThan(1);
    expect(p99[1]).toBeGreaterThan(1);
    expect(p99[1] - p99[0]).toBeGreaterThan(5 * (p50[1] - p50[0]));
  });

  it('is the same for the same samples, and declines to guess from fewer than 20', () => {
    const pairs = Array.from({ length: 50 }, (_, i) => [3 + (i % 7), 3 + (i % 5)] as const);
    expect(ratioInterval(pairs, 99)).toEqual(ratioInterval([...pairs], 99));
    expect(ratioInterval(pairs.slice(0, 19), 50)).toBeNull();
  });

  it('tells which replies were under way while another was: spans that overlap, touching ends included', () => {
    const charts = [
      { sentAt: 100, answeredAt: 130 },
      { sentAt: 500, answeredAt: 900 },
    ];
    const replies = [
      { sentAt: 0, answeredAt: 5 }, // before any chart
      { sentAt: 95, answeredAt: 100 }, // answered as the first chart was sent
      { sentAt: 110, answeredAt: 112 }, // inside the first
      { sentAt: 130, answeredAt: 133 }, // sent as the first was answered
      { sentAt: 131, answeredAt: 140 }, // just after it
      { sentAt: 450, answeredAt: 2000 }, // spans the second
      { sentAt: 600, answeredAt: 603 }, // inside the second
    ];
    expect(underWayTogether(replies, charts)).toEqual([false, true, true, true, false, true, true]);
    expect(underWayTogether(replies, [])).toEqual(replies.map(() => false));
  });

  it('gives both bots every block of the warm-up and the steady phase, in ABBA order', () => {
    const warmUp = turns(['A', 'B'] as const, 50, 10);
    expect(warmUp.map((t) => t.bot).join('')).toBe('ABBAABBAAB');
    for (const bot of ['A', 'B'] as const) {
      const mine = warmUp.filter((t) => t.bot === bot);
      expect(mine.map((t) => [t.from, t.count])).toEqual([[0, 10], [10, 10], [20, 10], [30, 10], [40, 10]]);
    }
    // A last, shorter block still goes to both; neither bot goes first in more than one pair more.
    const steady = turns(['A', 'B'] as const, 605, 10);
    expect(steady.slice(-2)).toEqual([{ bot: 'A', from: 600, count: 5 }, { bot: 'B', from: 600, count: 5 }]);
    expect(steady.filter((t) => t.bot === 'B').reduce((n, t) => n + t.count, 0)).toBe(605);
    const firsts = steady.filter((_, i) => i % 2 === 0);
    const aFirst = firsts.filter((t) => t.bot === 'A').length;
    expect(Math.abs(aFirst - (firsts.length - aFirst))).toBeLessThanOrEqual(1);
    expect(turns(['A', 'B'] as const, 0, 10)).toEqual([]);
  });
});
