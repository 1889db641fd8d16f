/**
 * What /glossary reads back from Discord: the custom_id prefix of each of its buttons and menus,
 * and the prefix of a team term asked for by name in its option. Buttons and menus already sent
 * carry these strings, so each stays exactly as it is.
 */

import { OWN_MESSAGE } from './types';

/**
 * custom_id prefixes: a built-in term button, a team term button (by key), and the index's menus.
 * The index and a term looked up by name are public, so a button or menu on them opens the term on
 * a message of the presser's own: one person's click must not replace what the channel is reading.
 * Only on such a message of one's own (ephemeral) does a term button end in OWN_MESSAGE, and
 * change that message in place. (Team term buttons are only ever on one's own "Which term?" or
 * "Did you mean" reply.)
 */
export const TERM_BUTTON = 'glossary:term';
/** A team term's button by its key (teamTermKey): "glossary:teamkey:<key>". */
export const TEAM_KEY_BUTTON = 'glossary:teamkey';
/** A team term button by name, as posted before keys: still opened, but no longer made. */
export const TEAM_NAME_BUTTON = 'glossary:team';
export const INDEX_MENU = 'glossary:open';
/** The index's menu of the server's own terms, each by key: "glossary:teamopen". */
export const TEAM_MENU = 'glossary:teamopen';
/** "All sources" under a term whose citations the public reply only counts: "glossary:sources:<term id>". */
export const SOURCES_BUTTON = 'glossary:sources';
/** A page of "All sources", changed in place: "glossary:sourcespage:<term id>:<page>". */
export const SOURCES_PAGE = 'glossary:sourcespage';
/** Opens a house tier named by the rest of the custom_id (at most MAX_TIER_NAME characters). */
export const HOUSE_TIER_BUTTON = 'glossary:housetier';

/** Who sees a reply: the whole channel, or the presser alone (ephemeral). */
export type Viewers = 'public' | 'own';

/** A built-in term's button: on a public message it opens the term for the presser alone; on their own, in place. */
export function termButtonId(id: string, viewers: Viewers): string {
  return `${TERM_BUTTON}:${id}${viewers === 'own' ? OWN_MESSAGE : ''}`;
}

/** A team term asked for by name ("team:Brand lift"), as autocomplete offered before keys. */
export const TEAM_NAME_VALUE = 'team:';
