/**
 * End-to-end harness: the Discord stand-in on 127.0.0.1, the real bot (discord.js Client,
 * router, error boundary) logged into it, and helpers to send interactions the way Discord does.
 */

import { startBot, type RunningBot } from '../../src/gateway/app';
import { COLD_CHART_BUDGET_MS } from '../../src/charts';
import { COMMANDS } from '../../src/commands';
import type { Command } from '../../src/commands/types';
import { deployCommands } from '../../src/cli/deploy-commands';
import { createLogger } from '../../src/config/logger';
import { finalAnswer, startStandIn, type InteractionRecord, type StandIn, type StandInOptions } from '../../tools/standin/server';

export interface Harness {
  standIn: StandIn;
  bot: RunningBot;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  command(name: string, options?: Record<string, string | number | boolean>): Promise<InteractionRecord>;
  autocomplete(name: string, focused: string, value: string, options?: Record<string, string | number | boolean>): Promise<InteractionRecord>;
  component(customId: string, opts?: { values?: string[]; componentType?: 2 | 3; message?: unknown }): Promise<InteractionRecord>;
  close(): Promise<void>;
}

/**
 * How long a helper waits for an answer. A chart reply may legitimately come that late: the bot
 * defers, then waits up to its cold-start chart budget before answering in text, and a slow
 * machine must not fail a bot that is doing exactly that.
 */
const ANSWER_WAIT_MS = COLD_CHART_BUDGET_MS + 4000;

export async function startHarness(opts: { standIn?: StandInOptions; commands?: readonly Command[] } = {}): Promise<Harness> {
  const standIn = await startStandIn(opts.standIn);
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: [standIn.token],
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  await deployCommands({ token: standIn.token, clientId: standIn.applicationId, guildId: standIn.guildIds[0], apiUrl: standIn.apiUrl });
  const bot = await startBot({ token: standIn.token, apiUrl: standIn.apiUrl, logger, commands: opts.commands ?? COMMANDS });
  await standIn.waitForReady();
  return {
    standIn,
    bot,
    logs,
    command: (name, options) => standIn.waitForAnswer(standIn.sendCommand(name, options), ANSWER_WAIT_MS),
    autocomplete: (name, focused, value, options) => standIn.waitForAnswer(standIn.sendAutocomplete(name, focused, value, options), ANSWER_WAIT_MS),
    component: (customId, o) => standIn.waitForAnswer(standIn.sendComponent(customId, o), ANSWER_WAIT_MS),
    async close() {
      await bot.stop(1000);
      await standIn.close();
    },
  };
}

/** The message an interaction ended with: the immediate reply, or the edit after a defer. */
export const answerOf = finalAnswer;

/** All the text of a message's embeds, for assertions. */
export function embedText(body: any): string {
  return (body.embeds ?? [])
    .map((e: any) => [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'))
    .join('\n');
}
