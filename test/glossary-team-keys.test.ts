/**
 * Team terms of every length /term accepts can be found by /glossary's autocomplete and opened from
 * its buttons: values and custom_ids carry a short key, resolved against the server's own terms,
 * and names too long to show whole are shortened so that two of them still read differently.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { labelsApart } from '../src/domain/format';
import { glossary } from '../src/commands/glossary';
import { teamTermKey } from '../src/commands/team-terms';
import { TERM_LIMITS, term } from '../src/commands/term';
import type { Choice, Reply } from '../src/commands/types';
import { TERMS } from '../src/domain/glossary';
import { autocompleteProblems, messageProblems } from '../src/commands/limits';
import { openStore } from '../src/store/index';
import type { TeamStore } from '../src/store/types';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore, testComponentContext, testContext } from './support/context';

const G = '4200';
const OTHER = '4300';
const PREFIX = 'Quarterly brand partnership performance review for the creator roster across all platforms';
const PART_A = `${PREFIX} - Part A`;
const PART_B = `${PREFIX} - Part B`;
/** As long a name as /term accepts (100 characters), but 195 UTF-16 units: too long for an autocomplete value. */
const EMOJI_NAME = `Fire ${'🔥'.repeat(TERM_LIMITS.name - 5)}`;

const dir = mkdtempSync(join(tmpdir(), 'tierbot-glossary-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const sqlite = () => openStore(join(dir, `keys-${++n}.sqlite`), { ttlMs: 0 });

const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const labels = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('label' in c ? (c.label ?? '') : '')));

async function glossaryRun(query: string, guildId: string | undefined, store: TeamStore): Promise<Reply> {
  const reply = (await glossary.run({ term: query } as never, testContext({ guildId, store }))) as Reply;
  expect(messageProblems(reply)).toEqual([]);
  expect(standinProblems(reply as never)).toEqual([]);
  return reply;
}

async function suggestions(typed: string, guildId: string, store: TeamStore): Promise<Choice[]> {
  const choices = await glossary.autocomplete!({ name: 'term', value: typed }, {}, testContext({ guildId, store }));
  expect(autocompleteProblems(choices)).toEqual([]);
  return choices;
}

const press = (customId: string, guildId: string | undefined, store: TeamStore) => glossary.component!(customId, [], testComponentContext({ guildId, store }));

/** Adds terms the way a manager does, through /term add. */
async function addTerms(store: TeamStore, guildId: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const reply = (await term.run({ subcommand: 'add', name, definition: `Definition of ${name.slice(-6)}` } as never, testContext({ guildId, store, manager: true }))) as Reply;
    expect(reply.inputError, name).toBeUndefined();
  }
}

describe('/glossary, team terms with long names', () => {
  it('offers two long names that share their start as buttons that read differently and open each one', async () => {
    const store = memoryStore();
    await addTerms(store, G, [PART_A, PART_B]);
    const reply = await glossaryRun('Quarterly brand partnership', G, store);
    expect(reply.embeds[0]!.title).toBe('Which term?');
    // Listed whole (escaped); the buttons carry the names shortened apart.
    expect(reply.embeds[0]!.description).toContain(`- **${PREFIX} \\- Part A** (team term)`);
    expect(reply.embeds[0]!.description).toContain(`- **${PREFIX} \\- Part B** (team term)`);
    expect(ids(reply)).toHaveLength(2);
    const [a, b] = labels(reply);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^Quarterly brand partnership .*….*Part A \(team term\)$/);
    expect(b).toMatch(/^Quarterly brand partnership .*….*Part B \(team term\)$/);
    const opened = await Promise.all(ids(reply).map((id) => press(id, G, store)));
    expect(opened.map((o) => o.reply.embeds[0]!.title)).toEqual([PART_A, PART_B].map((name) => name.replace('-', '\\-')));
    expect(opened.map((o) => o.reply.embeds[0]!.description)).toEqual(['Definition of Part A', 'Definition of Part B']);
  });

  it('suggests every long name in autocomplete, told apart and marked as the team’s, and opens the one picked', async () => {
    const store = memoryStore();
    const longest = `${'x'.repeat(TERM_LIMITS.name - 1)}y`;
    await addTerms(store, G, [PART_A, PART_B, longest, EMOJI_NAME]);
    const choices = await suggestions('Quarterly', G, store);
    const team = choices.filter((c) => c.name.endsWith(' (team term)'));
    expect(team).toHaveLength(2);
    expect(team[0]!.name).not.toBe(team[1]!.name);
    expect(team.map((c) => c.name)).toEqual([expect.stringContaining('Part A'), expect.stringContaining('Part B')]);
    for (const [choice, name] of [[team[0]!, PART_A], [team[1]!, PART_B]] as const) {
      expect((await glossaryRun(String(choice.value), G, store)).embeds[0]!.description).toBe(`Definition of ${name.slice(-6)}`);
    }
    for (const [typed, name] of [['xxxx', longest], ['🔥', EMOJI_NAME]] as const) {
      const [choice] = (await suggestions(typed, G, store)).filter((c) => c.name.endsWith(' (team term)'));
      expect(choice, name).toBeDefined();
      const opened = await glossaryRun(String(choice!.value), G, store);
      expect(opened.embeds[0]!.author?.name).toBe('Team term');
      expect(opened.embeds[0]!.description).toBe(`Definition of ${name.slice(-6)}`);
    }
  });

  it('offers long names in the index menu so that they read differently', async () => {
    const store = memoryStore();
    await addTerms(store, G, [PART_A, PART_B]);
    const index = await glossaryRun('', G, store);
    const menu = index.components!.flatMap((row) => row.components).find((c) => 'custom_id' in c && c.custom_id === 'glossary:teamopen') as { options: { label: string }[] };
    const labels = menu.options.map((o) => o.label);
    expect(labels).toHaveLength(2);
    expect(labels[0]).not.toBe(labels[1]);
    expect(labels[0]).toMatch(/Part A$/);
  });
});

