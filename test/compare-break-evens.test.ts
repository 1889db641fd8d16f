/**
 * Where /compare says the plans change hands: a break-even given to the digits a planner types, on
 * the cent where it falls, naming every measure that changes hands there, and written once where
 * two read alike; typed back in, it gives the winner it names or a tie, never the other plan
 * (examples and properties). The Assumptions page's Break-even section, worked by hand. Also the
 * main reply's note when the plans' sizes look swapped. Checked through the command, as a user gets it.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAK_EVEN_TITLE } from '../src/commands/compare-assumptions';
import { breakEvenText, comparePlans, evaluate, flipsText, microBreakEvenLine, microBreakEvens, parseCompareInput, robustnessText, winnerOf, type CountedMetric } from '../src/domain/compare';
import { parseMoney, parsePercent } from '../src/domain/units';
import { compareOptions } from './support/compare-options';
import { runCompare as run, assumptionsPage, assumptionsText, exportRow, exportRows, planLine } from './support/compare';

describe('a percentage break-even is given to the digits a planner types', () => {
  const cases: { options: Record<string, string>; said: string; option: string; measure: string; shown: string; past: string }[] = [
    // Plan A reaches 99,999 × 22.945% = 22,944.77, shown 22,945: Plan B's 100,000 × x reads under it below
    // 22,944.5, at x under 22.9445%, written to three decimals on Plan A's side: 22.944%; and Plan B's
    // 37,720 × (1 − overlap) does at an overlap over 39.1715%: 39.172%.
    { options: { platform: 'tiktok' }, said: 'Plan A wins cost per order at a Plan B reach rate under 22.944%', option: 'micro_reach', measure: 'Reach', shown: '22.944', past: '22.945' },
    { options: {}, said: 'Plan A wins cost per order and reach at an overlap above 39.172%', option: 'overlap', measure: 'Reach', shown: '39.172', past: '39.171' },
    // 10 × 50,000 at Minter.io's 22.945% for 20k–100k against 500,000 at its 22.885% for 100k–1M.
    {
      options: { budget: '5000', platform: 'tiktok', micro_followers: '50k' },
      said: 'Plan A reach rate (expected 22.885%): Plan A wins cost per order and reach at a reach rate above 22.946%',
      option: 'big_reach',
      measure: 'Reach',
      shown: '22.946',
      past: '22.945',
    },
    // Plan B's cost per engagement, $1,000 ÷ (100,000 × x), reads over Plan A's $0.6173 from $0.61735: Plan A
    // wins it under x = 1.619827%. Written to three significant digits, 1.61%, a rate of 1.615% would
    // already give Plan A the win it says needs less.
    { options: {}, said: 'Plan A wins cost per engagement at a Plan B engagement rate under 1.619%', option: 'micro_engagement', measure: 'Cost per engagement', shown: '1.619', past: '1.62' },
    // $5,000 buys Plan A 500,000 followers at a cent each, and Plan B 50 × 10,000 at 2.28%, 11,400
    // engagements: Plan A's 500,000 × x reads over them from 11,400.5, above x = 2.2801%.
    {
      options: { budget: '5000' },
      said: 'Plan A engagement rate (expected 1.55%): Plan A wins cost per engagement and engagements at an engagement rate above 2.281%',
      option: 'big_engagement',
      measure: 'Engagements',
      shown: '2.281',
      past: '2.28',
    },
    // Plan A's 5,000,000 followers engage 77,000 for $50,000, $0.6494 each. Plan B's 500 × 20,000 × x read
    // under 77,000 below 76,999.5, at x under 0.769995%; its $100,000 ÷ (10,000,000 × x) reads over $0.6494
    // from $0.64945, at x under 1.53976%. Written to three significant digits, 0.76% and 1.53%.
    ...(['Cost per engagement', 'Engagements'] as const).map((measure) => ({
      options: { micro_followers: '20000', micro_count: '500', big_followers: '5000000' },
      said: 'Plan A wins cost per engagement at an engagement rate under 1.539%, and engagements under 0.769%',
      option: 'micro_engagement',
      measure,
      shown: measure === 'Engagements' ? '0.769' : '1.539',
      past: measure === 'Engagements' ? '0.77' : '1.54',
    })),
  ];
  for (const { options, said, option, measure, shown, past } of cases) {
    it(`${JSON.stringify(options)}: "${said}"; Plan A wins ${measure.toLowerCase()} at ${shown}, not one last digit past it at ${past}`, async () => {
      expect((await run(options)).embeds[0]!.description).toContain(said);
      expect(planLine(await run({ ...options, [option]: shown }), 'A', measure)).toMatch(/✅$/);
      expect(planLine(await run({ ...options, [option]: past }), 'A', measure)).not.toMatch(/✅$/);
    });
  }

  it('every percentage break-even is written to three decimals at least (two significant digits under 0.1%), within one last digit of where the plans change hands: one last digit on, the winner it names wins; one back, it does not (property)', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        compareOptions({ budget: fc.integer({ min: 100, max: 200_000 }).map(String) }),
        (options) => {
          const built = parseCompareInput(options);
          if (!built.ok) return;
          const s = built.scenario;
          const c = comparePlans(s);
          for (const d of [...c.verdict.deciders, ...microBreakEvens(s)]) {
            const input = s.assumptions[d.key];
            if (input.unit !== 'percent') continue;
            for (const f of d.flips) {
              const shown = breakEvenText(input.unit, f.breakEven, input.value!.expected, f.towards).text;
              const digits = shown.replace(/[%,]/g, '');
              // Trailing zeros are not written: "39.33%" is 39.330%.
              const step = 10 ** -Math.max(3, digits.split('.')[1]?.length ?? 0);
              const where = `${JSON.stringify(options)}: ${d.key} ${f.metric} ${f.towards === 'higher' ? 'above' : 'under'} ${shown} for ${f.breakEven}`;
              expect(Math.abs(Number(digits) - f.breakEven), where).toBeLessThan(step * (1 + 1e-9));
              const winnerAt = (x: number) => {
                const { A, B } = evaluate(s, { [d.key]: x });
                return winnerOf(f.metric, A[f.metric], B[f.metric]);
              };
              const on = Number(digits) + (f.towards === 'higher' ? step : -step);
              if (on >= 0 && on <= 100) expect(winnerAt(on), `${where}, at ${on}`).toBe(f.winner);
              const back = Number(digits) + (f.towards === 'higher' ? -step : step);
              if (back < 0) continue;
              expect(winnerAt(back), `${where}, at ${back}`).not.toBe(f.winner);
              checked++;
            }
          }
        },
      ),
      { numRuns: 80, seed: 7 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});

describe('a break-even where the plans change hands exactly on a cent', () => {
  it('is that cent, not the next: TikTok’s micro fee, where cost per engagement starts to round the other way', async () => {
    // Both plans engage 18% of 100,000 followers: Plan A's $1,000 ÷ 18,000 = $0.05556 reads $0.0556, and
    // Plan B's 10 × fee ÷ 18,000 reads more from 10 × $100.17 ÷ 18,000 = $0.05565.
    expect((await run({ platform: 'tiktok' })).embeds[0]!.description).toContain('and cost per engagement above $100.17');
    expect(planLine(await run({ platform: 'tiktok', micro_fee: '100.17' }), 'A', 'Cost per engagement')).toMatch(/✅$/);
    expect(planLine(await run({ platform: 'tiktok', micro_fee: '100.16' }), 'A', 'Cost per engagement')).not.toMatch(/✅$/);
  });
});

describe('the micro engagement rate’s break-even names every measure that changes hands there', () => {
  it('the default: cost per engagement and engagements under 1.619%, as typed back in', async () => {
    const page = await assumptionsText({});
    expect(page).toContain(
      'Plan B engagement rate (expected 2.28%): Plan A wins cost per engagement and engagements at an engagement rate under 1.619%; Plan B wins cost per order, which no engagement rate changes.',
    );
    const at = await run({ micro_engagement: '1.619' });
    expect(planLine(at, 'A', 'Engagements')).toMatch(/✅$/);
    expect(planLine(at, 'A', 'Cost per engagement')).toMatch(/✅$/);
  });
});

describe('one break-even is written once', () => {
  /** "cost per order and reach at an overlap above 39.331%" → its winner, side, measures and value as typed. */
  function parts(text: string) {
    return text.split('; ').flatMap((clause) => {
      const [, winner, rest] = /^Plan (A|B) wins (.*)$/.exec(clause)!;
      return rest!.split(/, (?:and )?/).flatMap((part) => {
        const m = /^(.+?)(?: at .+?)? (above|under) (\S+)$/.exec(part);
        return m && !/\d[KMBT]/.test(m[3]!) ? [{ winner: winner as 'A' | 'B', measures: m[1]!.split(' and '), side: m[2]!, shown: m[3]! }] : [];
      });
    });
  }
  const decimals = (shown: string) => /\.(\d+)/.exec(shown)?.[1]?.length ?? 0;
  const value = (shown: string) => Number(shown.replace(/[$%×,]/g, ''));
  const LABEL: Record<string, CountedMetric> = { reach: 'reach', engagements: 'engagements', 'cost per engagement': 'cpe', 'cost per order': 'cost_per_order' };

  it('the overlap with Plan A at the sources’ 22.885%: cost per order and reach change hands at 39.3294% and 39.3306%, one break-even to the digits shown', async () => {
    const d = (await run({ big_reach: '22.885' })).embeds[0]!.description!;
    expect(d).toContain('Audience overlap among Plan B’s influencers (expected 0%): Plan A wins cost per order and reach at an overlap above 39.331%.');
    const at = await run({ big_reach: '22.885', overlap: '39.331' });
    expect(planLine(at, 'A', 'Reach')).toMatch(/✅$/);
    expect(planLine(at, 'A', 'Cost per order')).toMatch(/✅$/);
  });

  it('no two break-evens of one winner on one side read the same to the coarser of their digits, and the one shown gives that winner on every measure named (property)', () => {
    let merged = 0;
    fc.assert(
      fc.property(compareOptions({ budget: fc.integer({ min: 100, max: 200_000 }).map(String) }), (options) => {
        const built = parseCompareInput(options);
        if (!built.ok) return;
        const s = built.scenario;
        const c = comparePlans(s);
        for (const d of [...c.verdict.deciders, ...microBreakEvens(s)]) {
          const said = parts(flipsText(c, { key: d.key, flips: d.flips }));
          for (const [i, p] of said.entries()) {
            for (const q of said.slice(i + 1).filter((x) => x.winner === p.winner && x.side === p.side)) {
              const coarser = Math.min(decimals(p.shown), decimals(q.shown));
              expect(value(p.shown).toFixed(coarser), `${JSON.stringify(options)} ${d.key}: ${p.shown} and ${q.shown}`).not.toBe(value(q.shown).toFixed(coarser));
            }
            if (p.measures.length > 1) merged++;
            const { A, B } = evaluate(s, { [d.key]: value(p.shown) });
            const loser = p.winner === 'A' ? 'B' : 'A';
            for (const m of p.measures) expect(winnerOf(LABEL[m]!, A[LABEL[m]!], B[LABEL[m]!]), `${JSON.stringify(options)} ${d.key} ${m} at ${p.shown}`).not.toBe(loser);
          }
        }
      }),
      { numRuns: 80, seed: 7 },
    );
    expect(merged).toBeGreaterThan(5);
  });
});

