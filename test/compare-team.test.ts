/**
 * /compare in a team's server: the house definition names the plans' tiers (issue 27 §1), saved
 * plans' names are refused when they hide characters, a value the store will not keep is an input
 * error, and autocomplete offers plans only where `plan:` can run them.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import { CSV_HEADER, compare } from '../src/commands/compare';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID, EXPORT_ID } from '../src/commands/compare-state';
import { MAIN_TEXT_LIMIT } from '../src/commands/compare-reply';
import { planNameProblem } from '../src/commands/saved-plans';
import { HOUSE_UNAVAILABLE_LINE, HOUSE_UNREADABLE_LINE } from '../src/commands/house-lookup';
import type { SlashCommand } from '../src/commands/types';
import { parseCommandLine } from '../src/cli/command-line';
import { capturingResponder, chatInput } from '../src/cli/local-interaction';
import { createLogger } from '../src/config/logger';
import { tierbotCore } from '../src/interactions/tierbot';
import { autocompleteProblems, messageProblems } from '../src/commands/limits';
import { openStore } from '../src/store/index';
import { StoreRefusedError, StoreUnavailableError, type TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';
import { runCompare as run, buttonAnswer, description, embedCharacters, field, pressButton, shownText } from './support/compare';

const G = '200000000000000054';
const OTHER = '200000000000000055';
const HOUSE = 'starter 1k-50k, pro 50k-400k, star 400k+';

const dir = mkdtempSync(join(tmpdir(), 'tierbot-compare-team-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
async function sqlite(): Promise<TeamStore> {
  n += 1;
  return openStore(join(dir, `compare-${n}.sqlite`), { ttlMs: 0 });
}

async function withHouse(text = HOUSE, store: TeamStore = memoryStore()): Promise<TeamStore> {
  await store.setHouse(G, { text, setById: '1', setByName: 'Manager', setAt: new Date(0) });
  return store;
}

/** The CLI's own path: its parser, the wire JSON it builds and the interaction core. */
async function throughCore(line: string, guildId: string | undefined, store: TeamStore, manager = false): Promise<{ outcome: unknown; body: string }> {
  const core = tierbotCore({ store, logger: createLogger({ level: 'error', destination: { write: () => undefined } }), charts: false });
  const parsed = parseCommandLine(line, COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash'));
  if (!parsed.ok) throw new Error(parsed.reason);
  const responder = capturingResponder();
  const outcome = await core.handle(chatInput({ guildId, manager }, parsed.command.definition.name, parsed.options, {}), responder);
  return { outcome, body: JSON.stringify(responder.final()?.body ?? null) };
}

describe('/compare names the plans’ tiers by the house definition', () => {
  it('in a server with one: a line naming each plan’s house tier, and each plan’s field says its tier', async () => {
    const reply = await run({ budget: '5000' }, testContext({ guildId: G, store: await withHouse() }));
    expect(description(reply)).toContain('Your house definition: Plan A’s influencer is **star (400k+)**; Plan B’s 50 are each **starter (1k–50k)**.');
    expect(field(reply, 'Plan A').name).toBe('Plan A (estimated): 1 × 500,000 followers · house tier: star');
    expect(field(reply, 'Plan B').name).toBe('Plan B (estimated): 50 × 10,000 followers · house tier: starter');
    // Beside the house line, Plan B's count is not given a tier of the publishers': the house has just named it.
    expect(description(reply)).toContain('Plan B spends $5,000 on 50 influencers at $100');
    expect(description(reply).split('\n')[0]).toBe('**Plan B leads on reach, engagements, cost per engagement and cost per order (4 of 4).**');
    expect(embedCharacters(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
  });

  it('the CLI’s path: /house set, then /compare budget:5000 in that server names star and starter; not in another server or a DM', async () => {
    const store = await sqlite();
    try {
      await throughCore(`/house set "tiers:${HOUSE}"`, G, store, true);
      const here = await throughCore('/compare budget:5000', G, store);
      expect(here.body).toContain('Plan A’s influencer is **star (400k+)**');
      expect(here.body).toContain('**starter (1k–50k)**');
      for (const elsewhere of [await throughCore('/compare budget:5000', OTHER, store), await throughCore('/compare budget:5000', undefined, store)]) {
        expect(elsewhere.body).not.toMatch(/house|starter|star\b/);
        expect(elsewhere.body).toContain('"Plan A (estimated): 1 × 500,000 followers"');
      }
    } finally {
      await store.close();
    }
  });

  it('without a house definition, in a server or a DM, the reply names no house tier, and its field names are the ones other tools rely on', async () => {
    for (const ctx of [testContext(), testContext({ guildId: G }), testContext({ guildId: OTHER, store: await withHouse() })]) {
      const reply = await run({}, ctx);
      expect(field(reply, 'Plan A').name).toBe('Plan A (estimated): 1 × 100,000 followers');
      expect(field(reply, 'Plan B').name).toBe('Plan B (estimated): 10 × 10,000 followers');
      expect(shownText(reply)).not.toMatch(/house/i);
    }
  });

  it('one micro-influencer, the Kardashian case and counts outside the tiers (below, in a gap) are named as /tier and /roster name them', async () => {
    const store = await withHouse('micro 10k-90k, gap, macro 100k-1M');
    const ctx = testContext({ guildId: G, store });
    const one = await run({ preset: 'kardashian', micro_count: '1' }, ctx);
    expect(description(one)).toContain('Your house definition: Plan A’s influencer is **above macro, the highest house tier (up to 1M)**; Plan B’s influencer is **micro (10k–90k)**.');
    expect(field(one, 'Plan A').name).toBe('Plan A (observed): Kim Kardashian’s tweet, 15,000,000 followers · house tier: above macro');
    const outside = await run({ big_followers: '95k', micro_followers: '5k' }, ctx);
    expect(description(outside)).toContain('Plan A’s influencer is **in the gap between micro (10k–90k) and macro (100k–1M)**; Plan B’s 10 are each **below micro, the lowest house tier (from 10k)**.');
    // A count in a gap is named by the tiers either side, as the roster's totals group it.
    expect(field(outside, 'Plan A').name).toMatch(/· house tier: between micro and macro$/);
    expect(field(outside, 'Plan B').name).toMatch(/· house tier: below micro$/);
  });

  it('the team’s tier names are escaped: no bold, link or ping from them', async () => {
    const store = await withHouse('**big** 1k-50k, [x](https://example.com) 50k-400k, <@&1> 400k+');
    const reply = await run({ budget: '5000' }, testContext({ guildId: G, store }));
    const shown = shownText(reply);
    expect(shown).not.toMatch(/(?<!\\)\*\*big(?<!\\)\*\*/);
    expect(shown).not.toContain('[x](');
    expect(shown).not.toMatch(/(?<!\\)<@&1>/);
    expect(description(reply)).toContain('**\\<\\@&1\\> (400k+)**');
    expect(field(reply, 'Plan B').name).toContain('house tier: \\*\\*big\\*\\*');
  });

  it('when the house definition can’t be read or the database fails, one line says so and the answer comes anyway', async () => {
    const down: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new StoreUnavailableError(new Error('down'))) };
    const failing = await run({ budget: '5000' }, testContext({ guildId: G, store: down }));
    expect(description(failing)).toContain(HOUSE_UNAVAILABLE_LINE);
    expect(field(failing, 'Plan A').name).toBe('Plan A (estimated): 1 × 500,000 followers');
    expect(failing.flags).toBeUndefined();
    const unreadable = await run({ budget: '5000' }, testContext({ guildId: G, store: await withHouse('not tiers at all') }));
    expect(description(unreadable)).toContain(HOUSE_UNREADABLE_LINE);
  });

  it('a slow database: the answer stops waiting after a second and says so', async () => {
    const slow: TeamStore = { ...memoryStore(), house: () => new Promise((resolve) => setTimeout(() => resolve(undefined), 3_000)) };
    const started = Date.now();
    const reply = await run({}, testContext({ guildId: G, store: slow }));
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(description(reply)).toContain(HOUSE_UNAVAILABLE_LINE);
  });

  it('long team names and every line at once still fit the main reply’s limits, the saved line kept', async () => {
    const long = (c: string) => `${c}${'w'.repeat(60)}`;
    const store = await withHouse(`${long('a')} 1k-9k, gap, ${long('b')} 10k-90k, gap, ${long('c')} 100k-1M`);
    const ctx = testContext({ guildId: G, store });
    const cases: Record<string, string>[] = [
      { big_followers: '95k', micro_followers: '9.5k', budget: '50000', save: 'x'.repeat(100) },
      { preset: 'kardashian', micro_followers: '95k', big_engagement: '3', save: 'y'.repeat(100) },
      { big_followers: '9,999,999,999', micro_followers: '5', micro_count: '999999', platform: 'youtube', save: 'z'.repeat(100) },
    ];
    for (const options of cases) {
      const reply = await run(options, ctx);
      expect(embedCharacters(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
      expect(description(reply)).toContain('Your house definition');
      expect(description(reply)).toContain('💾 Saved as');
    }
  });

  it('Assumptions names the tiers too; Equal budget keeps them; the Export’s CSV is the same with or without a house definition', async () => {
    const ctx = testComponentContext({ guildId: G, store: await withHouse() });
    const reply = await run({ big_fee: '20000' }, ctx);
    const assumptions = await pressButton(reply, ASSUMPTIONS_ID, ctx);
    expect(messageProblems(assumptions)).toEqual([]);
    expect(assumptions.embeds[0]!.description).toContain('Your house definition as it is now: Plan A’s influencer is **pro (50k–400k)**; Plan B’s 10 are each **starter (1k–50k)**.');
    const equal = await buttonAnswer(reply, EQUAL_BUDGET_ID, ctx);
    expect(equal.mode).toBe('reply');
    expect(description(equal.reply)).toContain('Your house definition: Plan A’s influencer is **pro (50k–400k)**; Plan B’s 200 are each **starter (1k–50k)**.');
    const csv = (await pressButton(reply, EXPORT_ID, ctx)).files![0]!.data.toString('utf8');
    const plainCsv = (await pressButton(reply, EXPORT_ID)).files![0]!.data.toString('utf8');
    expect(csv).toBe(plainCsv);
    expect(csv.split('\r\n')[0]).toBe(CSV_HEADER);
    expect(csv).not.toMatch(/house|starter/);
    const rows = parse(csv, { columns: true }) as { plan: string; metric: string }[];
    expect(rows.filter((r) => r.plan === 'A').map((r) => r.metric)).toEqual(
      ['followers', 'influencers', 'reach', 'impressions', 'engagements', 'visits', 'orders', 'revenue', 'cost', 'cpe', 'cpm', 'cost_per_order', 'roi', 'roas'],
    );
  });
});

describe('/compare save: names that hide characters are refused', () => {
  it('zero-width, direction marks, NUL, other controls and names that show nothing: an ephemeral input error, nothing saved', async () => {
    const store = await sqlite();
    try {
      const ctx = testContext({ guildId: G, store });
      expect((await run({ save: 'weekly' }, ctx)).embeds[0]!.description).toContain('Saved as “weekly”');
      for (const name of ['weekly\u200b', 'week\u202Ely', '\u200b', '\u200b \u200b', 'a\u0000b', 'a\u0007b', 'two\u2028lines', '\u3164', 'x\u2066y', 'week\uFEFFly', '\u2800']) {
        const reply = await run({ save: name }, ctx);
        expect(reply.inputError, JSON.stringify(name)).toBe(true);
        expect(reply.flags).toBe(64);
        expect(reply.embeds[0]!.title).toBe('That save name did not work');
        expect(reply.embeds[0]!.description).toMatch(/^\*\*save\*\*: the name (has U\+[0-9A-F]{4} [a-z -]+ in it, which Discord shows as a blank|has control characters|shows nothing)/);
        expect(reply.embeds[0]!.description).toContain('Nothing was saved.');
      }
      expect((await store.plans(G)).map((p) => p.name)).toEqual(['weekly']);
    } finally {
      await store.close();
    }
  });

  it('emoji, their joined sequences and other scripts are names like any other', async () => {
    for (const name of ['🚀 launch', '👨‍👩‍👧 family', '❤️', '1️⃣ first', 'Größe Q3', 'キャンペーン', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) expect(planNameProblem(name), name).toBeUndefined();
    const store = memoryStore();
    const reply = await run({ save: '👨‍👩‍👧 family' }, testContext({ guildId: G, store }));
    expect(reply.inputError).toBeUndefined();
    expect((await store.plans(G)).map((p) => p.name)).toEqual(['👨‍👩‍👧 family']);
  });

  it('a name is counted as Discord counts it, an emoji as one: over 100 is refused, saying how many it has', async () => {
    const store = memoryStore();
    const reply = await run({ save: '🚀'.repeat(101) }, testContext({ guildId: G, store }));
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description!).toContain('**save**: a plan name is 1 to 100 characters. This one has 101 characters.');
    expect(await store.plans(G)).toEqual([]);
    // 100 rockets are 100 characters, as the option's max_length counts them: saved, and offered whole.
    expect((await run({ save: '🚀'.repeat(100) }, testContext({ guildId: G, store }))).inputError).toBeUndefined();
    const choices = await compare.autocomplete!({ name: 'plan', value: '' }, {}, testContext({ guildId: G, store }));
    expect(choices).toEqual([{ name: '🚀'.repeat(100), value: '🚀'.repeat(100) }]);
    expect(autocompleteProblems(choices)).toEqual([]);
    // A plain name over 100 is counted as typed.
    expect((await run({ save: 'x'.repeat(101) }, testContext({ guildId: G, store }))).embeds[0]!.description).toContain('This one has 101 characters.');
  });

  it('a value the store refuses is answered as an input error, through the core as well, not as a failure', async () => {
    const refusing: TeamStore = {
      ...memoryStore(),
      savePlan: async () => {
        throw new StoreRefusedError('name', 'has a NUL character (U+0000) in it, which cannot be stored');
      },
    };
    const reply = await run({ save: 'weekly' }, testContext({ guildId: G, store: refusing }));
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(64);
    expect(reply.embeds[0]!.title).toBe('That save name did not work');
    expect(reply.embeds[0]!.description).toContain('has a NUL character (U+0000) in it, which cannot be stored. Nothing was saved.');
    const core = await throughCore('/compare save:weekly', G, refusing);
    expect(core.body).toContain('That save name did not work');
    expect(core.body).not.toMatch(/Something went wrong/);
  });
});

describe('/compare save: says the command that runs it again', () => {
  it('with the name as saved, in code, where markdown does not format; a name with a backtick is named beside it, escaped', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G, store });
    expect(description(await run({ save: 'Spring *launch*' }, ctx))).toContain('💾 Saved as “Spring \\*launch\\*” for this server: run it again with `/compare plan:Spring *launch*`.');
    // In code the name shows as typed; a backtick would end the code, so the name is given outside it.
    expect(description(await run({ save: 'Q1 `final`' }, ctx))).toContain('run it again by giving `/compare plan:` the name “Q1 \\`final\\`”.');
    // Run as said, it loads the plan.
    expect(description(await run({ plan: 'Spring *launch*' }, ctx))).toContain('Plan “Spring \\*launch\\*” loaded.');
  });

  it('a name with an "@" or "<" that is no mention is in the code; one with a mention is named beside it, escaped', async () => {
    const ctx = testContext({ guildId: G, store: memoryStore() });
    expect(description(await run({ save: 'Q3 @ Acme' }, ctx))).toContain('run it again with `/compare plan:Q3 @ Acme`.');
    expect(description(await run({ save: 'spend <5k' }, ctx))).toContain('run it again with `/compare plan:spend <5k`.');
    expect(description(await run({ plan: 'Q3 @ Acme' }, ctx))).toContain('Plan “Q3 \\@ Acme” loaded.');
    // Mention syntax never comes back unescaped, in code or out of it.
    expect(description(await run({ save: 'for @everyone' }, ctx))).toContain('run it again by giving `/compare plan:` the name “for \\@everyone”.');
    expect(description(await run({ save: 'ask <@123>' }, ctx))).toContain('run it again by giving `/compare plan:` the name “ask \\<\\@123\\>”.');
  });
});

