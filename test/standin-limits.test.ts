/**
 * The stand-in's own limits check (tools/standin/limits.ts, written from
 * ../shared/discord/LIMITS.md, not the bot's src/commands/limits.ts): one body over each limit,
 * refused with Discord's 400 `{ code: 50035, message: 'Invalid Form Body', errors }` naming the
 * field, and bodies exactly at every limit accepted.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receiver } from '../tools/standin/receiver';
import type { InteractionRecord, StandIn } from '../tools/standin/server';
import { startStandInWithReceiver } from './support/receiver';

let receiver: Receiver;
let standIn: StandIn;
let close: (() => Promise<void>) | undefined;
beforeAll(async () => void ({ receiver, standIn, close } = await startStandInWithReceiver()));
afterAll(() => close?.());

const x = (n: number, c = 'x') => c.repeat(n);
const button = (i: number, extra: Record<string, unknown> = {}) => ({ type: 2, style: 1, label: `b${i}`, custom_id: `id-${i}`, ...extra });
const row = (components: unknown[]) => ({ type: 1, components });
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `o${i}`, value: `v${i}` }));

/** A deferred interaction, so that follow-ups and edits can be sent to its webhook. */
async function deferred(): Promise<InteractionRecord> {
  receiver.respond = () => ({ body: { type: 5 } });
  const record = standIn.sendCommand('tier');
  await standIn.waitForDelivery(record);
  expect(record.callbacks.map((c) => c.type)).toEqual([5]);
  return record;
}

async function followUp(record: InteractionRecord, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${standIn.apiUrl}/v10/webhooks/${standIn.applicationId}/${record.token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: response.status === 204 ? undefined : await response.json() };
}

/** The `_errors` at `path` in Discord's nested errors. */
function errorsAt(errors: any, path: (string | number)[]): { code: string; message: string }[] | undefined {
  let node = errors;
  for (const key of path) node = node?.[String(key)];
  return node?._errors;
}

