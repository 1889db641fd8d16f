/**
 * /tier's words say what is true: "1 follower"; a boundary warning that gives the real distance;
 * "All sources" pages that never end on a heading; "below influencer size" said one way, from the
 * headline to each publisher's answer (HypeAuditor's "Instagram user" band is not a tier of
 * influencers, so a count in it is below influencer size too).
 */

import { describe, expect, it } from 'vitest';
import { pageLines } from '../src/commands/embeds';
import { allSourcesReply, tier } from '../src/commands/tier';
import { allSourcesReply as tiersAllSources, tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { SOURCES } from '../src/domain/sources';
import { testComponentContext, testContext } from './support/context';

const run = (followers: string) => tier.run({ followers } as never, testContext()) as Promise<Reply>;
const isHeading = (line: string) => /^\*\*[^*]+\*\*$/.test(line.trim());

/** Every page of a paged reply, by pressing its pages' buttons as a user would. */
async function pages(first: Reply, idFor: (page: number) => string, component: (id: string) => Promise<Reply>): Promise<string[]> {
  const count = Number(/of (\d+)/.exec(first.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
  const all = [first.embeds[0]!.description!];
  for (let p = 1; p < count; p++) all.push((await component(idFor(p))).embeds[0]!.description!);
  return all;
}

describe('/tier wording', () => {
  it('says "1 follower", not "1 followers"', async () => {
    expect((await run('1')).embeds[0]!.title).toBe('1 follower');
    expect((await run('2')).embeds[0]!.title).toBe('2 followers');
    expect(allSourcesReply(1, 0).embeds[0]!.title).toBe('1 follower: every publisher');
  });

  it('gives the real distance to a boundary, not "a few followers"', async () => {
    const warning = async (followers: string) => (await run(followers)).embeds[0]!.description!.split('\n').find((l) => l.startsWith('⚠️'));
    expect(await warning('90000')).toBe('⚠️ 90,000 is 10,000 below the 100,000 line used by 11 publishers (where they start or end a tier): 10,000 more followers would take it to that line.');
    expect(await warning('1.05M')).toBe('⚠️ 1,050,000 is 50,000 above the 1,000,000 line used by 10 publishers (where they start or end a tier): 50,001 fewer followers would take it under that line.');
    expect(await warning('9999')).toContain(': 1 more follower would take it to that line.');
    for (const n of ['9500', '90000', '1.05M', '10500', '100k']) expect(await warning(n), n).not.toContain('a few followers');
  });

  it('never ends an "All sources" page on a heading: the heading goes with its first line', async () => {
    const tierPages = (count: number) =>
      pages(allSourcesReply(count, 0), (p) => `tier:page:${count}:${p}`, async (id) => (await tier.component!(id, [], testComponentContext())).reply);
    const ten = await tierPages(10_000);
    expect(ten.length).toBeGreaterThan(1);
    const counted = ten.find((page) => page.includes('**How the vote is counted**'))!;
    expect(counted.split('\n').at(-1)).not.toBe('**How the vote is counted**');
    expect(counted).toMatch(/\*\*How the vote is counted\*\*\n• Each publisher votes once/);
    const edges = [0, 1, 500, 9_500, 30_000, 100_000, 1_200_000, ...SOURCES.flatMap((s) => s.tiers.map((t) => t.min))];
    for (const count of edges) {
      for (const page of await tierPages(count)) {
        expect(isHeading(page.split('\n').at(-1)!), `${count}: ${page.slice(-60)}`).toBe(false);
        expect(page.startsWith('\n'), String(count)).toBe(false);
      }
    }
    const overviewPages = await pages(tiersAllSources(0), (p) => `tiers:page:${p}`, async (id) => (await tiers.component!(id, [], testComponentContext())).reply);
    for (const page of overviewPages) expect(isHeading(page.split('\n').at(-1)!)).toBe(false);
  });

  it('pages lines within the limit, moving a heading (and the blank line before it) to the next page', () => {
    const lines = ['a'.repeat(40), '', '**Heading**', 'b'.repeat(40), 'c'];
    const paged = pageLines(lines, 60);
    expect(paged).toEqual(['a'.repeat(40), `**Heading**\n${'b'.repeat(40)}\nc`]);
    for (const page of paged) expect(page.length).toBeLessThanOrEqual(60);
    // A heading that cannot share a page with its first line still gets a page of its own rather than being lost.
    expect(pageLines(['**Heading**', 'x'.repeat(60)], 60)).toEqual(['**Heading**', 'x'.repeat(60)]);
    expect(pageLines(['one', 'two'], 100)).toEqual(['one\ntwo']);
  });

  it('says "below influencer size" one way: in the headline, the split and each publisher’s answer under "All sources"', async () => {
    const [headline, split] = (await run('0')).embeds[0]!.description!.split('\n');
    expect(headline).toBe('**Below influencer size** — 8 of 21 publishers agree.');
    expect(split).toContain('below influencer size 8');
    const all = allSourcesReply(0, 0).embeds[0]!.description!;
    // Each publisher's own lowest tier is named where it puts the count under it.
    expect(all).toContain('Rise of Micro-Influencers (article)**, undated: below influencer size (its lowest tier is micro 5k–10k).');
    expect(all).toContain('readings: under 10k → micro; 500–5k → below influencer size)');
    expect(all).toContain('below influencer size (its "Instagram user" band, 0–1k, is not an influencer tier)');
    for (const text of [headline, split, all]) expect(text).not.toMatch(/below its lowest tier|below their lowest|under their lowest|→ under it/);
  });
});