describe('/glossary team keys are one server’s own', () => {
  it('a value or button from one server opens nothing in another, even where a term has the same name', async () => {
    const store = await sqlite();
    try {
      await addTerms(store, G, [PART_A]);
      await addTerms(store, OTHER, [PART_A]);
      const [choice] = await suggestions('Quarterly', G, store);
      // The button "Which term?" makes for it.
      const button = `glossary:teamkey:${teamTermKey(G, PART_A)}`;
      expect(choice!.value).toBe(`teamkey:${teamTermKey(G, PART_A)}`);
      expect(teamTermKey(G, PART_A)).not.toBe(teamTermKey(OTHER, PART_A));
      for (const elsewhere of [OTHER, undefined]) {
        const reply = await glossaryRun(String(choice!.value), elsewhere, store);
        expect(reply.inputError).toBe(true);
        expect(reply.embeds[0]!.description).toContain('team terms open only in the server that added them');
        const pressed = await press(button, elsewhere, store);
        expect(pressed.mode).toBe('reply');
        expect(pressed.reply.inputError).toBe(true);
      }
      expect((await press(button, G, store)).reply.embeds[0]!.author?.name).toBe('Team term');
    } finally {
      await store.close();
    }
  });

  it('a key stays the same whatever the case of the name, so a removed and re-added term still opens', async () => {
    expect(teamTermKey(G, 'Brand Lift')).toBe(teamTermKey(G, 'brand lift'));
    expect(teamTermKey(G, 'Brand lift')).not.toBe(teamTermKey(G, 'Brand lift!'));
    expect(`glossary:teamkey:${teamTermKey(G, EMOJI_NAME)}`.length).toBeLessThanOrEqual(100);
  });

  it('says a term that was removed is gone, without a crash', async () => {
    const store = memoryStore();
    await addTerms(store, G, [PART_A]);
    const [choice] = await suggestions('Quarterly', G, store);
    await term.run({ subcommand: 'remove', name: PART_A } as never, testContext({ guildId: G, store, manager: true }));
    const reply = await glossaryRun(String(choice!.value), G, store);
    expect(reply.inputError).toBe(true);
    expect((await press(`glossary:teamkey:${teamTermKey(G, PART_A)}`, G, store)).reply.inputError).toBe(true);
  });
});

describe('/term edit and remove, with a name too long for an autocomplete value', () => {
  it('offers it by key, and the key edits and removes that term', async () => {
    const store = memoryStore();
    await addTerms(store, G, [EMOJI_NAME, 'Plain']);
    const ctx = testContext({ guildId: G, store, manager: true });
    const choices = await term.autocomplete!({ name: 'name', value: '🔥' }, { subcommand: 'edit' }, ctx);
    expect(autocompleteProblems(choices)).toEqual([]);
    expect(choices).toHaveLength(1);
    const edited = (await term.run({ subcommand: 'edit', name: choices[0]!.value, definition: 'hot' } as never, ctx)) as Reply;
    expect(edited.inputError).toBeUndefined();
    expect((await store.term(G, EMOJI_NAME))?.definition).toBe('hot');
    const removed = (await term.run({ subcommand: 'remove', name: choices[0]!.value } as never, ctx)) as Reply;
    expect(removed.inputError).toBeUndefined();
    expect(await store.term(G, EMOJI_NAME)).toBeUndefined();
    // A name that fits is offered as itself, as before.
    expect(await term.autocomplete!({ name: 'name', value: 'pla' }, { subcommand: 'remove' }, ctx)).toEqual([{ name: 'Plain', value: 'Plain' }]);
  });
});

