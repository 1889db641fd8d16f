/**
 * The interaction core: one place that knows an interaction's life cycle. It takes Discord's wire
 * JSON and a responder, and holds, once, for every way in (gateway, HTTP endpoint, CLI):
 * routing, the defer policy, the chart decision, the limits check and the error boundary.
 * It knows nothing of discord.js.
 */

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandInteraction,
  type APIApplicationCommandAutocompleteInteraction,
  type APIInteraction,
  type APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import { withChart } from '../charts/attach';
import type { ChartRequest } from '../charts/kinds';
import { failureReply, inputErrorReply } from '../commands/embeds';
import type { Attachment, Choice, Command, ComponentContext, ComponentReply, MessageCommand, Reply, ReplyFile, RunContext, SlashCommand } from '../commands/types';
import { customIdOwner } from '../commands/types';
import type { Logger } from '../config/logger';
import type { TeamStore } from '../store/types';
import { LIMITS, autocompleteProblems, messageProblems } from '../commands/limits';
import type { Metrics } from './metrics';
import type { MessageBody, Responder } from './responder';
import { createdAt, focusedOption, invokerOf, labelOf, optionArgs, optionProblems, targetMessage, toAttachment } from './wire';

/**
 * Answers not ready by then are deferred first, well inside Discord's 3-second window; an
 * autocomplete, which cannot be deferred, is answered then with no choices.
 */
export const DEFER_AFTER_MS = 2000;

/** Discord's window to acknowledge an interaction, counted from when it created it. */
const ACKNOWLEDGE_WITHIN_MS = 3000;

/**
 * How long an interaction's answer may still take before it must be deferred: counted from when
 * Discord created it, so time spent queued counts. An id dated outside the window (a clock set
 * wrong here, or a fixed id in a test) says nothing about this interaction: it counts from now.
 */
export function msUntilDefer(interaction: APIInteraction, now = Date.now()): number {
  const age = now - createdAt(interaction.id);
  if (!(age >= 0 && age < ACKNOWLEDGE_WITHIN_MS)) return DEFER_AFTER_MS;
  return Math.max(0, DEFER_AFTER_MS - age);
}

/** A user-installed app may send at most this many follow-ups per interaction. */
const MAX_FOLLOW_UPS = 5;

export interface CoreOptions {
  commands: readonly Command[];
  store: TeamStore;
  logger: Logger;
  /** Draws charts; omitted: replies go out without charts. */
  charts?: ChartRenderer;
  /** Downloads an attachment's bytes. */
  download: (attachment: Attachment) => Promise<Uint8Array>;
  metrics?: Metrics;
}

export interface ChartRenderer {
  /** The chart as a file, or undefined when it cannot be drawn in time. */
  render(request: ChartRequest): Promise<ReplyFile | undefined>;
  /**
   * Whether a chart asked for now would be drawn soon. When not (a burst), the reply goes out as
   * text at once: answering everyone within Discord's 3 seconds comes before pictures.
   */
  hasRoom(): boolean;
}

/**
 * How an interaction was already acknowledged before the core got it: deferred as a new reply
 * (public, or for the user alone) or as an update of the component's message. The core then
 * edits or follows up.
 */
export type Acknowledged = 'deferred-reply' | 'deferred-private-reply' | 'deferred-update';

export interface InteractionCore {
  /** Answers one interaction; never throws. Resolves with how it ended. */
  handle(interaction: APIInteraction, responder: Responder, acknowledged?: Acknowledged): Promise<Outcome>;
  /** Interactions being answered now (deferred ones until their edit is sent). */
  inFlight(): number;
}

/**
 * How an interaction ended. 'late': an autocomplete whose choices were not ready by the deadline,
 * answered with none; 'expired': Discord had forgotten the interaction before its answer arrived.
 */
export type Outcome = 'answered' | 'input-error' | 'unavailable' | 'failed' | 'late' | 'expired' | 'pong' | 'ignored';

/** How an answered interaction ended, as the log, the metrics and the CLI's exit status tell it. */
const outcomeOf = (reply: Reply): Outcome => (reply.inputError ? 'input-error' : reply.unavailable ? 'unavailable' : 'answered');

/** Discord no longer knows the interaction (10062): its first answer came after 3 seconds. */
export const expired = (err: unknown) => (err as { code?: unknown } | null)?.code === 10062;

