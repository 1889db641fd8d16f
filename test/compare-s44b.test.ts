/**
 * /compare restates a plan's cost to the cent, as its Cost line gives it; and cites a source in
 * the same words as /glossary: what it is, not just its publisher and year.
 */

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID, EXPORT_ID, compare } from '../src/commands/compare';
import { glossary } from '../src/commands/glossary';
import { messageProblems } from '../src/commands/limits';
import type { Reply } from '../src/commands/types';
import { testComponentContext, testContext } from './support/context';
import { runCompare as run } from './support/compare';

const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

async function press(reply: Reply, prefix: string): Promise<Reply> {
  const id = ids(reply).find((x) => x.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button`);
  const { reply: answer } = await compare.component!(id, [], testComponentContext());
  expect(messageProblems(answer)).toEqual([]);
  return answer;
}

const csvSources = async (reply: Reply): Promise<string> => {
  const rows: string[][] = parse((await press(reply, EXPORT_ID)).files![0]!.data.toString('utf8'), { from_line: 2 });
  return rows.map((r) => r[5]).join('\n');
};

const YOUTUBE_CENTS = { platform: 'youtube', big_followers: '1234567', big_fee: '98765.43', micro_followers: '12345', micro_fee: '123.45' };

describe('a cost is restated to the cent, as the Cost line gives it', () => {
  it('Equal budget says Plan A’s cost as $98,765.43, in its line and on the Assumptions page', async () => {
    const equal = await press(await run(YOUTUBE_CENTS), EQUAL_BUDGET_ID);
    expect(text(equal)).toContain('Cost: **$98,765.43**');
    expect(equal.embeds[0]!.description).toContain('Plan B now has 800 micro-influencers, as many as Plan A’s cost ($98,765.43) buys.');
    const assumptions = text(await press(equal, ASSUMPTIONS_ID));
    expect(assumptions).toContain('as many as Plan A’s cost ($98,765.43) buys at $123.45 each, rounded down');
  });

  it('a fee over $1,000 is given to the cent too: “buys at $1,234.56 each”', async () => {
    const equal = await press(await run({ big_fee: '50000.99', micro_fee: '1234.56' }), EQUAL_BUDGET_ID);
    expect(equal.embeds[0]!.description).toContain('Plan B now has 40 micro-influencers, as many as Plan A’s cost ($50,000.99) buys.');
    expect(text(await press(equal, ASSUMPTIONS_ID))).toContain('as many as Plan A’s cost ($50,000.99) buys at $1,234.56 each');
  });

  it('the budget line says what Plan B spends as its Cost line does, never more than the budget', async () => {
    const reply = await run({ budget: '12345.67', big_followers: '2000000', micro_fee: '1234.56' });
    expect(text(reply)).toContain('Cost: **$12,345.60**');
    expect(reply.embeds[0]!.description).toContain('Plan B spends $12,345.60 on 10 micro-influencers at $1,234.56.');
  });

  it('when Plan A buys no micro-influencer, both amounts are given to the cent', async () => {
    // The button is hidden then; one sent before it was hidden still answers.
    const assumptionsId = ids(await run({ big_fee: '999.99', micro_fee: '1000.5' })).find((x) => x.startsWith(ASSUMPTIONS_ID))!;
    const { reply } = await compare.component!(`${EQUAL_BUDGET_ID}${assumptionsId.slice(ASSUMPTIONS_ID.length)}`, [], testComponentContext());
    expect(text(reply)).toContain('Plan A costs $999.99, less than one micro-influencer’s fee ($1,000.50)');
  });
});

describe('a source is cited in the same words in /glossary, /compare’s Assumptions and compare.csv', () => {
  it('TapInfluence’s blog post, the source of the Kardashian case', async () => {
    const entry = text((await glossary.run({ term: 'conversion rate' } as never, testContext())) as Reply);
    const tapInfluence = 'TapInfluence, blog post by Laura Smous, Director of Product Marketing, undated';
    expect(entry).toContain(tapInfluence);
    const reply = await run({ preset: 'kardashian' });
    expect(text(await press(reply, ASSUMPTIONS_ID))).toContain(tapInfluence);
    expect(await csvSources(reply)).toContain(tapInfluence);
  });

  it('the Assumptions page says what an untitled report is, as /glossary does', async () => {
    const entry = text((await glossary.run({ term: 'engagement rate by followers' } as never, testContext())) as Reply);
    expect(entry).toContain('HypeAuditor, State of Influencer Marketing report, 2026, as reported by eMarketer');
    const assumptions = text(await press(await run({}), ASSUMPTIONS_ID));
    expect(assumptions).toContain('HypeAuditor, State of Influencer Marketing report, 2026 (as reported by eMarketer)');
    expect(assumptions).toContain('HypeAuditor, State of Influencer Marketing report, 2023 (second-hand; the reporting outlet is not recorded)');
    expect(assumptions).toContain('InfluencerDB, benchmarks of 307k Instagram accounts, 2019');
    expect(assumptions).toContain(
      '[HypeAuditor, Instagram engagement rate benchmark, March 2018 (~37,000 accounts), 2018](https://hypeauditor.com/blog/what-is-instagram-engagement-rate-and-how-to-calculate-it)',
    );
  });

  it('a field too full for its citations in full keeps its range whole and names the rest by publisher and year', async () => {
    // In the Kardashian preset, Plan B's engagement rate is the first input to cite every engagement source.
    const assumptions = await press(await run({ preset: 'kardashian' }), ASSUMPTIONS_ID);
    const field = assumptions.embeds[0]!.fields!.find((f) => f.name.startsWith('Plan B engagement rate'))!;
    expect(field.value).toContain('Mediakix 2017 sponsored posts only, micro, 10k–100k: 2.75%.');
    expect(field.value).toContain('[Markerly, survey of ~2M Instagram influencers (like rate), 2016 (as reported by Digiday)](https://digiday.com/marketing/micro-influencers)');
    expect(field.value).toContain('HypeAuditor 2026 (as reported by eMarketer)');
  });
});

describe('"mil" in /compare', () => {
  it('is read as a million, as /tier reads it, and the reply says so, option by option', async () => {
    const reply = await run({ budget: '$2 mil', big_followers: '1 mil' });
    const text = reply.embeds[0]!.description ?? '';
    expect(text).toContain('Budget $2M');
    expect(text).toContain('ℹ️ budget: “mil” is read as a million; for 2 thousand, write 2k.');
    expect(text).toContain('ℹ️ big_followers: “mil” is read as a million; for 1 thousand, write 1k.');
    expect(JSON.stringify((await run({ budget: '2000' })).embeds)).not.toContain('“mil”');
  });

  it('stays within its limits with every option written with "mil"', async () => {
    const reply = await run({ big_fee: '1 mil', micro_fee: '1 mil', big_followers: '1 mil', micro_followers: '1 mil', order_value: '1 mil', overlap: '5' });
    expect(reply.inputError).toBeFalsy();
    expect((reply.embeds[0]!.description!.match(/“mil” is read as a million/g) ?? []).length).toBe(5);
    expect(messageProblems(reply)).toEqual([]);
  });
});
