/**
 * The public /compare reply's key assumptions: every input its numbers rest on, with its kind and
 * range, kept (shortened to fit, never dropped) within the main reply's budget; the caveats that
 * matter; the Fees line true of each plan; inputs that do not apply, or apply to one plan, said so;
 * an input's kind alike in the reply, the Assumptions page and compare.csv; Plan B's reach formula;
 * and compare.csv's figures, which let a spreadsheet check each step of the funnel. Checked through
 * the command, as a user gets it.
 */

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../src/commands/compare';
import { ASSUMPTIONS_ID, CASES_ID, EXPORT_ID } from '../src/commands/compare-state';
import { MAIN_TEXT_LIMIT } from '../src/commands/compare-reply';
import type { Reply, RunContext } from '../src/commands/types';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';
import { runCompare as run, assumptionsPage, embedCharacters, embedFields, exportRow, exportRows, fieldOfAnyEmbed, plainText, pressButton, shownText } from './support/compare';

const GUILD = '200000000000000077';

/** The key assumptions of the public reply, one line each. */
const keyLines = (reply: Reply) => reply.embeds[0]!.fields!.filter((f) => f.name.startsWith('Key assumptions')).flatMap((f) => f.value.split('\n'));
const lineStarting = (all: string[], start: string) => all.find((l) => l.startsWith(start));

