/**
 * Team text shown back that starts a line with a number and a dot ("2. Second version") shows as
 * typed, not as a numbered list: Discord renders lists in embed descriptions and field values.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { house } from '../src/commands/house';
import { quoteUserText } from '../src/commands/embeds';
import { term } from '../src/commands/term';
import type { Reply, SlashCommand } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { memoryStore, testContext } from './support/context';

const GUILD = '200000000000000001';

/** Where Discord renders lists in an embed: its description and its fields' values. */
function listedText(reply: Reply): string[] {
  return reply.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]);
}

/** The lines Discord would render as a numbered list item. */
function numberedListLines(reply: Reply): string[] {
  return listedText(reply)
    .flatMap((text) => text.split('\n'))
    .filter((line) => /^\s*\d+\.\s/.test(line));
}

async function run(command: SlashCommand, args: Record<string, unknown>, ctx: ReturnType<typeof testContext>): Promise<Reply> {
  const reply = await command.run(args as never, ctx);
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

describe('a team term that starts with a list number', () => {
  const manager = () => testContext({ guildId: GUILD, manager: true, store: memoryStore() });

  it('/term add, then /glossary: the definition shows as typed, not as a list', async () => {
    const ctx = manager();
    const added = await run(term, { subcommand: 'add', name: 'Score', definition: '2. Second version of our score.' }, ctx);
    expect(numberedListLines(added)).toEqual([]);

    const shown = await run(glossary, { term: 'Score' }, ctx);
    expect(shown.embeds[0]!.description).toBe('2\\. Second version of our score.');
    expect(numberedListLines(shown)).toEqual([]);
  });

  it('/glossary index: a name first in "Your team\'s terms" shows as typed, not as a list', async () => {
    const ctx = manager();
    await run(term, { subcommand: 'add', name: '1. Reach first', definition: 'What we look at before anything else.' }, ctx);
    await run(term, { subcommand: 'add', name: 'Brand lift', definition: 'Recall after a campaign.' }, ctx);

    const index = await run(glossary, {}, ctx);
    const team = index.embeds[0]!.fields!.find((f) => f.name === "Your team's terms");
    // Only the first name starts the line; escaped anywhere, the dot still shows as a dot.
    expect(team?.value).toBe('1\\. Reach first · Brand lift');
    expect(numberedListLines(index)).toEqual([]);

    const opened = await run(glossary, { term: '1. Reach first' }, ctx);
    expect(opened.embeds[0]!.title).toBe('1\\. Reach first');
    expect(numberedListLines(opened)).toEqual([]);
  });
});

describe('a house definition written as numbered lines', () => {
  it('/house set and /house show: "As written" keeps the lines, not a list', async () => {
    const ctx = testContext({ guildId: GUILD, manager: true, store: memoryStore() });
    const typed = '1. nano 1k-10k\n2. micro 10k-50k';
    for (const reply of [await run(house, { subcommand: 'set', tiers: typed }, ctx), await run(house, { subcommand: 'show' }, ctx)]) {
      const asWritten = reply.embeds[0]!.fields!.find((f) => f.name === 'As written');
      expect(asWritten?.value).toBe('1\\. nano 1k\\-10k\n2\\. micro 10k\\-50k');
      expect(numberedListLines(reply)).toEqual([]);
    }
  });
});

describe('quoteUserText', () => {
  it('escapes a list number where it would start a line: at the start, after any spaces', () => {
    expect(quoteUserText('1. nano')).toBe('1\\. nano');
    expect(quoteUserText('12. twelfth')).toBe('12\\. twelfth');
    expect(quoteUserText('   3. indented')).toBe('   3\\. indented');
  });

  it('leaves every other dot as typed', () => {
    expect(quoteUserText('Version 2. Next')).toBe('Version 2. Next');
    expect(quoteUserText('1.5k followers')).toBe('1.5k followers');
    expect(quoteUserText('2.')).toBe('2.');
    expect(quoteUserText('v1. beta')).toBe('v1. beta');
    // A line break is shown as a space: the number after it is mid-line, no list.
    expect(quoteUserText('first\n2. second')).toBe('first 2. second');
  });

  it('escapes the number once, after the other markdown is escaped', () => {
    expect(quoteUserText('1. **bold** <@123>')).toBe('1\\. \\*\\*bold\\*\\* \\<\\@123\\>');
    expect(quoteUserText('1.')).toBe('1.');
  });
});
