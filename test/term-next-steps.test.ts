/**
 * /term replies that leave the manager with the next step: /term export says that /term import
 * sets the terms back, here or in another server; /term remove shows the term it removed, as the
 * `/term add` line that adds it back (pasted, it adds the same term), or, where that line cannot be
 * shown as typed or is too long, as its texts, escaped, to be read and typed again. Whether the
 * line fits is counted as Discord counts, in code points: an emoji is one character.
 */

import { describe, expect, it } from 'vitest';
import { term } from '../src/commands/term';
import type { Reply } from '../src/commands/types';
import { LIMITS, embedsLength, messageProblems } from '../src/commands/limits';
import type { TeamStore } from '../src/store/types';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore, testContext } from './support/context';
import { driver } from './support/drive';

const G = '620000000000000062';
const MANAGER = { guildId: G, manager: true };

async function run(args: Record<string, unknown>, store: TeamStore): Promise<Reply> {
  const reply = await term.run(args as never, testContext({ guildId: G, manager: true, store }));
  expect(messageProblems(reply)).toEqual([]);
  expect(standinProblems(reply as never)).toEqual([]);
  return reply;
}

/** The texts of a stored term, without who wrote it and when. */
async function texts(store: TeamStore, name: string) {
  const stored = await store.term(G, name);
  return stored && { name: stored.name, definition: stored.definition, formula: stored.formula, example: stored.example, link: stored.link };
}

/** The line in the code block of a reply's embeds, if there is one. */
function pasteLine(reply: Reply): string | undefined {
  const described = reply.embeds.map((e) => e.description ?? '').join('\n');
  return /```\n(.*)\n```/.exec(described)?.[1];
}

describe('/term export', () => {
  it('says that /term import sets the terms back, in this server or another', async () => {
    const store = memoryStore();
    await run({ subcommand: 'add', name: 'Seeding', definition: 'Sending free product to creators' }, store);
    const exported = await run({ subcommand: 'export' }, store);
    expect(exported.embeds[0]!.description).toContain('To restore them here or copy them to another server, give this file to `/term import file:`.');
  });
});

describe('/term remove shows how to add the term back', () => {
  it('as the /term add line that, pasted, adds the same term again', async () => {
    const store = memoryStore();
    const d = driver({ store });
    await d.run('/term add name:Seeding "definition:Sending free product to creators, `gifted` ones too" "formula:units × cost" "example:20 × $35 = $700" link:https://example.com/seeding', MANAGER);
    const before = await texts(store, 'Seeding');
    const removed = await run({ subcommand: 'remove', name: 'seeding' }, store);
    expect(removed.embeds[0]!.description).toBe('"Seeding" is no longer in this server’s glossary.');
    expect(removed.embeds[1]!.description).toBe(
      'To add it back, run:\n```\n/term add name:Seeding definition:Sending free product to creators, `gifted` ones too formula:units × cost example:20 × $35 = $700 link:https://example.com/seeding\n```',
    );
    expect(await store.term(G, 'Seeding')).toBeUndefined();

    const added = await d.run(pasteLine(removed)!, MANAGER);
    expect(added.outcome).toBe('answered');
    expect(await texts(store, 'Seeding')).toEqual(before);
  });

  it('as its texts, escaped, when the line would not read back as typed: a mention, or a word that starts another option', async () => {
    for (const definition of ['Ask @everyone before **any** send', 'Costs, for example: $5 a post']) {
      const store = memoryStore();
      await run({ subcommand: 'add', name: 'Gifting', definition, formula: 'units_sent × cost' }, store);
      const removed = await run({ subcommand: 'remove', name: 'Gifting' }, store);
      expect(pasteLine(removed), definition).toBeUndefined();
      const shown = removed.embeds[1]!;
      expect(shown.author?.name).toBe('To add it back, run /term add with these options:');
      expect(shown.title).toBe('name: Gifting');
      expect(shown.description).toBe(`definition: ${definition.replace(/([*@:])/g, '\\$1')}`);
      expect(shown.fields).toEqual([{ name: 'formula:', value: 'units\\_sent × cost' }]);
    }
  });

  it('as its texts when the line is too long to show whole, every field at its longest, within Discord’s limits', async () => {
    const store = memoryStore();
    // Markdown-heavy where escaping doubles what is shown; each text at its longest.
    const name = `${'_'.repeat(99)}x`;
    const link = `https://example.com/${'a'.repeat(1022 - 'https://example.com/'.length)}`;
    await run({ subcommand: 'add', name, definition: '*'.repeat(1024), formula: 'f'.repeat(1024), example: 'e'.repeat(1024), link }, store);
    const removed = await run({ subcommand: 'remove', name }, store);
    expect(pasteLine(removed)).toBeUndefined();
    const shown = removed.embeds[1]!;
    expect(shown.title).toBe(`name: ${'\\_'.repeat(99)}x`);
    // Escaped, the definition is twice what a field would hold: the embed's text holds it whole.
    expect(shown.description).toBe(`definition: ${'\\*'.repeat(1024)}`);
    expect(shown.fields!.map((f) => f.name)).toEqual(['formula:', 'example:', 'link:']);
    expect(shown.fields!.map((f) => f.value)).toEqual(['f'.repeat(1024), 'e'.repeat(1024), `<${link}>`]);
    expect(shown.footer).toBeUndefined();
    expect(embedsLength(removed.embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('judges the line as it shows, for texts kept from before invisible characters were refused', async () => {
    const store = memoryStore();
    const by = { addedById: '1', addedByName: 'a', updatedAt: new Date('2026-11-01T09:00:00Z') };
    // Shown, "Cost per view \u200Blink:https://evil.example" holds "link:": pasted, it would set a link.
    await store.addTerm(G, { name: 'CPV', definition: 'Cost per view \u200Blink:https://evil.example', ...by });
    expect(pasteLine(await run({ subcommand: 'remove', name: 'CPV' }, store))).toBeUndefined();
    // A formula and an example that show nothing are left out of the line, as the term's embed leaves them out.
    await store.addTerm(G, { name: 'CPE', definition: 'Cost per engagement', formula: '\u200B', example: '\u2066\u2069', ...by });
    expect(pasteLine(await run({ subcommand: 'remove', name: 'CPE' }, store))).toBe('/term add name:CPE definition:Cost per engagement');
  });

  it('as the line when it fits as Discord counts it, in code points: a term of 🔥 formula and example, each 1,000 emoji', async () => {
    const store = memoryStore();
    const d = driver({ store });
    const fire = '🔥'.repeat(1_000);
    const definition = 'Engagement that spreads, shares and saves counted together as a share of the people reached';
    await run({ subcommand: 'add', name: 'Heat', definition, formula: fire, example: fire }, store);
    const before = await texts(store, 'Heat');
    const removed = await run({ subcommand: 'remove', name: 'Heat' }, store);
    expect(removed.embeds[1]!.description).toBe(`To add it back, run:\n\`\`\`\n/term add name:Heat definition:${definition} formula:${fire} example:${fire}\n\`\`\``);

    expect((await d.run(pasteLine(removed)!, MANAGER)).outcome).toBe('answered');
    expect(await texts(store, 'Heat')).toEqual(before);
  });
});