/** The key assumptions of the public reply for `options`, once the reply is checked to fit the main reply's budget. */
async function shownKeyLines(options: Record<string, string>, context: RunContext = testContext()): Promise<string[]> {
  const reply = await run(options, context);
  expect(embedCharacters(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
  return keyLines(reply);
}

async function withHouse(house: string): Promise<TeamStore> {
  const store = memoryStore();
  await store.setHouse(GUILD, { text: house, setById: '1', setByName: 'Manager', setAt: new Date(0) });
  return store;
}

describe('the main reply shows every input the numbers rest on', () => {
  it('the default: the reach rates, conversion and order value, with their kind and range', async () => {
    const key = await shownKeyLines({});
    // Plan A's rates are raised to what 99,999 followers get, Tierbot's assumption, over the sources' 22.885% and
    // 1.55%: 99,999 × 22.945% ÷ 100,000 = 22.94477% and 99,999 × 1.62% ÷ 100,000 = 1.6199838%, written with
    // the digits that give the 22,945 people and 1,620 engagements beside them: 22.945% and 1.62%.
    expect(lineStarting(key, 'Reach rate')).toBe(
      'Reach rate: A 22.945% (22.885%–22.945%; Tierbot assumption: raised so it reaches no fewer people than a 99,999-follower account at Minter.io 2019’s Instagram rate), B 37.72% (one published figure, no range; sourced: Minter.io 2019).',
    );
    expect(lineStarting(key, 'Engagement rate')).toBe(
      'Engagement rate by followers: A 1.62% (1.55%–3.8%; Tierbot assumption: raised so it gets no fewer engagements than a 99,999-follower account at HypeAuditor 2018’s rate), B 2.28% (0.54%–6.3%; sourced: HypeAuditor 2018). The sources disagree; the ranges span them.',
    );
    // At 500,000 followers nothing is held: Minter.io alone gives a figure for each, said so, as no range is shown.
    const sourced = await shownKeyLines({ big_followers: '500k' });
    expect(lineStarting(sourced, 'Reach rate')).toBe('Reach rate (sourced: Minter.io 2019; one published figure each, no range): A 22.885%, B 37.72%.');
    expect(lineStarting(sourced, 'Engagement rate')).toBe(
      'Engagement rate by followers (sourced: HypeAuditor 2018): A 1.55% (1.55%–3.8%), B 2.28% (0.54%–6.3%). The sources disagree; the ranges span them.',
    );
    expect(lineStarting(key, 'Sales')).toBe('Sales (extrapolated from the Kardashian tweet, TapInfluence blog; one published figure each, no range): conversion 2.5% of visits, order value $30.');
    // Still there: click-through, the fee rule and overlap, each with its range.
    expect(lineStarting(key, 'Click-through')).toContain('**0.5%** of reached accounts visit (0.02%–2%), a Tierbot assumption');
    expect(lineStarting(key, 'Fees')).toContain('the cent-per-follower rule');
    expect(lineStarting(key, 'Overlap')).toBe('Overlap: 0% expected, up to 40% (Influencity’s illustration); no published average.');
    // The ranges move only the inputs that have one: the Assumptions page says so, the footer points there.
    const main = await run({});
    expect(main.embeds[0]!.footer!.text).toContain('"Assumptions" shows every source, how the ranges are found and where the plans tie.');
    const page = await pressButton(main, ASSUMPTIONS_ID);
    expect(page.embeds[0]!.description).toContain('Ranges: each plan with every input that has a range at its worse end');
  });

  it('an option the user set is shown as theirs, beside the defaults left as they are', async () => {
    const key = await shownKeyLines({ conversion: '5', big_reach: '30', micro_fee: '50', overlap: '20' });
    expect(lineStarting(key, 'Sales')).toBe('Sales: conversion 5% of visits (your input), order value $30 (one published figure, no range; extrapolated from the Kardashian tweet, TapInfluence blog).');
    expect(lineStarting(key, 'Reach rate')).toBe('Reach rate: A 30% (your input), B 37.72% (one published figure, no range; sourced: Minter.io 2019).');
    expect(lineStarting(key, 'Fees')).toBe('Fees: A $1,000 ($232.50–$1,000; sourced: the cent-per-follower rule), B $50 each (your input).');
    expect(lineStarting(key, 'Overlap')).toBe('Overlap (your input): 20%.');
    expect(lineStarting(await shownKeyLines({ conversion: '5', order_value: '$45' }), 'Sales')).toBe('Sales (your input): conversion 5% of visits, order value $45.');
  });

  it('assumed reach rates show their range; the observed tweet’s reach is not reported', async () => {
    expect(lineStarting(await shownKeyLines({ platform: 'tiktok' }), 'Reach rate')).toBe(
      'Reach rate: A 22.945% (15%–37.72%; Tierbot assumption: raised so it reaches no fewer people than a 99,999-follower account at Minter.io 2019’s Instagram rate), B 37.72% (15%–37.72%; Tierbot assumption).',
    );
    expect(lineStarting(await shownKeyLines({ preset: 'kardashian' }), 'Reach rate')).toBe('Reach rate: A not reported, B 37.72% (one published figure, no range; sourced: Minter.io 2019).');
    // Minter.io and Bazaarvoice both give a figure under 10k followers: the range spans them.
    expect(lineStarting(await shownKeyLines({ micro_followers: '5000' }), 'Reach rate')).toBe(
      'Reach rate: A 22.945% (22.885%–22.945%; Tierbot assumption: raised so it reaches no fewer people than a 99,999-follower account at Minter.io 2019’s Instagram rate), B 37.72% (36%–37.72%; sourced: Minter.io 2019).',
    );
  });

  it('the longest public replies keep the inputs shown, within the main reply’s budget', async () => {
    const longest: Record<string, string>[] = [
      { preset: 'kardashian', platform: 'youtube', budget: '5000' },
      { big_followers: '9,999,999,999', micro_followers: '5', micro_count: '999999', platform: 'youtube', conversion: '0.00001', order_value: '$999,999,999,999.99' },
      { platform: 'tiktok', micro_followers: '3000', big_followers: '500k', big_reach: '12.3456', micro_engagement: '7.654321', big_fee: '123456.78' },
      // The longest of all: the observed clicks give way (the Assumptions page has them), the inputs stay.
      { preset: 'kardashian', platform: 'tiktok', budget: '123456.78', micro_followers: '1234' },
    ];
    // In a server whose house definition has long tier names, with a plan saved under a long name.
    const store = memoryStore();
    const long = (c: string) => `${c}${'w'.repeat(60)}`;
    await store.setHouse(GUILD, { text: `${long('a')} 1k-9k, gap, ${long('b')} 10k-90k, gap, ${long('c')} 100k-1M`, setById: '1', setByName: 'Manager', setAt: new Date(0) });
    for (const [i, options] of longest.entries()) {
      const key = await shownKeyLines({ ...options, save: String(i).repeat(100) }, testContext({ guildId: GUILD, store }));
      // In the Kardashian case the sales inputs are Plan B's alone.
      const sales = options.preset === 'kardashian' ? 'Plan B’s sales' : 'Sales';
      for (const start of ['Reach rate', 'Engagement rate', 'Click-through', sales, 'Overlap']) expect(lineStarting(key, start), `${JSON.stringify(options)}: ${start}`).toBeDefined();
    }
  });
});

describe('the public reply keeps its key assumptions, shortened to fit', () => {
  const FIVE_TIERS = 'nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+';
  const LONG_NAME = 'Q3 launch plan for the spring skincare line, TikTok creators vs one big name, budget three thousand';
  const LONG_TIERS = 'the smallest creators on our books 1k-10k, the growing creators we work with 10k-75k, the mid-sized creators of the agency 75k-500k, the big names under contract 500k+';
  const LABELS = [/^Reach rate/, /^Engagement rate by (followers|subscribers)/, /^Click-through/, /^Sales/, /^(Fees|Plan B’s fees)/, /^Overlap/];

  const cases: [string, string, Record<string, string>][] = [
    ['a house definition and a long saved name', FIVE_TIERS, { platform: 'tiktok', budget: '3000', big_followers: '1M', micro_followers: '150k', save: LONG_NAME }],
    // 15,000,000 followers get Influencer Marketing Hub's "mega" 5% and its long caveat (1,000,000 are held at 11.5%).
    ['long house tier names', LONG_TIERS, { platform: 'tiktok', budget: '3000', big_followers: '15M', micro_followers: '150k', save: LONG_NAME }],
    ['a 100-character plan name and long tier names', LONG_TIERS, { platform: 'youtube', budget: '3000', big_followers: '1M', micro_followers: '150k', overlap: '20', save: 'x'.repeat(100) }],
  ];
  for (const [name, house, options] of cases) {
    it(`${name}: every key assumption is still shown, within the main reply’s budget`, async () => {
      const reply = await run(options, testContext({ guildId: GUILD, store: await withHouse(house), manager: true }));
      expect(embedCharacters(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
      const key = keyLines(reply);
      for (const label of LABELS) expect(key.some((l) => label.test(l)), String(label)).toBe(true);
    });
  }

  it('long tier names: the lines are shortened with “…”, and a note says where they are in full', async () => {
    const reply = await run(cases[1]![2], testContext({ guildId: GUILD, store: await withHouse(LONG_TIERS), manager: true }));
    const key = keyLines(reply);
    expect(key.some((l) => l.endsWith('…'))).toBe(true);
    expect(key.at(-1)).toBe('*Shortened to fit: **Assumptions** has each in full.*');
  });
});

describe('the caveats that matter are in the public reply, and agree with the ranges', () => {
  it('the main reply says the sources disagree on the engagement rates and on fees, and shows the frequency assumption', async () => {
    const reply = await run();
    const key = keyLines(reply);
    expect(lineStarting(key, 'Engagement rate by followers')).toContain('The sources disagree; the ranges span them.');
    expect(lineStarting(key, 'Fees')).toContain('the price rules disagree');
    expect(plainText(lineStarting(key, 'Impressions per reached account')!)).toBe(
      'Impressions per reached account: 1× (1×–1.25×), a Tierbot assumption (no source gives one); it drives CPM’s range.',
    );
    expect(embedCharacters(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
  });

  it('the Assumptions caveat says the sources disagree without figures that contradict the inputs’ ranges', async () => {
    const page = await assumptionsPage({});
    const caveat = embedFields(await pressButton(page, CASES_ID))
      .flatMap((f) => f.value.split('\n'))
      .find((l) => l.startsWith('• Engagement rates disagree'))!;
    // No figures of its own, which a fixed band's (10k–100k: 0.54% to 3.4–3.8%) made disagree with Plan B's 0.54%–6.3%.
    expect(caveat).toContain('Engagement rates disagree by source and year: the engagement-rate ranges on the Assumptions page span them.');
    expect(caveat).not.toContain('3.4–3.8%');
    expect(fieldOfAnyEmbed(page, 'Plan B engagement rate').name).toBe('Plan B engagement rate: 2.28% (0.54% to 6.3%)');
  });
});

describe('the Fees line is true of each plan', () => {
  it('budget with big_followers: Plan A’s fee is the budget; the rules price Plan B’s fees', async () => {
    const fees = lineStarting(keyLines(await run({ budget: '3000', big_followers: '100k' })), 'Fees')!;
    expect(fees).not.toContain('the budget is spent at');
    expect(fees).toContain('Plan A’s is the budget');
    expect(fees).toContain('Plan B’s');
  });

  it('budget alone: the Fees line says the budget is spent at the cent-per-follower rule', async () => {
    expect(lineStarting(keyLines(await run({ budget: '3000' })), 'Fees')).toContain('the budget is spent at the cent-per-follower rule');
  });

  it('the Kardashian preset, with or without a budget: the rule covers Plan B only', async () => {
    for (const options of [{ preset: 'kardashian' }, { preset: 'kardashian', budget: '3000' }] as Record<string, string>[]) {
      const key = keyLines(await run(options));
      expect(lineStarting(key, 'Plan B’s fees'), JSON.stringify(options)).toContain('the cent-per-follower rule');
      expect(lineStarting(key, 'Fees:'), JSON.stringify(options)).toBeUndefined();
    }
  });
});

describe('inputs that do not apply, or apply to one plan, say so', () => {
  it('an overlap with one micro-influencer: the reply says it does not apply', async () => {
    const reply = await run({ overlap: '50', micro_count: '1' });
    expect(lineStarting(keyLines(reply), 'Overlap')).toBe('Overlap: your 50% does not apply: Plan B has one micro-influencer, and overlap is audience that several share.');
    expect(fieldOfAnyEmbed(await pressButton(reply, ASSUMPTIONS_ID), 'Audience overlap').value).toContain('does not apply');
    expect(exportRow(await exportRows({ overlap: '50', micro_count: '1' }), 'assumption', 'overlap')[5]).toContain('does not apply');
  });

  it('Kardashian with your conversion and order value: they are Plan B’s alone, and ROI is not said to follow from cost per order', async () => {
    const reply = await run({ preset: 'kardashian', conversion: '5', order_value: '50' });
    expect(lineStarting(keyLines(reply), 'Plan B’s sales')).toBe('Plan B’s sales (your input; Plan A’s are observed): conversion 5% of visits, order value $50.');
    const footer = reply.embeds[0]!.footer!.text;
    expect(footer).not.toContain('follow from cost per order');
    expect(footer).toContain('Plan A’s observed orders at $30 and Plan B’s at $50');
    // Assumptions and compare.csv say so too, and "your input" is said once.
    const assumptions = await pressButton(reply, ASSUMPTIONS_ID);
    for (const name of ['Conversion', 'Average order value']) {
      expect(fieldOfAnyEmbed(assumptions, name).value).toBe('*your input, for Plan B only: Plan A’s sales are the observed case’s*.');
    }
    expect(exportRow(await exportRows({ preset: 'kardashian', conversion: '5', order_value: '50' }), 'assumption', 'conversion')[5]).toBe('your input, for Plan B only: Plan A’s sales are the observed case’s');
    expect(fieldOfAnyEmbed(await assumptionsPage({ big_fee: '2000' }), 'Plan A fee').value).toBe('*your input*.');
    // With one order value for both, the footer says they follow.
    expect((await run()).embeds[0]!.footer!.text).toContain('ROI and ROAS follow from cost per order (one order value for both plans) and are not counted.');
  });
});

describe('an input’s kind reads the same in the main reply, the Assumptions page and compare.csv', () => {
  for (const platform of ['tiktok', 'youtube']) {
    it(`${platform}: Plan B’s engagement rate is an extrapolation everywhere`, async () => {
      const reply = await run({ platform });
      const assumptions = shownText(await pressButton(reply, ASSUMPTIONS_ID));
      const csv = (await pressButton(reply, EXPORT_ID)).files![0]!.data.toString('utf8');
      const row = (parse(csv, { columns: true }) as Record<string, string>[]).find((r) => r.plan === 'assumption' && r.metric === 'engagement_rate_b')!;
      const onPage = /Plan B engagement rate[^\n]*\n\*([^*]+)\*/.exec(assumptions)?.[1];
      const main = lineStarting(keyLines(reply), platform === 'youtube' ? 'Engagement rate by subscribers' : 'Engagement rate by followers')!;
      expect(onPage).toBe('extrapolation');
      expect(row.source).toMatch(/extrapolat/);
      expect(main).toMatch(/B [^;]*\(.*extrapolat/);
      expect(main.split('B ')[1]).not.toContain('Tierbot assumption');
    });
  }
});

describe('Plan B’s reach, as the formula compare.csv and the Assumptions page give it', () => {
  for (const overlap of ['20', '95', '100']) {
    it(`overlap:${overlap}: the reach row’s number is followers × reach rate × (1 − overlap), never less than one influencer’s reach, and its text says so`, async () => {
      const reply = await run({ overlap });
      const csv = (await pressButton(reply, EXPORT_ID)).files![0]!.data.toString('utf8');
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      const cell = (plan: string, metric: string) => rows.find((r) => r.plan === plan && r.metric === metric)!;
      const followers = Number(cell('B', 'followers').expected);
      const influencers = Number(cell('B', 'influencers').expected);
      const rate = Number(cell('assumption', 'reach_rate_b').expected) / 100;
      const share = Number(cell('assumption', 'overlap').expected) / 100;
      const reach = cell('B', 'reach');
      expect(Number(reach.expected)).toBeCloseTo(Math.max(followers * rate * (1 - share), (followers / influencers) * rate), 6);
      expect(reach.source).toBe('estimate: followers × reach rate × (1 − overlap), never less than one influencer’s reach');
      const page = await pressButton(reply, ASSUMPTIONS_ID);
      const field = page.embeds[0]!.fields!.find((f) => f.name.startsWith('Audience overlap'))!;
      expect(field.value).toContain('Plan B’s reach: followers × reach rate × (1 − overlap), never less than one influencer’s reach.');
    });
  }

  it('one micro-influencer: overlap does not apply, and its field gives no formula', async () => {
    const page = await assumptionsPage({ micro_count: '1', overlap: '95' });
    const field = page.embeds[0]!.fields!.find((f) => f.name.startsWith('Audience overlap'))!;
    expect(field.value).toContain('does not apply');
    expect(field.value).not.toContain('Plan B’s reach:');
  });

  it('counts the audience as the platform does: subscribers on YouTube, followers on Instagram, on the Assumptions page and in compare.csv', async () => {
    const overlapField = async (options: Record<string, string>) => (await assumptionsPage(options)).embeds[0]!.fields!.find((f) => f.name.startsWith('Audience overlap'))!.value;
    const source = (rows: string[][], plan: string, metric: string) => exportRow(rows, plan, metric)[5];

    const youtube = { platform: 'youtube', micro_count: '5' };
    expect(await overlapField(youtube)).toContain('Plan B’s reach: subscribers × reach rate × (1 − overlap), never less than one influencer’s reach.');
    const youtubeRows = await exportRows(youtube);
    expect(source(youtubeRows, 'B', 'reach')).toBe('estimate: subscribers × reach rate × (1 − overlap), never less than one influencer’s reach');
    // Plan A's reach and both plans' engagements are counted from the same audience.
    expect(source(youtubeRows, 'A', 'reach')).toBe('estimate: subscribers × reach rate');
    expect(source(youtubeRows, 'B', 'engagements')).toBe('estimate: subscribers × engagement rate');
    expect(youtubeRows.map((r) => `${r[0]},${r[1]}`)).toEqual((await exportRows({ micro_count: '5' })).map((r) => `${r[0]},${r[1]}`));

    const instagram = { platform: 'instagram', micro_count: '5' };
    expect(await overlapField(instagram)).toContain('Plan B’s reach: followers × reach rate × (1 − overlap), never less than one influencer’s reach.');
    const instagramRows = await exportRows(instagram);
    expect(source(instagramRows, 'B', 'reach')).toBe('estimate: followers × reach rate × (1 − overlap), never less than one influencer’s reach');
    expect(source(instagramRows, 'A', 'reach')).toBe('estimate: followers × reach rate');
  });
});

describe('the public reply’s key assumptions in two fields, Plan A’s rates being held', () => {
  const LABELS = [/^Reach rate/, /^Engagement rate by (followers|subscribers)/, /^Click-through/, /^Impressions per reached account/, /^Sales/, /^Fees/, /^Overlap/];
  for (const options of [{}, { overlap: '95' }, { micro_reach: '0' }] as Record<string, string>[]) {
    it(`${JSON.stringify(options)}: every input with its kind and range, within two fields; the observed cases one page away`, async () => {
      const reply = await run(options);
      const fields = reply.embeds[0]!.fields!.filter((f) => f.name.startsWith('Key assumptions'));
      // The default's 100,000 followers are held at both rates' band edges: their lines, naming whose rate is held, take a second field.
      expect(fields.map((f) => f.name)).toEqual(['Key assumptions', 'Key assumptions (cont.)']);
      for (const field of fields) expect(field.value.length).toBeLessThanOrEqual(1024);
      const key = keyLines(reply);
      for (const label of LABELS) expect(key.some((l) => label.test(l)), String(label)).toBe(true);
      expect(lineStarting(key, 'Click-through')).toMatch(/\(0\.02%–2%\), a Tierbot assumption: no published rate exists\. Observed cases: [\d.]+%–[\d.]+% per account Plan [AB] reaches \(see \*\*Assumptions\*\*\)\.$/);
      // Each case, per follower and per account each plan reaches, behind the Assumptions page's button.
      const cases = await pressButton(await pressButton(reply, ASSUMPTIONS_ID), CASES_ID);
      expect(shownText(cases)).toContain('Kardashian tweet');
      expect(shownText(cases)).toMatch(/0\.008% per follower; per account reached, [\d.]+% for Plan A/);
    });
  }
});

describe('compare.csv lets a spreadsheet check each step', () => {
  /** compare.csv's rows, once its header is checked. */
  const rowsUnderHeader = async (options: Record<string, string>) => {
    const file = await pressButton(await run(options), EXPORT_ID);
    const csv = file.files![0]!.data.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(CSV_HEADER);
    return parse(csv, { from_line: 2 }) as string[][];
  };
  const values = (rows: string[][], plan: string, metric: string) => exportRow(rows, plan, metric).slice(2, 5).map(Number);

  it('the default: counts unrounded at every end, so visits × conversion = orders and orders × order value = revenue', async () => {
    const rows = await rowsUnderHeader({});
    // Plan A: 22,885 reached × 0.02%, 22,944.77055 (99,999 × 22.945%) × 0.5% and 2% click-through, then × 2.5%
    // conversion, then × $30 to the cent.
    expect(values(rows, 'A', 'visits')).toEqual([4.577, 114.72385275, 458.895411]);
    expect(values(rows, 'A', 'orders')).toEqual([0.114425, 2.86809631875, 11.472385275]);
    expect(values(rows, 'A', 'revenue')).toEqual([3.43, 86.04, 344.17]);
    for (const plan of ['A', 'B']) {
      const [orders, revenue, visits] = [values(rows, plan, 'orders'), values(rows, plan, 'revenue'), values(rows, plan, 'visits')];
      const [conversion, orderValue] = [values(rows, 'assumption', 'conversion')[1]!, values(rows, 'assumption', 'order_value')[1]!];
      for (const i of [0, 1, 2]) {
        expect(Math.round(orders[i]! * orderValue * 100) / 100, `${plan} revenue ${i}`).toBe(revenue[i]);
        expect(visits[i]! * (conversion / 100), `${plan} orders ${i}`).toBeCloseTo(orders[i]!, 9);
      }
    }
  });

  it('money keeps cents at every end; a row whose smallest value would round to $0 keeps six significant digits at every end', async () => {
    const rows = await rowsUnderHeader({});
    expect(values(rows, 'B', 'cost_per_order')).toEqual([4.29, 212.09, 8837.04]);
    // A cent's fee over 2,280 engagements: under a hundredth of a cent each.
    const tiny = await rowsUnderHeader({ micro_fee: '0.01' });
    // $0.10 ÷ 6,300, 2,280 and 540 engagements (Plan B's engagement rate 6.3%, 2.28%, 0.54%).
    expect(values(tiny, 'B', 'cpe')).toEqual([0.000015873, 0.0000438596, 0.000185185]);
  });
});
