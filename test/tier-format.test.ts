import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagerRow } from '../src/commands/embeds';
import { shorten as truncate } from '../src/domain/format';
import { COMMANDS } from '../src/commands';
import { help } from '../src/commands/help';
import { shorten } from '../src/domain/format';
import { START_HERE } from '../src/domain/glossary';
import { testComponentContext, testContext } from './support/context';

describe('shorten', () => {
  it('cuts at a sentence end when one keeps at least half the room', () => {
    expect(shorten('First sentence here. Second sentence that is long.', 30)).toBe('First sentence here. …');
  });

  it('otherwise cuts at a word boundary, never mid-word, and ends with "…"', () => {
    expect(shorten('Assumption bullets are cut mid-word today', 25)).toBe('Assumption bullets are…');
    expect(shorten('Average order value', 12)).toBe('Average…');
    expect(shorten('short', 10)).toBe('short');
    expect(truncate('one two three four', 12)).toBe('one two…');
  });

  it('never exceeds the room, and keeps a whole-word prefix of the text', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 40 }), fc.integer({ min: 2, max: 200 }), (words, max) => {
        const text = words.join(' ');
        const out = shorten(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else {
          expect(out.endsWith('…')).toBe(true);
          const kept = out.replace(/ ?…$/, '');
          if (words[0]!.length < max - 1) {
            expect(text.startsWith(kept)).toBe(true);
            expect(text[kept.length] === ' ' || text[kept.length] === undefined).toBe(true);
          }
        }
      }),
    );
  });
});

describe('pagerRow', () => {
  it('keeps ids on real pages and distinct', () => {
    expect(pagerRow((n) => `x:${n}`, 0, 1)).toBeUndefined();
    for (const [page, pages] of [[0, 2], [1, 2], [0, 3], [1, 3], [2, 3]] as const) {
      const row = pagerRow((n) => `x:${n}`, page, pages)!;
      const ids = row.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
      expect(new Set(ids).size).toBe(2);
      for (const id of ids) expect(Number(id.split(':')[1])).toBeLessThan(pages);
    }
  });
});

describe('/help', () => {
  it('steps through the path; the disabled Back on step 1 leads home even if pressed, never an input error', async () => {
    const first = await help.component!('help:step:0', [], testComponentContext());
    const buttons = first.reply.components![0]!.components.map((c) => ('custom_id' in c ? { id: c.custom_id, disabled: c.disabled } : { id: '', disabled: false }));
    expect(buttons[0]).toEqual({ id: 'help:back', disabled: true });
    const back = await help.component!('help:back', [], testComponentContext());
    expect(back.reply.inputError).toBeUndefined();
    expect(back.reply.embeds[0]!.title).toMatch(/^Tierbot/);
    const last = await help.component!(`help:step:${START_HERE.length - 1}`, [], testComponentContext());
    const lastIds = last.reply.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    // Back, and Done (back to the help page): distinct, and each one answers.
    expect(lastIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lastIds).size).toBe(lastIds.length);
    for (const id of lastIds) expect((await help.component!(id, [], testComponentContext())).reply.inputError, id).toBeUndefined();
    expect((await help.component!('help:step:99', [], testComponentContext())).reply.inputError).toBe(true);
  });

  it('names every command a user can run, each with what it does', async () => {
    const reply = await help.run({}, testContext());
    const fields = reply.embeds[0]!.fields ?? [];
    for (const command of COMMANDS) {
      const name = command.kind === 'slash' ? `/${command.definition.name}` : command.definition.name;
      const field = fields.find((f) => f.name === name || f.name.startsWith(`${name} `) || f.name.endsWith(name));
      expect(field, name).toBeDefined();
      expect(field!.value.length, name).toBeGreaterThan(20);
    }
  });
});
