/**
 * Property-based tests over every option a user types into, for every slash command: whatever
 * text arrives (empty, "-0", Arabic-Indic or full-width digits, mentions, markdown, very long
 * strings), run() through the interaction core as Discord delivers it never fails, never pings,
 * stays within Discord's limits (read by the stand-in's own code, not the bot's), and an input
 * error is for the user alone.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, MessageFlags } from 'discord-api-types/v10';
import { COMMANDS } from '../src/commands';
import type { SlashCommand } from '../src/commands/types';
import { createLogger } from '../src/config/logger';
import type { WireOption } from '../src/cli/command-line';
import { capturingResponder, chatInput, localAttachment, type Place } from '../src/cli/local-interaction';
import { tierbotCore } from '../src/interactions/tierbot';
import { messageProblems } from '../tools/standin/limits';
import { memoryStore } from './support/context';

const RUNS_PER_OPTION = 30;

const DM: Place = { guildId: undefined, manager: false };
const MEMBER: Place = { guildId: '200000000000000001', manager: false };
const MANAGER: Place = { guildId: '200000000000000001', manager: true };

const ROSTER = { name: 'team.csv', data: Buffer.from('name,platform,followers\nSara,Instagram,45k\nLeo,TikTok,1.2M\n') };
const TERM = 'Whitelist';

/** Valid values for the required options given beside the one under test, so that the command runs. */
const REQUIRED_SAMPLES: Record<string, WireOption> = {
  file: { name: 'file', type: ApplicationCommandOptionType.Attachment, value: '1' },
  name: { name: 'name', type: ApplicationCommandOptionType.String, value: TERM },
  definition: { name: 'definition', type: ApplicationCommandOptionType.String, value: 'Our word for creator licensing' },
};

/** Pieces users type that a reader of numbers, names or markdown may trip on. */
const TRICKY = [
  '',
  '-0',
  '٣٠٠٠٠',
  '３０ｋ',
  '1e309',
  'NaN',
  '0x10',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&123456789012345678>',
  '**bold**',
  '`code`',
  '```js\nprocess.exit()\n```',
  '||spoiler||',
  '# heading',
  '[link](https://example.com)',
  '\u200b',
  '\u202e',
  '🔥',
  '"',
  '\\',
];

const typed: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.integer().map(String)), { maxLength: 6 }).map((parts) => parts.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', minLength: 4_000, maxLength: 7_000 }),
);

interface TypedOption {
  subcommand: string | undefined;
  name: string;
  type: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer;
  /** The required options beside it (its command's, or its subcommand's). */
  required: string[];
}

type DefinedOption = { type: number; name: string; required?: boolean; options?: readonly DefinedOption[] };

/** Every string and integer option of a command, with the subcommand it sits under. */
function typedOptions(command: SlashCommand): TypedOption[] {
  const collect = (options: readonly DefinedOption[], subcommand: string | undefined): TypedOption[] =>
    options
      .filter((o) => o.type === ApplicationCommandOptionType.String || o.type === ApplicationCommandOptionType.Integer)
      .map((o) => ({
        subcommand,
        name: o.name,
        type: o.type as TypedOption['type'],
        required: options.filter((other) => other.required && other.name !== o.name).map((other) => other.name),
      }));
  const top = (command.definition.options ?? []) as readonly DefinedOption[];
  return [...collect(top, undefined), ...top.filter((o) => o.type === ApplicationCommandOptionType.Subcommand).flatMap((sub) => collect(sub.options ?? [], sub.name))];
}

/** The interaction core with every command, over a store that already holds a team term to edit. */
async function bot() {
  const logger = createLogger({ level: 'silent' });
  const core = tierbotCore({ store: memoryStore(), logger, charts: false, download: async () => ROSTER.data });
  const ask = async (place: Place, command: string, options: WireOption[]) => {
    const responder = capturingResponder();
    const attachments = { '1': localAttachment('1', ROSTER.name, ROSTER.data.byteLength) };
    const outcome = await core.handle(chatInput(place, command, options, attachments), responder);
    return { outcome, shown: responder.final() };
  };
  const seeded = await ask(MANAGER, 'term', [{ name: 'add', type: ApplicationCommandOptionType.Subcommand, options: [REQUIRED_SAMPLES.name!, REQUIRED_SAMPLES.definition!] } as WireOption]);
  expect(seeded.outcome).toBe('answered');
  return ask;
}

/** What Discord delivers in an option: any text in a string option, a whole number within ±(2^53 − 1) in an integer one. */
function deliverable(option: TypedOption): fc.Arbitrary<string | number> {
  return option.type === ApplicationCommandOptionType.String ? typed : fc.maxSafeInteger();
}

/** Text past every option's length, which each must refuse: so every option's runs include an input error. */
const TOO_LONG = 'x'.repeat(6_000);

describe('any text in any option of any command', () => {
  const slash = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');
  const cases = slash.flatMap((command) => typedOptions(command).map((option) => ({ command: command.definition.name, option })));

  const labelled = cases.map((c) => [`/${c.command}${c.option.subcommand ? ` ${c.option.subcommand}` : ''} ${c.option.name}`, c] as const);

  it('reaches the options of commands and of subcommands', () => {
    expect(labelled.map(([label]) => label)).toEqual(expect.arrayContaining(['/tier followers', '/compare budget', '/roster count_column', '/house set tiers', '/term edit definition', '/plans delete name']));
  });

  it.each(labelled)('%s', async (_label, { command, option }) => {
    const ask = await bot();
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(deliverable(option), fc.constantFrom(DM, MEMBER, MANAGER), async (value, place) => {
        const given = [{ name: option.name, type: option.type, value } as WireOption, ...option.required.map((name) => REQUIRED_SAMPLES[name] ?? expect.unreachable(`no sample for ${name}`))];
        const options = option.subcommand ? [{ name: option.subcommand, type: ApplicationCommandOptionType.Subcommand, options: given } as WireOption] : given;
        const { outcome, shown } = await ask(place, command, options);
        outcomes.add(outcome);
        expect(outcome).not.toBe('failed');
        expect(shown).toBeDefined();
        const body = shown!.body;
        expect(JSON.stringify(body.embeds)).not.toContain('went wrong');
        expect(body.allowed_mentions).toEqual({ parse: [] });
        expect(messageProblems(body as never)).toEqual([]);
        if (outcome === 'input-error') expect((body.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      }),
      { numRuns: RUNS_PER_OPTION, examples: option.type === ApplicationCommandOptionType.String ? [[TOO_LONG, MANAGER]] : [] },
    );
    // A string option refuses TOO_LONG, so the check that input errors are private has run.
    if (option.type === ApplicationCommandOptionType.String) expect(outcomes).toContain('input-error');
  });
});
