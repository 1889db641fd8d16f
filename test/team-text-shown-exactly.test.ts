/**
 * Team text is shown back exactly, or refused with a reason: a character Discord would
 * not show as typed (zero-width spaces, direction overrides, tabs, line breaks) is refused in every
 * field of /term and in /house set, naming the field and the character, and a refused write leaves
 * the previous value as it was; emoji, joiners and all, are accepted and shown whole, as are
 * house tier names as written. Formula, example and link take 1,024 characters, as the definition
 * does, and every reply still fits Discord's limits. A link is an https:// address, as the refusal says.
 */

import { describe, expect, it } from 'vitest';
import { planNameProblem } from '../src/commands/saved-plans';
import { glossary } from '../src/commands/glossary';
import { house } from '../src/commands/house';
import { plans } from '../src/commands/plans';
import { definition as termDefinition, term } from '../src/commands/term';
import type { Reply, SlashCommand } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import type { TeamStore } from '../src/store/types';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore, testContext } from './support/context';

const G = '610000000000000061';

const manager = (store: TeamStore) => testContext({ guildId: G, manager: true, store });
const text = (reply: Reply) => JSON.stringify(reply.embeds);

/** The reply is one Discord accepts: both the core's check and the stand-in's. */
function expectSendable(reply: Reply) {
  expect(messageProblems(reply)).toEqual([]);
  expect(standinProblems(reply as never)).toEqual([]);
}

async function run(command: SlashCommand, args: Record<string, unknown>, store: TeamStore): Promise<Reply> {
  const reply = await command.run(args as never, manager(store));
  expectSendable(reply);
  return reply;
}

/** Characters the display drops or turns into a space, each with how the refusal names it. */
const NOT_SHOWN = [
  ['\u200b', 'U+200B zero width space'],
  ['\u202e', 'U+202E right-to-left override'],
  ['\u00ad', 'U+00AD soft hyphen'],
  ['\u2066', 'U+2066 left-to-right isolate'],
  ['\t', 'U+0009 tab'],
  ['\n', 'U+000A line feed'],
  ['\u0007', 'U+0007 control character'],
] as const;

/** Letters and symbols drawn as a blank: a name of them looks empty, and one among letters looks like a space. */
const BLANK_LOOKING = [
  ['\u3164', 'U+3164 Hangul filler'],
  ['\u2800', 'U+2800 Braille pattern blank'],
  ['\u115F', 'U+115F Hangul choseong filler'],
  ['\u1160', 'U+1160 Hangul jungseong filler'],
  ['\uFFA0', 'U+FFA0 halfwidth Hangul filler'],
] as const;

describe('blank-looking fillers are refused, named, in /term and /house set, as in /compare save', () => {
  for (const [character, named] of BLANK_LOOKING) {
    it(`/term add: a name of ${named} alone, or between letters, and a definition with it, are refused naming it`, async () => {
      const store = memoryStore();
      for (const args of [
        { name: character, definition: 'x' },
        { name: `a${character}b`, definition: 'x' },
        { name: 'Fine', definition: `a${character}b` },
      ]) {
        const reply = await run(term, { subcommand: 'add', ...args }, store);
        expect(reply.inputError, JSON.stringify(args)).toBe(true);
        expect(reply.embeds[0]!.description).toContain(`has ${named} in it, which Discord shows as a blank or not at all`);
      }
      expect(await store.terms(G)).toEqual([]);
    });

    it(`/house set: a tier named ${named} is refused naming it, the previous definition kept`, async () => {
      const store = memoryStore();
      await run(house, { subcommand: 'set', tiers: 'small 1k-100k, growing 100k+' }, store);
      const before = await store.house(G);
      const reply = await run(house, { subcommand: 'set', tiers: `${character} 1k-10k, micro 10k-75k` }, store);
      expect(reply.inputError).toBe(true);
      expect(reply.embeds[0]!.description).toContain(`The tiers have ${named} in them`);
      expect(await store.house(G)).toEqual(before);
    });
  }

  it('/compare save refuses a name with a blank Braille pattern between letters, as it refuses one of it alone', () => {
    expect(planNameProblem('a\u2800b')).toMatch(/U\+2800 Braille pattern blank in it, which Discord shows as a blank/);
    expect(planNameProblem('\u2800')).toMatch(/shows nothing/);
    expect(planNameProblem('a b')).toBeUndefined();
  });
});