describe('labelsApart', () => {
  const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

  it('leaves names that fit as they are, and cuts long ones at word boundaries', () => {
    expect(labelsApart(['CPC', 'Brand lift'], 10)).toEqual(['CPC', 'Brand lift']);
    const [a, b] = labelsApart([PART_A, PART_B], 60);
    expect(a).toBe('Quarterly brand partnership…all platforms - Part A');
    expect(b).toBe('Quarterly brand partnership…all platforms - Part B');
  });

  it('keeps in view where two names differ, at the start, in the middle or at the end', () => {
    const words = (n: number, mark: string) => Array.from({ length: n }, (_, i) => (i === 6 ? mark : `word${i}`)).join(' ');
    const [a, b] = labelsApart([words(16, 'alpha'), words(16, 'omega')], 40);
    expect(a).not.toBe(b);
    expect(a).toContain('alpha');
    expect(b).toContain('omega');
  });

  it('always fits, never splits a character, and tells apart names that differ after a shared start', () => {
    const piece = fc.array(fc.constantFrom('a', 'b', ' ', '🔥', 'é', '-'), { maxLength: 80 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(piece, piece, piece, fc.integer({ min: 20, max: 100 }), (shared, endA, endB, max) => {
        fc.pre(endA !== endB);
        const texts = [`${shared}${endA}`, `${shared}${endB}`];
        const shown = labelsApart(texts, max);
        for (const label of shown) {
          expect(label.length).toBeLessThanOrEqual(max);
          expect(wellFormed(label)).toBe(true);
        }
        expect(shown[0]).not.toBe(shown[1]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('/glossary index: a menu of the server’s own terms', () => {
  const selects = (reply: Reply) =>
    (reply.components ?? []).flatMap((row) => row.components).flatMap((c) => (c.type === ComponentType.StringSelect ? [c] : []));
  const teamMenu = (reply: Reply) => selects(reply).find((menu) => menu.options.every((o) => o.description === 'Team term'));
  const pick = (customId: string, value: string, guildId: string | undefined, store: TeamStore) =>
    glossary.component!(customId, [value], testComponentContext({ guildId, store }));

  it('opens each of this server’s terms, for the picker alone, and nothing from another server', async () => {
    const store = memoryStore();
    await addTerms(store, G, ['Foo', 'Brand lift']);
    await addTerms(store, OTHER, ['Elsewhere']);
    const index = await glossaryRun('', G, store);
    const menu = teamMenu(index)!;
    expect(menu).toBeDefined();
    expect(menu.custom_id.length).toBeLessThanOrEqual(100);
    expect(menu.options.map((o) => o.label)).toEqual(['Brand lift', 'Foo']);
    // The built-in menus are all still there.
    expect(selects(index).flatMap((m) => m.options).length).toBe(TERMS.length + 2);
    const opened = await pick(menu.custom_id, menu.options[1]!.value, G, store);
    expect(opened.mode).toBe('reply');
    expect(opened.reply.flags).toBe(MessageFlags.Ephemeral);
    expect(opened.reply.embeds[0]!.author?.name).toBe('Team term');
    expect(opened.reply.embeds[0]!.title).toBe('Foo');
    expect(messageProblems(opened.reply)).toEqual([]);
    // The same pick in another server (or a DM) opens nothing there.
    for (const elsewhere of [OTHER, undefined]) {
      const there = await pick(menu.custom_id, menu.options[1]!.value, elsewhere, store);
      expect(there.reply.inputError, String(elsewhere)).toBe(true);
    }
    // Another server's index offers its own terms only.
    expect(teamMenu(await glossaryRun('', OTHER, store))!.options.map((o) => o.label)).toEqual(['Elsewhere']);
    // No team terms (or a DM): no team menu.
    expect(teamMenu(await glossaryRun('', '4400', store))).toBeUndefined();
  });

  it('holds the first 25 names A to Z when there are more, and says the autocomplete finds the rest', async () => {
    const store = memoryStore();
    const names = Array.from({ length: 30 }, (_, i) => `Team term ${i + 1}`);
    await addTerms(store, G, names);
    const menu = teamMenu(await glossaryRun('', G, store))!;
    expect(menu.options.map((o) => o.label)).toEqual(names.slice(0, 25));
    expect(menu.placeholder).toContain('first 25 of 30');
    expect(menu.placeholder).toContain('/glossary term:');
    expect(menu.placeholder!.length).toBeLessThanOrEqual(150);
  });
});