/** A reply that would break Discord's limits: a bug, reported to the user with an error id. */
class LimitsError extends Error {
  constructor(readonly problems: string[]) {
    super(`reply breaks Discord's limits: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'LimitsError';
  }
}

/** The message as Discord's JSON. No reply can ping anyone, whatever text it carries. */
function messageBody(reply: Reply, files: readonly ReplyFile[], withFlags: boolean): MessageBody {
  const body: MessageBody = {
    content: reply.content ?? '',
    embeds: reply.embeds,
    components: reply.components ?? [],
    allowed_mentions: { parse: [] },
    // On an edit this also replaces the old attachments: a chart must not linger under new text.
    attachments: files.map((file, index) => ({ id: index, filename: file.name, description: file.description })),
  };
  if (withFlags && reply.flags) body.flags = reply.flags & MessageFlags.Ephemeral;
  const problems = messageProblems(body);
  if (problems.length) throw new LimitsError(problems);
  return body;
}

const TIMEOUT = Symbol('timeout');

/**
 * TIMEOUT after `ms`, unless cancelled. Answers are cancelled as soon as they are ready: a timer
 * left to run would hold its promise for two seconds after every interaction.
 */
export function deadline(ms: number): { reached: Promise<typeof TIMEOUT>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMEOUT).unref();
  });
  return { reached, cancel: () => clearTimeout(timer) };
}

const isEphemeral = (flags: number | undefined) => Boolean((flags ?? 0) & MessageFlags.Ephemeral);

/** What the responder has done so far: the error boundary picks reply, edit or follow-up by it. */
interface State {
  responded: boolean;
  deferred: boolean;
  /** Deferred as an update of the component's message, which a failure must not overwrite. */
  deferredUpdate: boolean;
  /** Deferred as "only you can see this": the edit that follows is private too. */
  deferredEphemeral: boolean;
  edited: boolean;
  /** The original response is gone (a public "thinking" message replaced by a private answer): a failure cannot be edited into it. */
  originalDeleted: boolean;
  followUps: number;
  /** The defer under way, so that a timer and a download never acknowledge the same interaction twice. */
  deferring?: Promise<void>;
}

function tracking(responder: Responder, acknowledged: Acknowledged | undefined): { state: State; responder: Responder } {
  const state: State = {
    responded: acknowledged !== undefined,
    deferred: acknowledged !== undefined,
    deferredUpdate: acknowledged === 'deferred-update',
    deferredEphemeral: acknowledged === 'deferred-private-reply',
    edited: false,
    originalDeleted: false,
    followUps: 0,
  };
  return {
    state,
    responder: {
      async respond(response) {
        // Marked only once Discord took it: after a refused first answer, the error id can still be the first.
        await responder.respond(response);
        state.responded = true;
        state.deferred =
          response.type === InteractionResponseType.DeferredChannelMessageWithSource || response.type === InteractionResponseType.DeferredMessageUpdate;
        state.deferredUpdate = response.type === InteractionResponseType.DeferredMessageUpdate;
        state.deferredEphemeral = response.type === InteractionResponseType.DeferredChannelMessageWithSource && isEphemeral(response.data?.flags);
      },
      async editOriginal(body, files) {
        await responder.editOriginal(body, files);
        state.edited = true;
      },
      async followUp(body, files) {
        if (state.followUps >= MAX_FOLLOW_UPS) throw new Error('no follow-ups left for this interaction');
        state.followUps += 1;
        await responder.followUp(body, files);
      },
      async deleteOriginal() {
        await responder.deleteOriginal();
        state.originalDeleted = true;
      },
    },
  };
}

/** The names of a command's subcommands, if it has any. */
function subcommandsOf(command: SlashCommand): string[] {
  return (command.definition.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand).map((o) => o.name);
}

/** Whether the command declares autocomplete on this option (at the top level or under a subcommand). */
function declaresAutocomplete(command: SlashCommand, name: string): boolean {
  type Declared = { name: string; autocomplete?: boolean; options?: readonly Declared[] };
  const visit = (options: readonly Declared[] | undefined): boolean =>
    (options ?? []).some((o) => (o.name === name && o.autocomplete === true) || visit(o.options));
  return visit(command.definition.options as readonly Declared[] | undefined);
}

export function createInteractionCore(options: CoreOptions): InteractionCore {
  const { commands, store, logger, charts, download, metrics } = options;
  const slash = new Map<string, SlashCommand>();
  const byMenuName = new Map<string, MessageCommand>();
  const byPrefix = new Map<string, Command>();
  for (const command of commands) {
    if (command.kind === 'slash') {
      slash.set(command.definition.name, command);
      byPrefix.set(command.definition.name, command);
    } else {
      byMenuName.set(command.definition.name, command);
      byPrefix.set(command.componentPrefix, command);
    }
  }
  // What an interaction may be labelled with in logs and metrics (labelOf).
  const labels: ReadonlySet<string> = new Set([...slash.keys(), ...byMenuName.keys(), ...byPrefix.keys()]);
  let inFlight = 0;

  /**
   * The context a command or component runs in. Reading a file (download, then parse) can take
   * longer than Discord waits and holds the event loop while it parses, so the interaction is
   * acknowledged before the download starts rather than when a timer gets its turn.
   */
  function contextFor(interaction: APIInteraction, acknowledge?: (flags?: number) => Promise<void>): RunContext {
    const downloadAfterAcknowledging = async (attachment: Attachment, { privately = false } = {}) => {
      // A private answer's "thinking" is private too: a public one would show in the channel.
      await acknowledge?.(privately ? MessageFlags.Ephemeral : undefined);
      return download(attachment);
    };
    return { ...invokerOf(interaction), store, download: downloadAfterAcknowledging, now: new Date() };
  }

  /**
   * Sends `work`'s reply. An answer not ready in time is deferred first. A reply with a chart or
   * files is deferred and then edited in: the chart is drawn while Discord shows "thinking", and
   * if the renderer is too slow the text goes out alone. A chart is asked for only while the
   * renderer has room; otherwise the reply goes out as text at once.
   */
  async function deliver(interaction: APIInteraction, r: Responder, state: State, reply: Reply, mode: 'reply' | 'update') {
    // Asked for before the defer, so the renderer counts it at once and draws it meanwhile.
    const drawing = reply.chart && charts?.hasRoom() ? charts.render(reply.chart).catch((err: unknown) => chartFailed(interaction, err)) : undefined;
    if (reply.chart && charts && !drawing) metrics?.charts.inc({ result: 'skipped' });
    const files = reply.files ?? [];
    if (!state.responded && !drawing && files.length === 0) {
      const type = mode === 'update' ? InteractionResponseType.UpdateMessage : InteractionResponseType.ChannelMessageWithSource;
      await r.respond({ type, data: messageBody(reply, [], mode === 'reply') });
      return;
    }
    await deferOnce(r, state, mode, reply.flags);
    let final = reply;
    if (drawing) {
      const file = await drawing;
      metrics?.charts.inc({ result: file ? 'rendered' : 'skipped' });
      final = withChart(reply, file);
    }
    const attached = final.files ?? [];
    if (mode === 'reply' && state.deferred && !state.deferredEphemeral && isEphemeral(final.flags)) {
      // A slow answer was deferred in public, and an edit cannot make a message private: the
      // public "thinking" message goes, and the answer follows for the user's eyes only.
      await r.deleteOriginal();
      await r.followUp(messageBody(final, attached, true), attached);
      return;
    }
    await r.editOriginal(messageBody(final, attached, false), attached);
  }

  function chartFailed(interaction: APIInteraction, err: unknown): undefined {
    logger.error({ err, command: labelOf(interaction, labels) }, 'chart failed');
    return undefined;
  }

  function deferOnce(r: Responder, state: State, mode: 'reply' | 'update', flags?: number): Promise<void> {
    if (state.responded) return Promise.resolve();
    state.deferring ??=
      mode === 'update'
        ? r.respond({ type: InteractionResponseType.DeferredMessageUpdate })
        : r.respond({
            type: InteractionResponseType.DeferredChannelMessageWithSource,
            ...(isEphemeral(flags) ? { data: { flags: MessageFlags.Ephemeral } } : {}),
          });
    return state.deferring;
  }

  /** Waits for `work` until the defer deadline (counted from when Discord created the interaction), then defers, unless it is already acknowledged. */
  async function inTime<T>(interaction: APIInteraction, r: Responder, state: State, work: T | Promise<T>, mode: 'reply' | 'update'): Promise<T> {
    if (!(work instanceof Promise) || state.responded) return work;
    const timer = deadline(msUntilDefer(interaction));
    try {
      const first = await Promise.race([work, timer.reached]);
      if (first !== TIMEOUT) return first as T;
    } finally {
      timer.cancel();
    }
    await deferOnce(r, state, mode);
    return work;
  }

  async function command(interaction: APIApplicationCommandInteraction, r: Responder, state: State): Promise<Outcome> {
    const context = contextFor(interaction, (flags) => deferOnce(r, state, 'reply', flags));
    const data = interaction.data;
    let work: Reply | Promise<Reply>;
    if (data.type === ApplicationCommandType.Message) {
      const menu = byMenuName.get(data.name);
      // Discord always resolves the target message; a payload without it gets a plain answer, not a crash.
      const message = targetMessage((data.resolved as Partial<typeof data.resolved> | undefined)?.messages?.[data.target_id]);
      if (!menu) work = unknownCommand(data.name);
      else work = message ? menu.run(message, context) : inputErrorReply('Discord did not send the message to read.', 'right-click a message with text and choose Apps → Classify follower counts again.');
    } else if (data.type === ApplicationCommandType.ChatInput) {
      const found = slash.get(data.name);
      const args = optionArgs(data.options, data.resolved);
      const subcommands = found ? subcommandsOf(found) : [];
      if (!found) work = unknownCommand(data.name);
      else if (subcommands.length && !subcommands.includes(String(args.subcommand))) work = missingSubcommand(data.name, subcommands);
      else {
        const problems = optionProblems(found.definition.options, args);
        work = problems.length ? unexpectedOptions(data.name, problems) : found.run(args, context);
      }
    } else {
      work = unknownCommand(data.name);
    }
    const reply = await inTime(interaction, r, state, work, 'reply');
    await deliver(interaction, r, state, reply, 'reply');
    return outcomeOf(reply);
  }

  function missingSubcommand(name: string, subcommands: string[]): Reply {
    return inputErrorReply(`/${name.slice(0, 32)} needs one of its subcommands.`, `${subcommands.map((sub) => `/${name} ${sub}`).join(', ')}.`);
  }

  function unexpectedOptions(name: string, problems: string[]): Reply {
    const command = `/${name.slice(0, 32)}`;
    return inputErrorReply(
      `${command} arrived with options this version of Tierbot does not expect: ${problems.join('; ')}.`,
      `the options Discord offers for ${command}. If that keeps happening, Discord has an older registration of the command: ask the bot's operator to run \`npm run deploy-commands\`.`,
      'Unexpected options',
    );
  }

