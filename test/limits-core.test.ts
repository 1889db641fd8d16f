/**
 * The core's own limits check (src/commands/limits.ts), limit by limit, through the core as
 * Discord delivers an interaction: a reply at a limit goes out; one past it is never sent, the
 * user gets the error id and the log names the limit. Autocomplete, which cannot fail visibly, is
 * cut to 25 choices, and a list with a choice Discord would refuse goes out empty. Text is counted
 * as Discord counts it, in code points: an emoji (🔥) is one character.
 */

import { describe, expect, it } from 'vitest';
import { ComponentType, InteractionResponseType, InteractionType, MessageFlags, type APIEmbed, type APIInteraction } from 'discord-api-types/v10';
import { slashCommand, type Choice, type Reply } from '../src/commands/types';
import { createLogger } from '../src/config/logger';
import { createInteractionCore } from '../src/interactions/core';
import { LIMITS } from '../src/commands/limits';
import type { Responder } from '../src/interactions/responder';
import { memoryStore } from './support/context';

/** A core whose one command, /probe, answers `reply` and suggests `choices`; what it sent and logged. */
async function handled(interaction: APIInteraction, reply: Reply, choices: Choice[] = []) {
  const probe = slashCommand({
    definition: { name: 'probe', description: 'answers what the test gives it', options: [{ type: 3, name: 'q', description: 'q', autocomplete: true }] } as const,
    run: () => reply,
    autocomplete: () => choices,
  });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) } });
  const core = createInteractionCore({ commands: [probe], store: memoryStore(), logger, download: async () => new Uint8Array() });
  const sent: { type: number; data?: any }[] = [];
  const responder: Responder = {
    respond: async (response) => void sent.push({ type: response.type, data: 'data' in response ? response.data : undefined }),
    editOriginal: async () => expect.unreachable('an answer ready at once is not deferred'),
    followUp: async () => expect.unreachable('an answer ready at once needs no follow-up'),
    deleteOriginal: async () => expect.unreachable('nothing to delete'),
  };
  const outcome = await core.handle(interaction, responder);
  expect(sent).toHaveLength(1);
  return { outcome, sent: sent[0]!, logs };
}

function wire(type: InteractionType, data: object): APIInteraction {
  const id = String((BigInt(Date.now()) - 1420070400000n) << 22n);
  return { id, application_id: '1', token: 't', type, version: 1, data: { id: '2', name: 'probe', type: 1, ...data }, user: { id: '3', username: 'u' } } as unknown as APIInteraction;
}

const run = (reply: Reply) => handled(wire(InteractionType.ApplicationCommand, {}), reply);
const suggest = (choices: Choice[]) =>
  handled(wire(InteractionType.ApplicationCommandAutocomplete, { options: [{ type: 3, name: 'q', value: '', focused: true }] }), { embeds: [] }, choices);

const chars = (n: number) => 'a'.repeat(n);
/** `n` characters as Discord counts them, each two UTF-16 units. */
const emoji = (n: number) => '🔥'.repeat(n);
const embeds = (...list: APIEmbed[]): Reply => ({ embeds: list });
const titled = (n: number) => Array.from({ length: n }, (): APIEmbed => ({ title: 't' }));
const fields = (n: number, name = 'n', value = 'v') => Array.from({ length: n }, () => ({ name, value }));
const button = (customId: string, label = 'b') => ({ type: ComponentType.Button as const, style: 1 as const, custom_id: customId, label });
const select = (customId: string, options: { label: string; value: string }[], placeholder?: string) => ({ type: ComponentType.StringSelect as const, custom_id: customId, options, ...(placeholder === undefined ? {} : { placeholder }) });
const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `o${i}`, value: `v${i}` }));
const withRows = (...rows: ReturnType<typeof button | typeof select>[][]): Reply =>
  ({ embeds: [{ title: 't' }], components: rows.map((components) => ({ type: ComponentType.ActionRow, components })) }) as Reply;
const buttons = (n: number) => Array.from({ length: n }, (_, i) => button(`b${i}`));
const rowsOfOneButton = (n: number) => Array.from({ length: n }, (_, r) => [button(`row${r}`)]);

