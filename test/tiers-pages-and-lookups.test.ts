/**
 * /tiers beyond the overview's budget: a publisher's public page fits 1,500 characters of embed
 * text; the table's "<" and "≤" say what the publishers' words say; the overview says in one line
 * how far apart the publishers draw micro, beside a long house definition too; publishers are found
 * by the names users know (a word of the label's aside, an author, the outlet a figure was read
 * in); no title is shown in quotation marks unless it is the publisher's own, whole.
 */

import { describe, expect, it } from 'vitest';
import { embedLength } from '../src/commands/limits';
import { allSourcesLines as tierSources } from '../src/commands/tier';
import { allSourcesReply, publisherEmbed, rangeTable, tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { classify, classifyBySource } from '../src/domain/classify';
import { parseFollowerCount } from '../src/domain/followers';
import { BOUNDARY_RULE, NORMAL_TIERS, PUBLISHERS, citation, sourceById, type Source } from '../src/domain/sources';
import { TIER_LABELS } from '../src/domain/tier-style';
import { messageProblems } from '../src/commands/limits';
import { memoryStore, testContext } from './support/context';

const run = (source: string) => tiers.run({ source } as never, testContext()) as Promise<Reply>;
const suggest = async (value: string) => (await tiers.autocomplete!({ name: 'source', value }, {}, testContext())).map((c) => c.value);
const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, e.footer?.text].join('\n')).join('\n');

/** The tables' row for a label, as its cells: label, nano, micro, mid-tier, macro, mega (the tables split the tiers between them). */
function row(label: string): string[] {
  const cells = [label, '', '', '', '', ''];
  let found = false;
  for (const table of /```\n([\s\S]*?)\n```/.exec(rangeTable())![1]!.split('\n\n')) {
    const [header = '', ...lines] = table.split('\n');
    const columns = NORMAL_TIERS.map((t, c) => ({ at: c + 1, start: header.indexOf(TIER_LABELS[t]) })).filter((h) => h.start >= 0);
    const line = lines.find((l) => l.startsWith(`${label} `));
    if (!line) continue;
    found = true;
    columns.forEach(({ at, start }, i) => (cells[at] = line.slice(start, columns[i + 1]?.start).trim()));
  }
  expect(found, label).toBe(true);
  return cells;
}

describe('/tiers: a publisher’s public page', () => {
  it('fits 1,500 characters of embed text, whole, for every publisher and however it was asked for', async () => {
    for (const query of ['tapinflu', 'tapinfluence', 'viral', 'laura smous', 'business insider']) {
      const reply = await run(query);
      expect(reply.flags, query).toBeUndefined();
      expect(embedLength(reply.embeds[0]!), query).toBeLessThanOrEqual(1_500);
      expect(messageProblems(reply), query).toEqual([]);
    }
    // The longest lead a lookup can write: 60 characters of the query, each escaped.
    for (const p of PUBLISHERS) {
      for (const shownFor of [undefined, 'x'.repeat(60), '*'.repeat(60)]) {
        const embed = publisherEmbed(p, shownFor);
        expect(embedLength(embed), p.id).toBeLessThanOrEqual(1_500);
        expect(embed.description, `${p.id} is shown whole`).not.toMatch(/…$/);
      }
    }
  });

  it('says a platform only when one is stated', async () => {
    expect(text(await run('cnbc'))).not.toContain('Platform: not stated');
    expect(text(await run('mediakix'))).toContain('Platform: Instagram.');
  });
});

