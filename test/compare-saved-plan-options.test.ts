/**
 * /compare with a saved plan and options given now: each option given now replaces the saved value
 * it clashes with, and one line says which saved value was left out and why; options that clash with
 * each other in one command stay an input error; plan: with save: stores what was run. Also through
 * the CLI's path with SQLite.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import type { SlashCommand } from '../src/commands/types';
import { parseCommandLine } from '../src/cli/command-line';
import { capturingResponder, chatInput } from '../src/cli/local-interaction';
import { createLogger } from '../src/config/logger';
import { tierbotCore } from '../src/interactions/tierbot';
import { openStore } from '../src/store/index';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';
import { runCompare as run, description, field, shownText } from './support/compare';

const G = '200000000000000060';
const guild = (store: TeamStore) => testContext({ guildId: G, store });

describe('a saved plan run with other options: each option given now replaces the saved value it clashes with', () => {
  it('micro_count given: the saved budget is left out, and one line says so', async () => {
    const store = memoryStore();
    await run({ budget: '5000', save: 'Q1' }, guild(store));
    const reply = await run({ plan: 'Q1', platform: 'tiktok', micro_count: '7' }, guild(store));
    expect(reply.inputError).toBeFalsy();
    expect(field(reply, 'Plan B').name).toContain('7 × 10,000');
    expect(shownText(reply)).toContain('TikTok');
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
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-compare-saved-plan-'));
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
