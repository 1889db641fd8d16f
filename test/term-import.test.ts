/**
 * /term import file:<terms.json>: a team's terms set back from the file /term export gives, in the
 * same server or another, through the interaction core as Discord delivers it. All or nothing: a
 * file that is not a terms export, a term /term add would refuse, two terms of one name or a result
 * past the server's limit change nothing, and the reply says why. Terms of the same name are
 * replaced, identical ones left as they are, the server's others kept; the importer is recorded.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { house } from '../src/commands/house';
import { messageProblems } from '../src/commands/limits';
import { plans } from '../src/commands/plans';
import { MAX_TERMS_FILE_BYTES, TERM_LIMITS, term } from '../src/commands/term';
import type { Reply } from '../src/commands/types';
import { openStore } from '../src/store/index';
import { TERMS_PER_SERVER, type TeamStore } from '../src/store/types';
import { commandProblems, messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore, testContext } from './support/context';
import { driver, type Answer } from './support/drive';

const A = '200000000000000001';
const B = '200000000000000002';
/** Who typed the terms in; the importer is the driver's user, 300000000000000001. */
const TYPIST = '300000000000000002';
const IMPORTER = '300000000000000001';
const EPHEMERAL = 64;

const dir = mkdtempSync(join(tmpdir(), 'tierbot-term-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real SQLite store without a cache: every read is the database's answer. */
const sqlite = () => openStore(join(dir, `import-${Math.random().toString(36).slice(2)}.sqlite`), { ttlMs: 0 });

const typist = (store: TeamStore, guildId = A) => testContext({ guildId, manager: true, store, userId: TYPIST });

/** Both checks the core and the stand-in apply: the reply Discord would be sent is a valid one. */
function expectSendable(reply: Pick<Reply, 'embeds'>) {
  expect(messageProblems(reply)).toEqual([]);
  expect(standinProblems(reply as never)).toEqual([]);
}

async function add(store: TeamStore, args: Readonly<Record<string, string | undefined>>, guildId = A) {
  const reply = await term.run({ subcommand: 'add', ...args } as never, typist(store, guildId));
  expect(reply.inputError, JSON.stringify(reply.embeds)).toBeUndefined();
}

async function exportOf(store: TeamStore, guildId: string): Promise<Buffer> {
  const reply = await term.run({ subcommand: 'export' } as never, typist(store, guildId));
  return reply.files!.find((f) => f.name === 'terms.json')!.data;
}

/** What terms.json says of each term, authors and dates aside. */
function textsIn(file: Buffer) {
  const json = JSON.parse(file.toString('utf8')) as { terms: { name: string; definition: string; formula: string | null; example: string | null; link: string | null }[] };
  return json.terms.map(({ name, definition, formula, example, link }) => ({ name, definition, formula, example, link }));
}

/** The file of a terms export holding these terms. */
function termsJson(terms: readonly Record<string, unknown>[], header: Record<string, unknown> = {}): Buffer {
  return Buffer.from(JSON.stringify({ kind: 'tierbot.terms', version: 1, guildId: A, exportedAt: '2026-12-01T00:00:00.000Z', terms, ...header }, null, 2));
}

/** `/term import file:<name>` through the core, in server B as a manager unless told otherwise; the reply checked as the core and the stand-in check it. */
async function importInto(store: TeamStore, file: Uint8Array, { guildId = B, manager = true, name = 'terms.json' } = {}): Promise<Answer & { text: string }> {
  const answer = await driver({ store }).run(`/term import file:${name}`, { guildId, manager }, { [name]: file });
  expect(answer.outcome).not.toBe('failed');
  expect(standinProblems(answer.shown.body as never)).toEqual([]);
  expect(messageProblems(answer.shown.body as never)).toEqual([]);
  expect((answer.shown.body.flags ?? 0) & EPHEMERAL, 'import replies are for the importer alone').toBe(EPHEMERAL);
  return { ...answer, text: JSON.stringify(answer.shown.body.embeds) };
}

const ROUND_TRIP = [
  { name: 'Whitelisting', definition: 'Paying to run ads from a creator’s own handle.', formula: 'fee × weeks', example: '$500 × 4 weeks = $2,000', link: 'https://example.com/whitelisting' },
  { name: 'Ünïcode réach 🔥', definition: 'Reach counted by 👩🏽‍💻 and 日本語 readers, ﬁne ligatures too.', example: '1. first, then 2.' },
  {
    name: '*Bold* _CPV_ <@123>',
    definition: '**not bold** __not under__ `code` [link](https://example.com) ||spoiler|| # heading @everyone',
    formula: '(views - skips) / 2 * 100 ~ 5 | > quote',
    link: 'https://example.com/a_b*c?q=(1)',
  },
  { name: 'ＵＧＣ fee', definition: 'A name typed in full-width letters.', link: 'https://例え.jp/パス?q=é' },
];

describe('/term import', () => {
  it('sets a server’s terms in another server: /glossary there shows the same terms, and its export gives them back', async () => {
    const store = await sqlite();
    try {
      for (const t of ROUND_TRIP) await add(store, t);
      const file = await exportOf(store, A);

      const imported = await importInto(store, file);
      expect(imported.outcome).toBe('answered');
      expect(imported.shown.body.embeds[0]!.title).toBe('Team terms imported');
      expect(imported.text).toContain('Imported 4 terms from “terms.json”: 4 added, 0 replaced, 0 already the same; this server had no terms before.');
      expect(imported.text).toContain('`/glossary`');
      expect(imported.shown.body.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Added (4)']);
      // Names shown escaped: no mention, no markdown.
      expect(imported.text).not.toContain('<@123>');
      expect(imported.text).toContain('\\\\*Bold\\\\* \\\\_CPV\\\\_');

      // /glossary in B: the index lists the same team terms, and each opens as it does in A.
      const index = async (guildId: string) => (await glossary.run({} as never, testContext({ guildId, store }))).embeds;
      expect(await index(B)).toEqual(await index(A));
      for (const t of ROUND_TRIP) {
        const shown = async (guildId: string) => (await glossary.run({ term: t.name } as never, testContext({ guildId, store }))).embeds;
        const [inA, inB] = [await shown(A), await shown(B)];
        expect(inB.map((e) => e.author?.name), t.name).toContain('Team term');
        // The footer names who added the term: in B, the importer.
        const withoutFooter = (embeds: typeof inA) => embeds.map(({ footer: _footer, ...rest }) => rest);
        expect(withoutFooter(inB), t.name).toEqual(withoutFooter(inA));
        expect(inB.at(-1)!.footer!.text).toContain('added by CLI user');
      }

      // Exported from B: the same terms, texts for texts; the importer is their author there.
      const again = await exportOf(store, B);
      expect(textsIn(again)).toEqual(textsIn(file));
      const authors = (JSON.parse(again.toString('utf8')) as { terms: { addedBy: { id: string }; updatedBy: { id: string } }[] }).terms;
      for (const t of authors) expect([t.addedBy.id, t.updatedBy.id]).toEqual([IMPORTER, IMPORTER]);
      // A is untouched.
      expect(textsIn(await exportOf(store, A))).toEqual(textsIn(file));
    } finally {
      await store.close();
    }
  });

  it('says so when every term the server had is in the file', async () => {
    const store = await sqlite();
    try {
      await add(store, { name: 'Whitelisting', definition: 'Our old wording.' }, B);
      await add(store, { name: 'reach', definition: 'People who saw it.' }, B);
      const file = termsJson([
        { name: 'Whitelisting', definition: 'Paying to run ads from a creator’s handle.', formula: null, example: null, link: null },
        { name: 'reach', definition: 'People who saw it.', formula: null, example: null, link: null },
        { name: 'CPM', definition: 'Cost per thousand impressions.', formula: null, example: null, link: null },
      ]);
      const imported = await importInto(store, file);
      expect(imported.text).toContain('Imported 3 terms from “terms.json”: 1 added, 1 replaced, 1 already the same; every term this server had is in the file.');
      expect(imported.text).not.toContain('no other terms here');
    } finally {
      await store.close();
    }
  });

  it('the export counts the terms, with the most a server holds beside them, not as "2 of 200"', async () => {
    const store = await sqlite();
    try {
      const empty = await term.run({ subcommand: 'export' } as never, typist(store, B));
      expect(empty.embeds[0]!.description).toBe('This server has no team terms yet; the attached terms.json lists none.');
      await add(store, { name: 'reach', definition: 'People who saw it.' }, B);
      await add(store, { name: 'CPM', definition: 'Cost per thousand impressions.' }, B);
      const two = await term.run({ subcommand: 'export' } as never, typist(store, B));
      expect(two.embeds[0]!.description).toContain(`Attached: \`terms.json\`, 2 terms (up to ${TERMS_PER_SERVER} per server), each with who added it and who last changed it.`);
      expect(two.embeds[0]!.description).not.toContain(` of ${TERMS_PER_SERVER}`);
    } finally {
      await store.close();
    }
  });

  it('replaces a term of the same name, leaves one already the same, keeps the server’s others, and says so', async () => {
    const store = await sqlite();
    try {
      await add(store, { name: 'Whitelisting', definition: 'Our old wording.' }, B);
      await add(store, { name: 'reach', definition: 'People who saw it.' }, B);
      await add(store, { name: 'Kept here', definition: 'Only in B.' }, B);
      const before = await store.term(B, 'reach');
      const file = termsJson([
        { name: 'Whitelisting', definition: 'Paying to run ads from a creator’s handle.', formula: 'fee × weeks', example: null, link: null },
        { name: 'reach', definition: 'People who saw it.', formula: null, example: null, link: null },
        { name: 'CPM', definition: 'Cost per thousand impressions.', formula: null, example: null, link: null, addedBy: { id: '999', name: 'someone else' } },
      ]);
      const imported = await importInto(store, file);
      expect(imported.text).toContain(
        'Imported 3 terms from “terms.json”: 1 added, 1 replaced, 1 already the same; 1 term here that the file does not have is kept (an import adds and replaces terms, and never removes one).',
      );
      expect(imported.shown.body.embeds[0]!.fields).toEqual([
        { name: 'Added (1)', value: 'CPM' },
        { name: 'Replaced (1)', value: 'Whitelisting' },
        { name: 'Already the same (1)', value: 'reach' },
        { name: 'Kept (1)', value: 'Kept here' },
      ]);
      // Replaced as /term edit records it; added as /term add does, by the importer, not the file's author.
      expect(await store.term(B, 'whitelisting')).toMatchObject({ definition: 'Paying to run ads from a creator’s handle.', formula: 'fee × weeks', addedById: TYPIST, updatedById: IMPORTER });
      expect(await store.term(B, 'cpm')).toMatchObject({ addedById: IMPORTER, addedByName: 'CLI user', updatedById: IMPORTER });
      expect(await store.term(B, 'reach')).toEqual(before);
      expect(await store.term(B, 'Kept here')).toMatchObject({ definition: 'Only in B.' });
    } finally {
      await store.close();
    }
  });

  it('says "already the same" when the same file is imported again, and writes nothing', async () => {
    const store = memoryStore();
    for (const t of ROUND_TRIP) await add(store, t);
    const file = await exportOf(store, A);
    expect((await importInto(store, file)).outcome).toBe('answered');
    const first = await store.terms(B);
    const again = await importInto(store, file);
    expect(again.outcome).toBe('answered');
    expect(again.shown.body.embeds[0]!.title).toBe('Nothing changed: every term is already the same');
    expect(again.text).toContain('The 4 terms in “terms.json” are already here as the file has them, so nothing was written');
    expect(await store.terms(B)).toEqual(first);
    // Imported into the server it came from: the same.
    expect((await importInto(store, file, { guildId: A })).text).toContain('The 4 terms in “terms.json” are already here');
  });

  it('is refused to a member without Manage Server, and outside a server that has added Tierbot; nothing is written', async () => {
    const store = memoryStore();
    await add(store, { name: 'CPM', definition: 'Cost per mille.' });
    const file = await exportOf(store, A);
    const member = await importInto(store, file, { manager: false });
    expect(member.outcome).toBe('input-error');
    expect(member.text).toContain('Only members with **Manage Server** can import team terms');
    const args = { subcommand: 'import', file: { id: '1', filename: 'terms.json', url: 'terms.json', size: file.byteLength } } as never;
    const files = { 'terms.json': file };
    expect((await term.run(args, testContext({ manager: true, store, files }))).embeds[0]!.title).toBe('Only in a server');
    expect((await term.run(args, testContext({ guildId: B, guildInstalled: false, manager: true, store, files }))).embeds[0]!.title).toBe('Tierbot is not added to this server');
    expect(await store.terms(B)).toEqual([]);
  });

  it('refuses a file that is not a terms export, saying what it is where it can: not JSON, not text, a house or plans export', async () => {
    const store = memoryStore();
    const manager = testContext({ guildId: A, manager: true, store });
    await house.run({ subcommand: 'set', tiers: 'micro 10k-90k, macro 100k-1M' } as never, manager);
    const houseJson = (await house.run({ subcommand: 'export' } as never, manager)).files![0]!.data;
    await store.savePlan(A, { name: 'Spring', inputs: { budget: '5000' }, savedById: TYPIST, savedByName: 'ann', savedAt: new Date(0) });
    const plansJson = (await plans.run({ subcommand: 'export' } as never, manager)).files![0]!.data;

    const cases: [name: string, file: Uint8Array, says: string][] = [
      ['creators.csv', Buffer.from('name,followers\nSara,45k\n'), '“creators.csv” is not JSON'],
      ['logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]), 'is not a text file'],
      ['house.json', houseJson, 'is a house definition export (house.json, from `/house export`), not a terms export'],
      ['plans.json', plansJson, 'is a saved plans export (plans.json, from `/plans export`), not a terms export'],
      ['list.json', Buffer.from('[1, 2, 3]'), 'is JSON, but not a Tierbot export'],
      ['empty.json', Buffer.from('  \n'), '“empty.json” is empty'],
      ['future.json', termsJson([], { version: 2 }), 'is a terms export of version 2; this Tierbot reads version 1'],
      ['typed.json', termsJson([{ name: 'CPM', definition: 5 }]), 'term 1 (“CPM”)’s `definition` should be text, not a number'],
      ['no-terms-key.json', Buffer.from('{"kind":"tierbot.terms","version":1}'), '`terms` is missing'],
      ['formula.json', termsJson([{ name: 'CPM', definition: 'x', formula: ['a'] }]), '`formula` should be text or null, not a list'],
    ];
    for (const [name, file, says] of cases) {
      const refused = await importInto(store, file, { name });
      expect(refused.outcome, name).toBe('input-error');
      expect(refused.text, name).toContain(says);
      expect(refused.text, name).toContain('**Accepted:** the terms.json that `/term export` gives');
    }
    expect(await store.terms(B)).toEqual([]);
  });

  it('refuses the whole file when one term has an invisible character, naming the term, the field and why; nothing is written', async () => {
    const store = await sqlite();
    try {
      await add(store, { name: 'Reach', definition: 'People who saw it.' }, B);
      const before = await store.terms(B);
      const file = termsJson([
        { name: 'CPM', definition: 'Cost per mille.', formula: null, example: null, link: null },
        { name: 'Reach', definition: 'Replaced?', formula: 'viewers\u200b / 1', example: null, link: null },
      ]);
      const refused = await importInto(store, file);
      expect(refused.outcome).toBe('input-error');
      expect(refused.shown.body.embeds[0]!.title).toBe('Nothing was imported');
      expect(refused.text).toContain('“terms.json” was not imported: 1 problem in 1 of its 2 terms, so nothing was changed.');
      expect(refused.text).toContain('Term 2, “Reach”: The formula has U+200B zero width space in it');
      expect(await store.terms(B)).toEqual(before);
      expect(await store.term(B, 'CPM')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('checks each term as /term add does, listing the first few problems and how many in all', async () => {
    const store = memoryStore();
    const bad = [
      { name: '', definition: 'no name' },
      { name: '🔥', definition: 'no letter or digit in the name' },
      { name: 'Link', definition: 'd', link: 'http://example.com' },
      { name: 'Long', definition: 'x'.repeat(TERM_LIMITS.definition + 1) },
      { name: 'Two lines', definition: 'one\ntwo' },
      { name: 'Removed definition', definition: '-' },
      { name: 'Hidden\u3164name', definition: 'd' },
    ];
    const refused = await importInto(store, termsJson(bad));
    expect(refused.outcome).toBe('input-error');
    expect(refused.text).toContain(`${bad.length} problems in ${bad.length} of its ${bad.length} terms, so nothing was changed. The first 5:`);
    const description = refused.shown.body.embeds[0]!.description!;
    expect(description.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(5);
    expect(description).toContain('• Term 1: The name is empty.');
    expect(description).toContain('• Term 2, “🔥”: The name needs at least one letter or digit');
    expect(description).toContain('• Term 3, “Link”: The link must be a web address starting with https:// (change http:// to https://).');
    expect(description).toContain('• Term 4, “Long”: The definition is 1,025 characters long; the most is 1,024');
    expect(description).toContain('• Term 5, “Two lines”: The definition has U+000A line feed in it: it must be one line');
    expect(await store.terms(B)).toEqual([]);
  });

  it('refuses two terms of the same name (as names compare: case, width and spacing aside), naming both', async () => {
    const store = memoryStore();
    const refused = await importInto(store, termsJson([{ name: 'CPM', definition: 'a' }, { name: 'Reach', definition: 'b' }, { name: 'ｃｐｍ', definition: 'c' }]));
    expect(refused.outcome).toBe('input-error');
    expect(refused.text).toContain('Term 3, “ｃｐｍ”: the same name as term 1, “CPM” (names are the same whatever their case, width or spacing); a server has one term of each name.');
    expect(await store.terms(B)).toEqual([]);
  });

  it(`refuses an import that would take the server past ${TERMS_PER_SERVER} terms, saying by how many; nothing is written`, async () => {
    const store = memoryStore();
    for (let i = 0; i < TERMS_PER_SERVER - 5; i++) await store.addTerm(B, { name: `t${i}`, definition: 'd', addedById: TYPIST, addedByName: 'ann', updatedAt: new Date(0) });
    const before = await store.terms(B);
    const file = termsJson([{ name: 't0', definition: 'replaced' }, ...Array.from({ length: 8 }, (_, i) => ({ name: `new ${i}`, definition: 'd' }))]);
    const full = await importInto(store, file);
    expect(full.outcome).toBe('input-error');
    expect(full.shown.body.embeds[0]!.title).toBe('Too many terms');
    expect(full.text).toContain(`This server has ${TERMS_PER_SERVER - 5} terms, and “terms.json” would add 8 new terms: ${TERMS_PER_SERVER + 3} in all, 3 more than the ${TERMS_PER_SERVER} a server can have. Nothing was imported.`);
    expect(full.text).toContain('removing 3 terms here with `/term remove` first');
    expect(await store.terms(B)).toEqual(before);

    const tooMany = termsJson(Array.from({ length: TERMS_PER_SERVER + 1 }, (_, i) => ({ name: `n${i}`, definition: 'd' })));
    const refused = await importInto(memoryStore(), tooMany);
    expect(refused.text).toContain(`holds ${TERMS_PER_SERVER + 1} terms, 1 more than the ${TERMS_PER_SERVER} a server can have`);
  });

  it(`takes a server’s largest export whole (${TERMS_PER_SERVER} terms at every length limit) within its size bound, and refuses a larger file before downloading it`, { timeout: 60_000 }, async () => {
    const store = memoryStore();
    const longest = (i: number) => ({
      // Names told apart only at their end: the reply's list must still tell them apart.
      name: `${'Long shared start of a name '.repeat(3)}${'😀'.repeat(TERM_LIMITS.name - 84 - String(i).length)}${i}`,
      definition: '😀'.repeat(TERM_LIMITS.definition),
      formula: '漢'.repeat(TERM_LIMITS.formula),
      example: '漢'.repeat(TERM_LIMITS.example),
      link: `https://example.com/${'a'.repeat(TERM_LIMITS.link - 20)}`,
    });
    for (let i = 0; i < TERMS_PER_SERVER; i++) {
      const t = longest(i);
      expect([...t.name].length).toBe(TERM_LIMITS.name);
      expect(t.link.length).toBe(TERM_LIMITS.link);
      // Stored as /term add stores it: the import below checks every value as add does.
      expect(await store.addTerm(A, { ...t, addedById: TYPIST, addedByName: 'a display name of 32 characters!', updatedAt: new Date(0) })).toBe('ok');
    }
    const file = await exportOf(store, A);
    expect(file.byteLength).toBeLessThanOrEqual(MAX_TERMS_FILE_BYTES);
    const imported = await importInto(store, file);
    expect(imported.outcome).toBe('answered');
    expect(imported.text).toContain(`${TERMS_PER_SERVER} added`);
    expect(imported.shown.body.embeds[0]!.fields![0]!.value).toMatch(/ · and \d+ more$/);
    expect(await store.terms(B)).toHaveLength(TERMS_PER_SERVER);

    // Attached, a file's size is known before it is downloaded: this one is never fetched.
    const tooLarge = await term.run(
      { subcommand: 'import', file: { id: '1', filename: 'terms.json', url: 'never-served', size: MAX_TERMS_FILE_BYTES + 1 } } as never,
      testContext({ guildId: B, manager: true, store }),
    );
    expectSendable(tooLarge);
    expect(tooLarge.embeds[0]!.title).toBe('That file is too large');
    expect(JSON.stringify(tooLarge.embeds)).toContain(`A terms.json is at most ${MAX_TERMS_FILE_BYTES / 1024 / 1024} MB`);
  });

  it('is registered as /term import with a required file option Discord accepts', () => {
    const sub = term.definition.options!.find((o) => o.name === 'import')!;
    expect(sub).toMatchObject({ type: 1, options: [{ type: 11, name: 'file', required: true }] });
    expect(commandProblems(term.definition as never)).toEqual([]);
  });
});

describe('files as people edit and save them', () => {
  it('says where JSON broken by an edit stops reading, and what to look for', async () => {
    const store = memoryStore();
    const file = termsJson([{ name: 'CPM', definition: 'Cost per mille.' }]).toString('utf8').replace(/\}\n {2}\]/, '},\n  ]');
    const refused = await importInto(store, Buffer.from(file));
    expect(refused.text).toContain('is not valid JSON');
    expect(refused.text).toContain('a comma left before a `]` or `}`');
    expect(await store.terms(B)).toEqual([]);
    // Where JSON.parse says where it stopped, so does the reply.
    const unquoted = termsJson([{ name: 'CPM', definition: 'Cost per mille.' }]).toString('utf8').replace('"definition"', 'definition');
    expect((await importInto(store, Buffer.from(unquoted))).text).toMatch(/is not valid JSON: it cannot be read past line 9, column 7\./);
  });

  it('asks for UTF-8 when the file was saved as UTF-16 or in another encoding', async () => {
    const json = termsJson([{ name: 'CPM', definition: 'Cost per mille.' }]).toString('utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    expect((await importInto(memoryStore(), utf16)).text).toContain('is UTF-16 text (Notepad’s “Unicode”); only UTF-8 is read');
    const latin1 = Buffer.from(json.replace('Cost', 'Coût'), 'latin1');
    expect((await importInto(memoryStore(), latin1)).text).toContain('is not UTF-8 text; only UTF-8 is read');
  });

  it('reads blank text for a formula, example or link as none, as null is', async () => {
    const store = memoryStore();
    await importInto(store, termsJson([{ name: 'CPM', definition: 'Cost per mille.', formula: '', example: ' ', link: '' }]));
    const [stored] = await store.terms(B);
    expect([stored!.formula, stored!.example, stored!.link]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses half of a character, which the file can write as an escape and a store would change', async () => {
    const store = memoryStore();
    const refused = await importInto(store, Buffer.from('{"kind":"tierbot.terms","version":1,"terms":[{"name":"Sur\\udc00","definition":"d"}]}'));
    expect(refused.text).toContain('has a broken character in it');
    expect(await store.terms(B)).toEqual([]);
  });

  it('puts back a server’s own export whole, a term kept from before a rule included', async () => {
    const store = memoryStore();
    await add(store, { name: 'CPM', definition: 'Cost per mille.' }, B);
    // Stored before names needed a letter or digit, as the store keeps it.
    await store.addTerm(B, { name: '🔥', definition: 'A hot take.', addedById: TYPIST, addedByName: 'typist', updatedAt: new Date(0) });
    const file = await exportOf(store, B);
    const back = await importInto(store, file);
    expect(back.text).toContain('The 2 terms in “terms.json” are already here');
    // Elsewhere it is a new term, checked as /term add checks one.
    expect((await importInto(store, file, { guildId: A })).text).toContain('The name needs at least one letter or digit');
  });
});
