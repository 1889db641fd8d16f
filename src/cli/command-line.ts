/**
 * Reads a command typed as in Discord — `/tier followers:30k`, `/tier 30k`, `/compare budget:5k
 * platform:tiktok`, `/house set "tiers:nano 1k-10k, micro 10k-75k"` — into the command and its
 * options as Discord would deliver them. Shared by the CLI and the playground.
 */

import { ApplicationCommandOptionType, type APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import type { SlashCommand } from '../commands/types';

export type WireOption = APIApplicationCommandInteractionDataOption;

/**
 * An attachment option's value: the local path the user typed, read by the caller. The option is
 * already in place among the others (under its subcommand, as Discord sends it), its value `id`:
 * the caller resolves that id to the file, as Discord's `resolved.attachments` does.
 */
export interface LocalFile {
  option: string;
  path: string;
  id: string;
}

export type ParsedLine =
  | { ok: true; command: SlashCommand; options: WireOption[]; files: LocalFile[]; values: Record<string, string | number | boolean> }
  | { ok: false; reason: string };

/** Splits on spaces, keeping "quoted text" together. */
export function splitWords(line: string): string[] {
  return quotedWords(line).map((w) => w.text);
}

/** A word of the command and whether it was quoted (one unit, as a shell argument is). */
interface Word {
  text: string;
  quoted: boolean;
}

function quotedWords(line: string): Word[] {
  const words: Word[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    words.push({ text: match[1] ?? match[2] ?? match[3] ?? '', quoted: match[3] === undefined });
  }
  return words;
}

type DefinedOption = NonNullable<SlashCommand['definition']['options']>[number];

function convert(type: ApplicationCommandOptionType, name: string, raw: string): { value?: string | number | boolean; reason?: string } {
  switch (type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(raw);
      const whole = type === ApplicationCommandOptionType.Integer;
      if (raw.trim() === '' || !Number.isFinite(n) || (whole && !Number.isInteger(n))) {
        return { reason: `Option ${name} takes ${whole ? 'a whole number' : 'a number'}; "${raw}" is not one.` };
      }
      return { value: n };
    }
    case ApplicationCommandOptionType.Boolean:
      if (!/^(true|false)$/i.test(raw)) return { reason: `Option ${name} takes true or false.` };
      return { value: raw.toLowerCase() === 'true' };
    default:
      return { value: raw };
  }
}

type OptionsResult = { ok: true; options: WireOption[]; files: LocalFile[]; values: Record<string, string | number | boolean> } | { ok: false; reason: string };

/**
 * `name:value` with a name as Discord allows it. A declared option's name always makes an option
 * (`name_column: x` included); otherwise "CPM: cost" and "https://…" are values, not options.
 */
function asOption(text: string, defined: readonly DefinedOption[]): { name: string; value: string } | undefined {
  const match = /^([\p{L}\p{N}_-]+):(.*)$/su.exec(text);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  if (!defined.some((o) => o.name === name) && /^(\s|\/\/)/.test(match[2]!)) return undefined;
  return { name, value: match[2]! };
}

/**
 * `words` follow the command (and subcommand) name. `name:value` gives an option; a plain word before
 * any option is the first required option (or the first). `strict` is for shell arguments, where each
 * word is a whole value; a typed line (not strict) lets unquoted words continue the value before them,
 * as one types a value with spaces in Discord (`/tier followers:2.5 million`).
 */
function parseOptions(where: string, defined: readonly DefinedOption[], words: readonly Word[], strict: boolean): OptionsResult {
  const raw = new Map<string, string[]>();
  const first = defined.find((o) => 'required' in o && o.required) ?? defined[0];
  const names = defined.map((o) => o.name).join(', ');
  const fail = (reason: string): OptionsResult => ({ ok: false, reason });
  const noOptions = (word: string) => fail(`${where} takes no options, but "${word}" was given.`);
  const given = (name: string, value: string) => {
    const before = raw.get(name);
    if (before) return fail(`${where} got ${name} twice (${before.join(' ')}, then ${value}): give each option once.`);
    raw.set(name, [value]);
    return undefined;
  };
  let current: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const { text, quoted } = words[i]!;
    const checked = strict || !quoted;
    const option = asOption(text, defined);
    if (option && defined.some((o) => o.name === option.name)) {
      let value = option.value;
      // `budget: 5000` as two shell arguments: the value is the next one.
      const next = words[i + 1];
      if (strict && value === '' && next && !asOption(next.text, defined)) {
        value = next.text;
        i++;
      }
      const twice = given(option.name, value);
      if (twice) return twice;
      current = option.name;
      continue;
    }
    if (option && checked) {
      if (!defined.length) return noOptions(text);
      return fail(`Unknown option ${option.name} for ${where} (its options: ${names}).`);
    }
    const bare = checked ? defined.find((o) => o.name === text.toLowerCase()) : undefined;
    if (current === undefined) {
      if (bare) return fail(`${bare.name} needs a value as ${bare.name}:<value>.`);
      if (!first) return noOptions(text);
      current = first.name;
      raw.set(current, [text]);
    } else if (!strict) {
      raw.get(current)!.push(text);
    } else if (bare) {
      return fail(`${bare.name} needs a value as ${bare.name}:<value>.`);
    } else {
      return fail(`"${text}" is not an option of ${where}: give each option as name:value, quoting a value with spaces as one argument (its options: ${names}).`);
    }
  }
  const options: WireOption[] = [];
  const files: LocalFile[] = [];
  const values: Record<string, string | number | boolean> = {};
  for (const option of defined) {
    const typed = raw.get(option.name);
    if (!typed) {
      if ('required' in option && option.required) return { ok: false, reason: `${where} needs ${option.name}: ${option.description}.` };
      continue;
    }
    const text = typed.join(' ').trim();
    if (option.type === ApplicationCommandOptionType.Attachment) {
      const id = String(files.length + 1);
      files.push({ option: option.name, path: text, id });
      options.push({ name: option.name, type: option.type, value: id } as WireOption);
      continue;
    }
    const converted = convert(option.type, option.name, text);
    if (converted.reason !== undefined || converted.value === undefined) return { ok: false, reason: converted.reason ?? `Option ${option.name} is empty.` };
    values[option.name] = converted.value;
    options.push({ name: option.name, type: option.type, value: converted.value } as WireOption);
  }
  return { ok: true, options, files, values };
}

