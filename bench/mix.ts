/**
 * The interaction mix both benches send (`npm run bench` and `--mode http`): one fixed,
 * seeded list of what is asked, where and by whom, in order.
 */

import { COMMANDS } from '../src/commands';
import type { SlashCommand } from '../src/commands/types';
import { TERMS } from '../src/domain/glossary';
import { SOURCES } from '../src/domain/sources';
import { prng } from './stats';

export type Kind = 'tier' | 'tiers' | 'glossary' | 'compare' | 'autocomplete';
export type Values = Record<string, string | number | boolean>;
export interface Planned {
  kind: Kind;
  command: string;
  options: Values;
  guildId: string;
  userId: string;
  /** Autocomplete: the option being typed. */
  focused?: string;
}

export const slash = (name: string) => COMMANDS.find((c): c is SlashCommand => c.kind === 'slash' && c.definition.name === name);
export const compareCommand = slash('compare');

/** One list for both bots: what is asked, where and by whom, in order. */
export function planMix(n: number, guildIds: readonly string[]): Planned[] {
  const next = prng(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const users = Array.from({ length: 1000 }, (_, i) => (300000000000000100n + BigInt(i) * 7919n).toString());
  const followers = () => {
    if (next() < 0.05) return pick(['abc', '-5', '1.2345k', '🔥', 'lots', '99999999999']);
    const count = Math.round(10 ** (2 + next() * 6.5)); // 100 .. ~30M, log-uniform
    switch (Math.floor(next() * 6)) {
      case 0:
        return String(count);
      case 1:
        return count.toLocaleString('en-US');
      case 2:
        return `${Math.max(1, Math.round(count / 1000))}k`;
      case 3:
        return `${(count / 1e6).toFixed(1)}M`;
      case 4:
        return `${(count / 1e6).toFixed(1)} million`;
      default:
        return count.toLocaleString('en-US').replaceAll(',', ' ');
    }
  };
  // /compare options as its definition names them (a case whose options it lacks shrinks to fit).
  const compareOptions: Values[] = (() => {
    const known = new Set((compareCommand?.definition.options ?? []).map((o) => o.name));
    const cases: Values[] = [{}, { budget: '5000' }, { preset: 'kardashian' }, { preset: 'ten-micro' }, { budget: '20000', platform: 'tiktok' }, { budget: '$1,500' }];
    return cases.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => known.has(k))));
  })();
  const weights: [Kind, number][] = compareCommand
    ? [['tier', 35], ['tiers', 15], ['glossary', 15], ['compare', 15], ['autocomplete', 20]]
    : [['tier', 40], ['tiers', 20], ['glossary', 20], ['autocomplete', 20]];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const sources = SOURCES.flatMap((s) => [s.id, s.name]);
  const terms = TERMS.map((t) => t.name);
  const typed = (text: string) => text.slice(0, 1 + Math.floor(next() * Math.min(5, text.length)));

  return Array.from({ length: n }, (): Planned => {
    let roll = next() * total;
    const kind = weights.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'tier';
    const where = { guildId: pick(guildIds), userId: pick(users) };
    switch (kind) {
      case 'tier':
        return { kind, command: 'tier', options: { followers: followers() }, ...where };
      case 'tiers':
        return { kind, command: 'tiers', options: next() < 0.4 ? {} : { source: pick(sources) }, ...where };
      case 'glossary':
        return { kind, command: 'glossary', options: next() < 0.3 ? {} : { term: pick(terms) }, ...where };
      case 'compare':
        return { kind, command: 'compare', options: pick(compareOptions), ...where };
      case 'autocomplete':
        return next() < 0.5
          ? { kind, command: 'glossary', options: { term: typed(pick(terms)) }, focused: 'term', ...where }
          : { kind, command: 'tiers', options: { source: typed(pick(sources)) }, focused: 'source', ...where };
    }
  });
}
