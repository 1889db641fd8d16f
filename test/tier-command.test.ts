import fc from 'fast-check';
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { embedLength, embedsLength } from '../src/commands/limits';
import { HOUSE_UNAVAILABLE_LINE } from '../src/commands/house-lookup';
import { HOUSE_LINE_ROOM, PUBLIC_TEXT_LIMIT, allSourcesLines, allSourcesReply, tier, tierEmbed } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { commandProblems } from '../tools/standin/limits';
import { classify } from '../src/domain/classify';
import { PUBLISHERS, SOURCES, citation, howRead, isSecondHand } from '../src/domain/sources';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';

const run = (followers: string, context = testContext()) => tier.run({ followers } as never, context) as Promise<Reply>;
const text = (reply: Reply) =>
  reply.embeds.map((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const publicLength = (reply: Reply) => embedsLength(reply.embeds);
const customIds = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('/tier', () => {
  it('registers a valid definition, installable by users and usable in DMs', () => {
    expect(commandProblems(structuredClone(tier.definition) as never)).toEqual([]);
    expect(tier.definition.options?.[0]).toMatchObject({ name: 'followers', required: true });
    expect(tier.definition).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
  });

  it('answers 30k in public, short: the count as read, the one-line answer, the split, the chart, an All sources button', async () => {
    const reply = await run('30k');
    expect(reply.flags).toBeUndefined();
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('30,000 followers (read from "30k")');
    expect(embed!.description!.split('\n')[0]).toBe('**Micro** — 14 of 21 publishers agree.');
    expect(embed!.description).toContain('How the 21 publishers split: micro 14 · mid-tier 1 · macro 1 · not covered by the figures we have 5.');
    expect(embed!.fields ?? []).toEqual([]);
    expect(reply.chart).toEqual({ kind: 'tiers', opts: { marker: 30_000 } });
    expect(customIds(reply)).toEqual(['tier:all:30000']);
    expect(publicLength(reply)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    expect(text(reply)).not.toContain('(cont.)');
  });

  it('warns near a boundary, in words', async () => {
    expect(text(await run('9,500'))).toContain('⚠️ 9,500 is 500 below the 10,000 line used by 13 publishers (where they start or end a tier)');
    expect(text(await run('100k'))).toContain('100,000 is exactly on the 100,000 line used by 11 publishers');
  });

  it('keeps every public reply within 1,500 characters of embed text, with room for a house line', async () => {
    const house = 'x'.repeat(HOUSE_LINE_ROOM);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 10_000_000_000 })), async (n) => {
        const reply = await run(String(n));
        expect(messageProblems(reply)).toEqual([]);
        expect(publicLength(reply)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT - HOUSE_LINE_ROOM - 30);
        expect(embedLength(tierEmbed(classify(n), `${n} followers, typed at length`, house))).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
      }),
      { numRuns: 300 },
    );
    const edges = SOURCES.flatMap((s) => s.tiers.flatMap((t) => [t.min, t.max ?? t.min, (t.max ?? t.min) + 1]));
    for (const n of edges) expect(publicLength(await run(String(n))), String(n)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
  });

  it('puts the house line above the publishers when the server has one', async () => {
    const store = memoryStore();
    await store.setHouse('42', { text: 'nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+', setById: '1', setByName: 'ana', setAt: new Date(0) });
    const reply = await run('30k', testContext({ guildId: '42', store }));
    const lines = reply.embeds[0]!.description!.split('\n');
    expect(lines[0]).toBe('**Your house definition: micro (10k–75k)**');
    expect(lines[1]).toBe('Publishers: **micro** — 14 of 21 agree.');
    expect(publicLength(reply)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    // No house line in a DM, or in a server without one.
    expect((await run('30k', testContext({ store }))).embeds[0]!.description!.startsWith('**Micro**')).toBe(true);
    expect((await run('30k', testContext({ guildId: '7', store }))).embeds[0]!.description!.startsWith('**Micro**')).toBe(true);
  });

  it('answers by the publishers, with one line, when the store fails', async () => {
    const failing: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new Error('database down')) };
    const reply = await run('30k', testContext({ guildId: '42', store: failing }));
    const lines = reply.embeds[0]!.description!.split('\n');
    // Spelled out once, so a change of wording is a change of this test too.
    expect(lines[0]).toBe('Your house definition is unavailable right now, so this answer follows the publishers.');
    expect(lines[0]).toBe(HOUSE_UNAVAILABLE_LINE);
    expect(lines[1]).toBe('Publishers: **micro** — 14 of 21 agree.');
  });

  it('shows every publisher on demand, only to the presser, paged within limits, with the counting rules', async () => {
    const first = await tier.component!('tier:all:30000', [], testComponentContext());
    expect(first.mode).toBe('reply');
    expect(first.reply.flags).toBe(MessageFlags.Ephemeral);
    const pages: Reply[] = [first.reply];
    const footer = first.reply.embeds[0]!.footer?.text ?? '';
    const count = Number(/of (\d+)/.exec(footer)?.[1] ?? 1);
    for (let p = 1; p < count; p++) {
      const next = await tier.component!(`tier:page:30000:${p}`, [], testComponentContext());
      expect(next.mode).toBe('update');
      pages.push(next.reply);
    }
    const all = pages.map(text).join('\n');
    for (const p of ['Mediakix', 'Hootsuite shares this definition', 'Adweek', '2 readings, one vote', 'HypeAuditor', 'Forbes', 'Viral Nation']) expect(all).toContain(p);
    expect(all).toContain('its latest dated definition votes, and the others are shown beside it');
    expect(all).toContain('• **CNBC**, 2017, as reported by [Industry Index](http://blog.industryindex.com/2017/05/04/year-micro-influencer/): **micro**');
    expect(all).toContain('↳ also CNBC, a line quoted in TapInfluence’s blog (Laura Smous), undated: macro (10k+). Other definition; no vote.');
    for (const page of pages) {
      expect(messageProblems(page)).toEqual([]);
      expect(new Set(customIds(page)).size).toBe(customIds(page).length);
    }
  });

  it('keeps each "↳ also" line on the page of the publisher it belongs to', () => {
    for (const count of [0, 500, 5_000, 30_000, 95_000, 100_000, 1_200_000, 20_000_000]) {
      const pages = [];
      for (let page = 0, total = 1; page < total; page++) {
        const reply = allSourcesReply(count, page);
        pages.push(reply.embeds[0]!.description!);
        total = Math.max(total, Number(/page \d+ of (\d+)/i.exec(JSON.stringify(reply))?.[1] ?? 1));
      }
      for (const text of pages) expect(text.trimStart(), `${count}`).not.toMatch(/^↳/);
      expect(pages.join('\n')).toContain('↳ also');
    }
  });

  it('cites each definition shown beside a vote as the publishers’ lines are: linked publisher, its own title or what it is, year, where second-hand figures were read', async () => {
    const beside = SOURCES.filter((s) => s.role === 'beside');
    expect(beside.length).toBeGreaterThan(0);
    for (const count of [5_000, 30_000, 2_000_000]) {
      const pages: Reply[] = [(await tier.component!(`tier:all:${count}`, [], testComponentContext())).reply];
      const total = Number(/of (\d+)/.exec(pages[0]!.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
      for (let p = 1; p < total; p++) pages.push((await tier.component!(`tier:page:${count}:${p}`, [], testComponentContext())).reply);
      const also = pages.map(text).join('\n').split('\n').filter((l) => l.startsWith('  ↳ also '));
      expect(also, String(count)).toHaveLength(beside.length);
      for (const s of beside) {
        // Links as the page shows them: the cited words, then where they lead.
        const line = also.find((l) => l.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').startsWith(`  ↳ also ${citation(s)}`));
        expect(line, `${count}: ${s.id}`).toBeDefined();
        if (s.url) expect(line, s.id).toContain(`(${s.url})`);
      }
      for (const page of pages) expect(messageProblems(page)).toEqual([]);
    }
    const viralNation = allSourcesLines(classify(30_000)).find((l) => l.startsWith('• **Viral Nation**'))!;
    expect(viralNation).toContain(
      '  ↳ also [Viral Nation](https://www.viralnation.com/blog/instagram-influencer-pricing-your-2019-go-to-guide/), Instagram influencer pricing guide, 2019: not covered by the figures we have (they stop at micro up to 10k). Older definition; no vote.',
    );
    const tapInfluence = allSourcesLines(classify(30_000)).find((l) => l.startsWith('• **[TapInfluence]'))!;
    expect(tapInfluence).toContain(
      '  ↳ also TapInfluence, blog post by Laura Smous, Director of Product Marketing, undated: not covered by the figures we have (they stop at micro up to about 10k, no lower bound). Other definition; no vote.',
    );
  });

  it('says how second-hand figures were read, as /tiers does, and links each to the site it really leads to', () => {
    const lines = allSourcesLines(classify(95_000));
    const line = (label: string) => lines.find((l) => l.startsWith(`• **${label}**`)) ?? '';
    expect(line('CNBC')).toContain('**CNBC**, 2017, as reported by [Industry Index](http://blog.industryindex.com/');
    expect(line('Viral Nation')).toContain('**Viral Nation**, 2020, as reported by [Business Insider](https://www.businessinsider.com/');
    expect(line('Later × Fohr')).toContain('2021, from a copy on Scribd (report 522279057):');
    expect(line('CMSWire')).toContain('2023, from a copy on getecube.com:');
    expect(line('Adweek')).toContain('as quoted by TapInfluence’s blog (Laura Smous):');
    // A publisher's name links only to its own page: never CNBC's name to Industry Index.
    expect(lines.join('\n')).not.toMatch(/\[(CNBC|Later × Fohr|CMSWire|Adweek)\]\(/);
    const ownPages = new Set(SOURCES.filter((s) => s.publisher === 'Viral Nation' && !isSecondHand(s)).map((s) => s.url));
    for (const [, url] of lines.join('\n').matchAll(/\[Viral Nation\]\(([^)]*)\)/g)) expect(ownPages).toContain(url);
    // Every voter read second-hand says how, in the words /tiers uses; those read first-hand don't need to.
    for (const p of PUBLISHERS.filter((x) => x.voting.length)) {
      const main = p.voting[0]!;
      const how = howRead(main);
      const secondHand = main.confidence === 'S' || main.confidence === 'M' || main.via !== undefined;
      const shown = line(p.label).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
      if (secondHand) expect(shown, p.label).toContain(`, ${how}:`);
      else expect(shown, p.label).not.toContain(how);
    }
  });

  it('keeps every page of "All sources" within limits, for every stretch between tier edges', () => {
    const edges = [...new Set(SOURCES.flatMap((s) => s.tiers.flatMap((t) => [t.min, (t.max ?? t.min) + 1])))];
    for (const n of edges) {
      const first = allSourcesReply(n, 0);
      const pages = Number(/of (\d+)/.exec(first.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
      for (let p = 0; p < pages; p++) expect(messageProblems(allSourcesReply(n, p)), `${n} page ${p}`).toEqual([]);
      expect(allSourcesReply(n, pages + 3).embeds[0]!.description).toBe(allSourcesReply(n, pages - 1).embeds[0]!.description);
    }
  });

  it('says "not covered by the figures we have" for missing numbers, never "above its top tier"', () => {
    const first = allSourcesReply(10_000_000_000, 0);
    const pages = Number(/of (\d+)/.exec(first.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
    const all = Array.from({ length: pages }, (_, p) => text(allSourcesReply(10_000_000_000, p))).join('\n');
    expect(all).toMatch(/Viral Nation.*not covered by the figures we have/);
    expect(all).not.toMatch(/above its top tier|floor/);
  });

  it('refuses a stale or forged button with an input error', async () => {
    for (const id of ['tier:all:x', 'tier:all:-5', 'tier:all:99999999999', 'tier:page:30000:-1', 'tier:nope:1']) {
      const answer = await tier.component!(id, [], testComponentContext());
      expect(answer.reply.inputError, id).toBe(true);
    }
  });

  it.each(['', 'abc', '-5', '1.2345k', '99999999999', '1e309', '@everyone', '🔥🔥', 'x'.repeat(6000)])('answers bad input %j with an ephemeral explanation', async (input) => {
    const reply = await run(input);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.inputError).toBe(true);
    expect(text(reply)).toContain('Accepted:');
    expect(messageProblems(reply)).toEqual([]);
  });
});
