/**
 * The key a team's own name is found by (house tiers, team terms, saved plans): names are the same
 * when they read the same, so spaces at either end, runs of spaces inside, case and compatibility
 * forms (full-width "ＣＰＭ", the ligature "ﬁ") are folded, but "tier A" and "tier A!" are two
 * names. The name itself is kept as typed beside it.
 */
export const nameKey = (name: string): string => spacedNameKey(name).replace(/\s+/gu, ' ');

/**
 * nameKey without its runs of spaces made one: the key under which rows written before that rule
 * are stored, so that "C  PM" still finds such a row rather than a "C PM" beside it.
 */
export const spacedNameKey = (name: string): string => name.trim().normalize('NFKC').toLowerCase();
