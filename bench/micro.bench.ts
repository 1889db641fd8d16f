/**
 * In-process micro-benchmarks of the pure domain: `npx vitest bench --run`. Vitest's default
 * benchmark include (files named *.bench.ts) finds this file with the project's vitest.config.ts;
 * `vitest run` does not pick it up (its include is the *.test.ts files under test/).
 * `npm run bench` prints the same measurements as plain loop timings, including the check that
 * one million classifications take under a second.
 */

import { bench, describe } from 'vitest';
import { classify, classifyBySource } from '../src/domain/classify';
import { comparePlans, parseCompareInput, type CompareInput } from '../src/domain/compare';
import { parseFollowerCount } from '../src/domain/followers';
import { SOURCES } from '../src/domain/sources';

const INPUTS = ['30000', '30,000', '30 000', '30k', '12.5k', '1.2M', '2.5 million', '999', '150000', 'abc', '-5', '10m', ' 7,500 ', '1.2345k'];
/** 4,096 counts spread log-uniformly from 10 to 10^9: every tier of every source gets hit. */
const COUNTS = Array.from({ length: 4096 }, (_, i) => Math.round(10 ** (1 + (((i * 2654435761) % 4096) / 4096) * 8)));

let sink = 0;

describe('parse', () => {
  let i = 0;
  bench('parseFollowerCount (14 forms, valid and invalid)', () => {
    sink += parseFollowerCount(INPUTS[i++ % INPUTS.length]!).ok ? 1 : 0;
  });
});

describe('classify', () => {
  let i = 0;
  bench(`classify: one count, all ${SOURCES.length} sources, consensus and near-boundaries`, () => {
    sink += classify(COUNTS[i++ & 4095]!).verdicts.length;
  });
  bench('classify × 10,000 (one million takes 100× this)', () => {
    for (let k = 0; k < 10_000; k++) sink += classify(COUNTS[k & 4095]!).verdicts.length;
  });
  let j = 0;
  bench('classifyBySource: one count, one source', () => {
    sink += classifyBySource(SOURCES[j % SOURCES.length]!, COUNTS[j++ & 4095]!).kind.length;
  });
});

describe('compare', () => {
  const cases: CompareInput[] = [{}, { budget: '5000' }, { preset: 'kardashian' }, { preset: 'ten-micro', platform: 'tiktok' }, { budget: '$20,000' }];
  const scenarios = cases.map((c) => parseCompareInput(c)).flatMap((r) => (r.ok ? [r.scenario] : []));
  let i = 0;
  bench('parseCompareInput', () => {
    sink += parseCompareInput(cases[i++ % cases.length]!).ok ? 1 : 0;
  });
  let j = 0;
  bench('comparePlans', () => {
    sink += comparePlans(scenarios[j++ % scenarios.length]!) ? 1 : 0;
  });
});

export { sink };
