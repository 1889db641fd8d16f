/**
 * Issue 26, item 5: the glossary's tier entries, /tiers and /tier agree. Sprout Social's "macro T1"
 * (over 10M) is its name for its top tier (SOURCES.md: "Names for the top tier vary: … macro T1
 * (Sprout)"), so it votes mega everywhere; its macro T2 and T3 stay macro.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { tier } from '../src/commands/tier';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { termById } from '../src/domain/glossary';
import { sourceById } from '../src/domain/sources';
import { testComponentContext, testContext } from './support/context';

const text = (reply: Reply) =>
  reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const unlinked = (s: string) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
const sproutLine = async (count: number) =>
  unlinked(text((await tier.component!(`tier:all:${count}`, [], testComponentContext())).reply))
    .split('\n')
    .find((l) => l.startsWith('• **Sprout Social**'));
const field = (reply: Reply, name: string) => reply.embeds[0]!.fields?.find((f) => f.name === name)?.value ?? '';
const lookUp = (term: string) => glossary.run({ term } as never, testContext()) as Promise<Reply>;

describe('Sprout Social’s macro T1 is its top tier', () => {
  it('votes mega in /tier above 10M, macro up to 10M', async () => {
    const huge = text((await tier.run({ followers: '10B' } as never, testContext())) as Reply);
    expect(huge).toContain('**Mega** — 13 of 21 publishers agree.');
    expect(huge).toContain('How the 21 publishers split: mega 13 · not covered by the figures we have 8.');
    expect(await sproutLine(10_000_001)).toContain('**macro T1** (over 10M, read as 10,000,001 and up) → mega');
    expect(await sproutLine(10_000_000)).toContain('**macro T2** (5M–10M, read as 5,000,000–10,000,000), on its 10M line');
    expect(await sproutLine(3_000_000)).toMatch(/\*\*macro T3\*\* \(1M–5M\)[,.]/);
  });

  it('sits in the mega column of /tiers, its macro T3 and T2 in the macro column', async () => {
    const overview = text((await tiers.run({} as never, testContext())) as Reply);
    // The overview's second table holds the macro and mega columns.
    const [, largerTiers = ''] = overview.split(/\n\n +macro/);
    expect(largerTiers.split('\n')[0]).toMatch(/^ +mega$/);
    expect(largerTiers.split('\n').find((l) => l.startsWith('Sprout '))).toMatch(/^Sprout +1M–10M +>10M$/);
  });

  it('is listed under Mega-influencer in the glossary, not under Macro-influencer', async () => {
    const macro = await lookUp('macro');
    expect(macro.embeds[0]!.title).toBe('Macro-influencer');
    expect(text(macro)).not.toContain('macro T1');
    expect(field(macro, 'Ranges by publisher')).toContain('1M–5M (macro T3): Sprout Social');
    const mega = await lookUp('mega');
    expect(field(mega, 'Ranges by publisher')).toContain('over 10M (macro T1): Sprout Social');
    expect((await lookUp('macro T1')).embeds[0]!.title).toBe('Mega-influencer');
  });

  it('is read one way everywhere: each tier term lists only ranges /tier counts as that tier', () => {
    const termOf = { nano: 'nano-influencer', micro: 'micro-influencer', mid: 'mid-tier-influencer', macro: 'macro-influencer', mega: 'mega-influencer' } as const;
    for (const [normal, id] of Object.entries(termOf)) {
      for (const range of termById(id)!.ranges ?? []) {
        const counted = sourceById(range.sourceId)!.tiers.find((t) => t.name === range.tierName)!.normal;
        expect(counted, `${id}: ${range.sourceName} ${range.tierName}`).toBe(normal);
      }
    }
  });
});
