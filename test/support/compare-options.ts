/** /compare option values as a user could type them, for property tests over many scenarios. */

import fc from 'fast-check';

/** The plans' sizes, platform and overlap: every scenario property test varies these. */
export const SCENARIO_OPTIONS = {
  big_followers: fc.integer({ min: 1_000, max: 20_000_000 }).map(String),
  micro_followers: fc.integer({ min: 500, max: 200_000 }).map(String),
  micro_count: fc.integer({ min: 1, max: 300 }).map(String),
  platform: fc.constantFrom('instagram', 'tiktok', 'youtube'),
  overlap: fc.double({ min: 0, max: 60, noNaN: true }).map((x) => x.toFixed(2)),
};

/** Options with at least the micro-influencers' size and the platform, plus any of `extra`. */
export function compareOptions<T extends Record<string, fc.Arbitrary<string>>>(extra: T) {
  return fc.record({ ...SCENARIO_OPTIONS, ...extra }, { requiredKeys: ['micro_followers', 'platform'] });
}
