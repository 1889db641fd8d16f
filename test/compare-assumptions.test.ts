/**
 * The Assumptions button's reply (every input, with its sources linked) and its "Observed cases
 * and caveats" button (every caveat), each within Discord's 6,000 characters for all of a
 * message's embeds. Nothing may be dropped silently: what is shortened is announced, with where to
 * find it in full.
 */

import { describe, expect, it } from 'vitest';
import { CASES_ID } from '../src/commands/compare-state';
import { assumptionsReply } from '../src/commands/compare-assumptions';
import type { Reply } from '../src/commands/types';
import { PLATFORMS } from '../src/domain/benchmarks';
import { PRESETS } from '../src/domain/compare';
import { LIMITS, embedsLength, messageProblems } from '../src/commands/limits';
import { assumptionsPage, bodyText, comparisonOf, pressButton } from './support/compare';

const total = (reply: Reply) => embedsLength(reply.embeds);
const NOTICE = 'Export** (compare.csv) has every input’s rule, range and sources in full';

/** The observed cases and caveats: Assumptions, then its button. */
async function pressCases(options: Record<string, string>): Promise<Reply> {
  return pressButton(await assumptionsPage(options), CASES_ID);
}

// Every preset and platform, with and without a budget, and the follower counts whose sources
// are longest (several engagement sources in the band, the Bazaarvoice cross-check, TikTok's nano).
const SCENARIOS: Record<string, string>[] = [];
for (const preset of [undefined, ...PRESETS]) {
  for (const platform of [undefined, ...PLATFORMS]) {
    for (const budget of [undefined, '5000', '100M']) {
      for (const followers of [{}, { big_followers: '2M', micro_followers: '5k' }, { big_followers: '600k', micro_followers: '15k' }, { micro_followers: '500' }] as Record<string, string>[]) {
        const input: Record<string, string> = { ...(preset ? { preset } : {}), ...(platform ? { platform } : {}), ...(budget ? { budget } : {}), ...followers };
        if (preset === 'kardashian') delete input.big_followers;
        SCENARIOS.push(input);
      }
    }
  }
}

describe('/compare Assumptions: every caveat, within Discord’s limits', () => {
  it('the default links every input’s sources, the observed cases and caveats a button away', async () => {
    const c = comparisonOf({});
    const reply = await assumptionsPage({});
    const t = bodyText(reply);
    expect(t).not.toContain(NOTICE);
    for (const a of Object.values(c.scenario.assumptions)) for (const s of a.sources) if (s.url) expect(t, s.publisher).toContain(`](${s.url})`);
    expect(t).not.toContain('Caveats');
    expect(reply.components![0]!.components).toMatchObject([{ label: 'Observed cases and caveats' }]);
  });

  it('the default’s caveats include Beichert 2024, Fab.com and the "11× ROI" study not found', async () => {
    const t = bodyText(await pressCases({}));
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
      const reply = await assumptionsPage(input);
      const cases = await pressButton(reply, CASES_ID);
      const where = JSON.stringify(input);
      for (const r of [reply, cases]) {
        expect(messageProblems(r), where).toEqual([]);
        expect(total(r), where).toBeLessThanOrEqual(LIMITS.embedTotal);
      }
      const c = comparisonOf(input);
      const t = bodyText(reply);
      // Caveats are never shortened, let alone left out.
      for (const note of c.notes) expect(bodyText(cases), `${where}: ${note.slice(0, 40)}`).toContain(`• ${note}`);
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
    const t = bodyText(await assumptionsPage({ micro_count: '5' }));
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
    const t = bodyText(reply);
    expect(t).toContain('sources are named without links and some text is shortened');
    expect(t).toContain(NOTICE);
    expect(reply.embeds[0]!.fields).toHaveLength(Object.keys(c.scenario.assumptions).length);
    expect(reply.embeds[1]).toEqual(assumptionsReply(c).embeds[1]);
  });
});
