/**
 * /glossary checked against /tier and against its own index:
 * - a tier word's entry says what /tier answers at every count of its band;
 * - the menus follow the index's groups, and their placeholders say which groups they hold;
 * - a formula with no source is labelled as common usage, not dressed as a citation;
 * - public term replies are short, and every citation is a press away.
 */

import { ComponentType, type APIEmbed, type APIStringSelectComponent } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosables } from '../src/cli/render-text';
import { embedLength } from '../src/commands/limits';
import { glossary } from '../src/commands/glossary';
import type { Reply } from '../src/commands/types';
import { TERMS, TERM_GROUPS, rangesSummary, type Term } from '../src/domain/glossary';
import { SOURCES, type Tier } from '../src/domain/sources';
import { messageProblems } from '../src/commands/limits';
import { driver } from './support/drive';
import { testComponentContext, testContext } from './support/context';

const run = (term?: string) => glossary.run((term === undefined ? {} : { term }) as never, testContext()) as Promise<Reply>;
const embedText = (e: APIEmbed) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n');
const buttons = (reply: Reply) =>
  (reply.components ?? []).flatMap((row) => row.components).flatMap((c) => (c.type === ComponentType.Button && 'custom_id' in c ? [c] : []));

// ── 1. Tier words and /tier ──────────────────────────────────────────────────────────────────

/** The one publisher's band a tier word names (HypeAuditor's rookie: 1k–5k), from the registry. */
function bandOf(term: Term): Tier | undefined {
  if (term.ranges?.length !== 1) return undefined;
  const [range] = term.ranges;
  return SOURCES.find((s) => s.id === range!.sourceId)!.tiers.find((t) => t.name === range!.tierName);
}
const TIER_WORDS = TERMS.flatMap((term) => {
  const band = bandOf(term);
  return band ? [{ term, band }] : [];
});

/** /tier's headline, as words to compare: "**Nano or micro** — a tie, 6 of 21 publishers each." */
function tierHeadline(description: string) {
  const line = description.split('\n')[0]!;
  const m = /^\*\*(.+?)\*\*(, narrowly)? — (a tie, )?(\d+) of (\d+) publishers/.exec(line);
  if (!m) throw new Error(`unread headline: ${line}`);
  return { words: m[1]!.toLowerCase(), narrow: m[2] !== undefined, tie: m[3] !== undefined, votes: Number(m[4]), of: Number(m[5]) };
}

interface Stretch {
  from: number;
  to: number;
  words: string;
  narrow: boolean;
  tie: boolean;
  low: number;
  high: number;
  of: number;
}

const count = (text: string) => Number(text.replace(/,/g, ''));

/** "1,000–2,499: nano or micro, a tie (6 of 21 publishers each)", "1,000,001 and up: mega (11–13 of 21 publishers agree)". */
function stretchesIn(value: string): Stretch[] {
  return value.split('\n').map((line) => {
    const m = /^(\d[\d,]*)(?:–(\d[\d,]*)| and up)?: (.+?)(, narrowly|, a tie)? \((\d+)(?:–(\d+))? of (\d+) publishers(?: each| agree)?\)$/.exec(line);
    if (!m) throw new Error(`unread line: ${line}`);
    const from = count(m[1]!);
    const to = m[2] ? count(m[2]) : line.includes(' and up:') ? Infinity : from;
    return { from, to, words: m[3]!, narrow: m[4] === ', narrowly', tie: m[4] === ', a tie', low: Number(m[5]), high: Number(m[6] ?? m[5]), of: Number(m[7]) };
  });
}

