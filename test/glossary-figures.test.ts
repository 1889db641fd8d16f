/**
 * Figures in the glossary say only what their sources say: no measure a source does not state, and
 * each source's words under its own name.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import type { Reply } from '../src/commands/types';
import { TERMS, termById } from '../src/domain/glossary';
import { testContext } from './support/context';

const shown = async (query: string) => {
  const reply = (await glossary.run({ term: query } as never, testContext())) as Reply;
  const embed = reply.embeds[0]!;
  return { description: embed.description ?? '', example: embed.fields?.find((f) => f.name === 'Example')?.value ?? '', sources: (embed.fields ?? []).filter((f) => f.name.startsWith('Sources')).map((f) => f.value).join('\n') };
};

describe('Influencer Marketing Hub’s 2021 rates, whose basis is not recorded', () => {
  it('are not presented as engagement rates by views', async () => {
    const byViews = await shown('engagement rate by views');
    expect(`${byViews.description}\n${byViews.example}`).not.toMatch(/18%|Influencer Marketing Hub/);
    expect(byViews.sources).not.toContain('Influencer Marketing Hub');
  });

  it('say their basis is not given wherever the glossary shows them', () => {
    const showing = TERMS.filter((t) => /about 18% on TikTok/.test(`${t.definition} ${t.example}`));
    expect(showing.map((t) => t.id)).toEqual(['engagement-rate']);
    for (const t of showing) {
      expect(t.definition).toMatch(/Influencer Marketing Hub \(2021, as reported by ION\): micro-influencers about 18% on TikTok, 3\.86% on Instagram, basis not given/);
      expect(t.sources.map((s) => s.text)).toContain('Influencer Marketing Hub, Benchmark Report, 2021, as reported by ION');
    }
  });
});

describe('the 22.2× conversations figure', () => {
  it('quotes TapInfluence’s own words, and gives the Experticity / Keller Fay wording under its own name', async () => {
    const { example, sources } = await shown('authenticity');
    expect(example).toContain('TapInfluence\'s blog: "compared to average consumers, micro-influencers hold 22.2 times more conversations per week"');
    // What TapInfluence's article says names no study, and says neither "up to" nor "buying-recommendation".
    const tapInfluence = example.slice(0, example.indexOf('Experticity'));
    expect(tapInfluence).not.toMatch(/Experticity|Keller Fay|up to|buying-recommendation/);
    expect(example).not.toContain('citing Experticity');
    expect(example).toMatch(/Experticity \/ Keller Fay \(2016, second-hand; the reporting outlet is not recorded\): up to 22\.2× more buying-recommendation conversations/);
    expect(sources).toContain('TapInfluence');
    expect(sources).toContain('Experticity / Keller Fay');
    expect(termById('authenticity')!.example.length).toBeLessThanOrEqual(300);
  });
});

describe('Mediakix’s 2017 study of sponsored posts', () => {
  it('gives its own bands (micro 10k–100k, macro over 100k) wherever its 2.75% vs 2.65% is quoted, not Mediakix’s usual tiers', async () => {
    const quoting = TERMS.filter((t) => t.definition.includes('2.75%'));
    expect(quoting.map((t) => t.id).sort()).toEqual(['sponsored-post', 'sponsored-vs-organic']);
    for (const t of quoting) {
      const { description } = await shown(t.id);
      expect(description, t.id).toMatch(/micro at 10k–100k and macro over 100k, found their engagement nearly equal: 2\.75% vs 2\.65%/);
    }
  });
});
