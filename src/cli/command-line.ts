/**
 * Reads a command typed as in Discord — `/tier followers:30k`, `/tier 30k`, `/compare budget:5k
 * platform:tiktok`, `/house set "tiers:nano 1k-10k, micro 10k-75k"` — into the command and its
 * options as Discord would deliver them. Shared by the CLI and the playground.
 */

import { ApplicationCommandOptionType, type APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import type { SlashCommand } from '../commands/types';

export type WireOption = APIApplicationCommandInteractionDataOption;

/** An attachment option's value: the local path the user typed, read by the caller. */
export interface LocalFile {
  option: string;
  path: string;
}

export type ParsedLine =
  | { ok: true; command: SlashCommand; options: WireOption[]; files: LocalFile[]; values: Record<string, string | number | boolean> }
  | { ok: false; reason: string };

/** Splits on spaces, keeping "quoted text" together. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
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

/** `words` follow the command (and subcommand) name; `name:value` starts an option, other words extend it. */
function parseOptions(where: string, defined: readonly DefinedOption[], words: readonly string[]): OptionsResult {
  const raw = new Map<string, string[]>();
  const first = defined.find((o) => 'required' in o && o.required) ?? defined[0];
  let current: string | undefined;
  for (const word of words) {
    const colon = word.indexOf(':');
    const name = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
    if (defined.some((o) => o.name === name)) {
      current = name;
      raw.set(name, [word.slice(colon + 1)]);
    } else if (current) {
      raw.get(current)!.push(word);
    } else if (first) {
      current = first.name;
      raw.set(current, [word]);
    } else {
      return { ok: false, reason: `${where} takes no options, but "${word}" was given.` };
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
      files.push({ option: option.name, path: text });
      continue;
    }
    const converted = convert(option.type, option.name, text);
    if (converted.reason !== undefined || converted.value === undefined) return { ok: false, reason: converted.reason ?? `Option ${option.name} is empty.` };
    values[option.name] = converted.value;
    options.push({ name: option.name, type: option.type, value: converted.value } as WireOption);
  }
  return { ok: true, options, files, values };
}

export function parseCommandLine(line: string, commands: readonly SlashCommand[]): ParsedLine {
  const [head = '', ...rest] = splitWords(line.trim());
  const name = head.replace(/^\//, '').toLowerCase();
  const command = commands.find((c) => c.definition.name === name);
  const known = commands.map((c) => `/${c.definition.name}`).join(', ');
  if (!command) return { ok: false, reason: head ? `Unknown command ${head}. Commands: ${known}.` : `Type a command: ${known}.` };
  const defined = command.definition.options ?? [];
  const subcommands = defined.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length === 0) {
    const parsed = parseOptions(`/${name}`, defined, rest);
    return parsed.ok ? { command, ...parsed } : parsed;
  }
  const [sub = '', ...words] = rest;
  const chosen = subcommands.find((s) => s.name === sub.toLowerCase());
  if (!chosen) return { ok: false, reason: `/${name} needs one of: ${subcommands.map((s) => `/${name} ${s.name}`).join(', ')}.` };
  const parsed = parseOptions(`/${name} ${chosen.name}`, ('options' in chosen ? (chosen.options ?? []) : []) as readonly DefinedOption[], words);
  if (!parsed.ok) return parsed;
  const wrapped = { name: chosen.name, type: ApplicationCommandOptionType.Subcommand, options: parsed.options } as WireOption;
  return { ok: true, command, options: [wrapped], files: parsed.files, values: parsed.values };
}