describe('a tier word says what /tier answers across its whole band', () => {
  it('covers every tier word named by one publisher’s band', () => {
    expect(TIER_WORDS.map((t) => t.term.id)).toEqual(expect.arrayContaining(['rookie', 'up-and-coming', 'prosumer', 'maven', 'instagram-user', 'middling']));
  });

  it.each(TIER_WORDS.map((t) => [t.term.name, t] as const))('%s: each stretch of the band, checked against /tier at sample counts', async (_name, { term, band }) => {
    const bot = driver();
    const reply = (await bot.run(`/glossary term:${term.name}`)).shown.body;
    const field = reply.embeds![0]!.fields!.find((f) => f.name.startsWith('What /tier answers'));
    expect(field, `${term.id}: no field saying what /tier answers`).toBeDefined();
    const stretches = stretchesIn(field!.value);
    // The stretches run over the whole band, end to end.
    expect(stretches[0]!.from).toBe(band.min);
    expect(stretches.at(-1)!.to).toBe(band.max ?? Infinity);
    for (let i = 1; i < stretches.length; i++) expect(stretches[i]!.from, term.id).toBe(stretches[i - 1]!.to + 1);

    const top = band.max ?? 10_000_000_000;
    const samples = new Set<number>([band.min, top]);
    for (const s of stretches) for (const n of [s.from, Math.min(s.to, top), Math.floor((s.from + Math.min(s.to, top)) / 2)]) samples.add(n);
    fc.sample(fc.integer({ min: band.min, max: top }), { numRuns: 15, seed: 26 }).forEach((n) => samples.add(n));
    for (const n of samples) {
      const said = stretches.find((s) => s.from <= n && n <= s.to)!;
      const tier = tierHeadline((await bot.run(`/tier ${n}`)).shown.body.embeds![0]!.description!);
      const at = `${term.id} at ${n}`;
      expect(said.words, at).toBe(tier.words);
      expect(said.tie, at).toBe(tier.tie);
      expect(said.narrow, at).toBe(tier.narrow);
      expect(tier.votes, at).toBeGreaterThanOrEqual(said.low);
      expect(tier.votes, at).toBeLessThanOrEqual(said.high);
      expect(said.of, at).toBe(tier.of);
    }
  });

  it('rookie: a tie between nano and micro below 2,500, nano narrowly from there, as /tier 1000, 2499 and 2500 say', async () => {
    const field = (await run('rookie')).embeds[0]!.fields!.find((f) => f.name.startsWith('What /tier answers'))!;
    expect(field.value).toBe('1,000–2,499: nano or micro, a tie (6 of 21 publishers each)\n2,500–4,999: nano, narrowly (7 of 21 publishers)');
    expect((await run('rookie')).embeds[0]!.description).not.toMatch(/7 of 21/);
  });
});

// ── 2. The index's menus ─────────────────────────────────────────────────────────────────────