describe('/tiers: the overview table', () => {
  it('writes "<" where a range ends before the number and "≤" only where the number is in it', async () => {
    expect(row('CMSWire')[1]).toBe('<1k'); // "nano <1k"
    expect(row('Adweek')[2]).toBe('<10k'); // "under 10,000"
    expect(row('L2')[2]).toBe('<70k'); // "micro <70k"
    expect(row('Later×Fohr')[1]).toBe('<10k'); // 0–10k, and 10,000 is micro by its next tier
    expect(row('Sprout')[2]).toBe('<25k'); // micro T1 ends at 24,999
    expect(row('Iconosquare')[1]).toBe('≤10k'); // "nano ≤10k": 10,000 is nano
    expect(rangeTable().match(/≤/g)).toHaveLength(1);
    const overview = (await tiers.run({} as never, testContext())) as Reply;
    expect(overview.embeds[0]!.description).toContain('(< under, ≤ at most, > over; blank: not defined)');
    expect(overview.embeds[0]!.description).not.toContain('no lower bound');
  });

  it('states the boundary rule on the first page of its "All sources", as /tier does', () => {
    expect(allSourcesReply(0).embeds[0]!.description).toContain(BOUNDARY_RULE);
  });

  it('writes ">" where a top range starts after the number ("over 1M") and "+" where it starts at it, as /tier reads them', () => {
    expect(row('HypeAuditor')[5]).toBe('>1M'); // "over 1M": 1,000,000 is maven (macro)
    expect(row('Afluencer')[5]).toBe('>1M');
    expect(row('Sprout')[5]).toBe('>10M'); // "over 10M": 10,000,000 is macro T2
    expect(row('Mediakix')[5]).toBe('1M+'); // "1M+": 1,000,000 is mega
    for (const [id, edge, inside] of [
      ['hypeauditor', 1_000_000, false],
      ['afluencer', 1_000_000, false],
      ['sprout-social', 10_000_000, false],
      ['mediakix', 1_000_000, true],
    ] as const) {
      const verdict = classifyBySource(sourceById(id)!, edge);
      expect(verdict.kind === 'tier' && verdict.tier.normal === 'mega', `${id} at ${edge}`).toBe(inside);
    }
  });

  it('agrees with /tier on which side of each "<" or "≤" bound a count falls', () => {
    const bound = (id: string, normal: string) => {
      const source = sourceById(id)!;
      const tier = source.tiers.filter((t) => t.normal === normal).at(-1)!;
      return { source, tier };
    };
    for (const [id, normal, edge, inside] of [
      ['cmswire', 'nano', 1_000, false],
      ['adweek-under-10k', 'micro', 10_000, false],
      ['l2', 'micro', 70_000, false],
      ['later-fohr', 'nano', 10_000, false],
      ['sprout-social', 'micro', 25_000, false],
      ['iconosquare', 'nano', 10_000, true],
    ] as const) {
      const { source, tier } = bound(id, normal);
      const verdict = classifyBySource(source, edge);
      expect(verdict.kind === 'tier' && verdict.tier === tier, `${id} at ${edge}`).toBe(inside);
      const below = classifyBySource(source, edge - 1);
      expect(below.kind === 'tier' && below.tier.normal === normal, `${id} at ${edge - 1}`).toBe(true);
    }
  });

  it('writes ">" before a range that starts after its number ("more than 10k"), as its legend says', () => {
    expect(row('Rise (art.)')[4]).toBe('>10k–100k'); // "more than 10k": 10,000 is micro
    expect(row('L2')[4]).toBe('>2.5M–7M'); // 2,500,000 is on mid-tier's "70k–2.5M" line
    expect(row('Mediakix')[2]).toBe('10k–50k'); // 10,000 is micro
  });

  it('writes every bound of every row as /tier reads it: the count on each boundary falls on the side the table says', async () => {
    const overview = (await tiers.run({} as never, testContext())) as Reply;
    const tables = /```\n([\s\S]*?)\n```/.exec(overview.embeds[0]!.description!)![1]!.split('\n\n');
    // One row per voting definition, in the overview's order (Adweek's two readings, two rows), in
    // each table that heads a tier it gives: its cells gathered from every table.
    const definitions = PUBLISHERS.flatMap((p) => p.voting);
    const rows = new Map<Source, string[]>(definitions.map((s) => [s, NORMAL_TIERS.map(() => '')]));
    for (const table of tables) {
      const [header = '', ...lines] = table.split('\n');
      const headed = NORMAL_TIERS.filter((t) => header.includes(TIER_LABELS[t]));
      const gives = (s: Source) => s.tiers.some((t) => !t.notInfluencer && headed.includes(t.normal));
      const shown = PUBLISHERS.filter((p) => p.voting.some(gives)).flatMap((p) => p.voting);
      expect(lines).toHaveLength(shown.length);
      const starts = headed.map((t) => header.indexOf(TIER_LABELS[t]));
      lines.forEach((line, i) => {
        headed.forEach((t, c) => (rows.get(shown[i]!)![NORMAL_TIERS.indexOf(t)] = line.slice(starts[c], starts[c + 1]).trim()));
      });
    }
    const count = (compact: string) => {
      const parsed = parseFollowerCount(compact);
      if (!parsed.ok) throw new Error(`not a count: ${compact}`);
      return parsed.value;
    };
    definitions.forEach((source) => {
      const cells = rows.get(source)!;
      // Where a cell starts at its number ("10k–50k", "1M+"): by the boundary rule a range ending there gives it up.
      const startsAt = cells.flatMap((cell) => /^([^<≤>–+]+)(?:–|\+$)/.exec(cell)?.slice(1, 2) ?? []).map(count);
      cells.forEach((cell, c) => {
        if (!cell) return;
        const normal = NORMAL_TIERS[c]!;
        const side = (n: number, inside: boolean) => {
          const verdict = classifyBySource(source, n);
          expect(verdict.kind === 'tier' && verdict.tier.normal === normal, `${source.id}, ${normal} "${cell}", at ${n}`).toBe(inside);
        };
        const [, mark = '', from = '', to] = /^([<≤>]?)([^–+]+)(?:\+|–(.+))?$/.exec(cell) ?? [];
        if (mark === '<' || mark === '≤') {
          side(count(from) - 1, true);
          side(count(from), mark === '≤');
          side(count(from) + 1, false);
          return;
        }
        side(count(from) - 1, false);
        side(count(from), mark === '');
        side(count(from) + 1, true);
        if (to === undefined) return;
        side(count(to) - 1, true);
        side(count(to), !startsAt.includes(count(to)));
        side(count(to) + 1, false);
      });
    });
  });
});