describe('an independent check', () => {
  it('the stand-in imports nothing from the bot (src/), so the limits it enforces are not the ones under test', () => {
    const dir = join(import.meta.dirname, '../tools/standin');
    const imports = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${file}: ${m[1]}`));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((line) => /\/src\//.test(line))).toEqual([]);
  });
});

describe('messages over a limit are refused with 50035, naming the field', () => {
  const cases: [string, Record<string, unknown>, (string | number)[], string][] = [
    ['content over 2,000 characters', { content: x(2001) }, ['content'], 'BASE_TYPE_MAX_LENGTH'],
    ['more than 10 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, ['embeds'], 'BASE_TYPE_MAX_LENGTH'],
    ['an embed title over 256', { embeds: [{ title: x(257) }] }, ['embeds', 0, 'title'], 'BASE_TYPE_MAX_LENGTH'],
    ['an embed description over 4,096', { embeds: [{ description: x(4097) }] }, ['embeds', 0, 'description'], 'BASE_TYPE_MAX_LENGTH'],
    ['more than 25 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, ['embeds', 0, 'fields'], 'BASE_TYPE_MAX_LENGTH'],
    ['a field name over 256', { embeds: [{ fields: [{ name: x(257), value: 'v' }] }] }, ['embeds', 0, 'fields', 0, 'name'], 'BASE_TYPE_MAX_LENGTH'],
    ['a field value over 1,024', { embeds: [{ fields: [{ name: 'n', value: x(1025) }] }] }, ['embeds', 0, 'fields', 0, 'value'], 'BASE_TYPE_MAX_LENGTH'],
    ['a blank field name', { embeds: [{ fields: [{ name: ' ', value: 'v' }] }] }, ['embeds', 0, 'fields', 0, 'name'], 'BASE_TYPE_REQUIRED'],
    ['a missing field value', { embeds: [{ fields: [{ name: 'n' }] }] }, ['embeds', 0, 'fields', 0, 'value'], 'BASE_TYPE_REQUIRED'],
    ['a footer over 2,048', { embeds: [{ footer: { text: x(2049) } }] }, ['embeds', 0, 'footer', 'text'], 'BASE_TYPE_MAX_LENGTH'],
    ['an author name over 256', { embeds: [{ author: { name: x(257) } }] }, ['embeds', 0, 'author', 'name'], 'BASE_TYPE_MAX_LENGTH'],
    [
      'embeds over 6,000 characters in total, each within its own limits',
      { embeds: [{ description: x(3000) }, { description: x(3000), title: 'a' }] },
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
    ],
    ['more than 5 action rows', { components: Array.from({ length: 6 }, (_, r) => row([button(r)])) }, ['components'], 'BASE_TYPE_MAX_LENGTH'],
    ['more than 5 buttons in a row', { components: [row(Array.from({ length: 6 }, (_, i) => button(i)))] }, ['components', 0, 'components'], 'BASE_TYPE_MAX_LENGTH'],
    ['a custom_id over 100', { components: [row([button(0, { custom_id: x(101) })])] }, ['components', 0, 'components', 0, 'custom_id'], 'BASE_TYPE_BAD_LENGTH'],
    ['a button without a custom_id', { components: [row([{ type: 2, style: 1, label: 'b' }])] }, ['components', 0, 'components', 0, 'custom_id'], 'BASE_TYPE_REQUIRED'],
    ['two components with one custom_id', { components: [row([button(0), button(1, { custom_id: 'id-0' })])] }, ['components', 0, 'components', 1, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED'],
    ['a button label over 80', { components: [row([button(0, { label: x(81) })])] }, ['components', 0, 'components', 0, 'label'], 'BASE_TYPE_MAX_LENGTH'],
    ['a select with more than 25 options', { components: [row([{ type: 3, custom_id: 's', options: options(26) }])] }, ['components', 0, 'components', 0, 'options'], 'BASE_TYPE_BAD_LENGTH'],
    ['a select with no options', { components: [row([{ type: 3, custom_id: 's', options: [] }])] }, ['components', 0, 'components', 0, 'options'], 'BASE_TYPE_BAD_LENGTH'],
    ['a select option label over 100', { components: [row([{ type: 3, custom_id: 's', options: [{ label: x(101), value: 'v' }] }])] }, ['components', 0, 'components', 0, 'options', 0, 'label'], 'BASE_TYPE_BAD_LENGTH'],
    ['a select beside a button', { components: [row([{ type: 3, custom_id: 's', options: options(1) }, button(0)])] }, ['components', 0, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED'],
  ];

  it.each(cases)('%s', async (_name, body, path, code) => {
    const record = await deferred();
    const { status, json } = await followUp(record, body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
    expect(errorsAt(json.errors, path), JSON.stringify(json.errors)).toEqual(expect.arrayContaining([expect.objectContaining({ code, message: expect.any(String) })]));
    expect(record.followUps).toEqual([]);
  });

  it('an empty message gets 50006, not a form error', async () => {
    const { status, json } = await followUp(await deferred(), { content: '' });
    expect(status).toBe(400);
    expect(json).toEqual({ code: 50006, message: 'Cannot send an empty message' });
  });

  it('a reply in the endpoint\'s response is checked under data, and one in a callback POST too', async () => {
    receiver.respond = () => ({ body: { type: 4, data: { embeds: [{ title: x(257) }] } } });
    const refused = await standIn.waitForDelivery(standIn.sendCommand('tier'));
    expect(errorsAt(refused.endpointRefusal.errors, ['data', 'embeds', 0, 'title'])).toEqual([{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }]);
    expect(refused.callbacks).toEqual([]);
  });

  it('an edit is checked as the message it would leave: 10 embeds plus 1 more is refused', async () => {
    const record = await deferred();
    const url = `${standIn.apiUrl}/v10/webhooks/${standIn.applicationId}/${record.token}/messages/@original`;
    const patch = (body: unknown) => fetch(url, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await patch({ content: x(2000) })).status).toBe(200);
    const refused = await patch({ content: x(2001) });
    expect(refused.status).toBe(400);
    expect(errorsAt(((await refused.json()) as any).errors, ['content'])).toBeDefined();
    expect((await patch({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) })).status).toBe(400);
  });
});

describe('autocomplete answers over a limit are refused', () => {
  const choice = (name: string, value: unknown) => ({ name, value });
  const cases: [string, unknown[], (string | number)[], string][] = [
    ['more than 25 choices', Array.from({ length: 26 }, (_, i) => choice(`c${i}`, `v${i}`)), ['data', 'choices'], 'BASE_TYPE_MAX_LENGTH'],
    ['a choice name over 100', [choice(x(101), 'v')], ['data', 'choices', 0, 'name'], 'BASE_TYPE_BAD_LENGTH'],
    ['an empty choice name', [choice('', 'v')], ['data', 'choices', 0, 'name'], 'BASE_TYPE_REQUIRED'],
    ['a blank choice name', [choice('   ', 'v')], ['data', 'choices', 0, 'name'], 'BASE_TYPE_BAD_LENGTH'],
    ['a choice value over 100', [choice('n', x(101))], ['data', 'choices', 0, 'value'], 'BASE_TYPE_BAD_LENGTH'],
    ['an empty choice value', [choice('n', '')], ['data', 'choices', 0, 'value'], 'BASE_TYPE_REQUIRED'],
  ];

  it.each(cases)('%s', async (_name, choices, path, code) => {
    receiver.respond = () => ({ body: { type: 8, data: { choices } } });
    const record = await standIn.waitForDelivery(standIn.sendAutocomplete('tiers', 'source', 'me'));
    expect(record.endpointRefusal).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
    expect(errorsAt(record.endpointRefusal.errors, path), JSON.stringify(record.endpointRefusal.errors)).toEqual([expect.objectContaining({ code })]);
    expect(record.callbacks).toEqual([]);
  });

  it('an answer without choices', async () => {
    receiver.respond = () => ({ body: { type: 8, data: {} } });
    const record = await standIn.waitForDelivery(standIn.sendAutocomplete('tiers', 'source', 'me'));
    expect(errorsAt(record.endpointRefusal.errors, ['data', 'choices'])).toEqual([expect.objectContaining({ code: 'BASE_TYPE_REQUIRED' })]);
  });
});

describe('command registrations over a limit are refused', () => {
  const option = (extra: Record<string, unknown> = {}) => ({ type: 3, name: 'opt', description: 'An option', ...extra });
  const command = (extra: Record<string, unknown> = {}) => ({ name: 'tier', description: 'Classify', ...extra });
  const cases: [string, unknown[], (string | number)[], string][] = [
    ['a name with capitals', [command({ name: 'Tier' })], [0, 'name'], 'APPLICATION_COMMAND_INVALID_NAME'],
    ['a name over 32', [command({ name: x(33, 'a') })], [0, 'name'], 'APPLICATION_COMMAND_INVALID_NAME'],
    ['a description over 100', [command({ description: x(101) })], [0, 'description'], 'BASE_TYPE_BAD_LENGTH'],
    ['no description', [command({ description: '' })], [0, 'description'], 'BASE_TYPE_REQUIRED'],
    ['more than 25 options', [command({ options: Array.from({ length: 26 }, (_, i) => option({ name: `o${i}` })) })], [0, 'options'], 'BASE_TYPE_MAX_LENGTH'],
    ['more than 25 choices', [command({ options: [option({ choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` })) })] })], [0, 'options', 0, 'choices'], 'BASE_TYPE_MAX_LENGTH'],
    ['a choice name over 100', [command({ options: [option({ choices: [{ name: x(101), value: 'v' }] })] })], [0, 'options', 0, 'choices', 0, 'name'], 'BASE_TYPE_BAD_LENGTH'],
    ['a choice value over 100', [command({ options: [option({ choices: [{ name: 'n', value: x(101) }] })] })], [0, 'options', 0, 'choices', 0, 'value'], 'BASE_TYPE_BAD_LENGTH'],
    ['two options with one name', [command({ options: [option(), option()] })], [0, 'options', 1, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS'],
    ['a required option after an optional one', [command({ options: [option({ name: 'a' }), option({ name: 'b', required: true })] })], [0, 'options', 1, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID'],
    [
      'a command over 8,000 characters in total',
      [command({ options: Array.from({ length: 20 }, (_, i) => option({ name: `o${i}`, description: x(100), choices: Array.from({ length: 25 }, (_, k) => ({ name: `${x(98)}${k}`, value: `v${k}` })) })) })],
      [0],
      'APPLICATION_COMMAND_TOO_LARGE',
    ],
    ['two commands with one name', [command(), command()], [1, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME'],
    ['more than 100 chat-input commands', Array.from({ length: 101 }, (_, i) => command({ name: `c${i}` })), [], 'BASE_TYPE_MAX_LENGTH'],
    ['more than 15 message commands', Array.from({ length: 16 }, (_, i) => ({ type: 3, name: `Message ${i}` })), [], 'BASE_TYPE_MAX_LENGTH'],
    ['a message command name over 32', [{ type: 3, name: x(33) }], [0, 'name'], 'BASE_TYPE_BAD_LENGTH'],
    ['a message command with a description', [{ type: 3, name: 'Classify', description: 'no' }], [0, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID'],
  ];

  it.each(cases)('%s', async (_name, commands, path, code) => {
    const response = await fetch(`${standIn.apiUrl}/v10/applications/${standIn.applicationId}/commands`, {
      method: 'PUT',
      headers: { Authorization: `Bot ${standIn.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(commands),
    });
    expect(response.status).toBe(400);
    const json = (await response.json()) as any;
    expect(json).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
    expect(errorsAt(json.errors, path), JSON.stringify(json.errors)).toEqual(expect.arrayContaining([expect.objectContaining({ code })]));
  });
});

describe('bodies exactly at every limit are accepted', () => {
  it('a message at every message limit', async () => {
    const record = await deferred();
    // 10 embeds: the 6,000 total binds first, so each stays small but one holds a maximal field.
    const embeds = [
      { title: x(256), fields: [{ name: x(256), value: x(1024) }], footer: { text: x(2048) }, author: { name: x(256) } },
      ...Array.from({ length: 8 }, () => ({ title: 't' })),
      { fields: Array.from({ length: 25 }, () => ({ name: 'n', value: x(8) })) },
    ];
    const total = 256 + 256 + 1024 + 2048 + 256 + 8 + 25 * 9;
    expect(total).toBeLessThanOrEqual(6000);
    const components = [
      ...Array.from({ length: 4 }, (_, r) => row(Array.from({ length: 5 }, (_, i) => button(r * 5 + i, { custom_id: `${x(97)}${r}${i}`.slice(-100).padStart(100, 'y'), label: x(80) })))),
      row([{ type: 3, custom_id: 'select', options: options(25) }]),
    ];
    const { status } = await followUp(record, { content: x(2000), embeds, components });
    expect(status).toBe(204);
    expect(record.followUps).toHaveLength(1);
  });

  it('an embed of exactly 6,000 characters and one of 4,096 characters of description', async () => {
    const record = await deferred();
    expect((await followUp(record, { embeds: [{ description: x(4096) }, { description: x(1904) }] })).status).toBe(204);
  });

  it('25 autocomplete choices of 100 characters', async () => {
    receiver.respond = () => ({ body: { type: 8, data: { choices: Array.from({ length: 25 }, (_, i) => ({ name: `${x(98)}${String(i).padStart(2, '0')}`, value: x(100) })) } } });
    const record = await standIn.waitForAnswer(standIn.sendAutocomplete('tiers', 'source', 'me'));
    expect(record.callbacks[0]!.data.choices).toHaveLength(25);
  });

  it('a command with 25 options of 25 choices within 8,000 characters, and 15 message commands', async () => {
    const commands = [
      {
        name: x(32, 'a'),
        description: x(100),
        options: Array.from({ length: 25 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'd', choices: Array.from({ length: i === 0 ? 25 : 1 }, (_, k) => ({ name: `c${k}`, value: `v${k}` })) })),
      },
      ...Array.from({ length: 15 }, (_, i) => ({ type: 3, name: `Message command ${i}` })),
    ];
    const response = await fetch(`${standIn.apiUrl}/v10/applications/${standIn.applicationId}/commands`, {
      method: 'PUT',
      headers: { Authorization: `Bot ${standIn.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(commands),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  });
});
