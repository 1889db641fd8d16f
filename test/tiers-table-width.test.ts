/**
 * /tiers on a phone: an embed there shows about 40 monospace characters, and Discord wraps a longer
 * code-block line at a space, so a cell would start the next line and read as if under the wrong
 * heading. Every code-block line of every /tiers reply is at most 40 characters, and the overview
 * still shows every publisher's every range, under its tier, on its publisher's row.
 */

import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { formatCompact } from '../src/domain/format';
import { normalRanges } from '../src/domain/overview';
import { NORMAL_TIERS, PUBLISHERS, type NormalTier, type Publisher, type Source } from '../src/domain/sources';
import { TIER_LABELS } from '../src/domain/tier-style';
import { memoryStore, testComponentContext, testContext } from './support/context';

const PHONE_WIDTH = 40;
const GUILD = '200000000000000044';
const HOUSE = 'nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+';

const overview = async (context = testContext()) => (await tiers.run({} as never, context)) as Reply;

/** The overview in a server whose manager has set a house definition with /house set. */
async function housedOverview(): Promise<Reply> {
  const context = testContext({ guildId: GUILD, manager: true, store: memoryStore() });
  const saved = (await house.run({ subcommand: 'set', tiers: HOUSE } as never, context)) as Reply;
  expect(saved.inputError).toBeUndefined();
  const reply = await overview(context);
  expect(reply.embeds[0]!.description).toMatch(/^\*\*Your house definition: nano 1k–10k/);
  return reply;
}

/** Every reply /tiers gives: the overview with and without a house line, every publisher page however opened, "All sources", a choice and a refusal. */
async function everyReply(): Promise<[string, Reply][]> {
  const replies: [string, Reply][] = [
    ['overview', await overview()],
    ['overview with a house definition', await housedOverview()],
    ['a choice', (await tiers.run({ source: 'a' } as never, testContext())) as Reply],
    ['an unknown source', (await tiers.run({ source: 'zzzzqqqq' } as never, testContext())) as Reply],
  ];
  for (const p of PUBLISHERS) {
    replies.push([`${p.id} by name`, (await tiers.run({ source: p.id } as never, testContext())) as Reply]);
    replies.push([`${p.id} from the overview`, (await tiers.component!('tiers:open:0', [p.id], testComponentContext())).reply]);
  }
  const first = (await tiers.component!('tiers:all', [], testComponentContext())).reply;
  const pages = Number(/of (\d+)/.exec(first.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
  replies.push(['All sources, page 1', first]);
  for (let page = 1; page < pages; page++) replies.push([`All sources, page ${page + 1}`, (await tiers.component!(`tiers:page:${page}`, [], testComponentContext())).reply]);
  return replies;
}

/** The lines inside every code block of a reply's text. */
function codeBlockLines(reply: Reply): string[] {
  const texts = [reply.content ?? '', ...reply.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])];
  return texts.flatMap((text) => [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n')));
}

interface Table {
  /** The tiers the table heads, in order. */
  tiers: NormalTier[];
  rows: { label: string; cells: Map<NormalTier, string> }[];
}

/** The overview's tables read back: each row's label, and its cells by the tier heading above them. */
function tablesOf(reply: Reply): Table[] {
  const block = /```\n([\s\S]*?)\n```/.exec(reply.embeds[0]!.description!)![1]!;
  return block.split('\n\n').map((table) => {
    const [header = '', ...lines] = table.split('\n');
    const headings = NORMAL_TIERS.map((tier) => ({ tier, start: header.indexOf(TIER_LABELS[tier]) })).filter((h) => h.start >= 0);
    const rows = lines.map((line) => {
      const cells = headings.map(({ tier, start }, i) => [tier, line.slice(start, headings[i + 1]?.start).trim()] as const);
      return { label: line.slice(0, headings[0]!.start).trim(), cells: new Map(cells.filter(([, text]) => text)) };
    });
    return { tiers: headings.map((h) => h.tier), rows };
  });
}

/** The numbers a definition's range for each tier is drawn between, as the table writes them (an open end has none). */
function bounds(s: Source): Map<NormalTier, string[]> {
  const influencerTiers = { ...s, tiers: s.tiers.filter((t) => !t.notInfluencer) };
  return new Map(
    normalRanges(influencerTiers).map((r) => [r.normal, [...(r.from > 0 ? [formatCompact(r.from)] : []), ...(r.to !== null ? [formatCompact(r.to)] : [])]]),
  );
}

describe('/tiers on a phone', () => {
  it('keeps every line of every code block in every /tiers reply within 40 characters', async () => {
    const replies = await everyReply();
    for (const [name, reply] of replies) {
      for (const line of codeBlockLines(reply)) expect([...line].length, `${name}: "${line}"`).toBeLessThanOrEqual(PHONE_WIDTH);
    }
    // The overviews do have a table to check.
    expect(codeBlockLines(replies[0]![1]).length).toBeGreaterThan(PUBLISHERS.filter((p) => p.voting.length).length);
    expect(codeBlockLines(replies[1]![1]).length).toBeGreaterThan(PUBLISHERS.filter((p) => p.voting.length).length);
  });

  it('still shows every publisher’s every range, under its tier, on its own labelled row, with and without a house definition', async () => {
    for (const reply of [await overview(), await housedOverview()]) {
      expect(reply.embeds[0]!.description).toContain('Followers by tier (< under, ≤ at most, > over; blank: not defined):');
      const tables = tablesOf(reply);
      expect(tables.flatMap((t) => t.tiers)).toEqual(NORMAL_TIERS);
      const shown = new Map<Source, Map<NormalTier, string>>();
      const labels = new Map<Publisher, string>();
      for (const table of tables) {
        // A publisher has its rows, in the registry's order, in each table that heads a tier it gives.
        const gives = (s: Source) => [...bounds(s).keys()].some((tier) => table.tiers.includes(tier));
        const expected = PUBLISHERS.filter((p) => p.voting.some(gives)).flatMap((p) => p.voting.map((s, reading) => ({ p, s, reading })));
        expect(table.rows, table.tiers.join(' · ')).toHaveLength(expected.length);
        expected.forEach(({ p, s, reading }, i) => {
          const { label, cells } = table.rows[i]!;
          if (reading > 0) expect(label, `${s.id}: a second reading`).toBe('or');
          else {
            expect(label, p.id).not.toBe('');
            expect(label, `${p.id}: the same label in every table`).toBe(labels.get(p) ?? label);
            labels.set(p, label);
          }
          shown.set(s, new Map([...(shown.get(s) ?? []), ...cells]));
        });
      }
      expect(new Set(labels.values()).size, 'each label names one publisher').toBe(labels.size);
      for (const s of PUBLISHERS.flatMap((p) => p.voting)) {
        const cells = shown.get(s)!;
        const expected = bounds(s);
        expect([...cells.keys()], s.id).toEqual([...expected.keys()]);
        for (const [tier, numbers] of expected) {
          const cell = cells.get(tier)!;
          expect(cell.replace(/[<≤>+]/g, '').split('–'), `${s.id}, ${tier}: "${cell}"`).toEqual(numbers);
        }
      }
    }
  });
});
