/**
 * Hostile input through the same run() the bot uses: whatever is typed into any option, run()
 * never throws, stays within Discord's limits, makes input errors ephemeral and pings nobody.
 */

import fc from 'fast-check';
import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/discord/limits';

export const HOSTILE = [
  '',
  ' ',
  'x'.repeat(6000),
  '🔥💯👩‍👩‍👧‍👦',
  '\u200b30k\u200b',
  '\u202e30k',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&123456789012345678>',
  '**bold** _it_ ~~s~~ ||spoiler|| # heading',
  '```js\nprocess.exit()\n```',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '٣٠٠٠٠',
  '３０ｋ',
  '-5',
  '999999999999999999999999',
  '1.2345k',
  '$-5',
  '400%',
  'null',
  'undefined',
  '{"__proto__":1}',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 50 }));

/** Nothing a user typed may come back as a live mention: every "@" from input is escaped or absent. */
function mentionsIn(reply: Reply): string[] {
  const text = JSON.stringify(reply.embeds) + (reply.content ?? '');
  return [...text.matchAll(/(?<!\\)@(everyone|here)|(?<!\\)<@[!&]?\d+>/g)].map((m) => m[0]);
}

function check(name: string, options: Record<string, string>, reply: Reply) {
  expect(messageProblems(reply), `${name} ${JSON.stringify(options).slice(0, 80)}`).toEqual([]);
  if (reply.inputError) expect(reply.flags).toBe(MessageFlags.Ephemeral);
  expect(mentionsIn(reply)).toEqual([]);
}

describe('hostile input to every command option', () => {
  for (const command of COMMANDS) {
    const name = command.definition.name;
    const options = command.definition.options ?? [];
    if (options.length === 0) continue;

    it(`/${name}: run() never throws and every reply is safe`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...options.map((o) => o.name)), hostileString, { maxKeys: options.length }), async (values) => {
          const reply = await command.run(values, { charts: false });
          check(name, values, reply);
        }),
        { numRuns: 150 },
      );
      for (const option of options) {
        for (const value of HOSTILE) check(name, { [option.name]: value }, await command.run({ [option.name]: value }, { charts: false }));
      }
    });

    if (command.autocomplete) {
      it(`/${name}: autocomplete never throws and answers at most 25`, () => {
        fc.assert(
          fc.property(hostileString, (value) => {
            for (const option of options) expect(command.autocomplete!({ name: option.name, value }, {}).length).toBeLessThanOrEqual(25);
          }),
          { numRuns: 150 },
        );
      });
    }
  }
});

describe('accepted forms, decided once', () => {
  it('reads full-width and Arabic-Indic digits, ignores invisible characters, and rejects hex, exponents, NaN and -0', async () => {
    const tier = COMMANDS.find((c) => c.definition.name === 'tier')!;
    for (const ok of ['３０ｋ', '٣٠٠٠٠', '\u200b30k\u200b', '\u202e30k']) expect((await tier.run({ followers: ok }, { charts: false })).embeds[0]!.title, ok).toContain('30,000');
    for (const bad of ['0x10', '1e309', 'NaN', 'Infinity', '-0']) expect((await tier.run({ followers: bad }, { charts: false })).inputError, bad).toBe(true);
  });
});