  function unknownCommand(name: string): Reply {
    logger.warn({ command: name }, 'interaction for an unknown command');
    const known = [...slash.keys()].map((n) => `/${n}`).join(', ');
    return inputErrorReply(`This version of Tierbot has no command /${name.slice(0, 32)}.`, `${known}.`);
  }

  async function component(interaction: APIMessageComponentInteraction, r: Responder, state: State): Promise<Outcome> {
    const owner = byPrefix.get(customIdOwner(interaction.data.custom_id));
    const context: ComponentContext = {
      ...contextFor(interaction, () => deferOnce(r, state, 'update')),
      message: interaction.message ? { id: interaction.message.id, attachments: (interaction.message.attachments ?? []).map(toAttachment) } : undefined,
    };
    const values = 'values' in interaction.data ? interaction.data.values : [];
    const work: ComponentReply | Promise<ComponentReply> = owner?.component
      ? owner.component(interaction.data.custom_id, values, context)
      : { mode: 'reply', reply: inputErrorReply('This button belongs to a version of Tierbot that no longer exists.', 'run the command again.') };
    // Deferred while unknown, a component's answer updates its message; a separate reply is then a follow-up.
    const { mode, reply } = await inTime(interaction, r, state, work, 'update');
    if (state.deferred && mode === 'reply') {
      const files = reply.files ?? [];
      await r.followUp(messageBody(reply, files, true), files);
    } else {
      await deliver(interaction, r, state, reply, mode);
    }
    return outcomeOf(reply);
  }

