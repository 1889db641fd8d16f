/**
 * A team term's formula and example are shown back exactly or refused: escaping markdown for
 * display adds a \ before each markdown character, so a value within 1,024 characters typed can
 * still overflow its field. /term refuses it with the reason, and nothing is saved; a value that
 * fits is shown whole by /glossary.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { term } from '../src/commands/term';
import { memoryStore, testContext } from './support/context';

const G = '500000000000000001';

describe('/term formula and example, as Discord shows them', () => {
  it('refuses a formula whose markdown escapes would overflow its field, naming the shown length; nothing is saved', async () => {
    const store = memoryStore();
    const manager = testContext({ guildId: G, manager: true, store });
    const formula = '*_'.repeat(512); // 1,024 typed, 2,048 shown
    const refused = await term.run({ subcommand: 'add', name: 'Stars', definition: 'ok', formula } as never, manager);
    expect(refused.inputError).toBe(true);
    expect(refused.flags).toBe(64);
    expect(JSON.stringify(refused.embeds)).toContain('2,048 characters as Discord shows it');
    expect(await store.terms(G)).toEqual([]);
  });

  it('shows a long formula and example that fit, whole, with no "…"', async () => {
    const store = memoryStore();
    const manager = testContext({ guildId: G, manager: true, store });
    const formula = `${'a-b '.repeat(200)}end`; // 803 typed, 1,003 shown
    const example = 'x'.repeat(1024);
    const added = await term.run({ subcommand: 'add', name: 'Spread', definition: 'ok', formula, example } as never, manager);
    expect(added.inputError).toBeUndefined();
    const shown = await glossary.run({ term: 'Spread' } as never, testContext({ guildId: G, store }));
    const fields = shown.embeds[0]!.fields ?? [];
    expect(fields.find((f) => f.name === 'Formula')?.value).toBe(formula.replace(/-/g, '\\-'));
    expect(fields.find((f) => f.name === 'Example')?.value).toBe(example);
  });
});