/** The subcommands a bare command name runs, in the CLI and the playground. */
const READING_SUBCOMMANDS: readonly string[] = ['list', 'show'];

/**
 * A command typed as one line (`/tier followers:2.5 million`, quotes keep text together), or as shell
 * arguments (`['/tier', 'followers:2.5 million']`), where each argument is one whole word or value.
 */
export function parseCommandLine(input: string | readonly string[], commands: readonly SlashCommand[]): ParsedLine {
  const strict = typeof input !== 'string';
  const all = typeof input === 'string' ? quotedWords(input.trim()) : input.map((text) => ({ text, quoted: true }));
  const [head = '', ...rest] = all.map((w, i) => (i === 0 ? w.text.trim() : w.text));
  const name = head.replace(/^\//, '').toLowerCase();
  const command = commands.find((c) => c.definition.name === name);
  const known = commands.map((c) => `/${c.definition.name}`).join(', ');
  if (!command) return { ok: false, reason: head ? `Unknown command ${head}. Commands: ${known}.` : `Type a command: ${known}.` };
  const defined = command.definition.options ?? [];
  const subcommands = defined.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const words = all.slice(1);
  if (subcommands.length === 0) {
    const parsed = parseOptions(`/${name}`, defined, words, strict);
    return parsed.ok ? { command, ...parsed } : parsed;
  }
  const sub = rest[0] ?? '';
  // Typed bare, a command runs the subcommand that only reads (/plans lists, /house shows):
  // Discord's menu always asks for one, but here a bare name is what a person types first.
  const chosen = sub === '' ? subcommands.find((s) => READING_SUBCOMMANDS.includes(s.name)) : subcommands.find((s) => s.name === sub.toLowerCase());
  if (!chosen) return { ok: false, reason: `/${name} needs one of: ${subcommands.map((s) => `/${name} ${s.name}`).join(', ')}.` };
  const parsed = parseOptions(`/${name} ${chosen.name}`, ('options' in chosen ? (chosen.options ?? []) : []) as readonly DefinedOption[], words.slice(1), strict);
  if (!parsed.ok) return parsed;
  const wrapped = { name: chosen.name, type: ApplicationCommandOptionType.Subcommand, options: parsed.options } as WireOption;
  return { ok: true, command, options: [wrapped], files: parsed.files, values: parsed.values };
}

/** What each type of option takes, as usage shows it; any other type takes `<value>`. */
const VALUE_USAGE: Partial<Record<ApplicationCommandOptionType, string>> = {
  [ApplicationCommandOptionType.Attachment]: '<file path>',
  [ApplicationCommandOptionType.Boolean]: 'true|false',
  [ApplicationCommandOptionType.Integer]: '<whole number>',
  [ApplicationCommandOptionType.Number]: '<number>',
};

function optionUsage(option: DefinedOption): string {
  const choices = 'choices' in option && option.choices?.length ? option.choices.map((c) => String(c.value)).join('|') : undefined;
  const kind = choices ?? VALUE_USAGE[option.type] ?? '<value>';
  const used = `${option.name}:${kind}`;
  return 'required' in option && option.required ? used : `[${used}]`;
}

/** One line per command (and subcommand) with its options, read from the definitions. */
export function commandUsage(commands: readonly SlashCommand[]): string[] {
  const lines: string[] = [];
  for (const command of commands) {
    const defined = command.definition.options ?? [];
    const subcommands = defined.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    const forms: [string, readonly DefinedOption[]][] = subcommands.length
      ? subcommands.map((s) => [`/${command.definition.name} ${s.name}`, ('options' in s ? (s.options ?? []) : []) as readonly DefinedOption[]])
      : [[`/${command.definition.name}`, defined]];
    for (const [name, options] of forms) lines.push([name, ...options.map(optionUsage)].join(' '));
  }
  return lines;
}