describe('the index’s menus follow its groups', () => {
  it('list the terms in the order the index groups them, and the CLI numbers them so', async () => {
    const index = await run();
    const listed = index.embeds[0]!.fields!.filter((f) => (TERM_GROUPS as readonly string[]).includes(f.name.replace(/ \(cont\.\)$/, ''))).flatMap((f) => f.value.split(' · '));
    expect(listed).toHaveLength(TERMS.length);
    const picks = choosables(index as never);
    expect(picks.map((p) => p.label)).toEqual(listed);
    // CPC, Reach rate and EMV caveats are with the rest of "Reach & cost", not after "Brand advocate".
    const number = (label: string) => picks.find((p) => p.label === label)!.number;
    expect(number('CPC (cost per click)')).toBeLessThan(number('Conversion rate'));
    expect(number('EMV caveats')).toBeLessThan(number('Brand advocate'));
  });

  it('say in their placeholders which groups they hold, within 150 characters and 25 options', async () => {
    const menus = (await run()).components!.flatMap((row) => row.components).filter((c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect);
    const groupOf = new Map(TERMS.map((t) => [t.id, t.group]));
    for (const menu of menus) {
      expect(menu.options.length).toBeLessThanOrEqual(25);
      expect(menu.placeholder!.length).toBeLessThanOrEqual(150);
      const groups = [...new Set(menu.options.map((o) => groupOf.get(o.value)!))];
      for (const group of groups) expect(menu.placeholder, menu.placeholder).toContain(group);
      for (const other of TERM_GROUPS.filter((g) => !groups.includes(g))) expect(menu.placeholder, menu.placeholder).not.toContain(other);
      // No A-to-Z range between two terms' names.
      expect(menu.placeholder).not.toContain('…');
    }
  });
});

// ── 3. CTR's formula ─────────────────────────────────────────────────────────────────────────

describe('the click-through formula', () => {
  it('is labelled as common usage, not cited as the ROI, ROAS and funnel formulas of unnamed tools', () => {
    const ctr = TERMS.find((t) => t.id === 'click-through-rate')!;
    // The formula's own citation; the figures beside it (a rule of thumb, observed cases) cite their publishers.
    expect(ctr.sources.filter((c) => !c.sourceId && /^Common usage: /.test(c.text))).toHaveLength(1);
    for (const c of ctr.sources) expect(c.text).not.toMatch(/ROI|ROAS|as the analytics tools publish/);
  });
});

// ── 4. Short public term replies ─────────────────────────────────────────────────────────────

/** Every page of a term's "All sources", from its button, paging with "Next →": each within Discord's limits, only the presser's. */
async function allPages(customId: string): Promise<string[]> {
  const pages: string[] = [];
  let pressed = await glossary.component!(customId, [], testComponentContext());
  expect(pressed.mode).toBe('reply');
  for (;;) {
    expect(pressed.reply.flags).toBe(64);
    expect(messageProblems(pressed.reply)).toEqual([]);
    pages.push(pressed.reply.embeds.map(embedText).join('\n'));
    const next = buttons(pressed.reply).find((b) => b.label === 'Next →' && !b.disabled);
    if (!next) return pages;
    pressed = await glossary.component!(next.custom_id, [], testComponentContext());
    expect(pressed.mode).toBe('update');
  }
}

/** The sources "All sources" lists: its bullets after the Sources heading (a definition another repeats is under it, not a bullet). */
function citedIn(pages: readonly string[]): number {
  const text = pages.join('\n');
  return text.slice(text.indexOf('**Sources**')).split('\n').filter((line) => line.startsWith('• ')).length;
}

describe('public term replies', () => {
  const lookups = TERMS.flatMap((t) => [t.id, t.name, ...t.aliases].map((key) => [key, t] as const));

  it.each([...lookups, ['micro influencr', TERMS.find((t) => t.id === 'micro-influencer')!] as const])(
    '%j: at most 1,500 characters, no "(cont.)" field, every citation and range reachable',
    async (key, term) => {
      const reply = await run(key);
      const embed = reply.embeds[0]!;
      expect(embed.title).toBe(term.name);
      expect(reply.flags).toBeUndefined();
      expect(embedLength(embed), key).toBeLessThanOrEqual(1_500);
      expect((embed.fields ?? []).map((f) => f.name).filter((n) => n.includes('(cont.)'))).toEqual([]);
      expect(messageProblems(reply)).toEqual([]);
      // The definition, formula, example and the number of sources stay in the public reply.
      expect(embed.description).toContain(term.definition);
      if (term.formula) expect(embed.fields!.find((f) => f.name === 'Formula')?.value).toBe(term.formula);
      expect(embed.fields!.find((f) => f.name === 'Example')?.value).toBe(term.example);

      const publicText = embedText(embed);
      const allSources = buttons(reply).find((b) => b.label === 'All sources');
      const details = allSources ? await allPages(allSources.custom_id) : [];
      if (allSources) {
        // The number the public reply gives is the number of sources "All sources" lists.
        const listed = citedIn(details);
        expect(publicText).toMatch(new RegExp(`(^|\\D)${listed} source${listed === 1 ? '' : 's'}\\b`));
      }
      const reachable = `${publicText}\n${details.join('\n')}`;
      for (const c of term.sources) expect(reachable, `${key}: ${c.text}`).toContain(c.text);
      for (const range of rangesSummary(term).split(' · ').filter(Boolean)) expect(reachable, `${key}: ${range}`).toContain(range);
    },
  );
});
