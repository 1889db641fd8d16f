/**
 * Who a roster row is: its creator's name as the file writes it, and the key two rows share when
 * they list the same creator (the handle, from a profile link too, else the name, with the
 * platform), so that a creator listed twice is counted once.
 */

import { withoutNeutralising } from '../csv';
import { PLATFORM_DOMAINS } from '../platforms';
import { unquoteCell } from './cells';
import type { RosterColumns } from './types';

/** What two rows share to be one creator: the handle where the file has a handle column beside the name. */
export const sameWhat = (columns: RosterColumns): 'handle' | 'name' => (columns.handle === undefined ? 'name' : 'handle');

/** A row's creator as the file names them (First and Last Name together), without the ' that makes a formula text. */
export function creatorName(columns: RosterColumns, cells: readonly string[]): string {
  const parts = [columns.name, columns.lastName].flatMap((i) => (i === undefined ? [] : [withoutNeutralising(cells[i] ?? '').trim()]));
  return parts.filter((part) => part !== '').join(' ');
}

/**
 * A link, with what may come before its host: "instagram.com/x", "https://www.tiktok.com/@x?lang=en",
 * "facebook.com/profile.php?id=100004512345678". The host, the path, and the query.
 */
const LINK = /^(?:https?:\/\/)?(?:www\.|m\.|mobile\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^?#\s]*)?(?:\?([^#\s]*))?(?:#\S*)?$/iu;
/** A handle in a profile link's path: "@kimha", "c/kimha", "user/kimha", "channel/kimha", "cy.makes". */
const HANDLE_PATH = /^\/(?:(?:c|user|channel)\/)?@?([\p{L}\p{N}_.-]+)\/?$/u;
/** Paths on those hosts that are pages, not profiles. */
const NOT_PROFILES = new Set(['p', 'reel', 'reels', 'tv', 'explore', 'stories', 'watch', 'shorts', 'video', 'playlist', 'hashtag', 'search', 'home', 'i', 'people', 'pages', 'groups', 'events', 'share', 'sharer']);
/** A page's file name ("profile.php", "permalink.php"), no handle: the query says whose page it is. */
const PAGE_FILE = /\.(?:php|html?|aspx?|jsp)$/i;

/**
 * A link on a platform Tierbot knows by its domain: the platform, and who it is: the handle a
 * profile link names ("instagram.com/kimha/" is kimha, as @kimha is), else the link itself without
 * what two copies of it may differ in (the scheme, "www.", a trailing slash), and with its "id"
 * where it has one, else its whole query ("facebook.com/profile.php?id=100004512345678" is that
 * id's page; another id's is another creator). Undefined for any other text.
 */
export function linkIn(text: string): { platform: string; who: string } | undefined {
  const link = LINK.exec(unquoteCell(text).normalize('NFKC'));
  if (!link) return undefined;
  const [, hostAsWritten, path = '', query = ''] = link;
  const host = hostAsWritten!.toLowerCase();
  const platform = PLATFORM_DOMAINS[host];
  if (platform === undefined) return undefined;
  const handle = HANDLE_PATH.exec(path)?.[1];
  if (host !== 'youtu.be' && handle !== undefined && !NOT_PROFILES.has(handle.toLowerCase()) && !PAGE_FILE.test(handle)) return { platform, who: handle };
  const id = new URLSearchParams(query).get('id');
  const page = id ? `?id=${id}` : query ? `?${query}` : '';
  return { platform, who: `${host}${path.replace(/\/+$/, '')}${page}` };
}

/**
 * Who a row is, for spotting a creator listed twice: the handle (from a profile link too:
 * "instagram.com/kimha" is @kimha; a link to a page that names no handle, as itself), else the
 * name (any case, without a handle's @ or extra spaces), and the platform. Undefined when that
 * cell is blank: such rows are never repeats.
 */
export function creatorKey(whoCell: string, platform: string | undefined): string | undefined {
  const who = unquoteCell(whoCell).normalize('NFKC');
  const name = (linkIn(who)?.who ?? who).replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
  return name === '' ? undefined : `${name}\n${(platform ?? '').toLowerCase()}`;
}
