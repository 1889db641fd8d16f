/**
 * The option values a command's `run()` receives, derived from its definition's type: a command
 * declared `as const` gets `{ followers: string }` for a required string option, a union of the
 * choice values for an option with choices, `{ subcommand: 'set'; tiers: string } | ...` for
 * subcommands, and so on. No handler converts values by hand.
 */

import type { ApplicationCommandOptionType } from 'discord-api-types/v10';

/** A file the user attached to an ATTACHMENT option, as Discord resolves it. */
export interface Attachment {
  id: string;
  filename: string;
  url: string;
  size: number;
  contentType?: string;
}

/** One option value as it reaches run(): attachments are resolved from `data.resolved`. */
export type OptionValue = string | number | boolean | Attachment;

/** Option values by name (and `subcommand` when the command has subcommands). */
export type OptionArgs = Readonly<Record<string, OptionValue | undefined>>;

type ChoiceValues<O> = O extends { readonly choices: readonly { readonly value: infer V }[] } ? V : never;
type OrChoices<O, T> = [ChoiceValues<O>] extends [never] ? T : ChoiceValues<O>;

type ValueOf<O> = O extends { readonly type: ApplicationCommandOptionType.String }
  ? OrChoices<O, string>
  : O extends { readonly type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
    ? OrChoices<O, number>
    : O extends { readonly type: ApplicationCommandOptionType.Boolean }
      ? boolean
      : O extends { readonly type: ApplicationCommandOptionType.Attachment }
        ? Attachment
        : O extends { readonly type: ApplicationCommandOptionType.User | ApplicationCommandOptionType.Channel | ApplicationCommandOptionType.Role | ApplicationCommandOptionType.Mentionable }
          ? string
          : never;

type Required<Opts> = Opts extends readonly (infer O)[] ? (O extends { readonly name: infer N extends string; readonly required: true } ? N : never) : never;

type OptionsArgs<Opts> = Opts extends readonly (infer O)[]
  ? { readonly [K in Required<Opts>]: ValueOf<Extract<O, { readonly name: K }>> } & {
      readonly [K in Exclude<O extends { readonly name: infer N extends string } ? N : never, Required<Opts>>]?: ValueOf<Extract<O, { readonly name: K }>>;
    }
  : Record<never, never>;

type SubcommandArgs<O> = O extends { readonly type: ApplicationCommandOptionType.Subcommand; readonly name: infer N extends string }
  ? { readonly subcommand: N } & OptionsArgs<O extends { readonly options: infer Inner } ? Inner : []>
  : never;

/** What run() receives for a command definition `D` (declared `as const`). */
export type ArgumentsOf<D> = D extends { readonly options: readonly (infer O)[] }
  ? [Extract<O, { readonly type: ApplicationCommandOptionType.Subcommand }>] extends [never]
    ? OptionsArgs<D['options']>
    : SubcommandArgs<O>
  : Record<never, never>;