describe('/tiers overview: how far apart the publishers draw micro', () => {
  const overview = (ctx = testContext()) => tiers.run({} as never, ctx) as Promise<Reply>;
  const line = 'Micro alone runs from 500–5k (Adweek) to 10k–100k (CNBC, 2017, and 3 more).';

  it('says in one line where micro starts and ends for the publishers furthest apart, and who draws each end', async () => {
    const reply = await overview();
    expect(reply.embeds[0]!.description!.split('\n')).toContain(line);
    // Both ends are cells of the table above it.
    expect(reply.embeds[0]!.description).toMatch(/\n {2}or +500–5k\n/);
    expect(reply.embeds[0]!.description).toMatch(/\nCNBC +10k–100k\n/);
  });

  it('keeps the line, and 1,500 characters, beside a long house definition', async () => {
    const store = memoryStore();
    const bounds = [0, 1_000, 2_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000];
    const longest = bounds.map((from, i) => `${'Quarterly creator partnership tier'.padEnd(37, 'x')} ${i + 1}${i + 1 < 10 ? 'x' : ''} ${from}-${bounds[i + 1] ?? ''}`.replace(/-$/, '+')).join(', ');
    await store.setHouse('42', { text: longest, setById: '1', setByName: 'ana', setAt: new Date(0) });
    const reply = await overview(testContext({ guildId: '42', store }));
    expect(reply.embeds[0]!.description!.split('\n')[0]).toMatch(/^\*\*Your house definition: /);
    expect(reply.embeds[0]!.description!.split('\n')).toContain(line);
    expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(1_500);
    expect(messageProblems(reply)).toEqual([]);
  });
});

