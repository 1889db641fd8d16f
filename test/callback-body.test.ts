import { ChatInputCommandInteraction, Client, MessagePayload, type MessageTarget } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { CLIENT_OPTIONS, callbackBody, toMessage } from '../src/gateway/app';
import { COMMANDS } from '../src/commands';
import type { OptionValues, Reply } from '../src/commands/types';
import { WITHOUT_CHARTS } from '../src/commands/types';

/** An interaction as MessagePayload sees it: an instance of the class, with Tierbot's client. */
const client = new Client(CLIENT_OPTIONS);
const interaction = Object.create(ChatInputCommandInteraction.prototype, { client: { value: client } }) as MessageTarget;

const asSent = (body: unknown) => JSON.parse(JSON.stringify(body)) as unknown;

const asked: [string, OptionValues][] = [
  ['glossary', {}],
  ['glossary', { term: 'CPM' }],
  ['glossary', { term: 'no such term <@123>' }],
  ['tiers', {}],
  ['tiers', { source: 'mediakix' }],
  ['tier', { followers: '30k' }],
  ['tier', { followers: 'lots' }],
  ['compare', {}],
  ['compare', { budget: '$1,500' }],
  ['help', {}],
];

async function replies(): Promise<[string, Reply][]> {
  const out: [string, Reply][] = [];
  for (const [name, options] of asked) {
    const command = COMMANDS.find((c) => c.definition.name === name);
    if (command) out.push([`/${name} ${JSON.stringify(options)}`, await command.run(options, WITHOUT_CHARTS)]);
  }
  const [, first] = out[0]!;
  out.push(['with a file', { ...first, files: [{ name: 'tier-30000.png', data: Buffer.from([137, 80, 78, 71]), description: 'Chart: a marker at 30,000' }] }]);
  out.push(['ephemeral', { ...first, flags: 64 }]);
  return out;
}

describe('callback bodies built without discord.js', () => {
  it('are what MessagePayload.resolveBody() makes, for every kind of reply, as a reply and as an update', async () => {
    const all = await replies();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const [what, reply] of all) {
      for (const type of [4, 7] as const) {
        const { body } = MessagePayload.create(interaction, toMessage(reply, type === 7)).resolveBody();
        expect(asSent(callbackBody(reply, type)), `${what}, callback type ${type}`).toEqual(asSent(body));
      }
    }
  });
});
