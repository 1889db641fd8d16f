/**
 * The publishers' consensus for one count as rosters and the message command show it: a word,
 * /tier's line, and the votes behind them.
 */

import { classify } from './classify';
import { answerLine, answerWord } from './overview';
import type { NormalTier } from './sources';

/** The publishers' consensus for one count, as rosters and the message command show it. */
export interface ConsensusView {
  /** 'tier': most publishers place it in `leaders`; 'below': under most publishers' lowest tier. */
  outcome: 'tier' | 'below' | 'none';
  leaders: readonly NormalTier[];
  /** How many publishers give the answer, of how many give numbers at all. */
  votes: number;
  of: number;
  /** The answer in a word or three: "micro", "nano or micro", "below influencer size", "no tier". */
  word: string;
  /** The answer as /tier words it: "**Micro** — 14 of 20 publishers agree." */
  line: string;
}

/**
 * The publishers' consensus. Rosters and the message command read it through this function only,
 * so a change in how classify() counts votes is re-pointed in one place.
 */
export function consensusFor(count: number): ConsensusView {
  const c = classify(count);
  const { outcome, leaders, votes, numericSources } = c.consensus;
  return { outcome, leaders, votes, of: numericSources, word: answerWord(c), line: answerLine(c, (t) => `**${t}**`) };
}
