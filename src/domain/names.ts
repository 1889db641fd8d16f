/**
 * The key a team's own name is found by (house tiers, team terms, saved plans): names are the same
 * when they read the same, so spaces at either end, runs of spaces inside, case and compatibility
 * forms (full-width "ＣＰＭ", the ligature "ﬁ") are folded, but "tier A" and "tier A!" are two
 * names. The name itself is kept as typed beside it.
 */
export const nameKey = (name: string): string => name.trim().normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');