/** Each limit: a reply just within it (where a limit has a size), one just past it, and the problem the log names. */
const LIMITED: [limit: string, within: Reply | undefined, past: Reply, problem: string][] = [
  ['content', { content: chars(LIMITS.content), embeds: [] }, { content: chars(LIMITS.content + 1), embeds: [] }, 'content: 2001 > 2000'],
  ['embeds per message', embeds(...titled(LIMITS.embedsPerMessage)), embeds(...titled(LIMITS.embedsPerMessage + 1)), 'embeds: 11 > 10'],
  ['embed title', embeds({ title: chars(LIMITS.embedTitle) }), embeds({ title: chars(LIMITS.embedTitle + 1) }), 'embeds[0].title: 257 > 256'],
  ['embed description', embeds({ description: chars(LIMITS.embedDescription) }), embeds({ description: chars(LIMITS.embedDescription + 1) }), 'embeds[0].description: 4097 > 4096'],
  ['fields per embed', embeds({ fields: fields(LIMITS.embedFields) }), embeds({ fields: fields(LIMITS.embedFields + 1) }), 'embeds[0].fields: 26 > 25'],
  ['field name', embeds({ fields: fields(1, chars(LIMITS.fieldName)) }), embeds({ fields: fields(1, chars(LIMITS.fieldName + 1)) }), 'embeds[0].fields[0].name: 257 > 256'],
  ['field value', embeds({ fields: fields(1, 'n', chars(LIMITS.fieldValue)) }), embeds({ fields: fields(1, 'n', chars(LIMITS.fieldValue + 1)) }), 'embeds[0].fields[0].value: 1025 > 1024'],
  ['blank field name', undefined, embeds({ fields: fields(1, ' ') }), 'embeds[0].fields[0].name: empty'],
  ['blank field value', undefined, embeds({ fields: fields(1, 'n', ' ') }), 'embeds[0].fields[0].value: empty'],
  ['footer text', embeds({ title: 't', footer: { text: chars(LIMITS.footerText) } }), embeds({ title: 't', footer: { text: chars(LIMITS.footerText + 1) } }), 'embeds[0].footer.text: 2049 > 2048'],
  ['author name', embeds({ title: 't', author: { name: chars(LIMITS.authorName) } }), embeds({ title: 't', author: { name: chars(LIMITS.authorName + 1) } }), 'embeds[0].author.name: 257 > 256'],
  [
    'all embed text in one message',
    embeds({ description: chars(4000) }, { description: chars(LIMITS.embedTotal - 4000) }),
    embeds({ description: chars(4000) }, { description: chars(LIMITS.embedTotal - 4000 + 1) }),
    'embeds: 6001 characters in total > 6000',
  ],
  ['content, in emoji', { content: emoji(LIMITS.content), embeds: [] }, { content: emoji(LIMITS.content + 1), embeds: [] }, 'content: 2001 > 2000'],
  ['field value, in emoji', embeds({ fields: fields(1, 'n', emoji(LIMITS.fieldValue)) }), embeds({ fields: fields(1, 'n', emoji(LIMITS.fieldValue + 1)) }), 'embeds[0].fields[0].value: 1025 > 1024'],
  [
    'all embed text in one message, in emoji',
    embeds({ description: emoji(4000) }, { description: emoji(LIMITS.embedTotal - 4000) }),
    embeds({ description: emoji(4000) }, { description: emoji(LIMITS.embedTotal - 4000 + 1) }),
    'embeds: 6001 characters in total > 6000',
  ],
  ['an empty message', undefined, { embeds: [] }, 'message: empty'],
  ['action rows', withRows(...rowsOfOneButton(LIMITS.actionRows)), withRows(...rowsOfOneButton(LIMITS.actionRows + 1)), 'components: 6 rows > 5'],
  ['buttons per row', withRows(buttons(LIMITS.buttonsPerRow)), withRows(buttons(LIMITS.buttonsPerRow + 1)), 'components[0]: 6 > 5'],
  ['a select alone in its row', withRows([select('s', entries(1))], [button('b')]), withRows([select('s', entries(1)), button('b')]), 'components[0]: a select must be alone in its row'],
  ['custom_id length', withRows([button(chars(LIMITS.customId))]), withRows([button(chars(LIMITS.customId + 1))]), 'components[0][0].custom_id: length 101'],
  ['an empty custom_id', undefined, withRows([button('')]), 'components[0][0].custom_id: length 0'],
  ['a custom_id used twice', undefined, withRows([button('same'), button('same')]), 'components[0][1].custom_id: duplicate same'],
  ['button label', withRows([button('b', chars(LIMITS.buttonLabel))]), withRows([button('b', chars(LIMITS.buttonLabel + 1))]), 'components[0][0].label: 81 > 80'],
  ['select options', withRows([select('s', entries(LIMITS.selectOptions))]), withRows([select('s', entries(LIMITS.selectOptions + 1))]), 'components[0][0].options: 26'],
  ['a select with no options', undefined, withRows([select('s', [])]), 'components[0][0].options: 0'],
  [
    'select option label',
    withRows([select('s', [{ label: chars(LIMITS.selectLabel), value: 'v' }])]),
    withRows([select('s', [{ label: chars(LIMITS.selectLabel + 1), value: 'v' }])]),
    'components[0][0].options[0].label: bad length',
  ],
  [
    'select placeholder',
    withRows([select('s', entries(1), chars(LIMITS.selectPlaceholder))]),
    withRows([select('s', entries(1), chars(LIMITS.selectPlaceholder + 1))]),
    'components[0][0].placeholder: 151 > 150',
  ],
  [
    'select option value',
    withRows([select('s', [{ label: 'o', value: chars(LIMITS.selectLabel) }])]),
    withRows([select('s', [{ label: 'o', value: chars(LIMITS.selectLabel + 1) }])]),
    'components[0][0].options[0].value: bad length',
  ],
];