describe('/tiers: finding a publisher by the names users know', () => {
  it('takes a whole word of a label’s aside as a strong match: "medium" is Digital Reflections (Medium)', async () => {
    const reply = await run('medium');
    expect(reply.embeds[0]!.title).toBe('Digital Reflections (Medium)');
    expect(reply.embeds[0]!.description).toMatch(/^Showing Digital Reflections \(Medium\) for "medium"\./);
    expect((await suggest('medium'))[0]).toBe('digital-reflections');
  });

  it('finds a publisher by an author or the outlet its figures were read in', async () => {
    for (const [query, title] of [
      ['laura smous', 'TapInfluence'],
      ['business insider', 'Viral Nation'],
      ['Industry Index', 'CNBC'],
      ['gil eyal', 'CMSWire'],
      ['Stefani Bujanović', 'Digital Reflections (Medium)'],
      ['intro to social media', 'Fiveable'],
    ] as const) {
      const reply = await run(query);
      expect(reply.inputError, query).toBeUndefined();
      expect(reply.embeds[0]!.title, query).toBe(title);
    }
    expect((await suggest('laura smous'))[0]).toBe('tapinfluence');
    expect((await suggest('business insider'))[0]).toBe('viral-nation');
  });

  it('still asks when a word names several, and an outlet that only quoted others names none of them', async () => {
    const article = await run('article');
    expect(article.embeds[0]!.title).toBe('Which publisher?');
    // TapInfluence's blog quotes CNBC, Adweek and Forbes: it opens TapInfluence, not a choice.
    expect((await run('tapinfluence blog')).embeds[0]!.title).toBe('TapInfluence');
    expect((await run('blog')).embeds[0]!.title).toBe('Unknown source');
  });

  it('opens the one publisher whose name starts with what was typed, as autocomplete offers it first', async () => {
    for (const [query, title, id] of [
      ['hype', 'HypeAuditor', 'hypeauditor'],
      ['tap', 'TapInfluence', 'tapinfluence'],
      ['tapin', 'TapInfluence', 'tapinfluence'],
      ['icono', 'Iconosquare', 'iconosquare'],
      ['CMS', 'CMSWire', 'cmswire'],
    ] as const) {
      const reply = await run(query);
      expect(reply.inputError, query).toBeUndefined();
      expect(reply.embeds[0]!.title, query).toBe(title);
      expect(reply.embeds[0]!.description, query).toMatch(new RegExp(`^Showing ${title} for "${query}"\\.`));
      expect((await suggest(query))[0], query).toBe(id);
    }
    // Two letters of a name, or a word that starts one name and a title's word, still name no one.
    expect((await run('sp')).embeds[0]!.title).toBe('Unknown source');
    expect((await run('the')).embeds[0]!.title).toBe('Which publisher?');
  });

  it('opens the one publisher a three-letter query names with two letters swapped, and no publisher for nonsense', async () => {
    const reply = await run('icn');
    expect(reply.embeds[0]!.title).toBe('Inc.');
    expect(reply.embeds[0]!.description).toMatch(/^Showing Inc\. for "icn"\./);
    for (const query of ['qwertyuiop', 'banana']) expect((await run(query)).embeds[0]!.title, query).toBe('Unknown source');
  });

  it('offers a publisher whose own name holds the word before those that have it only in a title', async () => {
    const reply = await run('influence');
    expect(reply.embeds[0]!.title).toBe('Which publisher?');
    const offered = (reply.components ?? []).flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(offered).toContain('tiers:pub:tapinfluence');
    // Named for it: The Influence Agency, the article "Rise of Micro-Influencers", TapInfluence; then titles only.
    expect(offered.indexOf('tiers:pub:tapinfluence')).toBeLessThan(offered.indexOf('tiers:pub:mediakix'));
    expect(offered.indexOf('tiers:pub:tapinfluence')).toBeLessThan(offered.indexOf('tiers:pub:later-fohr'));
    expect((await run('micro')).embeds[0]!.title).toBe('Which publisher?');
  });
});

describe('titles', () => {
  it('shows a title in quotation marks only when it is the publisher’s own, whole', async () => {
    const later = sourceById('later-fohr')!;
    const fiveable = sourceById('fiveable')!;
    expect(citation(later)).not.toMatch(/[“”]/);
    expect(citation(fiveable)).not.toMatch(/[“”]/);
    for (const p of PUBLISHERS) for (const s of p.sources) expect(s.title ?? '', s.id).not.toMatch(/…|\.\.\./);
    const tierAll = tierSources(classify(5_000)).join('\n');
    expect(tierAll).not.toMatch(/“[^”]*…[^”]*”/);
    expect(tierAll).not.toContain('“Intro to Social Media”');
    for (const query of ['later', 'fiveable']) expect(text(await run(query)), query).not.toMatch(/[“”]/);
  });
});
