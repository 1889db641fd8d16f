/**
 * The publishers' answer for the counts issue 26 names, against expectations worked out by hand
 * from the registry (one vote per publisher; 21 publishers have numbers of their own):
 *
 * - 0: under the smallest influencer tier for Rise of Micro-Influencers, Fiveable, Mediakix,
 *   HypeAuditor (0 is in its "Instagram user" band, which is not an influencer tier), The Influence
 *   Agency, Duel, Inc., Viral Nation 2020 = 8; nano 3 (Later × Fohr, Iconosquare, CMSWire); micro 3
 *   (Adweek, Sprout Social, L2); not covered 7 (the Japanese article, CNBC 2017, TapInfluence 2017,
 *   Digiday, Heepsy, Aspire, Afluencer).
 * - 500: as 0, but Inc. ("about 500 to 10,000") now says micro: below 7, micro 4, nano 3.
 * - 9,500: micro 10, nano 6 (Mediakix, Later × Fohr, Iconosquare, The Influence Agency, Duel,
 *   Viral Nation), not covered 5; 500 under the 10,000 line.
 * - 30,000: micro 14, mid-tier 1 (Sprout Social), macro 1 (Rise of Micro-Influencers), not covered 5.
 * - 100,000: mid-tier 5, micro 4, macro 4, mega 2: a narrow lead, exactly on a line.
 * - 1,200,000: mega 11, macro 1 (Sprout Social), mid-tier 1 (L2), not covered 8.
 * - 10,000,000,000: mega 13 (L2's "over 7M" and Sprout Social's top tier, "macro T1", join), not covered 8.
 *   Forbes' "as low as 8,000" is an example, not a floor: it does not vote.
 */

import { describe, expect, it } from 'vitest';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { classify } from '../src/domain/classify';
import { answerLine, answerWord, splitLine } from '../src/domain/overview';
import { TERMS } from '../src/domain/glossary';
import { testContext } from './support/context';

const headline = async (followers: string) => {
  const reply = (await tier.run({ followers } as never, testContext())) as Reply;
  return reply.embeds[0]!.description!.split('\n')[0];
};

describe('the publishers’ answer, one vote per publisher', () => {
  it.each([
    ['0', '**Below influencer size** — 8 of 21 publishers agree.'],
    ['500', '**Below influencer size** — 7 of 21 publishers agree.'],
    ['9.5k', '**Micro** — 10 of 21 publishers agree.'],
    ['30k', '**Micro** — 14 of 21 publishers agree.'],
    ['100k', '**Mid-tier**, narrowly — 5 of 21 publishers.'],
    ['1.2M', '**Mega** — 11 of 21 publishers agree.'],
    ['10B', '**Mega** — 13 of 21 publishers agree.'],
  ])('/tier %s leads with %s', async (followers, expected) => {
    expect(await headline(followers)).toBe(expected);
  });

  it('splits as worked out by hand', () => {
    expect(splitLine(classify(0))).toBe('How the 21 publishers split: nano 3 · micro 3 · below influencer size 8 · not covered by the figures we have 7.');
    expect(splitLine(classify(9_500))).toBe('How the 21 publishers split: nano 6 · micro 10 · not covered by the figures we have 5.');
    expect(splitLine(classify(100_000))).toBe('How the 21 publishers split: micro 4 · mid-tier 5 · macro 4 · mega 2 · not covered by the figures we have 6.');
    expect(splitLine(classify(10_000_000_000))).toBe('How the 21 publishers split: mega 13 · not covered by the figures we have 8.');
  });

  it('counts Hootsuite with Mediakix, Adweek once, and HypeAuditor’s "Instagram user" as no vote', () => {
    const votes = classify(3_000).consensus.publisherVotes;
    const ids = votes.map((v) => v.publisher.id);
    expect(ids).not.toContain('hootsuite');
    expect(ids).not.toContain('forbes');
    expect(ids.filter((id) => id === 'adweek')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    // At 300 one Adweek reading says micro, the other is below it: Adweek votes micro, once.
    expect(classify(300).consensus.publisherVotes.find((v) => v.publisher.id === 'adweek')!.answer).toEqual({ kind: 'tier', tiers: ['micro'] });
    expect(classify(500).consensus.publisherVotes.find((v) => v.publisher.id === 'hypeauditor')!.answer).toEqual({ kind: 'below' });
  });

  it('says "smallest influencer tier", which is true of HypeAuditor too: 0 is in its "Instagram user" band, below its rookie tier', async () => {
    const zero = classify(0);
    const hype = zero.consensus.publisherVotes.find((v) => v.publisher.id === 'hypeauditor')!;
    expect(hype.answer).toEqual({ kind: 'below' });
    expect(hype.verdicts[0]!.verdict.kind).toBe('not-influencer');
    expect(await headline('0')).not.toMatch(/under their smallest tier/);
    expect(splitLine(zero)).not.toMatch(/below their smallest tier/);
  });

  it('gives the one-word answer other commands reuse', () => {
    expect(answerWord(classify(0))).toBe('below influencer size');
    expect(answerWord(classify(30_000))).toBe('micro');
    expect(answerWord(classify(200_000))).toBe('mid-tier or macro');
  });

  it('agrees with the glossary’s tier entries, which are generated from the same vote', () => {
    for (const t of TERMS.filter((term) => term.group === 'Tiers')) {
      const m = /^At ([\d,]+) followers: /.exec(t.example);
      if (!m) continue;
      const count = Number(m[1]!.replace(/,/g, ''));
      expect(t.example, t.id).toContain(answerLine(classify(count)));
    }
    const instagramUser = TERMS.find((t) => t.id === 'instagram-user')!;
    expect(instagramUser.example).toContain('Below influencer size');
    expect(`${instagramUser.definition} ${instagramUser.example}`).not.toMatch(/mostly nano/);
  });
});
