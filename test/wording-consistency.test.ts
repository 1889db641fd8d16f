/**
 * One thing, one wording, across replies, as a reader goes from one to the next: a tier's name
 * gets " → mid-tier" when it does not say its tier, and only then, for a publisher's tier and a
 * team's alike; a name's brackets and a definition's role share one pair; a citation starts with
 * a capital; the house definition is called that; saved plans are saved plans; a glossary term is
 * referred to by its own name.
 */

import { describe, expect, it } from 'vitest';
import { choosables } from '../src/cli/render-text';
import { allSourcesReply as tierAllSources } from '../src/commands/tier';
import { allSourcesReply as tiersAllSources } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { termById } from '../src/domain/glossary';
import { memoryStore } from './support/context';
import { driver, type Answer } from './support/drive';

const G = '200000000000000042';
const MANAGER = { guildId: G, manager: true };

const description = (answer: Answer) => answer.shown.body.embeds[0]?.description ?? '';

/** Every page of a paged "All sources" reply, as its Next button pages it. */
function pages(page: (n: number) => Reply): string[] {
  const first = page(0);
  const count = Number(/of (\d+)/.exec(first.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
  return [first, ...Array.from({ length: count - 1 }, (_, i) => page(i + 1))].map((r) => r.embeds[0]!.description!);
}

describe('a tier mapped to another name', () => {
  it('shows L2’s "middling" as the mid-tier vote it is, in /tier and /tiers, while a name that says its tier has no arrow', async () => {
    const split = description(await driver().run('/tier 1M'));
    expect(split).toContain('mid-tier 1');
    const all = pages((n) => tierAllSources(1_000_000, n)).join('\n');
    expect(all).toContain('**middling** (70k–2.5M) → mid-tier.');
    expect(all).toContain('**maven** (100k–1M, read as 100,000–1,000,000) → macro');
    // Its first word is its tier: nothing to repeat.
    expect(all).toContain('**mega/celebrity** (1M+, read as 1,000,000 and up), on its 1M line.');
    expect(all).toContain('**macro T3** (1M–5M, read as 1,000,000–4,999,999), on its 1M line.');
    const l2 = description(await driver().run('/tiers source:L2'));
    expect(l2).toContain('• **middling**: 70k–2.5M (reads as 70,000–2,500,000) → mid-tier');
    expect(l2).toContain('• **micro**: under 70k (reads as 0–69,999)\n');
  });

  it('maps a house tier by the same rule: "nano" and "🌱 Nano" say their tier, "middling" and a range do not', async () => {
    const store = memoryStore();
    const said = description(await driver({ store }).run('/house set "tiers:nano 1k-10k, micro 10k-100k"', MANAGER));
    expect(said).toContain('**nano** (1k–10k) · counts 1,000–9,999');
    expect(said).toContain('**micro** (10k–100k) · counts 10,000–100,000');
    expect(said).not.toContain('→');
    const own = description(await driver({ store }).run('/house set "tiers:🌱 Nano 1k-10k, middling 10k-100k, 100k+"', MANAGER));
    expect(own).toContain('🌱 Nano** (1k–10k) · counts 1,000–9,999');
    expect(own).toContain('**middling** (10k–100k) → micro · counts 10,000–99,999');
    expect(own).toContain('→ macro · counts 100,000 and up');
  });
});

describe('citations', () => {
  it('give a definition’s name and its role one pair of brackets, and say "no range" once', () => {
    const all = pages(tiersAllSources).join('\n');
    expect(all).toContain('• **Forbes** (quoted by TapInfluence; no range, no vote). Forbes, a line quoted in TapInfluence’s blog (Laura Smous), undated');
    expect(all).toContain('• **Adweek** (under 10,000; one of two readings, one vote): micro under 10k.');
    expect(all).toContain('• **Digital Reflections** (Medium; no range, no vote). ');
    expect(all).not.toMatch(/\) \(/);
    expect(all).not.toContain('no range; no vote): no range');
  });

  it('join a quoted line’s brackets with its date under /tier’s "All sources"', () => {
    const all = pages((n) => tierAllSources(30_000, n)).join('\n');
    expect(all).toContain('↳ also CNBC, a line quoted in TapInfluence’s blog (Laura Smous), undated: macro (10k+). Other definition; no vote.');
    expect(all).not.toMatch(/\) \(/);
  });

  it('write "c. 2019" with a space wherever Mediakix’s date is shown', async () => {
    const shown = [...pages(tiersAllSources), ...pages((n) => tierAllSources(30_000, n)), description(await driver().run('/tiers source:Mediakix'))].join('\n');
    expect(shown).toContain('c. 2019');
    expect(shown).not.toContain('c.2019');
  });

  it('start with a capital where a description of an unnamed article starts a sentence or a list item', async () => {
    const all = pages(tiersAllSources).join('\n');
    expect(all).toContain('top influencer 1M+. A Japanese article on micro-influencers, translated; publisher not named');
    expect(all).not.toMatch(/\. a Japanese article/);
    const glossary = await driver().run('/glossary term:micro');
    const allSources = choosables(glossary.shown.body).find((c) => c.label === 'All sources')!;
    const sources = await driver().press(glossary.shown, allSources.number);
    const cited = description(sources).split('**Sources**')[1]!;
    expect(cited).toContain('• A Japanese article on micro-influencers, translated');
    expect(cited).not.toMatch(/^• [a-z]/m);
  });
});

describe('the house definition', () => {
  it('reads as one answer then the other: "Publishers: micro — 14 of 21 agree."', async () => {
    const store = memoryStore();
    await driver({ store }).run('/house set "tiers:nano 1k-10k, micro 10k-75k, macro 75k+"', MANAGER);
    const [house, publishers] = description(await driver({ store }).run('/tier 30k', { guildId: G })).split('\n');
    expect(house).toBe('**Your house definition: micro (10k–75k)**');
    expect(publishers).toBe('Publishers: **micro** — 14 of 21 agree.');
    expect(description(await driver({ store }).run('/tier 0', { guildId: G })).split('\n')[1]).toBe('Publishers: **below influencer size** — 8 of 21 agree.');
    expect(description(await driver({ store }).run('/tier 200k', { guildId: G })).split('\n')[1]).toBe('Publishers: **mid-tier or macro** — a tie, 5 of 21 each.');
    expect(description(await driver({ store }).run('/tier 100k', { guildId: G })).split('\n')[1]).toBe('Publishers: **mid-tier**, narrowly — 5 of 21.');
    const message = description(await driver({ store }).onMessage('45k on IG', { guildId: G }));
    expect(message).toContain('→ house: **micro** (10k–75k); publishers: **micro** — 13 of 21 agree.');
  });

  it('is called "house definition" in /help and in every /house title', async () => {
    const store = memoryStore();
    const help = (await driver({ store }).run('/help', { guildId: G })).shown.body.embeds[0]!;
    const houseField = help.fields!.find((f) => f.name.startsWith('/house'))!;
    expect(houseField.value).toMatch(/^Your house definition, used first everywhere/);
    const titles = [
      (await driver({ store }).run('/house set "tiers:nano 1k-10k, micro 10k-75k"', MANAGER)).shown.body.embeds[0]!.title,
      (await driver({ store }).run('/house show', { guildId: G })).shown.body.embeds[0]!.title,
      (await driver({ store }).run('/house export', MANAGER)).shown.body.embeds[0]!.title,
      (await driver({ store }).run('/house clear', MANAGER)).shown.body.embeds[0]!.title,
    ];
    expect(titles).toEqual(['House definition saved', 'House definition', 'House definition export', 'House definition removed']);
    const refused = (await driver({ store }).run('/house set "tiers:micro 10k+"', { guildId: G })).shown.body.embeds[0]!.description;
    expect(refused).toContain('can set the house definition in this server');
    expect(JSON.stringify(help)).not.toMatch(/tier definition/);
  });
});

describe('other names said one way', () => {
  it('/help calls /plans’ plans "saved plans", as /plans and /compare do', async () => {
    const help = (await driver().run('/help', { guildId: G })).shown.body.embeds[0]!;
    expect(help.fields!.find((f) => f.name.startsWith('/plans'))!.value).toMatch(/^Saved plans from `\/compare save:<name>`\./);
    expect(JSON.stringify(help)).not.toMatch(/Scenarios/);
  });

  it('refers to CPM and CPME as their own titles spell them out', () => {
    const cpm = termById('cpm')!;
    const cpme = termById('cpme')!;
    expect(cpm.name).toBe('CPM (cost per thousand impressions)');
    expect(cpme.name).toBe('CPME (cost per thousand engagements)');
    expect(termById('impressions')!.definition).toContain('CPM (cost per thousand impressions)');
    expect(cpme.definition).toMatch(/^Cost per thousand engagements:/);
  });
});
