/**
 * The contract between the ways in (bot, CLI, playground, tests) and the commands: plain option
 * values in, a plain reply payload out. Nothing here touches a live interaction.
 */

import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ChartRequest } from '../charts/kinds';

/** Option values as Discord delivers them, by option name. */
export type OptionValues = Readonly<Record<string, string | number | boolean | undefined>>;

export interface ReplyFile {
  name: string;
  data: Buffer;
  description?: string;
}

/** The message body sent to Discord, exactly as the bot sends it (files aside). */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** MessageFlags.Ephemeral (64) for replies only the invoking user sees. */
  flags?: number;
}

export interface Reply extends ReplyPayload {
  files?: ReplyFile[];
  /** The chart this reply should carry, for its sender to attach (see RunContext). */
  chart?: ChartRequest;
  /** True when the reply explains bad input (the CLI then exits 2); never sent to Discord. */
  inputError?: boolean;
}

/** How a component's answer is delivered: replace the message it sits on, or a new reply. */
export interface ComponentReply {
  mode: 'update' | 'reply';
  reply: Reply;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

/**
 * How a reply gets its chart: rendered and attached (`true`), left out (`false`: tests of text
 * and limits, bursts), or only named in `Reply.chart` (`'requested'`): the bot then has the chart
 * renderer send the reply with its chart, so the PNG never passes through the bot's process.
 */
export interface RunContext {
  charts: boolean | 'requested';
}

export const WITH_CHARTS: RunContext = { charts: true };
export const WITHOUT_CHARTS: RunContext = { charts: false };
export const CHARTS_REQUESTED: RunContext = { charts: 'requested' };

export interface Command {
  /** The definition Discord registers (built with discord.js builders, serialised). */
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(options: OptionValues, context?: RunContext): Reply | Promise<Reply>;
  autocomplete?(focused: { name: string; value: string }, options: OptionValues): Choice[];
  /**
   * Buttons and selects whose custom_id starts with "<command name>:". The state they need lives
   * in the custom_id, so they keep working after a restart.
   */
  component?(customId: string, values: readonly string[], context?: RunContext): ComponentReply | Promise<ComponentReply>;
  /**
   * Builds the answers that never change (a glossary term, a source) ahead of the first user who
   * asks: one answer per step, so the bot can run the steps between interactions.
   */
  prepare?(): Iterator<unknown>;
}

/** Components carry "<command>:<state>" custom ids: the command that owns one is its prefix. */
export function customIdOwner(customId: string): string {
  return customId.split(':', 1)[0] ?? '';
}