describe('/term: every field is shown back exactly, or refused naming the character', () => {
  it('a definition with a zero-width space and a right-to-left override is refused, naming U+200B, and nothing is saved', async () => {
    const store = memoryStore();
    const reply = await run(term, { subcommand: 'add', name: 'foo', definition: 'a\u200bb \u202ertl' }, store);
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(64);
    expect(reply.embeds[0]!.description).toMatch(/^The definition has U\+200B zero width space in it/);
    expect(await store.term(G, 'foo')).toBeUndefined();
  });

  for (const field of ['definition', 'formula', 'example', 'link'] as const) {
    for (const [character, named] of NOT_SHOWN) {
      it(`add: the ${field} with ${named} is refused, naming both`, async () => {
        const store = memoryStore();
        const value = field === 'link' ? `https://example.com/a${character}b` : `before${character}after`;
        const reply = await run(term, { subcommand: 'add', name: 'foo', definition: 'd', [field]: value }, store);
        expect(reply.inputError, JSON.stringify(value)).toBe(true);
        expect(reply.embeds[0]!.description).toContain(`The ${field} has ${named} in it`);
        expect(await store.term(G, 'foo')).toBeUndefined();
      });
    }

    it(`edit: the ${field} with a zero-width space is refused, and the term stays as it was`, async () => {
      const store = memoryStore();
      await run(term, { subcommand: 'add', name: 'Reach', definition: 'People who saw it.', formula: 'viewers', example: '1,000', link: 'https://example.com/r' }, store);
      const before = await store.term(G, 'Reach');
      const value = field === 'link' ? 'https://example.com/\u200bnew' : 'new\u200btext';
      const reply = await run(term, { subcommand: 'edit', name: 'Reach', [field]: value }, store);
      expect(reply.inputError).toBe(true);
      expect(reply.embeds[0]!.description).toContain(`The ${field} has U+200B zero width space in it`);
      expect(await store.term(G, 'Reach')).toEqual(before);
    });
  }

  it('the name with a zero-width space is refused, naming it', async () => {
    const store = memoryStore();
    const reply = await run(term, { subcommand: 'add', name: 'CPM\u200b', definition: 'lookalike' }, store);
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain('The name has U+200B zero width space in it');
    expect(await store.terms(G)).toEqual([]);
  });

  it('emoji are accepted with their joiners, skin tones and flags, and stored exactly', async () => {
    const store = memoryStore();
    const definition = 'Family 👨‍👩‍👧, pride 🏳️‍🌈, coder 👩🏽‍💻, England 🏴󠁧󠁢󠁥󠁮󠁧󠁿, keycap 1️⃣';
    const added = await run(term, { subcommand: 'add', name: 'Emoji 👨‍👩‍👧', definition, formula: '❤️‍🔥 / 👁️‍🗨️' }, store);
    expect(added.inputError).toBeUndefined();
    expect(await store.term(G, 'Emoji 👨‍👩‍👧')).toMatchObject({ definition, formula: '❤️‍🔥 / 👁️‍🗨️' });
    expect(text(added)).toContain('👨‍👩‍👧');
    expect(text(added)).toContain('🏳️‍🌈');
    expect(text(added)).toContain('❤️‍🔥');
    const looked = await glossary.run({ term: 'Emoji 👨‍👩‍👧' } as never, testContext({ guildId: G, store }));
    expect(looked.embeds[0]!.description).toContain('Family 👨‍👩‍👧, pride 🏳️‍🌈');
  });

  it('what is accepted is shown back as typed: the /term reply and /glossary show the stored text', async () => {
    const store = memoryStore();
    const definition = "Robert'); DROP TABLE terms;-- plain words, über, 日本語";
    const reply = await run(term, { subcommand: 'add', name: 'Shown', definition }, store);
    expect(reply.embeds[0]!.description).toBe("Robert'\\); DROP TABLE terms;\\-\\- plain words, über, 日本語");
    const looked = await glossary.run({ term: 'Shown' } as never, testContext({ guildId: G, store }));
    expect(looked.embeds[0]!.description).toBe(reply.embeds[0]!.description);
  });
});

