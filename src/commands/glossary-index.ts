/**
 * /glossary alone: the index of every built-in term by group and the server's own terms, with
 * menus to open any of them.
 */

import { ComponentType, type APIActionRowComponent, type APIEmbed, type APIEmbedField, type APIStringSelectComponent } from 'discord-api-types/v10';
import { labelsApart, shorten } from '../domain/format';
import { TERMS, termsByGroup, type Term } from '../domain/glossary';
import type { TeamTerm } from '../store/types';
import { NEUTRAL_COLOUR, PUBLIC_TEXT_LIMIT, inReadingOrder, linesToFields, plainUserText, quoteUserText } from './embeds';
import { INDEX_MENU, TEAM_MENU } from './glossary-ids';
import { LISTED_NAME_LENGTH } from './glossary-team-term';
import { LIMITS, embedLength } from './limits';
import { NO_VISIBLE_TEXT, teamTermKey } from './team-terms';
import type { Reply } from './types';

/**
 * The index's groups packed into menus, in the index's order: whole groups share a menu while
 * they fit its options (25); a group too big for one menu takes several, each said to be a part.
 */
function menuBatches(): { groups: string[]; terms: Term[] }[] {
  const batches: { groups: string[]; terms: Term[] }[] = [];
  for (const [group, terms] of termsByGroup()) {
    const parts = Math.ceil(terms.length / LIMITS.selectOptions);
    for (let part = 0; part < parts; part++) {
      const slice = terms.slice(part * LIMITS.selectOptions, (part + 1) * LIMITS.selectOptions);
      const label = parts > 1 ? `${group} (part ${part + 1} of ${parts})` : group;
      const last = batches.at(-1);
      if (last && last.terms.length + slice.length <= LIMITS.selectOptions) {
        last.groups.push(label);
        last.terms.push(...slice);
      } else batches.push({ groups: [label], terms: [...slice] });
    }
  }
  return batches;
}

/** Menus to open any term from the index, its groups in its order, each saying which groups it holds. */
function indexMenus(): APIActionRowComponent<APIStringSelectComponent>[] {
  return menuBatches()
    .slice(0, LIMITS.actionRows)
    .map(({ groups, terms }, i) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${INDEX_MENU}:${i}`,
          placeholder: shorten(`Open a term: ${groups.join(' · ')}`, LIMITS.selectPlaceholder),
          options: terms.map((t) => ({ label: shorten(t.name, LIMITS.selectLabel), value: t.id, description: shorten(t.group, 100) })),
        },
      ],
    }));
}

const TEAM_FIELD = "Your team's terms";

/**
 * A menu to open the server's own terms from the index, each by its key (which opens nothing in
 * another server): the first 25 in reading order, and, when there are more, a placeholder that
 * says the autocomplete finds the rest.
 */
function teamMenu(guildId: string, team: readonly TeamTerm[]): APIActionRowComponent<APIStringSelectComponent> {
  const byKey = new Map(inReadingOrder(team).map((t) => [teamTermKey(guildId, t.name), t] as const));
  const shown = [...byKey].slice(0, LIMITS.selectOptions);
  const labels = labelsApart(shown.map(([, t]) => plainUserText(t.name, LISTED_NAME_LENGTH)), LIMITS.selectLabel);
  const more = team.length - shown.length;
  const placeholder = more
    ? `Open a team term: the first ${shown.length} of ${team.length}, A to Z (type a name in /glossary term: for the rest)`
    : "Open one of your team's terms";
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: TEAM_MENU,
        placeholder: shorten(placeholder, LIMITS.selectPlaceholder),
        options: shown.map(([key], i) => ({ label: labels[i] || NO_VISIBLE_TEXT, value: key, description: 'Team term' })),
      },
    ],
  };
}

/** A team term's name in the index, at most. */
const INDEX_NAME_LENGTH = 60;

function fieldsLength(fields: readonly APIEmbedField[]): number {
  return fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/**
 * Every team term's name, in as many fields as they take, within the `room` characters and
 * `slots` fields the rest of the index leaves. If even then not all fit (200 long names can
 * outgrow a message), as many as fit, and a last field that says how many more and how to find them.
 */
function teamIndexFields(team: readonly TeamTerm[], room: number, slots: number): APIEmbedField[] {
  const sorted = inReadingOrder(team).map((t) => t.name);
  const names = labelsApart(sorted, INDEX_NAME_LENGTH).map((name) => quoteUserText(name, INDEX_NAME_LENGTH));
  for (let listed = names.length; listed >= 0; listed--) {
    const more = names.length - listed;
    const fields = [
      ...linesToFields(TEAM_FIELD, names.slice(0, listed), false, ' · '),
      ...(more
        ? [{ name: listed ? `…and ${more} more` : `${TEAM_FIELD} (${more})`, value: 'Pick one in the menu below, or type a name in `/glossary term:`.' }]
        : []),
    ];
    if (fields.length <= slots && fieldsLength(fields) <= room) return fields;
  }
  return [];
}

/** The index: every built-in term and the server's own (`guildId`'s), listed and in menus to open them. */
export function indexReply(team: readonly TeamTerm[] = [], guildId = ''): Reply {
  const embed: APIEmbed & { fields: APIEmbedField[] } = {
    title: `Glossary: ${TERMS.length} terms${team.length ? ` and ${team.length} of your team's` : ''}`,
    description: 'Run `/glossary term:<name>` or pick one below. New here? `/help` has a start-here path.',
    color: NEUTRAL_COLOUR,
    fields: [...termsByGroup()].filter(([, terms]) => terms.length).flatMap(([group, terms]) => linesToFields(group, [terms.map((t) => t.name).join(' · ')])),
  };
  // The index is public: the team's names take what is left of a phone screen, the menu the rest.
  if (team.length) embed.fields.push(...teamIndexFields(team, PUBLIC_TEXT_LIMIT - embedLength(embed), LIMITS.embedFields - embed.fields.length));
  const menus = indexMenus();
  const roomForTeam = team.length > 0 && menus.length < LIMITS.actionRows;
  return { embeds: [embed], components: [...menus, ...(roomForTeam ? [teamMenu(guildId, team)] : [])] };
}
