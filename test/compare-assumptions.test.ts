/**
 * The Assumptions button's reply (every input, with its sources linked) and its "Observed cases
 * and caveats" button (every caveat), each within Discord's 6,000 characters for all of a
 * message's embeds. Nothing may be dropped silently: what is shortened is announced, with where to
 * find it in full.
 */

import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, CASES_ID, assumptionsReply, compare } from '../src/commands/compare';
import type { Reply } from '../src/commands/types';
import { PLATFORMS } from '../src/domain/benchmarks';
import { PRESETS, comparePlans, parseCompareInput, type CompareInput, type Comparison } from '../src/domain/compare';
import { LIMITS, embedsLength, messageProblems } from '../src/commands/limits';
import { testComponentContext, testContext } from './support/context';

const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');
const total = (reply: Reply) => embedsLength(reply.embeds);
const NOTICE = 'Export** (compare.csv) has every input’s rule, range and sources in full';

function comparisonOf(input: CompareInput): Comparison {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(`${parsed.option}: ${parsed.reason}`);
  return comparePlans(parsed.scenario);
}

const press = async (reply: Reply, prefix: string): Promise<Reply> => {
  const id = (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).find((x) => x.startsWith(prefix))!;
  return (await compare.component!(id, [], testComponentContext())).reply;
};

/** The Assumptions reply as a user gets it: run /compare, press its first button. */
async function pressAssumptions(input: CompareInput): Promise<Reply> {
  return press(await compare.run(input as never, testContext()), ASSUMPTIONS_ID);
}

/** The observed cases and caveats: Assumptions, then its button. */
async function pressCases(input: CompareInput): Promise<Reply> {
  return press(await pressAssumptions(input), CASES_ID);
}

// Every preset and platform, with and without a budget, and the follower counts whose sources
// are longest (several engagement sources in the band, the Bazaarvoice cross-check, TikTok's nano).
const SCENARIOS: CompareInput[] = [];
for (const preset of [undefined, ...PRESETS]) {
  for (const platform of [undefined, ...PLATFORMS]) {
    for (const budget of [undefined, '5000', '100M']) {
      for (const followers of [{}, { big_followers: '2M', micro_followers: '5k' }, { big_followers: '600k', micro_followers: '15k' }, { micro_followers: '500' }]) {
        const input: CompareInput = { ...(preset ? { preset } : {}), ...(platform ? { platform } : {}), ...(budget ? { budget } : {}), ...followers };
        if (preset === 'kardashian') delete input.big_followers;
        SCENARIOS.push(input);
      }
    }
  }
}

describe('/compare Assumptions: every caveat, within Discord’s limits', () => {
  it('the default links every input’s sources, the observed cases and caveats a button away', async () => {
    const c = comparisonOf({});
    const reply = await pressAssumptions({});
    const t = text(reply);
    expect(t).not.toContain(NOTICE);
    for (const a of Object.values(c.scenario.assumptions)) for (const s of a.sources) if (s.url) expect(t, s.publisher).toContain(`](${s.url})`);
    expect(t).not.toContain('Caveats');
    expect(reply.components![0]!.components).toMatchObject([{ label: 'Observed cases and caveats' }]);
  });

  it('the default’s caveats include Beichert 2024, Fab.com and the "11× ROI" study not found', async () => {
    const t = text(await pressCases({}));
    expect(t).toContain('Beichert, Bayerl, Goldenberg & Lanz (Journal of Marketing, 2024');
    expect(t).toContain('Fab.com 2011: Ashton Kutcher (7.3M followers) brought 5,888 sign-ups');
    expect(t).toContain('the study itself was not found');
  });

  it('YouTube with a 2M-follower Plan A shows its caveats: YouTube’s reference CPM and the study not found', async () => {
    const reply = await pressCases({ platform: 'youtube', big_followers: '2M' });
    const caveats = reply.embeds.find((e) => e.title === 'Observed cases and caveats')!;
    expect(caveats.fields!.map((f) => f.name)).toEqual(['Caveats']);
    expect(caveats.fields![0]!.value).toContain('CPM for reference: $15–$30 on YouTube');
    expect(caveats.fields![0]!.value).toContain('the study itself was not found');
  });

  it(`for every preset, platform and budget (${SCENARIOS.length} scenarios): every caveat and every input shown, or the shortening announced`, async () => {
    for (const input of SCENARIOS) {
      const reply = await pressAssumptions(input);
      const cases = await press(reply, CASES_ID);
      const where = JSON.stringify(input);
      for (const r of [reply, cases]) {
        expect(messageProblems(r), where).toEqual([]);
        expect(total(r), where).toBeLessThanOrEqual(LIMITS.embedTotal);
      }
      const c = comparisonOf(input);
      const t = text(reply);
      // Caveats are never shortened, let alone left out.
      for (const note of c.notes) expect(text(cases), `${where}: ${note.slice(0, 40)}`).toContain(`• ${note}`);
      for (const a of Object.values(c.scenario.assumptions)) expect(t, where).toContain(`${a.label}: `);
      // Every source link is shown, unless the reply says where they are: named by publisher and
      // year, they keep their links; only "without links" drops them.
      if (!t.includes(NOTICE) || t.includes('sources are named by publisher and year')) {
        for (const a of Object.values(c.scenario.assumptions)) for (const s of a.sources) if (s.url) expect(t, `${where}: ${s.publisher}`).toContain(`](${s.url})`);
      }
    }
  });

  it('names sources by publisher and year, still linked, before it drops their links', async () => {
    // Five micro-influencers: the sources in full run past 6,000 characters, their short names do not.
    const t = text(await pressAssumptions({ micro_count: '5' }));
    expect(t).toContain('sources are named by publisher and year: **Export** (compare.csv)');
    expect(t).not.toContain('without links');
    for (const a of Object.values(comparisonOf({ micro_count: '5' }).scenario.assumptions)) for (const s of a.sources) if (s.url) expect(t, s.publisher).toContain(`](${s.url})`);
  });

  it('when the inputs run past Discord’s limit, they give way and the reply says so; the break-evens stay whole', () => {
    const c = comparisonOf({});
    const longRule = (rule: string) => `${rule} ${'a long rule that has to give way. '.repeat(25)}`;
    const assumptions = Object.fromEntries(Object.entries(c.scenario.assumptions).map(([k, a]) => [k, { ...a, rule: longRule(a.rule) }])) as typeof c.scenario.assumptions;
    const reply = assumptionsReply({ ...c, scenario: { ...c.scenario, assumptions } });
    expect(messageProblems(reply)).toEqual([]);
    expect(total(reply)).toBeLessThanOrEqual(LIMITS.embedTotal);
    const t = text(reply);
    expect(t).toContain('sources are named without links and some text is shortened');
    expect(t).toContain(NOTICE);
    expect(reply.embeds[0]!.fields).toHaveLength(Object.keys(c.scenario.assumptions).length);
    expect(reply.embeds[1]).toEqual(assumptionsReply(c).embeds[1]);
  });
});