describe('/term limits: formula and example take 1,024 characters, as the definition does, and a link as many as a field shows', () => {
  const options = (sub: string) => (termDefinition.options.find((o) => o.name === sub) as { options: readonly { name: string; max_length?: number }[] }).options;

  it('registers 1,024 for definition, formula and example in add and edit, 1,022 for the link (a field holds it in <>), and 100 for the name', () => {
    for (const sub of ['add', 'edit']) {
      const limits = Object.fromEntries(options(sub).map((o) => [o.name, o.max_length]));
      expect(limits).toEqual({ name: 100, definition: 1024, formula: 1024, example: 1024, link: 1022 });
    }
  });

  it('accepts 1,024 characters and refuses 1,025, saying the most; the term stays as it was', async () => {
    const store = memoryStore();
    await run(term, { subcommand: 'add', name: 'Long', definition: 'd' }, store);
    const link = (length: number) => `https://example.com/${'x'.repeat(length - 'https://example.com/'.length)}`;
    const values = { formula: (n: number) => 'x'.repeat(n), example: (n: number) => 'x'.repeat(n), link };
    for (const [field, most] of [['formula', 1024], ['example', 1024], ['link', 1022]] as const) {
      const ok = await run(term, { subcommand: 'edit', name: 'Long', [field]: values[field](most) }, store);
      expect(ok.inputError).toBeUndefined();
      const before = await store.term(G, 'Long');
      const refused = await run(term, { subcommand: 'edit', name: 'Long', [field]: values[field](most + 1) }, store);
      expect(refused.inputError).toBe(true);
      expect(refused.embeds[0]!.description).toContain(`The ${field} is ${(most + 1).toLocaleString('en-US')} characters long; the most is ${most.toLocaleString('en-US')}`);
      expect(await store.term(G, 'Long')).toEqual(before);
    }
  });

  it('with all four fields at their most as shown, markdown-heavy, /term add, /glossary and /term export fit Discord’s limits', async () => {
    const store = memoryStore();
    const link = `https://example.com/${'-'.repeat(1022 - 'https://example.com/'.length)}`;
    // Each markdown character is shown with a \ before it: 512 of them fill a 1,024-character field.
    for (const name of ['Heavy', 'Micro']) {
      const added = await run(term, { subcommand: 'add', name, definition: '*'.repeat(1024), formula: '_'.repeat(512), example: '|'.repeat(512), link }, store);
      expect(added.inputError, name).toBeUndefined();
    }
    expect((await store.term(G, 'Heavy'))!.formula).toBe('_'.repeat(512));
    // Alone, and beside the built-in term of the same name (one message, 6,000 characters).
    for (const name of ['Heavy', 'Micro']) expectSendable(await glossary.run({ term: name } as never, testContext({ guildId: G, store })));
    const exported = await run(term, { subcommand: 'export' }, store);
    const json = JSON.parse(exported.files![0]!.data.toString('utf8'));
    expect(json.terms.find((t: { name: string }) => t.name === 'Heavy')).toMatchObject({ formula: '_'.repeat(512), example: '|'.repeat(512), link });
  });
});

describe('an empty name in /term remove and /plans delete', () => {
  it('is called empty, as /term add and edit call it, not a term or plan "" the server lacks', async () => {
    const store = memoryStore();
    for (const [command, args] of [
      [term, { subcommand: 'remove', name: ' ' }],
      [plans, { subcommand: 'delete', name: '' }],
    ] as const) {
      const reply = await run(command, args, store);
      expect(reply.inputError).toBe(true);
      expect(reply.embeds[0]!.description).toMatch(/^The name is empty\./);
    }
  });
});

describe('/term link: an https:// address, as the refusal says', () => {
  it('refuses http:// and javascript:, saying https:// is needed; accepts https://', async () => {
    const store = memoryStore();
    for (const link of ['http://example.com', 'javascript:alert(1)', 'example.com', 'ftp://example.com/file']) {
      const reply = await run(term, { subcommand: 'add', name: 'L', definition: 'd', link }, store);
      expect(reply.inputError, link).toBe(true);
      expect(reply.embeds[0]!.description).toContain('The link must be a web address starting with https://');
      expect(await store.term(G, 'L')).toBeUndefined();
    }
    const ok = await run(term, { subcommand: 'add', name: 'L', definition: 'd', link: 'https://example.com/read' }, store);
    expect(ok.inputError).toBeUndefined();
    expect(ok.embeds[0]!.fields).toContainEqual({ name: 'Link', value: '<https://example.com/read>' });
  });

  it('refuses an address that names no website or hides which one it opens ("https://@everyone", "https://bank.com@evil.example")', async () => {
    const store = memoryStore();
    for (const [link, why] of [
      ['https://@everyone', 'The link must name a website, such as https://example.com/page: “everyone” is not one.'],
      ['https://localhost/x', 'The link must name a website'],
      ['https://bank.com@evil.example/login', 'The link must not have a name and @ before the site'],
    ] as const) {
      const reply = await run(term, { subcommand: 'add', name: 'L', definition: 'd', link }, store);
      expect(reply.inputError, link).toBe(true);
      expect(reply.embeds[0]!.description, link).toContain(why);
      expect(await store.term(G, 'L')).toBeUndefined();
    }
  });

  it('refuses a link too long to show as a link once written as a web address, saying why', async () => {
    const store = memoryStore();
    // 400 characters typed, but each "é" is 6 in the address: it would not fit a field as a link.
    const reply = await run(term, { subcommand: 'add', name: 'L', definition: 'd', link: `https://example.com/${'é'.repeat(380)}` }, store);
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain('The link is too long to show as a link');
    expect(await store.term(G, 'L')).toBeUndefined();
  });
});