describe('a break-even typed back in gives the winner it names, or a tie, never the other plan', () => {
  it('a micro fee of $140.75, a cent under where the Assumptions page says Plan A wins cost per engagement: both read $0.6173, a tie', async () => {
    // Plan A: $1,000 ÷ 1,619.9838 (99,999 × 1.62%) = $0.61729; Plan B: $1,407.50 ÷ 2,280 = $0.61732. Cost
    // per order: Plan A's $1,000 ÷ 2.868096 orders (99,999 × 22.945% × 0.5% × 2.5%) = $348.66, which
    // Plan B's 10 × fee ÷ 4.715 orders reads over from $348.665: a fee over $348.665 × 4.715 ÷ 10 = $164.3955.
    expect(await assumptionsText({})).toContain(
      'Plan B fee each (expected $100): Plan A wins cost per order at a fee above $164.40, and cost per engagement above $140.76.',
    );
    const reply = await run({ micro_fee: '140.75' });
    expect(reply.embeds[0]!.description!.split('\n')[0]).toBe('**Plan B leads on reach, engagements and cost per order (3 of 4); the plans tie on cost per engagement.**');
    expect(planLine(reply, 'A', 'Cost per engagement')).toBe('Cost per engagement: **$0.62** ($0.11 to $0.65)');
    expect(planLine(reply, 'B', 'Cost per engagement')).toBe('Cost per engagement: **$0.62** ($0.22 to $2.61)');
    const rows = await exportRows({ micro_fee: '140.75' });
    expect(exportRow(rows, 'A', 'cpe')[3]).toBe('0.6173');
    expect(exportRow(rows, 'B', 'cpe')[3]).toBe('0.6173');
  });

  it('a big fee of $608.29, a cent over the break-even: both plans at $212.09 per order, a tie, no ✅ on either', async () => {
    // Plan A's orders: 99,999 × 22.945% × 0.5% × 2.5% = 2.868096. $608.29 ÷ 2.868096 = $212.0885, which reads
    // $212.09 as Plan B's $1,000 ÷ 4.715 does; $608.28 ÷ 2.868096 = $212.0850 reads $212.08.
    expect((await run()).embeds[0]!.description).toContain('Plan A fee (expected $1,000): Plan A wins cost per order at a fee under $608.28');
    expect(planLine(await run({ big_fee: '608.28' }), 'A', 'Cost per order')).toMatch(/^Cost per order: \*\*\$212\.08\*\* \([^)]*\) ✅$/);
    const reply = await run({ big_fee: '608.29' });
    expect(reply.embeds[0]!.description).toContain('the plans tie on cost per order');
    expect(planLine(reply, 'A', 'Cost per order')).toMatch(/^Cost per order: \*\*\$212\.09\*\* \([^)]*\)$/);
    expect(planLine(reply, 'B', 'Cost per order')).toMatch(/^Cost per order: \*\*\$212\.09\*\* \([^)]*\)$/);
  });

  it('a budget of $5,000: overlap decides above 39.33%, not 39.4% (Plan B still wins reach at 39.31%, the plans part at 39.33%)', async () => {
    const d = (await run({ budget: '5k' })).embeds[0]!.description!;
    expect(d).toContain('Audience overlap among Plan B’s influencers (expected 0%): Plan A wins cost per order and reach at an overlap above 39.33%.');
    expect(planLine(await run({ budget: '5k', overlap: '39.31' }), 'B', 'Reach')).toMatch(/✅$/);
    const at = await run({ budget: '5k', overlap: '39.33' });
    expect(planLine(at, 'A', 'Reach')).toMatch(/✅$/);
    expect(planLine(at, 'A', 'Cost per order')).toMatch(/✅$/);
  });

  it('figures that round alike on screen but differ in compare.csv show the digits that decide the ✅', async () => {
    const reply = await run({ micro_fee: '140.76' });
    // The range beside them with the same digits, so its ends never read past the expected value.
    expect(planLine(reply, 'A', 'Cost per engagement')).toBe('Cost per engagement: **$0.6173** ($0.1053 to $0.6452) ✅');
    expect(planLine(reply, 'B', 'Cost per engagement')).toMatch(/^Cost per engagement: \*\*\$0\.6174\*\* \(\$0\.\d{4} to \$2\.\d{4}\)$/);
  });

  it('every break-even the main reply or the Assumptions page states, typed back in as shown (property)', () => {
    const typedBack = (unit: string, shown: string): number => {
      const read = unit === 'money' ? parseMoney(shown) : unit === 'percent' ? parsePercent(shown, 100) : { ok: true as const, value: Number(shown.replace('×', '')) };
      if (!read.ok) throw new Error(`${shown}: ${read.reason}`);
      return read.value;
    };
    let checked = 0;
    fc.assert(
      fc.property(
        compareOptions({
          big_fee: fc.integer({ min: 1, max: 2_000_000 }).map((cents) => (cents / 100).toFixed(2)),
          micro_fee: fc.integer({ min: 1, max: 500_000 }).map((cents) => (cents / 100).toFixed(2)),
          click_through: fc.constantFrom('0.1', '0.5', '1.3'),
          preset: fc.constantFrom('kardashian', 'ten-micro'),
        }),
        (options) => {
          const built = parseCompareInput(options);
          if (!built.ok) return;
          const s = built.scenario;
          const c = comparePlans(s);
          const said = `${robustnessText(c, 99)}\n${microBreakEvens(s).map((b) => microBreakEvenLine(c, b)).join('\n')}`;
          const deciders = [...c.verdict.deciders, ...microBreakEvens(s)];
          for (const d of deciders) {
            const input = s.assumptions[d.key];
            for (const f of d.flips) {
              // Its own break-even, or one of the same winner's farther on its side, where the two read alike and are written once.
              const farther = d.flips.filter((g) => g.winner === f.winner && g.towards === f.towards && (f.towards === 'higher' ? g.breakEven >= f.breakEven : g.breakEven <= f.breakEven));
              const shown = farther.map((g) => breakEvenText(input.unit, g.breakEven, input.value!.expected, g.towards).text).filter((t) => said.includes(t));
              expect(shown.length, `${JSON.stringify(options)}: ${d.key} ${f.metric}`).toBeGreaterThan(0);
              for (const t of shown) {
                const { A, B } = evaluate(s, { [d.key]: typedBack(input.unit, t) });
                expect([f.winner, 'tie'], `${JSON.stringify(options)}: ${d.key} ${f.metric} at ${t}`).toContain(winnerOf(f.metric, A[f.metric], B[f.metric]));
              }
              checked++;
            }
          }
        },
      ),
      {
        numRuns: 150,
        examples: [
          [{ big_followers: '100000', micro_followers: '10000', platform: 'instagram' }],
          [{ big_followers: '100000', micro_followers: '10000', platform: 'instagram', micro_fee: '140.75' }],
          [{ big_followers: '100000', micro_followers: '10000', platform: 'instagram', big_fee: '608.42' }],
          [{ big_followers: '500000', micro_followers: '10000', micro_count: '50', platform: 'instagram' }],
        ],
      },
    );
    // Not a property of nothing: hundreds of break-evens are typed back in.
    expect(checked).toBeGreaterThan(150);
  });
});

