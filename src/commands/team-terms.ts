/**
 * What /glossary and /term share about a team's own terms: the key that names a term in custom_ids
 * and autocomplete values (a name may take all of their 100 characters), the term a key names, the
 * link written as one to click, and what stands for a value with nothing visible in it.
 */

import { createHash } from 'node:crypto';
import type { TeamTerm } from '../store/types';
import { LIMITS } from './limits';
import { shownText } from './team-settings';

/** Autocomplete values for team terms, by key (built-in terms are offered by id). */
export const TEAM_KEY_VALUE = 'teamkey:';

/**
 * A team term's key, for custom_ids and autocomplete values: a name may take all of their 100
 * characters. Made from the server and the name, so it stays the same while the term exists, and a
 * key made in one server opens nothing in another. The name is folded by case alone (NFC, lower
 * case), not by nameKey as the store compares names: keys already sent in buttons, menus and
 * autocomplete lists must keep opening their terms.
 */
export function teamTermKey(guildId: string, name: string): string {
  return createHash('sha256').update(`${guildId}\n${name.normalize('NFC').toLowerCase()}`).digest('base64url').slice(0, 16);
}

/** The team term that `key` names in this server's terms, if any. */
export function teamTermByKey(guildId: string, terms: readonly TeamTerm[], key: string): TeamTerm | undefined {
  return terms.find((t) => teamTermKey(guildId, t.name) === key);
}

/** Shown for a definition the team typed that has nothing visible in it (only invisible characters). */
export const NO_VISIBLE_TEXT = '(no visible text)';

/**
 * The http(s) address a team link points to, as the URL parser writes it, undefined for anything
 * else. The parser leaves a few characters that URLs may not contain (| ` \ ^ { }) as they are in
 * a query; they are percent-encoded too, so none can reach Discord's markdown.
 */
function webAddress(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(/[|`\\^{}]/g, (c) => encodeURIComponent(c));
}

/**
 * A team term's link as a link a user can click: `<https://…>`. It is shown unescaped because it
 * is safe to: the URL parser percent-encodes spaces, quotes, `<` and `>`, so nothing in it can
 * close the brackets early, and Discord reads everything inside them as the address, not as
 * markdown or mentions. Anything else (not an http(s) address, or too long once encoded) is shown
 * as escaped text, within `max` characters.
 */
export function teamLinkText(link: string, max: number = LIMITS.fieldValue): string {
  const address = webAddress(link);
  return address && address.length + 2 <= max ? `<${address}>` : shownText(link, max);
}
