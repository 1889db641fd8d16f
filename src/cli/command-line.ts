/**
 * Reads a command typed as in Discord — `/tier followers:30k`, `/tier 30k`, `/compare budget:5k
 * platform:tiktok` — into a command and its option values. Shared by the CLI and the playground.
 */

import { ApplicationCommandOptionType } from 'discord.js';
import type { Command, OptionValues } from '../commands/types';

export type ParsedLine = { ok: true; command: Command; options: OptionValues } | { ok: false; reason: string };

/** Splits on spaces, keeping "quoted text" together. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

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

/** `words` are what follows the command name; `name:value` starts an option, other words extend it. */
export function parseOptions(command: Command, words: readonly string[]): { ok: true; options: OptionValues } | { ok: false; reason: string } {
  const defined = command.definition.options ?? [];
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
      return { ok: false, reason: `/${command.definition.name} takes no options, but "${word}" was given.` };
    }
  }
  const options: Record<string, string | number | boolean | undefined> = {};
  for (const option of defined) {
    const words = raw.get(option.name);
    if (!words) {
      if ('required' in option && option.required) return { ok: false, reason: `/${command.definition.name} needs ${option.name}: ${option.description}.` };
      continue;
    }
    const converted = convert(option.type, option.name, words.join(' ').trim());
    if (converted.reason) return { ok: false, reason: converted.reason };
    options[option.name] = converted.value;
  }
  return { ok: true, options };
}

export function parseCommandLine(line: string, commands: readonly Command[]): ParsedLine {
  const [head = '', ...rest] = splitWords(line.trim());
  const name = head.replace(/^\//, '').toLowerCase();
  const command = commands.find((c) => c.definition.name === name);
  if (!command) {
    const known = commands.map((c) => `/${c.definition.name}`).join(', ');
    return { ok: false, reason: head ? `Unknown command ${head}. Commands: ${known}.` : `Type a command: ${known}.` };
  }
  const parsed = parseOptions(command, rest);
  return parsed.ok ? { ok: true, command, options: parsed.options } : parsed;
}
