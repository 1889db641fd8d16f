/**
 * How /compare cites its sources: a second-hand figure says who reported it (or that the outlet is
 * not recorded) in the Assumptions reply, compare.csv and the fee line; one source is cited one way
 * throughout a reply, in the same words as /glossary; and an undated source says "undated" in every
 * reply and in compare.csv. Checked through the command, as a user gets it.
 */

import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID } from '../src/commands/compare-state';
import { glossary } from '../src/commands/glossary';
import type { Reply } from '../src/commands/types';
import { citeText, publisherYear, reportedBy, type Citation } from '../src/domain/benchmarks';
import { testComponentContext, testContext } from './support/context';
import { runCompare as run, assumptionsPage, assumptionsText, bodyText, buttonIds, comparisonOf, exportRow, exportRows, exportRowsOf, pressButton, pressCustomId, shownText } from './support/compare';

/** The sources column of compare.csv, a row a line. */
const csvSources = async (reply: Reply): Promise<string> => (await exportRowsOf(reply)).map((r) => r[5]).join('\n');

describe('second-hand figures say who reported them', () => {
  it('Influencer Marketing Hub 2021 is cited without a made-up title, and as reported by ION', async () => {
    const t = await assumptionsText({ platform: 'tiktok' });
    expect(t).not.toContain('“Influencer Marketing Benchmark Report”');
    expect(t).toMatch(/Influencer Marketing Hub,? 2021 \(as reported by ION\)/);
    const rows = await exportRows({ platform: 'tiktok' });
    expect(exportRow(rows, 'assumption', 'engagement_rate_b')[5]).toContain('Influencer Marketing Hub, Benchmark Report, 2021 (as reported by ION)');
  });

  // Every second-hand citation an input carries, in every preset and platform, and in the full,
  // shortened and trimmed Assumptions replies alike.
  const secondHand = (c: Citation) => reportedBy(c) !== null;
  const scenarios: Record<string, string>[] = [
    {},
    { preset: 'kardashian' },
    { platform: 'tiktok' },
    { budget: '5000' },
    { micro_followers: '5k', big_followers: '2M' }, // shortened to fit, with the Export notice
    { platform: 'tiktok', micro_followers: '5k', big_followers: '2M' },
    { platform: 'youtube', micro_followers: '3000' },
  ];

  it('every second-hand figure says "as reported by …" in the Assumptions reply, shortened or not', async () => {
    for (const options of scenarios) {
      const t = await assumptionsText(options);
      for (const a of Object.values(comparisonOf(options).scenario.assumptions)) {
        for (const c of a.sources.filter(secondHand)) {
          const escaped = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          expect(t, `${JSON.stringify(options)}: ${c.publisher}`).toMatch(new RegExp(`${escaped(c.publisher)},? [^·\\n]*\\(${escaped(reportedBy(c)!)}\\)`));
        }
      }
    }
  });

  it('Mediakix 2017, the cent rule and HypeAuditor 2023 and 2026 each say how they were read: through whom, or that the outlet is not recorded', async () => {
    const t = await assumptionsText({});
    expect(t).toMatch(/Mediakix,? 2017 \(second-hand; the reporting outlet is not recorded\)/);
    expect(t).toContain('Rule of thumb, undated (as reported by USA Today and Shopify)');
    expect(t).toMatch(/HypeAuditor,? (State of Influencer Marketing report, )?2026 \(as reported by eMarketer\)/);
    const tiktok = await assumptionsText({ platform: 'tiktok', micro_followers: '3000' });
    expect(tiktok).toMatch(/HypeAuditor,? (State of Influencer Marketing report, )?2023 \(second-hand; the reporting outlet is not recorded\)/);
  });

  it('compare.csv cites second-hand figures as reported: Markerly by Digiday', async () => {
    const rows = await exportRows({});
    const source = exportRow(rows, 'assumption', 'engagement_rate_b')[5]!;
    expect(source).toContain('Markerly, survey of ~2M Instagram influencers (like rate), 2016 (as reported by Digiday) https://digiday.com/marketing/micro-influencers');
    expect(exportRow(rows, 'assumption', 'fee_a')[5]).toContain('(as reported by USA Today and Shopify)');
    for (const options of scenarios) {
      const all = await exportRows(options);
      for (const a of Object.values(comparisonOf(options).scenario.assumptions)) {
        for (const c of a.sources.filter(secondHand)) expect(exportRow(all, 'assumption', a.key)[5], `${JSON.stringify(options)}: ${a.key}`).toContain(citeText(c));
      }
    }
  });

  it('the main reply’s fee line says the cent rule is reported by USA Today and Shopify', async () => {
    expect(shownText(await run())).toContain('the cent-per-follower rule ($100 per 10,000 followers, as reported by USA Today and Shopify)');
  });
});

describe('one source is cited one way throughout the Assumptions reply', () => {
  it('big_followers:1M micro_followers:10k: every second-hand source says how it was read, each time it is named', async () => {
    const options = { big_followers: '1M', micro_followers: '10k' };
    const page = bodyText(await assumptionsPage(options));
    const secondHand = Object.values(comparisonOf(options).scenario.assumptions).flatMap((a) => a.sources.filter((c) => reportedBy(c) !== null));
    expect(secondHand.map((c) => c.publisher)).toContain('Mediakix');
    for (const c of secondHand) {
      // Named by publisher and year, and then nothing: the end of a list of citations.
      const bare = new RegExp(`${publisherYear(c).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?= ·|\\n|$)`);
      expect(page, c.publisher).not.toMatch(bare);
    }
  });
});

