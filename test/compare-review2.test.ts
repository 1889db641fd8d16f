/**
 * /compare, checked where a second review found it short of issues 4 and 25: the public reply
 * always keeps its key assumptions (shortened to fit, never dropped); the Fees line is true of each
 * plan; money and percentages in input errors keep the digits that make them differ from the
 * limit; and an input's kind (an extrapolation, a Tierbot assumption) reads the same in the main
 * reply as on the Assumptions page and in compare.csv. Everything through the command, as a user gets it.
 */

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, CASES_ID, EXPORT_ID, MAIN_TEXT_LIMIT, compare } from '../src/commands/compare';
import type { Reply } from '../src/commands/types';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';
import { runCompare as run } from './support/compare';

const GUILD = '200000000000000077';

const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const embedTotal = (reply: Reply) => text(reply).replace(/\n/g, '').length;
const keyLines = (reply: Reply) => reply.embeds[0]!.fields!.filter((f) => f.name.startsWith('Key assumptions')).flatMap((f) => f.value.split('\n'));
const lineStarting = (all: string[], start: string) => all.find((l) => l.startsWith(start));
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

async function press(reply: Reply, prefix: string): Promise<Reply> {
  const id = ids(reply).find((x) => x.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button`);
  return (await compare.component!(id, [], testComponentContext())).reply;
}

async function withHouse(house: string): Promise<TeamStore> {
  const store = memoryStore();
  await store.setHouse(GUILD, { text: house, setById: '1', setByName: 'Manager', setAt: new Date(0) });
  return store;
}

describe('the public reply keeps its key assumptions, shortened to fit', () => {
  const REVIEWED_HOUSE = 'nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+';
  const LONG_NAME = 'Q3 launch plan for the spring skincare line, TikTok creators vs one big name, budget three thousand';
  const LONG_TIERS = 'the smallest creators on our books 1k-10k, the growing creators we work with 10k-75k, the mid-sized creators of the agency 75k-500k, the big names under contract 500k+';
  const LABELS = [/^Reach rate/, /^Engagement rate by followers/, /^Click-through/, /^Sales/, /^(Fees|Plan B’s fees)/, /^Overlap/];

  const cases: [string, string, Record<string, string>][] = [
    ['the reviewed case: a house definition and a long saved name', REVIEWED_HOUSE, { platform: 'tiktok', budget: '3000', big_followers: '1M', micro_followers: '150k', save: LONG_NAME }],
    // 15,000,000 followers get Influencer Marketing Hub's "mega" 5% and its long caveat (1,000,000 are held at 11.5%).
    ['long house tier names', LONG_TIERS, { platform: 'tiktok', budget: '3000', big_followers: '15M', micro_followers: '150k', save: LONG_NAME }],
    ['a 100-character plan name and long tier names', LONG_TIERS, { platform: 'youtube', budget: '3000', big_followers: '1M', micro_followers: '150k', overlap: '20', save: 'x'.repeat(100) }],
  ];
  for (const [name, house, options] of cases) {
    it(`${name}: every key assumption is still shown, within the main reply’s budget`, async () => {
      const reply = await run(options, testContext({ guildId: GUILD, store: await withHouse(house), manager: true }));
      expect(embedTotal(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
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

describe('the Fees line is true of each plan', () => {
  it('budget with big_followers: Plan A’s fee is the budget; the rules price Plan B’s fees', async () => {
    const fees = lineStarting(keyLines(await run({ budget: '3000', big_followers: '100k' })), 'Fees')!;
    expect(fees).not.toContain('the budget is spent at');
    expect(fees).toContain('Plan A’s is the budget');
    expect(fees).toContain('Plan B’s');
  });

  it('budget alone: the budget buys Plan A’s followers at the rule, as said before', async () => {
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

describe('input errors keep the digits that make a value differ from its limit', () => {
  const error = async (options: Record<string, string>) => {
    const reply = await run(options);
    expect(reply.inputError, JSON.stringify(options)).toBe(true);
    return reply.embeds[0]!.description!;
  };

  it('a micro fee with cents: the smallest useful budget and the accepted range keep them', async () => {
    const message = await error({ budget: '5000', micro_fee: '5000.01' });
    expect(message).toContain('the smallest useful budget is $5,000.01');
    expect(message).toContain('from $5,000.01 (one micro-influencer’s fee)');
    expect(message).not.toMatch(/budget is \$5,000\.(?!\d)/);
  });

  it('a percentage just over 100 is shown as typed', async () => {
    expect(await error({ overlap: '100.01' })).toContain('100.01% is more than the 100% allowed');
    expect(await error({ conversion: '100.000001' })).toContain('100.000001%');
  });

  it('a budget just over $100M: the most is $100M, said plainly, with the amount as typed', async () => {
    const message = await error({ budget: '100000000.01' });
    expect(message).toContain('$100,000,000.01');
    expect(message).toContain('the most is $100M');
    expect(message).not.toContain('$100M buys');
  });
});

describe('an input’s kind reads the same in the main reply, the Assumptions page and compare.csv', () => {
  for (const platform of ['tiktok', 'youtube']) {
    it(`${platform}: Plan B’s engagement rate is an extrapolation everywhere`, async () => {
      const reply = await run({ platform });
      const assumptions = text(await press(reply, ASSUMPTIONS_ID));
      const csv = (await press(reply, EXPORT_ID)).files![0]!.data.toString('utf8');
      const row = (parse(csv, { columns: true }) as Record<string, string>[]).find((r) => r.plan === 'assumption' && r.metric === 'engagement_rate_b')!;
      const onPage = /Plan B engagement rate[^\n]*\n\*([^*]+)\*/.exec(assumptions)?.[1];
      const main = lineStarting(keyLines(reply), 'Engagement rate by followers')!;
      expect(onPage).toBe('extrapolation');
      expect(row.source).toMatch(/extrapolat/);
      expect(main).toMatch(/B [^;]*\(.*extrapolat/);
      expect(main.split('B ')[1]).not.toContain('Tierbot assumption');
    });
  }
});

describe('an amount under half a cent: the error agrees with the accepted range', () => {
  const error = async (options: Record<string, string>) => {
    const reply = await run(options);
    expect(reply.inputError, JSON.stringify(options)).toBe(true);
    return reply.embeds[0]!.description!;
  };

  it('big_fee, micro_fee and order_value accept $0: “give $0 or at least $0.01”, and $0 works', async () => {
    for (const option of ['big_fee', 'micro_fee', 'order_value']) {
      const message = await error({ [option]: '0.004' });
      expect(message, option).toContain('Give $0 or at least $0.01.');
      expect(message, option).toContain('from $0');
      expect((await run({ [option]: '0' })).inputError, option).toBeUndefined();
    }
  });

  it('a budget, and a micro fee with a budget, refuse $0: “at least $0.01” alone', async () => {
    for (const options of [{ budget: '0.004' }, { budget: '5000', micro_fee: '0.004' }] as Record<string, string>[]) {
      const message = await error(options);
      expect(message, JSON.stringify(options)).toContain('Give at least $0.01.');
      expect(message, JSON.stringify(options)).not.toContain('$0 or');
    }
  });
});

describe('Plan B’s reach, as the formula compare.csv and the Assumptions page give it', () => {
  for (const overlap of ['20', '95', '100']) {
    it(`overlap:${overlap}: the reach row’s number is followers × reach rate × (1 − overlap), never less than one influencer’s reach, and its text says so`, async () => {
      const reply = await run({ overlap });
      const csv = (await press(reply, EXPORT_ID)).files![0]!.data.toString('utf8');
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      const cell = (plan: string, metric: string) => rows.find((r) => r.plan === plan && r.metric === metric)!;
      const followers = Number(cell('B', 'followers').expected);
      const influencers = Number(cell('B', 'influencers').expected);
      const rate = Number(cell('assumption', 'reach_rate_b').expected) / 100;
      const share = Number(cell('assumption', 'overlap').expected) / 100;
      const reach = cell('B', 'reach');
      expect(Number(reach.expected)).toBeCloseTo(Math.max(followers * rate * (1 - share), (followers / influencers) * rate), 6);
      expect(reach.source).toBe('estimate: followers × reach rate × (1 − overlap), never less than one influencer’s reach');
      const page = await press(reply, ASSUMPTIONS_ID);
      const field = page.embeds[0]!.fields!.find((f) => f.name.startsWith('Audience overlap'))!;
      expect(field.value).toContain('Plan B’s reach: followers × reach rate × (1 − overlap), never less than one influencer’s reach.');
    });
  }

  it('one micro-influencer: overlap does not apply, and its field gives no formula', async () => {
    const page = await press(await run({ micro_count: '1', overlap: '95' }), ASSUMPTIONS_ID);
    const field = page.embeds[0]!.fields!.find((f) => f.name.startsWith('Audience overlap'))!;
    expect(field.value).toContain('does not apply');
    expect(field.value).not.toContain('Plan B’s reach:');
  });
});

describe('the public reply’s key assumptions in two fields, Plan A’s rates being held', () => {
  const LABELS = [/^Reach rate/, /^Engagement rate by followers/, /^Click-through/, /^Impressions per reached account/, /^Sales/, /^Fees/, /^Overlap/];
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
      const cases = await press(await press(reply, ASSUMPTIONS_ID), CASES_ID);
      expect(text(cases)).toContain('Kardashian tweet');
      expect(text(cases)).toMatch(/0\.008% per follower; per account reached, [\d.]+% for Plan A/);
    });
  }
});
