/**
 * "Did you mean" offers the built-in terms a query is near, each with the team terms named for it:
 * however many of those a server has, every name the reply lists has its button, and no button
 * opens a term the reply does not list.
 */

import { describe, expect, it } from 'vitest';
import type { APIButtonComponent } from 'discord-api-types/v10';
import { glossary } from '../src/commands/glossary';
import { messageProblems } from '../src/commands/limits';
import { term as termCommand } from '../src/commands/term';
import type { Reply } from '../src/commands/types';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';

const G = '42';

async function addTerms(store: TeamStore, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const reply = (await termCommand.run({ subcommand: 'add', name, definition: `Our reading of ${name}.` } as never, testContext({ guildId: G, store, manager: true }))) as Reply;
    expect(reply.inputError, name).toBeUndefined();
  }
}

async function glossaryFor(store: TeamStore, query: string): Promise<Reply> {
  const reply = (await glossary.run({ term: query } as never, testContext({ guildId: G, store }))) as Reply;
  expect(messageProblems(reply), query).toEqual([]);
  return reply;
}

/** The names "Did you mean" lists, bold, in order. */
function listed(reply: Reply): string[] {
  const offer = /Did you mean (.*)\?/.exec(reply.embeds[0]!.description!)![1]!;
  return [...offer.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

/** The buttons' labels, without the mark after a team term's name. */
const buttonLabels = (reply: Reply): string[] =>
  (reply.components ?? []).flatMap((row) => row.components as APIButtonComponent[]).map((b) => ('label' in b ? (b.label ?? '') : '').replace(/ \(team term\)$/, ''));

describe('"Did you mean" with many team terms named for the built-in terms it offers', () => {
  it('lists as many names as it has buttons, each name with its button, in the same order', async () => {
    const store = memoryStore();
    // Six team terms named for CPM, four for CPE, and one near "cpx" of the team's own: eleven, and the two built-in terms.
    await addTerms(store, ['CPM', 'cost per mille', 'cost per thousand', 'cost per 1,000 impressions', 'CPMs', 'CPM (cost per thousand impressions)']);
    await addTerms(store, ['CPE', 'cost per engagement', 'CPEs', 'CPE (cost per engagement)', 'CPV']);

    const reply = await glossaryFor(store, 'cpx');
    expect(reply.embeds[0]!.title).toBe('Unknown term');
    const names = listed(reply);
    const labels = buttonLabels(reply);
    expect(labels.length).toBeGreaterThan(0);
    expect(names).toEqual(labels);
    expect(names).toContain('CPE (cost per engagement)');
  });

  it('with a few, lists them all, each with its button', async () => {
    const store = memoryStore();
    await addTerms(store, ['CPM', 'cost per mille']);
    const reply = await glossaryFor(store, 'cpx');
    expect(listed(reply)).toEqual(buttonLabels(reply));
    expect(listed(reply)).toEqual(expect.arrayContaining(['CPM', 'cost per mille', 'CPM (cost per thousand impressions)']));
  });
});