  /** The command's choices for what is typed; none when it has no autocomplete there. Rejects when the command fails. */
  async function suggestionsFor(interaction: APIApplicationCommandAutocompleteInteraction): Promise<Choice[]> {
    const found = slash.get(interaction.data.name);
    const focused = focusedOption(interaction.data.options);
    if (found?.autocomplete && focused && declaresAutocomplete(found, focused.name)) {
      return found.autocomplete(focused, optionArgs(interaction.data.options), contextFor(interaction));
    }
    logger.warn({ command: interaction.data.name }, 'autocomplete for an option that has none');
    return [];
  }

  /**
   * Autocomplete cannot be deferred or retried: whatever happens, it is answered once, in time,
   * with what fits. Choices not ready by the defer deadline are given up: the answer is that
   * there are none, and the command's late result (or failure) is dropped.
   */
  async function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, r: Responder): Promise<Outcome> {
    const command = interaction.data.name;
    let late = false;
    const suggesting = suggestionsFor(interaction).catch((err: unknown) => {
      if (!late) logger.warn({ err, command }, 'autocomplete failed; answered with no suggestions');
      return [];
    });
    const timer = deadline(msUntilDefer(interaction));
    let choices: Choice[] | typeof TIMEOUT;
    try {
      choices = await Promise.race([suggesting, timer.reached]);
    } finally {
      timer.cancel();
    }
    if (choices === TIMEOUT) {
      late = true;
      logger.warn({ command, ageMs: Date.now() - createdAt(interaction.id) }, 'autocomplete choices not ready in time; answered with none');
      await r.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
      return 'late';
    }
    const fitting = choices.slice(0, LIMITS.autocompleteChoices);
    const problems = autocompleteProblems(fitting);
    if (problems.length) logger.error({ command, problems }, 'autocomplete choices break the limits; none sent');
    await r.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: problems.length ? [] : fitting } });
    return 'answered';
  }

  /** Tells the user about a failure, by what has been sent so far, so they always see the error id. */
  async function reportFailure(interaction: APIInteraction, r: Responder, state: State, errorId: string) {
    try {
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
        if (!state.responded) await r.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
        return;
      }
      if (interaction.type === InteractionType.Ping) return;
      const reply = failureReply(errorId);
      if (!state.responded) await r.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(reply, [], true) });
      else if (state.deferred && !state.deferredUpdate && !state.edited && !state.originalDeleted) await r.editOriginal(messageBody(reply, [], false), []);
      else await r.followUp(messageBody(reply, [], true), []);
    } catch (err) {
      logger.error({ err, errorId }, 'could not tell the user about a failure');
    }
  }

  async function handle(interaction: APIInteraction, raw: Responder, acknowledged?: Acknowledged): Promise<Outcome> {
    const started = performance.now();
    const label = labelOf(interaction, labels);
    inFlight += 1;
    const { state, responder } = tracking(raw, acknowledged);
    let outcome: Outcome = 'ignored';
    let errorId: string | undefined;
    try {
      switch (interaction.type) {
        case InteractionType.Ping:
          await responder.respond({ type: InteractionResponseType.Pong });
          outcome = 'pong';
          break;
        case InteractionType.ApplicationCommand:
          outcome = await command(interaction, responder, state);
          break;
        case InteractionType.MessageComponent:
          outcome = await component(interaction, responder, state);
          break;
        case InteractionType.ApplicationCommandAutocomplete:
          outcome = await autocomplete(interaction, responder);
          break;
        default:
          logger.warn({ type: interaction.type }, 'interaction of a type Tierbot does not handle');
      }
    } catch (err) {
      errorId = randomUUID().slice(0, 8);
      if (expired(err)) {
        // Telling the user would fail the same way: Discord has forgotten the interaction.
        outcome = 'expired';
        logger.warn({ errorId, command: label, ageMs: Date.now() - createdAt(interaction.id) }, 'interaction expired before its answer reached Discord');
      } else {
        outcome = 'failed';
        logger.error({ err, errorId, command: label }, `/${label} failed`);
        await reportFailure(interaction, responder, state, errorId);
      }
    } finally {
      inFlight -= 1;
      const seconds = (performance.now() - started) / 1000;
      metrics?.interactions.inc({ command: label, outcome });
      metrics?.latency.observe({ command: label }, seconds);
      logger.info({ command: label, outcome, durationMs: Math.round(seconds * 1000), ...(errorId ? { errorId } : {}) }, 'interaction');
    }
    return outcome;
  }

  return { handle, inFlight: () => inFlight };
}
