import { it } from 'vitest';
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { COMMANDS } from '../src/commands';
import { createLogger } from '../src/config/logger';
import { createInteractionCore } from '../src/interactions/core';
import { memoryStore } from './support/context';
it('scratch', async () => {
  const logger = createLogger({ level: 'debug', destination: { write: (l: string) => void console.log(l.slice(0, 300)) } });
  const core = createInteractionCore({ commands: COMMANDS, store: memoryStore(), logger, download: async () => new Uint8Array() });
  const send = async (name: string, options: unknown[]) => {
    const id = String((BigInt(Date.now()) - 1420070400000n) << 22n);
    const i = { id, application_id: '1', token: 't', type: InteractionType.ApplicationCommand, version: 1, data: { id: '2', name, type: 1, options }, user: { id: '3', username: 'u' }, guild_id: '9', member: { permissions: '0', user: { id: '3', username: 'u' } } } as unknown as APIInteraction;
    let out: unknown;
    await core.handle(i, { respond: async (r) => void (out = r), editOriginal: async (b) => void (out = b), followUp: async (b) => void (out = b) });
    console.log(name, JSON.stringify(options), '→', JSON.stringify(out).slice(0, 250));
  };
  await send('tier', []);
  await send('tier', [{ name: 'followers', type: 4, value: 30000 }]);
  await send('tiers', [{ name: 'source', type: 4, value: 3 }]);
  await send('glossary', [{ name: 'term', type: 5, value: true }]);
  await send('compare', [{ name: 'budget', type: 3, value: 5 }]);
  await send('compare', [{ name: 'preset', type: 3, value: 'nonexistent' }]);
  await send('house', [{ name: 'set', type: 1, options: [] }]);
  await send('roster', []);
  await send('roster', [{ name: 'file', type: 3, value: 'x' }]);
});