describe('/house set: tier names are shown as written, or refused', () => {
  const tiersField = (reply: Reply) => reply.embeds[0]!.description ?? '';

  it('a tier name holding a character Discord does not show (zero-width space and the rest) is refused, naming it; the previous definition stays', async () => {
    const store = memoryStore();
    const saved = await run(house, { subcommand: 'set', tiers: 'small 1k-100k, growing 100k+' }, store);
    expect(saved.inputError).toBeUndefined();
    const before = await store.house(G);
    for (const [character, named] of NOT_SHOWN.filter(([c]) => c !== '\n')) {
      const reply = await run(house, { subcommand: 'set', tiers: `small 1k-100k, gro${character}wing 100k+` }, store);
      expect(reply.inputError, named).toBe(true);
      expect(reply.flags).toBe(64);
      expect(reply.embeds[0]!.description).toContain(`The tiers have ${named} in them`);
      expect(await store.house(G)).toEqual(before);
    }
  });

  it('keeps new lines between tiers, and shows them as written', async () => {
    const store = memoryStore();
    const reply = await run(house, { subcommand: 'set', tiers: 'nano 1k-10k\nmicro 10k-75k\r\nmacro 75k+' }, store);
    expect(reply.inputError).toBeUndefined();
    expect(reply.embeds[0]!.fields![0]).toMatchObject({ name: 'As written', value: 'nano 1k\\-10k\nmicro 10k\\-75k\nmacro 75k+' });
  });

  it('shows tier names as written: emoji with joiners, full-width letters and long escaped names whole', async () => {
    const store = memoryStore();
    const heavy = '*'.repeat(40);
    const reply = await run(house, { subcommand: 'set', tiers: `👨‍👩‍👧 1k-10k, ｂｉｇ 10k-100k, ${heavy} 100k+` }, store);
    expect(reply.inputError).toBeUndefined();
    expect(tiersField(reply)).toContain('**👨‍👩‍👧** (1k–10k)');
    expect(tiersField(reply)).toContain('**ｂｉｇ** (10k–100k)');
    expect(tiersField(reply)).toContain(`**${'\\*'.repeat(40)}** (100k+)`);
    const exported = await run(house, { subcommand: 'export' }, store);
    const json = JSON.parse(exported.files![0]!.data.toString('utf8'));
    expect(json.house.tiers.map((t: { name: string }) => t.name)).toEqual(['👨‍👩‍👧', 'ｂｉｇ', heavy]);
  });

  it('shows the longest, most markdown-heavy definition whole, within Discord’s limits', async () => {
    const store = memoryStore();
    // Twelve tiers with 40-character names of asterisks: escaping doubles every one.
    const names = Array.from({ length: 12 }, (_, i) => `${'*'.repeat(38)}${String(i).padStart(2, '0')}`);
    const tiers = names.map((name, i) => (i < 11 ? `${name} ${i + 1}k-${i + 2}k` : `${name} ${i + 1}k+`)).join(', ');
    const reply = await run(house, { subcommand: 'set', tiers }, store);
    expect(reply.inputError).toBeUndefined();
    const shown = JSON.stringify(reply.embeds[0]);
    for (const name of names) expect(shown).toContain(JSON.stringify(name.replace(/\*/g, '\\*')).slice(1, -1));
    const asWritten = (reply.embeds[0]!.fields ?? []).filter((f) => f.name.startsWith('As written')).map((f) => f.value).join('');
    expect(asWritten).not.toContain('…');
  });
});
