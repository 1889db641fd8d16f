/** The bench's statistics: seeded randomness, the order the two bots take turns in, percentiles and how far a ratio of them can be trusted. */

/** A seeded generator (mulberry32) of numbers in [0, 1): the same mix and the same resamples every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile of ascending values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const BOOTSTRAP_RESAMPLES = 1000;
const ascending = (a: number, b: number) => a - b;

/**
 * How far the ratio of two bots' p-th percentiles could move by chance: its 5th and 95th
 * percentiles over resamples of the interactions, drawn with replacement, each bringing both
 * bots' latencies for it (`pairs`: [this bot's, the other's]). p99 of ~290 replies is the
 * 3rd-slowest, so one stall more or less in either bot's turns moves it a lot; the interval says
 * how much one run's ratio can be trusted. Null for fewer than 20 pairs.
 */
export function ratioInterval(pairs: readonly (readonly [number, number])[], p: number): [number, number] | null {
  if (pairs.length < 20) return null;
  const next = prng(7);
  const ratios: number[] = [];
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const [x, y] = pairs[Math.floor(next() * pairs.length)]!;
      mine.push(x);
      theirs.push(y);
    }
    ratios.push(percentile(mine.sort(ascending), p)! / percentile(theirs.sort(ascending), p)!);
  }
  ratios.sort(ascending);
  const at = (q: number) => Number(percentile(ratios, q)!.toFixed(2));
  return [at(5), at(95)];
}

/** When something was sent and when its answer arrived (performance.now() milliseconds). */
export interface Span {
  sentAt: number;
  answeredAt: number;
}

/**
 * For each reply, whether one of `others` was under way at some moment while it was: their spans
 * overlap. Tierbot's chart renderer works between a chart's dispatch and its answer, and text
 * replies sent meanwhile can wait for CPU behind it; these are the replies that can.
 */
export function underWayTogether(replies: readonly Span[], others: readonly Span[]): boolean[] {
  return replies.map((reply) => others.some((other) => other.sentAt <= reply.answeredAt && other.answeredAt >= reply.sentAt));
}

/** One bot's turn: `count` interactions of the mix from position `from`. */
export interface Turn<Bot> {
  bot: Bot;
  from: number;
  count: number;
}

/**
 * The first `total` interactions for each of two bots, in blocks of `block`, in ABBA order: each
 * bot gets every block, and each goes first in every other pair, so neither is always the one
 * just loaded (or just left idle) when the next block comes.
 */
export function turns<Bot>([a, b]: readonly [Bot, Bot], total: number, block: number): Turn<Bot>[] {
  const out: Turn<Bot>[] = [];
  for (let n = 0, from = 0; from < total; n++, from += block) {
    const count = Math.min(block, total - from);
    for (const bot of n % 2 === 0 ? [a, b] : [b, a]) out.push({ bot, from, count });
  }
  return out;
}
