/**
 * Team term text that shows as nothing: a formula, example or definition made only of characters
 * the display drops (zero-width space, soft hyphen, direction marks and overrides) is refused by
 * /term, nothing saved; a term stored before that rule still opens in /glossary, within Discord's
 * limits. And the author's name in a team term's footer is cleaned like other user text.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { term } from '../src/commands/term';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import type { TeamStore, TeamTerm } from '../src/store/types';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore, testContext } from './support/context';

const G = '500000000000000001';
const INVISIBLE = {
  'a zero-width space': '\u200b',
  'a soft hyphen': '\u00ad',
  'direction marks': '\u200e\u200f',
  'a right-to-left override': '\u202e',
  'a zero-width space between spaces': ' \u200b ',
} as const;

const manager = (store: TeamStore) => testContext({ guildId: G, manager: true, store });
const text = (reply: Reply) => JSON.stringify(reply.embeds);

/** Both checks the core and the stand-in apply: the reply Discord would be sent is a valid one. */
function expectSendable(reply: Reply) {
  expect(messageProblems(reply)).toEqual([]);
  expect(standinProblems(reply as never)).toEqual([]);
}

async function addReach(store: TeamStore) {
  const added = await term.run({ subcommand: 'add', name: 'Reach', definition: 'People who saw it.', formula: 'unique viewers', example: '1,000 people' } as never, manager(store));
  expect(added.inputError).toBeUndefined();
}

describe('/term refuses text that shows as nothing', () => {
  for (const [what, value] of Object.entries(INVISIBLE)) {
    for (const field of ['formula', 'example'] as const) {
      it(`add: the ${field} as ${what} is refused, and nothing is saved`, async () => {
        const store = memoryStore();
        const reply = await term.run({ subcommand: 'add', name: 'Foo', definition: 'd', [field]: value } as never, manager(store));
        expect(reply.inputError).toBe(true);
        expect(text(reply)).toContain(`The ${field} is empty`);
        expectSendable(reply);
        expect(await store.term(G, 'Foo')).toBeUndefined();
      });

      it(`edit: the ${field} as ${what} is refused, and the term is unchanged`, async () => {
        const store = memoryStore();
        await addReach(store);
        const before = await store.term(G, 'Reach');
        const reply = await term.run({ subcommand: 'edit', name: 'Reach', [field]: value } as never, manager(store));
        expect(reply.inputError).toBe(true);
        expect(text(reply)).toContain(`The ${field} is empty`);
        expect(text(reply)).toContain('To remove it, give `-`');
        expect(await store.term(G, 'Reach')).toEqual(before);
      });
    }

    it(`the definition as ${what} is refused, in add and in edit`, async () => {
      const store = memoryStore();
      const added = await term.run({ subcommand: 'add', name: 'Foo', definition: value } as never, manager(store));
      expect(added.inputError).toBe(true);
      expect(text(added)).toContain('The definition is empty');
      expect(await store.term(G, 'Foo')).toBeUndefined();
      await addReach(store);
      const edited = await term.run({ subcommand: 'edit', name: 'Reach', definition: value } as never, manager(store));
      expect(edited.inputError).toBe(true);
      expect((await store.term(G, 'Reach'))!.definition).toBe('People who saw it.');
    });
  }

  it('still clears a field given as "-", and refuses visible text that carries invisible characters, naming them', async () => {
    const store = memoryStore();
    await addReach(store);
    const cleared = await term.run({ subcommand: 'edit', name: 'Reach', example: '-' } as never, manager(store));
    expect(cleared.inputError).toBeUndefined();
    expect((await store.term(G, 'Reach'))!.example).toBeUndefined();
    const mixed = await term.run({ subcommand: 'edit', name: 'Reach', formula: 'views\u200b / people' } as never, manager(store));
    expect(mixed.inputError).toBe(true);
    expect(text(mixed)).toContain('The formula has U+200B zero width space in it');
    expectSendable(mixed);
    expect((await store.term(G, 'Reach'))!.formula).toBe('unique viewers');
  });
});

describe('/glossary shows stored team terms whose formula, example or definition shows as nothing', () => {
  const stored = (more: Partial<TeamTerm>): TeamTerm => ({ name: 'Foo', definition: 'A definition.', addedById: '1', addedByName: 'ana', updatedAt: new Date(0), ...more });

  async function lookUp(t: TeamTerm, query = 'Foo'): Promise<Reply> {
    const store = memoryStore();
    await store.addTerm(G, t);
    return glossary.run({ term: query } as never, testContext({ guildId: G, store }));
  }

  it('leaves out a formula or example that shows as nothing', async () => {
    for (const value of Object.values(INVISIBLE)) {
      const reply = await lookUp(stored({ formula: value, example: value }));
      expectSendable(reply);
      expect(reply.embeds[0]!.author?.name).toBe('Team term');
      expect(reply.embeds[0]!.fields ?? []).toEqual([]);
    }
  });

  it('says a definition that shows as nothing has no visible text', async () => {
    const reply = await lookUp(stored({ definition: '\u00ad', formula: 'a / b' }));
    expectSendable(reply);
    expect(reply.embeds[0]!.description).toBe('(no visible text)');
    expect(reply.embeds[0]!.fields?.map((f) => f.name)).toEqual(['Formula']);
  });

  it('fits such a term beside a built-in term of the same name', async () => {
    const reply = await lookUp(stored({ name: 'CPE', definition: '\u200b', example: '\u202e' }), 'CPE');
    expect(reply.embeds.map((e) => e.author?.name ?? e.title)).toEqual(['CPE (cost per engagement)', 'Team term']);
    expectSendable(reply);
  });

  it('/term edit of such a term answers within the limits', async () => {
    const store = memoryStore();
    await store.addTerm(G, stored({ formula: '\u200b', example: '\u00ad' }));
    const reply = await term.run({ subcommand: 'edit', name: 'Foo', definition: 'A better definition.' } as never, manager(store));
    expect(reply.inputError).toBeUndefined();
    expectSendable(reply);
    expect(reply.embeds[0]!.fields ?? []).toEqual([]);
  });
});

describe("a team term's footer", () => {
  async function footerFor(addedByName: string): Promise<string> {
    const store = memoryStore();
    const ctx = { ...testContext({ guildId: G, manager: true, store }), user: { id: '300000000000000002', name: addedByName } };
    expect((await term.run({ subcommand: 'add', name: 'Foo', definition: 'd' } as never, ctx)).inputError).toBeUndefined();
    const reply = await glossary.run({ term: 'Foo' } as never, testContext({ guildId: G, store }));
    expectSendable(reply);
    return reply.embeds[0]!.footer!.text;
  }

  it('shows the author without direction overrides, control or invisible characters, and without escapes', async () => {
    const footer = await footerFor('\u202eevil\u0007_name\u200b*');
    expect(footer).toMatch(/^Your team's own term, added by evil_name\*; not from a published source\.$/);
    expect(footer).not.toMatch(/[\p{Cc}\p{Cf}\\]/u);
  });

  it('never cuts a character in half', async () => {
    const footer = await footerFor(`${'a'.repeat(79)}😀b`);
    expect(footer).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('names "a member" when nothing of the name can be shown', async () => {
    expect(await footerFor('\u200b\u202e')).toContain('added by a member;');
  });
});