describe('Break-even: the micro fee and micro engagement rate at which the plans tie, always in Assumptions', () => {
  const breakEven = async (options: Record<string, string>) => {
    const reply = await assumptionsPage(options);
    const embed = reply.embeds.find((e) => e.title === BREAK_EVEN_TITLE);
    expect(BREAK_EVEN_TITLE).toBe('Break-even');
    expect(embed, JSON.stringify(options)).toBeDefined();
    return embed!.description!.split('\n');
  };

  it('the default: where neither decides the verdict, both ties are given, worked out by hand', async () => {
    const shown = await breakEven({});
    // Plan A engages 99,999 × 1.62% = 1,619.9838 and makes 99,999 × 22.945% × 0.5% × 2.5% = 2.868096 orders.
    // Plan A's CPE is $1,000 ÷ 1,619.9838 = $0.6173 (to four decimals, as compared); Plan B's, 10 × fee ÷ 2,280,
    // reads over it from $0.61735: at a fee over $140.7558, shown rounded up, $140.76.
    // Plan A's cost per order is $1,000 ÷ 2.868096 orders = $348.66; Plan B's, 10 × fee ÷ 4.715 orders,
    // reads over it from $348.665: at a fee over $348.665 × 0.4715 = $164.3955, shown rounded up, $164.40.
    expect(shown).toContain(
      'Plan B fee each (expected $100): Plan A wins cost per order at a fee above $164.40, and cost per engagement above $140.76.',
    );
    // Plan B's CPE is $1,000 ÷ (100,000 × rate%) = $1 ÷ rate, over $0.6173 from $0.61735: under 1.619827%;
    // its engagements, 100,000 × rate%, read under Plan A's 1,620 (1,619.98) under 1.6195%; shown to three
    // decimals, rounded down; orders do not follow likes.
    expect(shown).toContain(
      'Plan B engagement rate (expected 2.28%): Plan A wins cost per engagement and engagements at an engagement rate under 1.619%; Plan B wins cost per order, which no engagement rate changes.',
    );
    expect(shown.join('\n')).not.toContain('ROI');
  });

  it('the Kardashian tweet: no engagement figure, so no CPE to tie; cost per order ties at $6,287, whatever Plan B’s order value', async () => {
    // Plan A's $400,000 ÷ 30 orders = $13,333.33; Plan B's 10 × fee ÷ 4.715 orders reads over it from a fee
    // of $13,333.335 × 0.4715 = $6,286.67, shown in whole dollars (as any amount from $1,000), rounded up.
    const line = 'Plan B fee each (expected $100): Plan A wins cost per order at a fee above $6,287; cost per engagement is not reported for Plan A.';
    expect(await breakEven({ preset: 'kardashian' })).toContain(line);
    // With Plan B's orders worth $50, ROI would tie elsewhere ($50 against the tweet's $30): cost per order does not move.
    expect(await breakEven({ preset: 'kardashian', order_value: '50' })).toContain(line);
  });

  it('no tie anywhere: said in plain words', async () => {
    // Plan A free: its CPE and cost per order are $0, which no micro fee of a cent or more beats.
    const shown = await breakEven({ big_fee: '0' });
    expect(shown).toContain('Plan B fee each (expected $100): Plan A wins cost per engagement at any fee; Plan A wins cost per order at any fee.');
    expect(shown).toContain(
      'Plan B engagement rate (expected 2.28%): Plan A wins engagements at an engagement rate under 1.619%; Plan A wins cost per engagement at any engagement rate; Plan A wins cost per order, which no engagement rate changes.',
    );
  });

  it('says what the main reply says of the same input: a micro fee that decides the verdict has the same break-evens in both', async () => {
    const scenarios: Record<string, string>[] = [{ big_fee: '608.42' }, { micro_fee: '140.75' }, { platform: 'tiktok', big_fee: '700' }, { preset: 'kardashian', big_fee: '10k' }];
    let compared = 0;
    for (const options of scenarios) {
      const main = await run(options);
      const description = main.embeds[0]!.description!.replace(/\*\*/g, '');
      const shown = await breakEven(options);
      for (const key of ['Plan B fee each', 'Plan B engagement rate']) {
        const depends = description.split('\n').find((l) => l.startsWith(`Depends on: ${key} (`));
        if (!depends) continue;
        const clauses = depends.replace(/^Depends on: [^(]*\([^)]*\): /, '').replace(/\.$/, '');
        expect(clauses).not.toMatch(/^Depends on/);
        expect(shown.find((l) => l.startsWith(key)), `${JSON.stringify(options)}: ${key}`).toContain(clauses);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('sizes that look swapped', () => {
  it('a Plan A smaller than each of Plan B’s influencers is pointed out; the usual sizes are not', async () => {
    const swapped = (await run({ big_followers: '5k' })).embeds[0]!.description!;
    expect(swapped).toContain('Plan A’s influencer (5,000 followers) is smaller than each of Plan B’s (10,000 followers): check `big_followers` and `micro_followers`.');
    expect((await run()).embeds[0]!.description).not.toContain('is smaller than each of Plan B’s');
    expect((await run({ preset: 'kardashian' })).embeds[0]!.description).not.toContain('is smaller than each of Plan B’s');
  });
});
