/**
 * /compare, where a second audit found it wrong: a saved plan's value gives way to an option the
 * user gives (issue 27 §3: "any other option given overrides the saved value"); Equal budget is
 * offered only where it can re-run Plan B, says truthfully when the cap on micro-influencers keeps
 * the costs apart, and is credited in the Export, not the user; undated sources say "undated" in
 * every reply and in compare.csv; and typed text never finds Object.prototype's members.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID, EXPORT_ID, compare } from '../src/commands/compare';
import { decodeState, encodeState } from '../src/commands/compare-state';
import { OWN_MESSAGE, type Reply, type SlashCommand } from '../src/commands/types';
import { parseCommandLine } from '../src/cli/command-line';
import { capturingResponder, chatInput } from '../src/cli/local-interaction';
import { createLogger } from '../src/config/logger';
import { OPTION_KIND, OPTION_NAMES, parseCompareInput, type Overrides } from '../src/domain/compare';
import { MAX_FOLLOWERS } from '../src/domain/followers';
import { MAX_MONEY } from '../src/domain/units';
import { tierbotCore } from '../src/interactions/tierbot';
import { openStore } from '../src/store/index';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';
import { runCompare as run, description, field } from './support/compare';

const G = '200000000000000060';
const guild = (store: TeamStore) => testContext({ guildId: G, store });

const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const hasEqualBudget = (reply: Reply) => ids(reply).some((id) => id.startsWith(EQUAL_BUDGET_ID));

async function press(reply: Reply, prefix: string) {
  const id = ids(reply).find((x) => x.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button`);
  return compare.component!(id, [], testComponentContext());
}

async function csvOf(reply: Reply): Promise<{ raw: string; rows: string[][] }> {
  const { reply: file } = await press(reply, EXPORT_ID);
  const raw = file.files![0]!.data.toString('utf8');
  return { raw, rows: parse(raw, { from_line: 2 }) };
}

const row = (rows: string[][], plan: string, metric: string) => rows.find((r) => r[0] === plan && r[1] === metric)!;

describe('a saved plan under the options given now (issue 27 §3)', () => {
  it('micro_count given: the saved budget is left out, and one line says so', async () => {
    const store = memoryStore();
    await run({ budget: '5000', save: 'Q1' }, guild(store));
    const reply = await run({ plan: 'Q1', platform: 'tiktok', micro_count: '7' }, guild(store));
    expect(reply.inputError).toBeFalsy();
    expect(field(reply, 'Plan B').name).toContain('7 × 10,000');
    expect(text(reply)).toContain('TikTok');
    expect(description(reply)).toContain('budget from the saved plan left out: you gave micro_count.');
    expect(description(reply)).not.toMatch(/\*\*Budget/);
  });

  it('big_fee given: the saved budget is left out', async () => {
    const store = memoryStore();
    await run({ budget: '5000', save: 'Q1' }, guild(store));
    const reply = await run({ plan: 'Q1', big_fee: '3000' }, guild(store));
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('budget from the saved plan left out: you gave big_fee.');
    expect(field(reply, 'Plan A').value).toContain('Cost: **$3,000**');
  });

  it('budget given: the saved micro_count and big_fee are left out, each said', async () => {
    const store = memoryStore();
    await run({ micro_count: '20', big_fee: '2000', save: 'Q2' }, guild(store));
    const reply = await run({ plan: 'Q2', budget: '5000' }, guild(store));
    expect(reply.inputError).toBeFalsy();
    expect(field(reply, 'Plan B').name).toContain('50 × 10,000');
    expect(description(reply)).toContain('micro_count from the saved plan left out: you gave budget.');
    expect(description(reply)).toContain('big_fee from the saved plan left out: you gave budget.');
    expect(description(reply)).toContain('**Budget $5,000:**');
  });

  it('the Kardashian preset and big_followers: whichever was given now wins', async () => {
    const store = memoryStore();
    await run({ preset: 'kardashian', save: 'Kim' }, guild(store));
    const other = await run({ plan: 'Kim', big_followers: '1M' }, guild(store));
    expect(other.inputError).toBeFalsy();
    expect(description(other)).toContain('preset from the saved plan left out: you gave big_followers.');
    expect(field(other, 'Plan A').name).toContain('1 × 1,000,000 followers');

    await run({ big_followers: '1M', save: 'Big' }, guild(store));
    const kim = await run({ plan: 'Big', preset: 'kardashian' }, guild(store));
    expect(kim.inputError).toBeFalsy();
    expect(description(kim)).toContain('big_followers from the saved plan left out: you gave preset.');
    expect(field(kim, 'Plan A').name).toContain('Kim Kardashian’s tweet');
  });

  it('two saved values that an option given now sets apart: the one the budget decides gives way', async () => {
    const store = memoryStore();
    // $5,000 buys 50 at $100, so both were accepted together; at $200 it buys 25.
    await run({ budget: '5000', micro_count: '50', save: 'Both' }, guild(store));
    const reply = await run({ plan: 'Both', micro_fee: '200' }, guild(store));
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('micro_count from the saved plan left out: with your options it no longer agrees with the saved budget.');
    expect(field(reply, 'Plan B').name).toContain('25 × 10,000');
  });

  it('clashing options typed in the same command stay an input error', async () => {
    const store = memoryStore();
    await run({ platform: 'tiktok', save: 'Q3' }, guild(store));
    const reply = await run({ plan: 'Q3', budget: '5000', micro_count: '7' }, guild(store));
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(64);
    expect(description(reply)).toContain('micro_count');
  });

  it('plan: with save: stores what was run, without the value that gave way', async () => {
    const store = memoryStore();
    await run({ budget: '5000', platform: 'youtube', save: 'Q1' }, guild(store));
    await run({ plan: 'Q1', micro_count: '7', save: 'Q1 small' }, guild(store));
    expect((await store.plan(G, 'Q1 small'))!.inputs).toEqual({ platform: 'youtube', micro_count: '7' });
  });

  it('the CLI’s path, with SQLite: /compare budget:5000 save:Q1, then plan:Q1 platform:tiktok micro_count:7', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-compare-second-'));
    const store = await openStore(join(dir, 'plans.sqlite'), { ttlMs: 0 });
    try {
      const core = tierbotCore({ store, logger: createLogger({ level: 'error', destination: { write: () => undefined } }), charts: false });
      const slash = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');
      const send = async (line: string) => {
        const parsed = parseCommandLine(line, slash);
        if (!parsed.ok) throw new Error(parsed.reason);
        const responder = capturingResponder();
        await core.handle(chatInput({ guildId: G, manager: false }, parsed.command.definition.name, parsed.options, {}), responder);
        return JSON.stringify(responder.final()?.body ?? null);
      };
      await send('/compare budget:5000 save:Q1');
      const body = await send('/compare plan:Q1 platform:tiktok micro_count:7');
      expect(body).not.toMatch(/did not work|not both/);
      expect(body).toContain('budget from the saved plan left out: you gave micro_count.');
      expect(body).toContain('7 × 10,000');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Equal budget', () => {
  it('is not offered when Plan A’s cost buys no micro-influencer', async () => {
    expect(hasEqualBudget(await run({ big_fee: '50', micro_fee: '300' }))).toBe(false);
    expect(hasEqualBudget(await run({ big_fee: '50' }))).toBe(false);
  });

  it('wherever it is offered, pressing it re-runs Plan B (never a refusal)', async () => {
    const scenarios: Record<string, string>[] = [
      {},
      { big_fee: '5000' },
      { big_fee: '299', micro_fee: '300' },
      { big_fee: '301', micro_fee: '300' },
      { big_fee: '10000000', micro_fee: '1' },
      { preset: 'kardashian' },
      { preset: 'kardashian', budget: '5000' },
      { micro_count: '50' },
      { micro_count: '1', big_fee: '0.5', micro_fee: '0.01' },
      { big_followers: '10', micro_fee: '0.5' },
      { platform: 'tiktok', micro_count: '3' },
    ];
    let offered = 0;
    for (const options of scenarios) {
      const reply = await run(options);
      if (!hasEqualBudget(reply)) continue;
      offered += 1;
      const { mode, reply: next } = await press(reply, EQUAL_BUDGET_ID);
      expect(mode, JSON.stringify(options)).toBe('reply');
      expect(next.inputError, JSON.stringify(options)).toBeFalsy();
    }
    expect(offered).toBeGreaterThan(5);
  });

  it('at the 1,000,000 cap it says the costs still differ, never that Plan B costs as much as Plan A', async () => {
    const { mode, reply } = await press(await run({ big_fee: '10000000', micro_fee: '1' }), EQUAL_BUDGET_ID);
    expect(mode).toBe('reply');
    expect(description(reply)).toContain('Plan B now has 1,000,000 micro-influencers, the most Tierbot models, so the costs still differ: Plan A costs $10M, Plan B $1M.');
    expect(description(reply)).not.toContain('as many as Plan A’s cost');
    const assumptions = text((await press(reply, ASSUMPTIONS_ID)).reply);
    expect(assumptions).toContain('capped at 1,000,000, the most Tierbot models');
  });

  it('at the cap with a budget, it says so too', async () => {
    const { reply } = await press(await run({ preset: 'kardashian', budget: '5000', micro_fee: '0.01' }), EQUAL_BUDGET_ID);
    expect(description(reply)).toContain(
      'The budget is now Plan A’s cost, $400,000, but Plan B stops at 1,000,000 micro-influencers, the most Tierbot models, so the costs still differ: Plan A costs $400,000, Plan B $10,000.',
    );
  });

  it('Export after Equal budget credits the count to the button, not to the user', async () => {
    const typed = await run({ micro_count: '50' });
    expect(row((await csvOf(typed)).rows, 'B', 'influencers')).toEqual(['B', 'influencers', '50', '50', '50', 'your input']);
    const { reply: equal } = await press(typed, EQUAL_BUDGET_ID);
    const { rows } = await csvOf(equal);
    const influencers = row(rows, 'B', 'influencers');
    expect(influencers.slice(0, 5)).toEqual(['B', 'influencers', '10', '10', '10']);
    expect(influencers[5]).toBe('set by Equal budget: as many as Plan A’s cost ($1,000) buys at $100 each, rounded down');
    expect(rows.some((r) => r[0] === 'B' && r[5]!.includes('your input'))).toBe(false);
    // The Assumptions reply says the same.
    const assumptions = text((await press(equal, ASSUMPTIONS_ID)).reply);
    expect(assumptions).toContain('Plan B: 10 × 10,000 followers (set by Equal budget');
  });

  it('Export after Equal budget with a budget: the budget row is Plan A’s cost, set by the button', async () => {
    const typed = await run({ preset: 'kardashian', budget: '5000' });
    expect(row((await csvOf(typed)).rows, 'assumption', 'budget')[5]).toBe('your input');
    const { reply: equal } = await press(typed, EQUAL_BUDGET_ID);
    expect(row((await csvOf(equal)).rows, 'assumption', 'budget')).toEqual(['assumption', 'budget', '400000', '400000', '400000', 'set by Equal budget: Plan A’s cost']);
  });

  it('the button’s state carries who set the count, within 100 characters, and older states still read', () => {
    const state = encodeState({ micro_count: 10, setByEqualBudget: true });
    expect(decodeState(state)).toEqual({ micro_count: 10, setByEqualBudget: true });
    expect(decodeState(encodeState({ micro_count: 10 }))).toEqual({ micro_count: 10 });
    const longest: Overrides = {
      preset: 'ten-micro',
      platform: 'youtube',
      setByEqualBudget: true,
      ...Object.fromEntries(
        OPTION_NAMES.filter((n) => n !== 'preset' && n !== 'platform').map((n) => {
          const kind = OPTION_KIND[n];
          return [n, kind === 'money' ? MAX_MONEY - 0.01 : kind === 'followers' ? MAX_FOLLOWERS : kind === 'influencers' ? 999_999 : 99.9999];
        }),
      ),
    };
    // With the mark of the presser's own copy too (OWN_MESSAGE).
    expect(`${EQUAL_BUDGET_ID}${encodeState(longest)}${OWN_MESSAGE}`.length).toBeLessThanOrEqual(100);
    expect(decodeState(encodeState(longest))).toEqual(longest);
    // The bit alone, with no value the button sets, means nothing.
    expect(decodeState(encodeState({ overlap: 5, setByEqualBudget: true }))).toEqual({ overlap: 5 });
    // A version 3 state: the mask with micro_count's bit (index 5), 10 in 20 bits, then the end bit.
    let acc = (((1n << 20n) | 10n) << 16n) | (1n << 5n);
    const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let body = '';
    while (acc > 0n) {
      body += digits[Number(acc & 63n)];
      acc >>= 6n;
    }
    expect(decodeState(`3${body}`)).toEqual({ micro_count: 10 });
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
      for (const id of ids(reply)) {
        const { reply: next } = await compare.component!(id, [], ctx);
        queue.push([`${path} → ${id.slice(0, 10)}`, next]);
      }
    }
    expect(csvs).toBeGreaterThanOrEqual(samples.length);
    expect(seen.size).toBeGreaterThan(samples.length * 3);
  });

  it('the Assumptions reply names the undated rule of thumb and GRIN as undated', async () => {
    const t = text((await press(await run({}), ASSUMPTIONS_ID)).reply);
    expect(t).toContain('Rule of thumb, undated (as reported by USA Today and Shopify)');
    expect(t).toContain('GRIN, undated');
    expect(t).toContain('TapInfluence, undated');
  });
});

describe('typed text never finds Object.prototype’s members', () => {
  const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

  it('preset and platform: an ephemeral input error naming the option, never a crash or a silent default', async () => {
    for (const option of ['preset', 'platform']) {
      for (const value of HOSTILE) {
        const reply = await run({ [option]: value });
        expect(reply.inputError, `${option}:${value}`).toBe(true);
        expect(reply.flags).toBe(64);
        expect(description(reply), `${option}:${value}`).toContain(`is not a ${option} I know`);
        const parsed = parseCompareInput({ [option]: value });
        expect(parsed.ok, `${option}:${value}`).toBe(false);
      }
    }
  });

  it('every other option: an input error, never a crash', async () => {
    for (const option of OPTION_NAMES) {
      for (const value of HOSTILE) {
        const reply = await run({ [option]: value });
        expect(reply.inputError, `${option}:${value}`).toBe(true);
      }
    }
  });

  it('as saved plan names: saved and loaded like any other name', async () => {
    const store = memoryStore();
    for (const name of HOSTILE) {
      const saved = await run({ micro_count: '7', save: name }, guild(store));
      expect(saved.inputError, name).toBeFalsy();
      const loaded = await run({ plan: name }, guild(store));
      expect(loaded.inputError, name).toBeFalsy();
      expect(field(loaded, 'Plan B').name).toContain('7 × 10,000');
    }
  });
});
