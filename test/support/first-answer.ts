/**
 * The interaction core with every command, as the bot runs it, and the one answer it sends Discord
 * first for an interaction: what a test of a press or a command reads.
 */

import type { APIInteraction } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { COMMANDS } from '../../src/commands';
import { createLogger } from '../../src/config/logger';
import { createInteractionCore } from '../../src/interactions/core';
import type { MessageBody, Responder } from '../../src/interactions/responder';
import type { TeamStore } from '../../src/store/types';
import { memoryStore } from './context';

export interface Callback {
  type: number;
  data: MessageBody;
}

/** Answers an interaction with the core over `store`; resolves with its only callback. */
export function firstAnswerWith(store: TeamStore = memoryStore()): (interaction: APIInteraction) => Promise<Callback> {
  const core = createInteractionCore({ commands: COMMANDS, store, logger: createLogger({ level: 'fatal', destination: { write: () => {} } }), download: async () => new Uint8Array() });
  return async (interaction) => {
    const sent: Callback[] = [];
    const responder: Responder = {
      respond: async (r) => void sent.push({ type: r.type, data: ('data' in r ? r.data : undefined) as MessageBody }),
      editOriginal: async () => {},
      followUp: async () => {},
      deleteOriginal: async () => {},
    };
    await core.handle(interaction, responder);
    expect(sent).toHaveLength(1);
    return sent[0]!;
  };
}