describe('a source is cited in the same words in /glossary, /compare’s Assumptions and compare.csv', () => {
  it('TapInfluence’s blog post, the source of the Kardashian case', async () => {
    const entry = bodyText((await glossary.run({ term: 'conversion rate' } as never, testContext())) as Reply);
    const tapInfluence = 'TapInfluence, blog post by Laura Smous, Director of Product Marketing, undated';
    expect(entry).toContain(tapInfluence);
    const reply = await run({ preset: 'kardashian' });
    expect(bodyText(await pressButton(reply, ASSUMPTIONS_ID))).toContain(tapInfluence);
    expect(await csvSources(reply)).toContain(tapInfluence);
  });

  it('the Assumptions page says what an untitled report is, as /glossary does', async () => {
    const entry = bodyText((await glossary.run({ term: 'engagement rate by followers' } as never, testContext())) as Reply);
    expect(entry).toContain('HypeAuditor, State of Influencer Marketing report, 2026, as reported by eMarketer');
    const assumptions = bodyText(await assumptionsPage({}));
    expect(assumptions).toContain('HypeAuditor, State of Influencer Marketing report, 2026 (as reported by eMarketer)');
    expect(assumptions).toContain('HypeAuditor, State of Influencer Marketing report, 2023 (second-hand; the reporting outlet is not recorded)');
    expect(assumptions).toContain('InfluencerDB, benchmarks of 307k Instagram accounts, 2019');
    expect(assumptions).toContain(
      '[HypeAuditor, Instagram engagement rate benchmark, March 2018 (~37,000 accounts), 2018](https://hypeauditor.com/blog/what-is-instagram-engagement-rate-and-how-to-calculate-it)',
    );
  });

  it('a field too full for its citations in full keeps its range whole and names the rest by publisher and year', async () => {
    // In the Kardashian preset, Plan B's engagement rate is the first input to cite every engagement source.
    const assumptions = await assumptionsPage({ preset: 'kardashian' });
    const field = assumptions.embeds[0]!.fields!.find((f) => f.name.startsWith('Plan B engagement rate'))!;
    expect(field.value).toContain('Mediakix 2017 sponsored posts only, micro, 10k–100k: 2.75%.');
    expect(field.value).toContain('[Markerly, survey of ~2M Instagram influencers (like rate), 2016 (as reported by Digiday)](https://digiday.com/marketing/micro-influencers)');
    expect(field.value).toContain('HypeAuditor 2026 (as reported by eMarketer)');
  });
});

describe('undated sources say "undated", the same way everywhere', () => {
  const FORBIDDEN = /n\.d\./i;
  const samples: Record<string, string>[] = [
    {},
    { preset: 'kardashian' },
    { preset: 'ten-micro' },
    { platform: 'tiktok' },
    { platform: 'youtube', micro_followers: '3000' },
    { budget: '5000' },
    { big_fee: '5000' },
    { micro_count: '50', micro_fee: '100', big_engagement: '2' },
  ];

  it('in the main reply, every button’s reply (Assumptions, Equal budget, and on) and compare.csv', async () => {
    const ctx = testComponentContext();
    const seen = new Set<string>();
    const queue: [string, Reply][] = [];
    for (const options of samples) queue.push([`/compare ${JSON.stringify(options)}`, await run(options)]);
    let csvs = 0;
    while (queue.length) {
      const [path, reply] = queue.shift()!;
      const body = JSON.stringify({ content: reply.content, embeds: reply.embeds, components: reply.components });
      if (seen.has(body)) continue;
      seen.add(body);
      expect(body.match(FORBIDDEN)?.[0], path).toBeUndefined();
      // "undated" is always set off by a comma: "GRIN, undated".
      expect(body.match(/[^,] undated/)?.[0], path).toBeUndefined();
      for (const file of reply.files ?? []) {
        const csv = Buffer.from(file.data).toString('utf8');
        csvs += 1;
        expect(csv.match(FORBIDDEN)?.[0], `${path}: ${file.name}`).toBeUndefined();
        expect(csv.match(/[^,] undated/)?.[0], `${path}: ${file.name}`).toBeUndefined();
        expect(csv).toContain(', undated');
      }
      for (const id of buttonIds(reply)) {
        const { reply: next } = await pressCustomId(id, ctx);
        queue.push([`${path} → ${id.slice(0, 10)}`, next]);
      }
    }
    expect(csvs).toBeGreaterThanOrEqual(samples.length);
    expect(seen.size).toBeGreaterThan(samples.length * 3);
  });

  it('the Assumptions reply names the undated rule of thumb and GRIN as undated', async () => {
    const t = await assumptionsText({});
    expect(t).toContain('Rule of thumb, undated (as reported by USA Today and Shopify)');
    expect(t).toContain('GRIN, undated');
    expect(t).toContain('TapInfluence, undated');
  });
});
