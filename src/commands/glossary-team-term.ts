/**
 * A server's own term as /glossary shows it: what the team typed, escaped, marked as the team's,
 * and shortened to fit when it shares a message with a built-in term.
 */

import type { APIEmbed } from 'discord-api-types/v10';
import type { TeamTerm } from '../store/types';
import { plainUserText, quoteUserText, shareOut, showsNothing } from './embeds';
import { LIMITS, embedLength } from './limits';
import { codePointCount } from '../domain/format';
import { shownText } from './team-settings';
import { NO_VISIBLE_TEXT, teamLinkText } from './team-terms';

/** The colour of the team's own words: its terms, and its house tiers. */
export const TEAM_COLOUR = 0x57f287;

/** The longest a name is shown whole in a list (the index's menu, "Which term?"): team names take up to 100 characters, and escaping can double them. */
export const LISTED_NAME_LENGTH = 100;

const SHORTENED_NOTE = ' Shortened (…) to fit beside the built-in term: pick it from the autocomplete, marked "(team term)", to read all of it.';

/**
 * A team's own term: everything the team typed is escaped, and it is marked as the team's. It
 * takes at most `room` characters of embed text (Discord allows 6,000 per message, all embeds
 * together): beside a built-in term, the definition, formula and example are shortened, each
 * ending in "…", and the footer says so. The name and the link are never shortened.
 */
export function teamTermEmbed(term: TeamTerm, shownFor?: string, room: number = LIMITS.embedTotal): APIEmbed {
  const lead = shownFor ? `Showing **${quoteUserText(term.name, 80)}** for "${quoteUserText(shownFor, 60)}".\n\n` : '';
  const link = term.link ? teamLinkText(term.link) : undefined;
  const footer = `Your team's own term, added by ${plainUserText(term.addedByName, 80) || 'a member'}; not from a published source.`;
  // What the team typed, in the order shown: the definition (the description), then the fields.
  // A stored value with nothing visible in it (kept before /term refused such values) would be an
  // empty field, which Discord refuses: a formula or example is left out, a definition says so.
  const typed = [
    { label: 'Definition', text: term.definition, most: LIMITS.embedDescription - lead.length },
    ...(term.formula && !showsNothing(term.formula) ? [{ label: 'Formula', text: term.formula, most: LIMITS.fieldValue }] : []),
    ...(term.example && !showsNothing(term.example) ? [{ label: 'Example', text: term.example, most: LIMITS.fieldValue }] : []),
  ];
  const shownTyped = (text: string, max: number) => (showsNothing(text) ? NO_VISIBLE_TEXT : shownText(text, max));
  const embedWith = (shown: readonly string[], shortened: boolean): APIEmbed => ({
    author: { name: 'Team term' },
    title: shownText(term.name, LIMITS.embedTitle),
    description: `${lead}${shown[0]}`,
    color: TEAM_COLOUR,
    fields: [...typed.slice(1).map((t, i) => ({ name: t.label, value: shown[i + 1]! })), ...(link ? [{ name: 'Link', value: link }] : [])],
    footer: { text: shortened ? `${footer}${SHORTENED_NOTE}` : footer },
  });

  const whole = typed.map((t) => shownTyped(t.text, t.most));
  const full = embedWith(whole, false);
  if (embedLength(full) <= room) return full;
  const wholeLengths = whole.map(codePointCount);
  const everythingElse = embedLength(full) - wholeLengths.reduce((n, length) => n + length, 0) + codePointCount(SHORTENED_NOTE);
  const shares = shareOut(room - everythingElse, wholeLengths);
  // At least one character each ("…"): Discord refuses an empty field.
  return embedWith(
    typed.map((t, i) => shownTyped(t.text, Math.max(1, shares[i]!))),
    true,
  );
}
