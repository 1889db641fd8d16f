/** /glossary [term] — the vocabulary of influencer marketing, each term defined, worked and cited. */

import {
  ButtonStyle,
  ComponentType,
  SlashCommandBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord.js';
import { TERMS, findTerm, rangesSummary, suggestTerms, termById, termsByGroup, type Term } from '../domain/glossary';
import { TYPED_TEXT_MEMO, Memo, deepFreeze } from '../memo';
import { NEUTRAL_COLOUR, inputErrorReply, linesToFields, quoteUserText, truncate } from './embeds';
import { Suggestions } from './suggestions';
import type { Choice, Command, ComponentReply, OptionValues, Reply } from './types';

const definition = new SlashCommandBuilder()
  .setName('glossary')
  .setDescription('Influencer-marketing terms in plain words, with formulas, examples and sources')
  .addStringOption((o) => o.setName('term').setDescription('A term, e.g. micro, CPE, engagement rate').setAutocomplete(true).setMaxLength(100))
  .toJSON();

/** custom_id prefixes: a related-term button, and the index's "open a term" menus. */
export const TERM_BUTTON = 'glossary:term';
const INDEX_MENU = 'glossary:open';

export function termEmbed(term: Term): APIEmbed {
  const related = term.related.map(termById).filter((t): t is Term => t !== undefined);
  const fields = [
    ...(term.formula ? [{ name: 'Formula', value: truncate(term.formula, 1024) }] : []),
    { name: 'Example', value: truncate(term.example, 1024) },
    ...(term.ranges?.length ? [{ name: 'Ranges by source', value: truncate(rangesSummary(term), 1024) }] : []),
    ...linesToFields('Sources', term.sources.map((s) => `• ${s.text}`)),
    ...(related.length ? [{ name: 'Related', value: truncate(related.map((t) => t.name).join(' · '), 1024) }] : []),
  ];
  return {
    title: truncate(term.name, 256),
    description: truncate(term.definition, 4096),
    color: NEUTRAL_COLOUR,
    fields,
    footer: { text: `${term.group}${term.aliases.length ? ` · also: ${term.aliases.join(', ')}` : ''}` },
  };
}

/** Buttons that open each related term in place (at most two rows of five). */
export function relatedButtons(term: Term): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = term.related
    .map(termById)
    .filter((t): t is Term => t !== undefined)
    .slice(0, 10)
    .map((t) => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: truncate(t.name, 80), custom_id: `${TERM_BUTTON}:${t.id}` }));
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length; i += 5) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
  return rows;
}

// The glossary is fixed data: each term's reply is built once, ahead (prepare) or when first asked for.
const termReplies = new Memo<Reply>({ max: TERMS.length });

function termReply(term: Term): Reply {
  return termReplies.get(term.id, () => ({ embeds: [termEmbed(term)], components: relatedButtons(term) }));
}

/** Menus to open any term from the index: one per batch of 25 (Discord's cap per menu). */
function indexMenus(): APIActionRowComponent<APIStringSelectComponent>[] {
  const rows: APIActionRowComponent<APIStringSelectComponent>[] = [];
  for (let i = 0; i < TERMS.length; i += 25) {
    const batch = TERMS.slice(i, i + 25);
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${INDEX_MENU}:${i / 25}`,
          placeholder: `Open a term (${batch[0]!.name} … ${batch[batch.length - 1]!.name})`.slice(0, 150),
          options: batch.map((t) => ({ label: truncate(t.name, 100), value: t.id, description: truncate(t.group, 100) })),
        },
      ],
    });
  }
  return rows.slice(0, 5);
}

let index: Reply | undefined;

export function indexReply(): Reply {
  return (index ??= deepFreeze(buildIndexReply()));
}

function buildIndexReply(): Reply {
  const fields = [...termsByGroup()].filter(([, terms]) => terms.length).flatMap(([group, terms]) => linesToFields(group, [terms.map((t) => t.name).join(' · ')]));
  return {
    embeds: [
      {
        title: `Glossary: ${TERMS.length} terms`,
        description: 'Run `/glossary term:<name>` or pick one below. New here? `/help` has a start-here path.',
        color: NEUTRAL_COLOUR,
        fields,
      },
    ],
    components: indexMenus(),
  };
}

// By the words typed: asked again, the reply is one lookup, without normalising and matching again.
const repliesByQuery = new Memo<Reply>(TYPED_TEXT_MEMO);

export function run(options: OptionValues): Reply {
  const query = typeof options.term === 'string' ? options.term.trim() : '';
  if (!query) return indexReply();
  return repliesByQuery.get(query, () => replyFor(query));
}

function replyFor(query: string): Reply {
  const term = termById(query) ?? findTerm(query);
  if (term) return termReply(term);
  const suggestions = suggestTerms(query, 3);
  const didYouMean = suggestions.length ? ` Did you mean ${suggestions.map((t) => `**${t.name}**`).join(', ')}?` : '';
  return inputErrorReply(`I have no term "${quoteUserText(query)}".${didYouMean}`, 'a term from the autocomplete list, or /glossary alone for the index.', 'Unknown term');
}

const suggestions = new Suggestions<Term>(
  (query) => suggestTerms(query, 25),
  (term) => ({ name: truncate(term.name, 100), value: term.id }),
);

export function autocomplete(focused: { name: string; value: string }): Choice[] {
  return suggestions.answer(focused.value);
}

export function component(customId: string, values: readonly string[]): ComponentReply {
  const id = customId.startsWith(`${TERM_BUTTON}:`) ? customId.slice(TERM_BUTTON.length + 1) : values[0];
  const term = termById(id ?? '');
  if (!term) return { mode: 'reply', reply: inputErrorReply('That term is no longer in the glossary.', 'run /glossary again.') };
  return { mode: 'update', reply: termReply(term) };
}

/**
 * The index, every term's reply, as asked for by its id (what a picked suggestion sends) and by
 * its name, then the suggestions for every prefix of each name, one per step.
 */
function* prepare() {
  yield indexReply();
  for (const term of TERMS) {
    yield repliesByQuery.get(term.id, () => termReply(term));
    yield repliesByQuery.get(term.name, () => termReply(term));
  }
  yield* suggestions.prepare(TERMS.map((term) => term.name));
}

export const glossary: Command = { definition, run, autocomplete, component, prepare };
