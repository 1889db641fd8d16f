/**
 * Drives the interaction core the way Discord would, without a network: a command line typed as
 * in Discord, or a button pressed on a message, becomes wire JSON, and the core's answer is kept.
 * The CLI does the same (src/cli/local-interaction.ts); tests share its builders.
 */

import { COMMANDS } from '../../src/commands';
import type { Attachment, Command, SlashCommand } from '../../src/commands/types';
import { createLogger } from '../../src/config/logger';
import { parseCommandLine } from '../../src/cli/command-line';
import { capturingResponder, chatInput, localAttachment, onMessage, pressed, type Place, type Shown } from '../../src/cli/local-interaction';
import { choosables } from '../../src/cli/render-text';
import type { Outcome } from '../../src/interactions/core';
import { tierbotCore } from '../../src/interactions/tierbot';
import type { TeamStore } from '../../src/store/types';
import { memoryStore } from './context';

export interface Answer {
  outcome: Outcome;
  shown: Shown;
}

export interface Driver {
  /** A slash command typed as in Discord: "/tier 30k", "/house set tiers:...". */
  run(line: string, place?: Partial<Place>, files?: Record<string, Uint8Array>): Promise<Answer>;
  /** "Classify follower counts" on a message with this text. */
  onMessage(text: string, place?: Partial<Place>): Promise<Answer>;
  /** Presses choosable `number` (as the CLI numbers them) on a shown message. */
  press(shown: Shown, number: number, place?: Partial<Place>): Promise<Answer>;
  logs: Record<string, unknown>[];
}

export function driver(opts: { store?: TeamStore; commands?: readonly Command[]; charts?: boolean } = {}): Driver {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) } });
  const served = new Map<string, Uint8Array>();
  const download = async (a: Attachment) => {
    const data = served.get(a.url);
    if (!data) throw new Error(`nothing served at ${a.url}`);
    return data;
  };
  const commands = opts.commands ?? COMMANDS;
  const core = tierbotCore({ store: opts.store ?? memoryStore(), logger, charts: opts.charts ?? false, commands, download });
  const slash = commands.filter((c): c is SlashCommand => c.kind === 'slash');
  const at = (place: Partial<Place> = {}): Place => ({ guildId: place.guildId, manager: place.manager ?? false });

  async function answer(interaction: Parameters<typeof core.handle>[0], previous?: Shown): Promise<Answer> {
    const responder = capturingResponder(previous);
    const outcome = await core.handle(interaction, responder);
    const shown = responder.final();
    if (!shown) throw new Error(`no answer (${outcome})`);
    return { outcome, shown };
  }

  return {
    logs,
    async run(line, place, files = {}) {
      const parsed = parseCommandLine(line, slash);
      if (!parsed.ok) throw new Error(parsed.reason);
      const attachments: Record<string, ReturnType<typeof localAttachment>> = {};
      for (const file of parsed.files) {
        const data = files[file.path];
        if (!data) throw new Error(`test file ${file.path} not given`);
        const url = `test-file:${file.path}`;
        served.set(url, data);
        attachments[file.id] = { ...localAttachment(file.id, file.path, data.byteLength), url };
      }
      return answer(chatInput(at(place), parsed.command.definition.name, parsed.options, attachments));
    },
    async onMessage(text, place) {
      const menu = commands.find((c) => c.kind === 'message');
      if (!menu) throw new Error('no message command');
      return answer(onMessage(at(place), menu.definition.name, text));
    },
    async press(shown, number, place) {
      const target = choosables(shown.body).find((c) => c.number === number);
      if (!target) throw new Error(`no choice ${number}`);
      const attachments = shown.files.map((f, i) => {
        const url = `test-message-file:${i}:${f.name}:${Math.random()}`;
        served.set(url, f.data);
        return { id: String(i), filename: f.name, size: f.data.byteLength, url, proxy_url: url };
      });
      const message = { ...shown.body, attachments } as unknown as Parameters<typeof pressed>[3];
      return answer(pressed(at(place), target.customId, target.value === undefined ? undefined : [target.value], message), shown);
    },
  };
}
