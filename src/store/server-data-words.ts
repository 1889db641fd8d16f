/**
 * How Tierbot names what it keeps of a server, in /erase-team-data's replies and in
 * `npm run db:erase`'s output alike. Words only: the CLI loads no Discord library.
 */

import { countOf } from '../domain/format';
import type { ServerData } from './types';

/** A server's team settings, in the order Tierbot names them: its house definition, team terms and saved plans. */
export type SettingKind = 'house' | 'terms' | 'plans';

type Held = Pick<ServerData, 'house' | 'terms' | 'plans'>;

/** The kinds of team setting the server has: ['house', 'plans'] when it has a house definition and plans but no terms. */
export function settingsHeld(data: Held): SettingKind[] {
  return (['house', 'terms', 'plans'] as const).filter((kind) => (kind === 'house' ? data.house : data[kind] > 0));
}

/** The team settings the server has, named: ['the house definition', '12 team terms', '3 saved plans']; [] for none. */
export function settingsNamed(data: Held): string[] {
  const names: Record<SettingKind, string> = { house: 'the house definition', terms: countOf(data.terms, 'team term'), plans: countOf(data.plans, 'saved plan') };
  return settingsHeld(data).map((kind) => names[kind]);
}

/**
 * What Tierbot's record of a server holds (ServerData.recorded), said in that server (`here`) or
 * outside it (`there`). It is kept once a command that changes team settings has run there, even
 * one that changed nothing.
 */
export function recordHolds(where: 'here' | 'there'): string {
  return `(its id, and when a command that changes team settings was first used ${where})`;
}

/** "Tierbot’s record of this server (its id, and when …)": in the server (`here`), or outside it (`there`). */
export function serverRecord(where: 'here' | 'there'): string {
  return `Tierbot’s record of ${where === 'here' ? 'this' : 'the'} server ${recordHolds(where)}`;
}
