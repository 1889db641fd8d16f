/**
 * End-to-end harness: the Discord stand-in on 127.0.0.1 and the real bot, in either way in:
 * - 'gateway': the discord.js Client logged into the stand-in's gateway;
 * - 'http': the fastify Interactions Endpoint, to which the stand-in POSTs signed interactions.
 * Both hand the same core the same wire JSON, so the same tests run against both.
 */

import { afterAll, beforeAll } from 'vitest';
import type { Command } from '../../src/commands/types';
import { deployCommands } from '../../src/cli/deploy-commands';
import { createLogger } from '../../src/config/logger';
import { startGateway, type RunningGateway } from '../../src/gateway/client';
import { createHttpApp } from '../../src/http/server';
import { publicKeyFromHex } from '../../src/http/verify';
import { createMetrics, type Metrics } from '../../src/interactions/metrics';
import { webhookRest } from '../../src/interactions/responder';
import { tierbotCore } from '../../src/interactions/tierbot';
import type { TeamStore } from '../../src/store/types';
import { finalAnswer, startStandIn, type CommandOptionValue, type InteractionRecord, type SendAt, type StandIn, type StandInOptions } from '../../tools/standin/server';
import { memoryStore } from '../support/context';
import { freePort } from '../support/ports';

export type Mode = 'gateway' | 'http';
export const MODES: Mode[] = ['gateway', 'http'];

type Values = Record<string, CommandOptionValue>;

export interface Harness {
  mode: Mode;
  standIn: StandIn;
  /** The discord.js client's handle, in gateway mode. */
  gateway: RunningGateway | undefined;
  metrics: Metrics;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  command(name: string, options?: Values, at?: SendAt): Promise<InteractionRecord>;
  autocomplete(name: string, focused: string, value: string, options?: Values, at?: SendAt): Promise<InteractionRecord>;
  messageCommand(name: string, message: Parameters<StandIn['sendMessageCommand']>[1], at?: SendAt): Promise<InteractionRecord>;
  component(customId: string, opts?: Parameters<StandIn['sendComponent']>[1]): Promise<InteractionRecord>;
  close(): Promise<void>;
}

/** Long enough for a first chart, whose renderer process is still starting. */
const ANSWER_WAIT_MS = 12_000;

export interface HarnessOptions {
  mode?: Mode;
  standIn?: StandInOptions;
  commands?: readonly Command[];
  store?: TeamStore;
}

/**
 * One harness per way in for a test file: started before its tests, closed after them. Returns
 * the harness of a mode, for the tests inside `describe.each(MODES)`.
 */
export function harnessForEachMode(opts: Omit<HarnessOptions, 'mode'> = {}): (mode: Mode) => Harness {
  const harnesses = new Map<Mode, Harness>();
  beforeAll(async () => {
    for (const mode of MODES) harnesses.set(mode, await startHarness({ ...opts, mode }));
  });
  afterAll(async () => {
    for (const h of harnesses.values()) await h.close();
  });
  return (mode) => harnesses.get(mode)!;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const mode = opts.mode ?? 'gateway';
  const port = mode === 'http' ? await freePort() : 0;
  const standIn = await startStandIn({ ...opts.standIn, ...(mode === 'http' ? { interactionsEndpoint: `http://127.0.0.1:${port}/interactions` } : {}) });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: [standIn.token],
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  const metrics = createMetrics();
  const store = opts.store ?? memoryStore();
  const core = tierbotCore({ store, logger, metrics, ...(opts.commands ? { commands: opts.commands } : {}) });
  await deployCommands({ token: standIn.token, clientId: standIn.applicationId, guildId: standIn.guildIds[0], apiUrl: standIn.apiUrl });

  let stop: () => Promise<void>;
  let gateway: RunningGateway | undefined;
  if (mode === 'gateway') {
    const bot = (gateway = await startGateway({ token: standIn.token, apiUrl: standIn.apiUrl, logger, core }));
    stop = () => bot.stop(1000);
  } else {
    const http = createHttpApp({ core, publicKey: publicKeyFromHex(standIn.publicKey), rest: webhookRest(logger, standIn.apiUrl), logger, metrics, ready: () => store.ready() });
    await http.app.listen({ host: '127.0.0.1', port });
    stop = () => http.drain(1000);
  }
  await standIn.waitForReady();
  return {
    mode,
    standIn,
    gateway,
    metrics,
    logs,
    command: (name, options, at) => standIn.waitForAnswer(standIn.sendCommand(name, options, at), ANSWER_WAIT_MS),
    autocomplete: (name, focused, value, options, at) => standIn.waitForAnswer(standIn.sendAutocomplete(name, focused, value, options, at), ANSWER_WAIT_MS),
    messageCommand: (name, message, at) => standIn.waitForAnswer(standIn.sendMessageCommand(name, message, at), ANSWER_WAIT_MS),
    component: (customId, o) => standIn.waitForAnswer(standIn.sendComponent(customId, o), ANSWER_WAIT_MS),
    async close() {
      await stop();
      await standIn.close();
    },
  };
}

/** The message an interaction ended with: the immediate reply, or the edit after a defer. */
export const answerOf = finalAnswer;

/** All the text of a message's embeds, for assertions. */
export function embedText(body: any): string {
  return (body.embeds ?? [])
    .map((e: any) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'))
    .join('\n');
}
