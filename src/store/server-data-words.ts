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

/*
 * Tierbot's record of a server (ServerData.recorded): its id and when a command that changes team
 * settings was first run there, kept once one has run, even one that changed nothing. Members call
 * such a command a settings command; the operator reads what the record holds.
 */

/** The record, as a member in that server reads it before erasing it. */
export const SERVER_NOTE_LISTED = 'Tierbot’s note of when this server first used a settings command';

/** The record, as a member in that server reads it once erased. */
export const SERVER_NOTE = 'Tierbot’s note of this server';

/** The record, as the operator reads it, outside the server. */
export const SERVER_RECORD_FOR_OPERATOR = 'Tierbot’s record of the server (its id, and when a command that changes team settings was first used there)';
