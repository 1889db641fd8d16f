/**
 * What /plans delete suggests as a member types the name: first the plans this member may delete
 * (their own; a manager may delete any), then the others, each group in reading order. Plans
 * saved with /compare save by two members on the real SQLite store.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import { plans } from '../src/commands/plans';
import { openStore } from '../src/store/index';
import type { TeamStore } from '../src/store/types';
import { testContext } from './support/context';

const G = '200000000000000001';
const MEMBER = '300000000000000009';
const OTHER = '300000000000000077';

const dir = mkdtempSync(join(tmpdir(), 'tierbot-plan-suggestions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opened: TeamStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
let n = 0;
async function sqlite(): Promise<TeamStore> {
  n += 1;
  const store = await openStore(join(dir, `plans-${n}.sqlite`), { ttlMs: 0 });
  opened.push(store);
  return store;
}

/** `/compare budget:5000 save:<name>` by this user. */
async function save(store: TeamStore, name: string, userId: string) {
  const reply = await compare.run({ budget: '5000', save: name } as never, testContext({ guildId: G, userId, store }));
  expect(reply.inputError, JSON.stringify(reply.embeds)).toBeUndefined();
}

/** The names /plans delete suggests for what has been typed. */
async function suggested(store: TeamStore, typed: string, who: { userId: string; manager?: boolean }): Promise<string[]> {
  const choices = await plans.autocomplete!({ name: 'name', value: typed }, { subcommand: 'delete' }, testContext({ guildId: G, store, ...who }));
  return choices.map((c) => c.value as string);
}

describe('/plans delete suggestions', () => {
  it('offer a member’s own plan before one saved by someone else, though the other’s name comes first alphabetically', async () => {
    const store = await sqlite();
    await save(store, 'Autumn push', OTHER);
    await save(store, 'Winter launch', MEMBER);
    expect(await suggested(store, '', { userId: MEMBER })).toEqual(['Winter launch', 'Autumn push']);
    expect(await suggested(store, '', { userId: OTHER })).toEqual(['Autumn push', 'Winter launch']);
  });

  it('keep each group in reading order ("Spring 9" before "Spring 10"), among the names that match what is typed', async () => {
    const store = await sqlite();
    await save(store, 'Spring 10', MEMBER);
    await save(store, 'Spring 2', OTHER);
    await save(store, 'Autumn push', OTHER);
    await save(store, 'Spring 9', MEMBER);
    expect(await suggested(store, '', { userId: MEMBER })).toEqual(['Spring 9', 'Spring 10', 'Autumn push', 'Spring 2']);
    expect(await suggested(store, 'spring', { userId: MEMBER })).toEqual(['Spring 9', 'Spring 10', 'Spring 2']);
  });

  it('offer a manager, who may delete any plan, every plan in reading order', async () => {
    const store = await sqlite();
    await save(store, 'Spring 10', MEMBER);
    await save(store, 'Spring 2', OTHER);
    await save(store, 'Autumn push', OTHER);
    expect(await suggested(store, '', { userId: MEMBER, manager: true })).toEqual(['Autumn push', 'Spring 2', 'Spring 10']);
  });
});