describe('/compare plan: autocomplete', () => {
  it('offers nothing in a server that has not added Tierbot (a user install), where plan: could not run them', async () => {
    const store = memoryStore();
    await store.savePlan(G, { name: 'Spring', inputs: {}, savedById: '1', savedByName: 'Ann', savedAt: new Date(0) });
    const installed = testContext({ guildId: G, store });
    expect(await compare.autocomplete!({ name: 'plan', value: '' }, {}, installed)).toEqual([{ name: 'Spring', value: 'Spring' }]);
    const userInstall = testContext({ guildId: G, guildInstalled: false, store });
    expect(await compare.autocomplete!({ name: 'plan', value: '' }, {}, userInstall)).toEqual([]);
    expect((await run({ plan: 'Spring' }, userInstall)).embeds[0]!.title).toBe('Saved plans need Tierbot in this server');
  });
});

describe('/compare save: saving over a plan says whose plan it replaced', () => {
  it('the author is told it replaced their earlier plan; a manager, whose plan they replaced; a new name says neither', async () => {
    const store = memoryStore();
    const author = testContext({ guildId: G, store, userId: '300000000000000007' });
    const first = description(await run({ budget: '5000', save: 'Q1' }, author));
    expect(first).toContain('💾 Saved as “Q1” for this server: run it again with `/compare plan:Q1`.');
    expect(description(await run({ budget: '6000', save: 'Q1' }, author))).toContain('💾 Saved as “Q1” for this server, replacing your earlier plan of that name:');
    const manager = testContext({ guildId: G, store, manager: true });
    const replaced = description(await run({ budget: '9000', save: 'q1' }, manager));
    expect(replaced).toContain('💾 Saved as “q1” for this server, replacing the plan **tester** (<@300000000000000007>) saved:');
    expect((await store.plan(G, 'Q1'))!.inputs).toMatchObject({ budget: '9000' });
  });
});