describe('the core never sends a message past one of Discord’s limits', () => {
  it.each(LIMITED)('%s', async (_limit, within, past, problem) => {
    if (within) {
      const sent = await run(within);
      expect(sent.outcome).toBe('answered');
      expect(sent.sent.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    }
    const refused = await run(past);
    expect(refused.outcome).toBe('failed');
    // What goes out instead is the failure reply, for the user alone, with the id the log holds.
    const errorId = /error id `([0-9a-f]{8})`/.exec(JSON.stringify(refused.sent.data))?.[1];
    expect(errorId).toBeDefined();
    expect(refused.sent.data.flags).toBe(MessageFlags.Ephemeral);
    const failure = refused.logs.find((l) => l.level === 50 && l.errorId === errorId);
    expect(String((failure?.err as { message?: string } | undefined)?.message)).toContain(problem);
  });
});

describe('autocomplete within Discord’s limits', () => {
  const choices = (n: number, name = (i: number) => `choice ${i}`, value = (i: number) => `v${i}`) => Array.from({ length: n }, (_, i) => ({ name: name(i), value: value(i) }));
  const suggested = async (list: Choice[]) => {
    const { sent, logs } = await suggest(list);
    expect(sent.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    return { choices: sent.data.choices as Choice[], logs };
  };
  const refusedAsEmpty = async (list: Choice[], problem: string) => {
    const { choices: sent, logs } = await suggested(list);
    expect(sent).toEqual([]);
    expect(logs.some((l) => l.level === 50 && JSON.stringify(l.problems).includes(problem))).toBe(true);
  };

  it('sends at most 25 choices: the first 25 of a longer list', async () => {
    expect((await suggested(choices(LIMITS.autocompleteChoices))).choices).toHaveLength(25);
    expect((await suggested(choices(30))).choices).toEqual(choices(25));
  });

  it('a choice name past 100 characters: no choices', async () => {
    expect((await suggested(choices(1, () => chars(LIMITS.choiceName)))).choices).toHaveLength(1);
    await refusedAsEmpty(choices(3, (i) => (i === 2 ? chars(LIMITS.choiceName + 1) : 'ok')), 'choices[2].name: bad length');
  });

  it('a choice name of 100 emoji is sent, as Discord counts 100 characters; 101: no choices', async () => {
    expect((await suggested(choices(1, () => emoji(LIMITS.choiceName)))).choices).toHaveLength(1);
    await refusedAsEmpty(choices(1, () => emoji(LIMITS.choiceName + 1)), 'choices[0].name: bad length');
  });

  it('a blank choice name: no choices', async () => {
    await refusedAsEmpty(choices(1, () => ' '), 'choices[0].name: bad length');
  });

  it('a choice value past 100 characters: no choices', async () => {
    expect((await suggested(choices(1, undefined, () => chars(LIMITS.choiceValue)))).choices).toHaveLength(1);
    await refusedAsEmpty(choices(1, undefined, () => chars(LIMITS.choiceValue + 1)), 'choices[0].value: bad length');
  });

  it('an empty choice value: no choices', async () => {
    await refusedAsEmpty(choices(1, undefined, () => ''), 'choices[0].value: bad length');
  });
});
