/**
 * /term add | edit | remove | export | import — the team's own glossary terms, which /glossary
 * shows beside the built-in ones in this server only. For managers (Manage Server by default, and
 * checked on every subcommand). Names are unique per server without regard to case; at most 200
 * terms. `import` sets back the terms.json `export` gives (this server's or another's), all or
 * nothing, each term checked as `add` checks typed values.
 *
 * Limits: name 100 characters (an autocomplete choice's limit); definition, formula and example
 * 1,024 each (a Discord field's), and the link 1,022 (a field, less the <> that make it clickable).
 * Names are the same when they read the same (nameKey: case and full-width forms do not matter).
 * Every value is one line. Text is stored exactly as typed and shown back escaped (no markdown, no
 * mentions), so a character the replies would not show as typed (a zero-width space, a direction
 * override, a Hangul filler drawn as a blank) is refused, named, rather than stored unseen; emoji
 * are accepted whole. A formula or example that escaping would make longer than a field is refused
 * too, so every value is shown whole (a definition always fits: a description holds 4,096). The
 * link, an https:// address, is shown as a link to click.
 *
 * A name needs a letter or a digit: /glossary finds terms by their letters and digits. Discord
 * cannot send an empty option, so `/term edit` takes "-" to clear the formula, example or link.
 */

import { ApplicationCommandOptionType, MessageFlags, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { andList, codePointCount, countOf, formatCount, labelsApart } from '../domain/format';
import { normalise } from '../domain/search';
import { LIMITS } from './limits';
import { importPlan, nameKey, TERMS_PER_SERVER, type ImportedTerm, type TeamTerm } from '../store/types';
import { giveLead, hiddenInName, inReadingOrder, inputErrorReply, NEUTRAL_COLOUR, pasteableCommand, quoteUserText, runLead, showsNothing, unshownCharacter } from './embeds';
import { exportHeader, guildOnlyReply, jsonFile, notManagerReply, orUnavailable, shownText, teamGuildId, when, who } from './team-settings';
import { NO_VISIBLE_TEXT, TEAM_KEY_VALUE, teamLinkText, teamTermByKey, teamTermKey } from './team-terms';
import { readTermsFile, TERMS_FILE, type ExportedTerm } from './terms-file';
import { slashCommand, type Attachment, type ChatInputDefinition, type Choice, type Reply, type RunContext, SERVER_ONLY } from './types';

/** The link is shown as `<address>` to be clickable: a field of 1,024 characters holds 1,022 of it. */
export const TERM_LIMITS = { name: 100, definition: 1024, formula: 1024, example: 1024, link: 1022 } as const;

/** Room for a name in a sentence: the whole of it, escaping included (each character at most doubles). */
const SHOWN_NAME = 2 * TERM_LIMITS.name;

const MB = 1024 * 1024;

/**
 * The most terms.json can take, rounded up to a whole MB: what `/term export` gives for a server
 * with every term at every length limit, each character taking four bytes (an emoji's, in UTF-8),
 * and a kilobyte a term for the keys, authors and dates around the texts. A larger file is no
 * terms export, and is refused before it is read.
 */
export const MAX_TERMS_FILE_BYTES = Math.ceil((TERMS_PER_SERVER * (4 * Object.values(TERM_LIMITS).reduce((sum, limit) => sum + limit, 0) + 1024)) / MB) * MB;

const nameOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: 'name',
    description,
    required: true,
    max_length: TERM_LIMITS.name,
  }) as const;

const definitionOption = { type: ApplicationCommandOptionType.String, name: 'definition', description: 'What it means, in plain words', max_length: TERM_LIMITS.definition } as const;

/** Given as the formula, example or link in `/term edit`: remove it (Discord sends no empty options). */
const CLEAR = '-';

const extraOptions = [
  { type: ApplicationCommandOptionType.String, name: 'formula', description: 'How it is worked out, e.g. engagements / followers', max_length: TERM_LIMITS.formula },
  { type: ApplicationCommandOptionType.String, name: 'example', description: 'A worked example', max_length: TERM_LIMITS.example },
  { type: ApplicationCommandOptionType.String, name: 'link', description: 'An https:// link to read more', max_length: TERM_LIMITS.link },
] as const;

const editExtraOptions = [
  { ...extraOptions[0], description: `New formula, e.g. engagements / followers; ${CLEAR} removes it` },
  { ...extraOptions[1], description: `New worked example; ${CLEAR} removes it` },
  { ...extraOptions[2], description: `New https:// link to read more; ${CLEAR} removes it` },
] as const;

export const definition = {
  name: 'term',
  description: "Your team's own glossary terms, shown by /glossary in this server",
  default_member_permissions: '32',
  ...SERVER_ONLY,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Add a term to this server’s glossary',
      options: [nameOption('The term, e.g. Whitelisting'), { ...definitionOption, required: true }, ...extraOptions],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'edit',
      description: `Change a term: the options you give replace what it has (${CLEAR} removes a formula, example or link)`,
      options: [{ ...nameOption('The term to change'), autocomplete: true }, definitionOption, ...editExtraOptions],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Remove a term',
      options: [{ ...nameOption('The term to remove'), autocomplete: true }],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'export', description: 'Download this server’s terms as JSON' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'import',
      description: `Set terms back from a ${TERMS_FILE} that /term export gave: all of them, or none`,
      options: [
        {
          type: ApplicationCommandOptionType.Attachment,
          name: 'file',
          description: `The ${TERMS_FILE} from /term export, of this server or another (up to ${MAX_TERMS_FILE_BYTES / MB} MB)`,
          required: true,
        },
      ],
    },
  ],
} as const satisfies ChatInputDefinition;

type Field = keyof typeof TERM_LIMITS;
const LABEL: Record<Field, string> = { name: 'The name', definition: 'The definition', formula: 'The formula', example: 'The example', link: 'The link' };
/** The fields a term may do without. */
const OPTIONAL_FIELDS = ['formula', 'example', 'link'] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/** A term's texts as every subcommand that writes one takes them. */
const TERM_TEXTS_ACCEPTED =
  `a name up to ${TERM_LIMITS.name} characters with a letter or digit; a definition, formula and example of up to ${TERM_LIMITS.definition.toLocaleString('en-US')} characters each, ` +
  `on one line; an https:// link of up to ${TERM_LIMITS.link.toLocaleString('en-US')} characters; no invisible or control characters (emoji are fine).`;

const ACCEPTED = `${TERM_TEXTS_ACCEPTED} In \`/term edit\`, \`${CLEAR}\` removes a formula, example or link.`;

function isOptional(field: Field): field is OptionalField {
  return (OPTIONAL_FIELDS as readonly Field[]).includes(field);
}

/** The value asks to remove the field ("-"). */
function clears(value: string | undefined): boolean {
  return value?.trim() === CLEAR;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/u;

/** With the u flag, a surrogate matches only when it is not one of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a value cannot be stored, or undefined when it can. */
function termValueProblem(field: Field, value: string): string | undefined {
  const length = codePointCount(value);
  // Empty as shown: zero-width spaces, soft hyphens and direction marks are never shown, and
  // Discord refuses a field with nothing in it.
  if (showsNothing(value)) {
    const invisible = value.trim() === '' ? '' : ' (only invisible characters)';
    return `${LABEL[field]} is empty${invisible}.${isOptional(field) ? ` To remove it, give \`${CLEAR}\`.` : ''}`;
  }
  if (length > TERM_LIMITS[field]) {
    return `${LABEL[field]} is ${length.toLocaleString('en-US')} characters long; the most is ${TERM_LIMITS[field].toLocaleString('en-US')}, so it fits a Discord field.`;
  }
  // Shown as typed, each markdown character takes a \ before it: a value that would then overflow
  // its field is refused now, rather than shown cut short. It is measured escaped and whole (given
  // its own length as the room, quoteUserText shortens nothing), as Discord counts: in code points.
  const shown = (field === 'formula' || field === 'example') && codePointCount(quoteUserText(value, length));
  if (shown && shown > LIMITS.fieldValue) {
    return `${LABEL[field]} takes ${shown.toLocaleString('en-US')} characters as Discord shows it (markdown characters such as *, _, ( and - each take a \\ to show as typed); the most is ${LIMITS.fieldValue.toLocaleString('en-US')}.`;
  }
  // Replies show each value on one line, so a line break is refused as such, not as a character unseen.
  const lineBreak = LINE_BREAK.exec(value);
  if (lineBreak) return `${LABEL[field]} has ${unshownCharacter(lineBreak[0])} in it: it must be one line; join the lines into one.`;
  // Half of a character (a JSON file can write one as "\\udc00"): stored, it becomes "�", and no longer matches itself.
  if (LONE_SURROGATE.test(value)) return `${LABEL[field]} has a broken character in it (half of an emoji or other character); type it again.`;
  // Stored, it would be shown as something else. (This also keeps out NUL, which Postgres cannot store.)
  const unshown = unshownCharacter(value);
  if (unshown) return `${LABEL[field]} has ${unshown} in it, which Discord shows as a blank or not at all; type it again without it.`;
  // Other invisible characters would make two names that look the same: "CPM" and "CPM\u3164".
  if (field === 'name' && hiddenInName(value) === 'invisible') return 'The name has invisible characters in it; type it again without them.';
  if (field === 'link') return linkProblem(value.trim());
  return undefined;
}

/**
 * Why a link cannot be shown as one to click: it must be an https:// address (an http:// one is
 * unencrypted, and anything else is not a web page) of a website, with nothing disguising which,
 * and fit a field once written as a web address.
 */
function linkProblem(link: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(link);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') return `The link must be a web address starting with https://${url?.protocol === 'http:' ? ' (change http:// to https://)' : ''}.`;
  // "https://example.com@other.site" opens other.site: text before an @ only disguises where a link goes.
  if (url.username || url.password) return 'The link must not have a name and @ before the site (https://name@site/…): it would open the site after the @. Give the address as the browser shows it.';
  if (!url.hostname.includes('.')) return `The link must name a website, such as https://example.com/page: “${quoteUserText(url.hostname)}” is not one.`;
  // The address is percent-encoded for Discord: "é" takes six characters, a space three.
  if (!teamLinkText(link).startsWith('<')) {
    return 'The link is too long to show as a link once written as a web address (accented letters and spaces take several characters each); shorten it.';
  }
  return undefined;
}

interface TermArgs {
  name: string;
  definition?: string | undefined;
  formula?: string | undefined;
  example?: string | undefined;
  link?: string | undefined;
}

/** Why the values given cannot be stored: one reason for each field that cannot, in the fields' order. */
function valueProblems(args: TermArgs): string[] {
  const problems: string[] = [];
  if (clears(args.definition)) problems.push(`The definition cannot be removed: every term needs one. Give the new text instead.`);
  for (const field of ['name', 'definition', 'formula', 'example', 'link'] as const) {
    const value = args[field];
    if (value === undefined || (isOptional(field) && clears(value))) continue;
    const problem = termValueProblem(field, field === 'name' ? value.trim() : value);
    if (problem) problems.push(problem);
  }
  return problems;
}

function firstProblem(args: TermArgs): string | undefined {
  return valueProblems(args)[0];
}

/** Why a new term cannot be added as given, as /term add and /term import check one: every reason, the rule for new names last. */
function newTermProblems(args: TermArgs & { definition: string }): string[] {
  const problems = valueProblems(args);
  const unfindable = termValueProblem('name', args.name.trim()) === undefined ? newNameProblem(args.name) : undefined;
  return unfindable ? [...problems, unfindable] : problems;
}

/** A new term's texts as given: the name and link without the spaces around them, and no formula, example or link given as "-". */
function newTermTexts(args: TermArgs & { definition: string }): ImportedTerm {
  return {
    name: args.name.trim(),
    definition: args.definition,
    formula: newValue(args.formula, undefined),
    example: newValue(args.example, undefined),
    link: newValue(args.link, undefined)?.trim(),
  };
}

/** An optional field's new value: `current` when not given, none when given as "-" (in /term add, simply none). */
function newValue(given: string | undefined, current: string | undefined): string | undefined {
  if (given === undefined) return current;
  return clears(given) ? undefined : given;
}

/** What a term's embed says below it: what the term is now, if that needs saying, and what to do if a value had to be shortened to fit. */
interface TermFooter {
  note?: string;
  shortened: string;
}

const SAVED_FOOTER: TermFooter = { note: "Your team's own term: /glossary shows it in this server only.", shortened: 'Shortened (…) to fit here: /term export has all of it.' };

/** The term as saved, for the manager who added or changed it. */
function savedTermEmbed(title: string, term: TeamTerm): APIEmbed {
  return termEmbed(title, term, SAVED_FOOTER);
}

/**
 * A term's texts, escaped, each whole where it fits, under `heading`. A value kept from before
 * empty-looking values were refused shows as nothing: left out, or said.
 */
function termEmbed(heading: string, term: TeamTerm, footer: TermFooter): APIEmbed {
  const shows = (value: string | undefined): value is string => value !== undefined && !showsNothing(value);
  const fields = [
    ...(shows(term.formula) ? [{ name: 'Formula', value: shownText(term.formula, LIMITS.fieldValue) }] : []),
    ...(shows(term.example) ? [{ name: 'Example', value: shownText(term.example, LIMITS.fieldValue) }] : []),
    ...(term.link ? [{ name: 'Link', value: teamLinkText(term.link) }] : []),
  ];
  // Escaping can make a value longer than a field holds (every "_" becomes "\_"): it is shortened, and said so.
  const shortened = [term.formula, term.example].some((value) => shows(value) && codePointCount(shownText(value, 2 * LIMITS.fieldValue)) > LIMITS.fieldValue);
  const footerText = [footer.note, shortened ? footer.shortened : undefined].filter((text) => text !== undefined).join(' ');
  return {
    author: { name: heading },
    title: shownText(term.name, LIMITS.embedTitle),
    description: shows(term.definition) ? shownText(term.definition, 2 * TERM_LIMITS.definition) : NO_VISIBLE_TEXT,
    color: NEUTRAL_COLOUR,
    fields,
    ...(footerText ? { footer: { text: footerText } } : {}),
  };
}

/**
 * A new name needs a letter or digit: /glossary's forgiving search and its autocomplete ranking
 * read nothing else, so a name of symbols or emoji alone ("🔥") could be opened only by typing it
 * exactly. Only new names: terms added before this rule can still be edited and removed.
 */
function newNameProblem(name: string): string | undefined {
  return normalise(name) === '' ? 'The name needs at least one letter or digit, so that `/glossary` can find it.' : undefined;
}

async function add(args: TermArgs & { definition: string }, context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('add team terms');
  const problem = newTermProblems(args)[0];
  if (problem) return inputErrorReply(problem, ACCEPTED, 'That term was not added');
  const term: TeamTerm = {
    ...newTermTexts(args),
    addedById: context.user.id,
    addedByName: context.user.name,
    updatedAt: context.now,
  };
  const result = await context.store.addTerm(context.guildId, term);
  if (result === 'exists') return nameTaken(term.name, context);
  if (result === 'full') {
    return inputErrorReply(`This server has ${TERMS_PER_SERVER} terms, the most it can have.`, 'removing one with `/term remove` first.', 'That term was not added');
  }
  return { embeds: [savedTermEmbed('Team term added', term)], flags: MessageFlags.Ephemeral };
}

/** The refusal of a name the server has (by nameKey: "ＣＰＭ" and "cpm" are "CPM"), naming the term as stored. */
async function nameTaken(name: string, context: RunContext & { guildId: string }): Promise<Reply> {
  const taken = (await context.store.terms(context.guildId)).find((t) => nameKey(t.name) === nameKey(name))?.name ?? name;
  const alike = taken === name ? '' : ' (names are the same whatever their case, width or spacing)';
  return inputErrorReply(`This server already has a term called "${shownText(taken, SHOWN_NAME)}"${alike}.`, 'a new name, or `/term edit` to change that one.', 'That term was not added');
}

/**
 * The name of the term asked for: as typed, or, for a name too long to be an autocomplete value
 * (a name of 100 emoji is 200 UTF-16 units), the term the value's key stands for in this server.
 */
async function askedName(given: string, context: RunContext & { guildId: string }): Promise<string> {
  const name = given.trim();
  if (!name.startsWith(TEAM_KEY_VALUE)) return name;
  const keyed = teamTermByKey(context.guildId, await context.store.terms(context.guildId), name.slice(TEAM_KEY_VALUE.length));
  return keyed?.name ?? name;
}

async function edit(args: TermArgs, context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('edit team terms');
  const problem = firstProblem(args);
  if (problem) return inputErrorReply(problem, ACCEPTED, 'That term was not changed');
  const name = await askedName(args.name, context);
  const current = await context.store.term(context.guildId, name);
  if (!current) return missing(name, 'changed');
  if (args.definition === undefined && args.formula === undefined && args.example === undefined && args.link === undefined) {
    return inputErrorReply('Nothing to change was given.', 'one or more of `definition`, `formula`, `example`, `link`.', 'That term was not changed');
  }
  const term: TeamTerm = {
    name: current.name,
    definition: args.definition ?? current.definition,
    formula: newValue(args.formula, current.formula),
    example: newValue(args.example, current.example),
    link: newValue(args.link?.trim(), current.link),
    addedById: current.addedById,
    addedByName: current.addedByName,
    updatedById: context.user.id,
    updatedByName: context.user.name,
    updatedAt: context.now,
  };
  const given = (['definition', ...OPTIONAL_FIELDS] as const).filter((field) => args[field] !== undefined);
  if (given.every((field) => term[field] === current[field])) return unchanged(current, given);
  // Only the fields given are written: another edit of the term at the same time keeps its change.
  const result = await context.store.editTerm(context.guildId, term, given);
  if (result !== 'ok') return missing(name, 'changed');
  const stored = (await context.store.term(context.guildId, current.name)) ?? term;
  const removed = OPTIONAL_FIELDS.filter((field) => clears(args[field]) && current[field] !== undefined);
  const title = removed.length ? `Team term changed: ${andList(removed)} removed` : 'Team term changed';
  return { embeds: [savedTermEmbed(title, stored)], flags: MessageFlags.Ephemeral };
}

/** An edit that would leave the term as it is ("-" for an example it does not have): nothing is written. */
function unchanged(current: TeamTerm, given: readonly Exclude<Field, 'name'>[]): Reply {
  const already = given.map((field) => (current[field] === undefined ? `no ${field}` : `that ${field}`));
  return {
    embeds: [{ title: 'Nothing changed', description: `"${shownText(current.name, SHOWN_NAME)}" already has ${andList(already)}, so it stays as it was.`, color: NEUTRAL_COLOUR }],
    flags: MessageFlags.Ephemeral,
  };
}

function missing(name: string, what: string): Reply {
  const problem = name.trim() === '' ? 'The name is empty.' : `This server has no term called "${shownText(name, SHOWN_NAME)}".`;
  return inputErrorReply(problem, 'one of the names `/term export` or `/glossary` lists.', `Nothing was ${what}`);
}

async function remove(given: string, context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('remove team terms');
  const name = await askedName(given, context);
  // Named as stored in the reply: "ＣＰＭ" removes "CPM".
  const stored = await context.store.term(context.guildId, name);
  const result = await context.store.removeTerm(context.guildId, name);
  if (result !== 'ok') return missing(name, 'removed');
  const removed: APIEmbed = { title: 'Team term removed', description: `"${shownText(stored?.name ?? name, SHOWN_NAME)}" is no longer in this server’s glossary.`, color: NEUTRAL_COLOUR };
  return { embeds: stored ? [removed, addBackEmbed(stored)] : [removed], flags: MessageFlags.Ephemeral };
}

const ADD_BACK = 'add it back';

/** The options `/term add` takes: in a line typed or pasted, a word that starts with one of their names and a colon starts that option. */
const ADD_OPTION_NAMES: readonly string[] = definition.options[0].options.map((option) => option.name);

/**
 * A removed term, to add back if it went by mistake: the `/term add` line that adds it as it was,
 * as a code block to paste (pasteableCode), when it can be one and fits; else its texts, escaped,
 * to be read and typed again.
 */
function addBackEmbed(term: TeamTerm): APIEmbed {
  const block = addCommand(term);
  const run = block === undefined ? undefined : `${runLead(ADD_BACK)}\n${block}`;
  if (run !== undefined && codePointCount(run) <= LIMITS.embedDescription) return { description: run, color: NEUTRAL_COLOUR };
  return addBackTexts(term);
}

/**
 * A removed term's texts to type into /term add, each labelled by the option that takes it
 * ("name:", "definition:", …), as /plans delete labels a plan's options, escaped so that it reads
 * as typed, and whole: /term add refuses a formula or example that escaping would push past a
 * field. An optional text that shows nothing is left out, as the line leaves it out.
 */
function addBackTexts(term: TeamTerm): APIEmbed {
  const visible = (value: string | undefined) => (value === undefined || showsNothing(value) ? undefined : value);
  const optional = OPTIONAL_FIELDS.flatMap((field) => {
    const value = visible(term[field]);
    return value === undefined ? [] : [{ option: field, value: field === 'link' ? teamLinkText(value, LIMITS.fieldValue) : shownText(value, LIMITS.fieldValue) }];
  });
  // The name heads the embed and the definition is its text, which holds a definition whole however escaping lengthens it.
  const named = `name: ${visible(term.name) === undefined ? NO_VISIBLE_TEXT : shownText(term.name, LIMITS.embedTitle - 'name: '.length)}`;
  const definition = visible(term.definition) === undefined ? NO_VISIBLE_TEXT : shownText(term.definition, LIMITS.embedDescription);
  return {
    author: { name: giveLead(ADD_BACK, '/term add') },
    title: named,
    description: `definition: ${definition}`,
    color: NEUTRAL_COLOUR,
    fields: optional.map(({ option, value }) => ({ name: `${option}:`, value })),
  };
}

/**
 * The `/term add` line that adds `term` as it was, as a code block; undefined when it is no code
 * (pasteableCode), or when a value has a word that starts another option ("for example: …" in a
 * definition), which Discord would read as that option.
 */
function addCommand(term: TeamTerm): string | undefined {
  // An optional text that shows nothing (kept from before such texts were refused) is left out, as the term's embed leaves it out.
  const given = (field: (typeof OPTIONAL_FIELDS)[number]) => term[field] !== undefined && !showsNothing(term[field]);
  const options = [['name', term.name] as const, ['definition', term.definition] as const, ...OPTIONAL_FIELDS.filter(given).map((field) => [field, term[field]!] as const)];
  return pasteableCommand('/term add', options, ADD_OPTION_NAMES, 'block');
}

async function exportTerms(context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('export team terms');
  // In /glossary's order, the same from either database (each sorts names its own way).
  const terms = inReadingOrder(await context.store.terms(context.guildId));
  const data = {
    ...exportHeader('terms', context),
    terms: terms.map((t) => ({
      name: t.name,
      definition: t.definition,
      formula: t.formula ?? null,
      example: t.example ?? null,
      link: t.link ?? null,
      addedBy: { id: t.addedById, name: t.addedByName },
      addedAt: (t.addedAt ?? t.updatedAt).toISOString(),
      updatedBy: { id: t.updatedById ?? t.addedById, name: t.updatedByName ?? t.addedByName },
      updatedAt: t.updatedAt.toISOString(),
    })),
  };
  const latest = terms.reduce<TeamTerm | undefined>((a, t) => (!a || t.updatedAt > a.updatedAt ? t : a), undefined);
  return {
    embeds: [
      {
        title: 'Team terms export',
        description:
          terms.length === 0
            ? 'This server has no team terms yet; the attached terms.json lists none.'
            : `Attached: \`terms.json\`, ${countOf(terms.length, 'term')} (up to ${TERMS_PER_SERVER} per server), each with who added it and who last changed it.` +
              (latest ? `\nLast change: ${who(latest.updatedById ?? latest.addedById, latest.updatedByName ?? latest.addedByName)} on ${when(latest.updatedAt)}.` : '') +
              '\nTo restore them here or copy them to another server, give this file to `/term import file:`.',
        color: NEUTRAL_COLOUR,
      },
    ],
    files: [jsonFile(TERMS_FILE, data, 'This server’s team terms as JSON')],
    flags: MessageFlags.Ephemeral,
  };
}

// ── /term import ───────────────────────────────────────────────────────────────────────────

const IMPORT_ACCEPTED =
  `the ${TERMS_FILE} that \`/term export\` gives, from this server or another, up to ${MAX_TERMS_FILE_BYTES / MB} MB and ${TERMS_PER_SERVER} terms with names that differ; ` +
  `each term as \`/term add\` takes it: ${TERM_TEXTS_ACCEPTED}`;

const NOT_IMPORTED = 'Nothing was imported';

/** Why a file's size is too large: in bytes near the limit, so that it never reads as the limit itself. */
function tooLargeReply(shown: string, bytes: number): Reply {
  const size = bytes - MAX_TERMS_FILE_BYTES < 0.1 * MB ? `${formatCount(bytes)} bytes` : `${(Math.floor((bytes / MB) * 10) / 10).toFixed(1)} MB`;
  return inputErrorReply(
    `${shown} is ${size}. A ${TERMS_FILE} is at most ${MAX_TERMS_FILE_BYTES / MB} MB (${formatCount(MAX_TERMS_FILE_BYTES)} bytes): that holds ${TERMS_PER_SERVER} terms with every text at its longest, so a larger file is not one \`/term export\` gave.`,
    IMPORT_ACCEPTED,
    'That file is too large',
  );
}

/**
 * A term of the file as /term add would be given it: no formula, example or link is given as null,
 * or as blank text, which is how editors and other tools often write "none".
 */
function asTyped(term: ExportedTerm): TermArgs & { definition: string } {
  const given = (text: string | null | undefined) => (text == null || text.trim() === '' ? undefined : text);
  return { name: term.name, definition: term.definition, formula: given(term.formula), example: given(term.example), link: given(term.link) };
}

/**
 * Every reason a term of the file cannot be imported, as "Term 4, “CPM”: The formula has …"; a name
 * the file has twice included. A term already here in every text (`alreadyHere`) is not checked
 * again: one kept from before a rule, put back from this server's own export, is no problem.
 */
function fileProblems(terms: readonly ExportedTerm[], alreadyHere: ReadonlySet<number>): { lines: string[]; terms: number } {
  const lines: string[] = [];
  const refused = new Set<number>();
  const label = (i: number) => {
    const name = terms[i]!.name;
    return `Term ${formatCount(i + 1)}${showsNothing(name) ? '' : `, “${shownText(name, 60)}”`}`;
  };
  const firstWithKey = new Map<string, number>();
  terms.forEach((term, i) => {
    for (const problem of alreadyHere.has(i) ? [] : newTermProblems(asTyped(term))) {
      lines.push(`${label(i)}: ${problem}`);
      refused.add(i);
    }
    const key = nameKey(term.name.trim());
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, i);
    else {
      const alike = term.name.trim() === terms[first]!.name.trim() ? '' : ' (names are the same whatever their case, width or spacing)';
      lines.push(`${label(i)}: the same name as ${label(first).replace(/^Term/, 'term')}${alike}; a server has one term of each name.`);
      refused.add(i);
    }
  });
  return { lines, terms: refused.size };
}

/** How many problems are listed in a refusal; the count says how many there are in all. */
const PROBLEMS_SHOWN = 5;

function problemsReply(shown: string, problems: { lines: string[]; terms: number }, total: number): Reply {
  const listed = problems.lines.slice(0, PROBLEMS_SHOWN).map((line) => `• ${line}`);
  const first = problems.lines.length > listed.length ? `The first ${listed.length}:` : '';
  const count = `${countOf(problems.lines.length, 'problem')} in ${formatCount(problems.terms)} of its ${countOf(total, 'term')}`;
  return inputErrorReply(
    [`${shown} was not imported: ${count}, so nothing was changed. ${first}`.trimEnd(), ...listed, 'Fix them in the file and import it again.'].join('\n'),
    IMPORT_ACCEPTED,
    NOT_IMPORTED,
  );
}

/** A team term's name in a list of names, at most. */
const LISTED_NAME = 60;

/** The names, in reading order and told apart, as many as fit a field and then how many more. */
function namesField(title: string, names: readonly string[]): APIEmbedField[] {
  if (names.length === 0) return [];
  const ordered = inReadingOrder(names.map((name) => ({ name }))).map((t) => t.name);
  const shown = labelsApart(ordered, LISTED_NAME).map((name) => quoteUserText(name, LISTED_NAME));
  let value = '';
  for (const [i, name] of shown.entries()) {
    const next = value ? `${value} · ${name}` : name;
    const more = shown.length - i - 1;
    if (`${next}${more ? ` · and ${formatCount(more)} more` : ''}`.length > LIMITS.fieldValue) {
      value = `${value} · and ${formatCount(shown.length - i)} more`;
      break;
    }
    value = next;
  }
  return [{ name: `${title} (${formatCount(names.length)})`, value }];
}

async function importTerms(file: Attachment, context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('import team terms');
  const shown = `“${quoteUserText(file.filename, 60)}”`;
  if (file.size > MAX_TERMS_FILE_BYTES) return tooLargeReply(shown, file.size);
  let bytes: Uint8Array;
  try {
    bytes = await context.download(file, { privately: true });
  } catch {
    return inputErrorReply(`${shown} could not be downloaded from Discord. Attach it again.`, IMPORT_ACCEPTED, 'The file did not arrive');
  }
  if (bytes.byteLength > MAX_TERMS_FILE_BYTES) return tooLargeReply(shown, bytes.byteLength);
  const read = readTermsFile(bytes, shown);
  if (!read.ok) return inputErrorReply(read.problem, IMPORT_ACCEPTED, read.title);
  const { terms } = read;
  if (terms.length === 0) {
    const here = (await context.store.terms(context.guildId)).length;
    return {
      embeds: [{ title: 'Nothing to import', description: `${shown} holds no terms, so nothing was changed; ${here ? `the ${countOf(here, 'term')} here are kept` : 'this server has none either'}.`, color: NEUTRAL_COLOUR }],
      flags: MessageFlags.Ephemeral,
    };
  }
  if (terms.length > TERMS_PER_SERVER) {
    return inputErrorReply(`${shown} holds ${formatCount(terms.length)} terms, ${formatCount(terms.length - TERMS_PER_SERVER)} more than the ${TERMS_PER_SERVER} a server can have, so nothing was imported.`, IMPORT_ACCEPTED, 'Too many terms');
  }
  const here = await context.store.terms(context.guildId);
  const texts = terms.map((t) => newTermTexts(asTyped(t)));
  const sameAsHere = new Set(importPlan(here, texts).unchanged);
  const problems = fileProblems(terms, new Set(texts.flatMap((t, i) => (sameAsHere.has(t) ? [i] : []))));
  if (problems.lines.length) return problemsReply(shown, problems, terms.length);
  const result = await context.store.importTerms(context.guildId, texts, { id: context.user.id, name: context.user.name, at: context.now });
  if (result.outcome === 'full') {
    const over = result.has + result.adding - TERMS_PER_SERVER;
    return inputErrorReply(
      `This server has ${countOf(result.has, 'term')}, and ${shown} would add ${countOf(result.adding, 'new term')}: ${formatCount(result.has + result.adding)} in all, ${formatCount(over)} more than the ${TERMS_PER_SERVER} a server can have. Nothing was imported.`,
      `removing ${countOf(over, 'term')} here with \`/term remove\` first, or taking ${formatCount(over)} of the new ones out of ${shown}.`,
      'Too many terms',
    );
  }
  const { added, replaced, unchanged, kept } = result;
  // `kept`: the server's terms the file does not have, which an import keeps.
  const hadBefore = replaced.length + unchanged.length + kept.length;
  const keptText = kept.length
    ? `${countOf(kept.length, 'term')} here that the file does not have ${kept.length === 1 ? 'is' : 'are'} kept (an import adds and replaces terms, and never removes one)`
    : hadBefore === 0
      ? 'this server had no terms before'
      : 'every term this server had is in the file';
  const changed = added.length + replaced.length > 0;
  return {
    embeds: [
      {
        title: changed ? 'Team terms imported' : 'Nothing changed: every term is already the same',
        description: changed
          ? `Imported ${countOf(terms.length, 'term')} from ${shown}: ${formatCount(added.length)} added, ${formatCount(replaced.length)} replaced, ${formatCount(unchanged.length)} already the same; ${keptText}.\nOpen them with \`/glossary\` in this server.`
          : `The ${countOf(terms.length, 'term')} in ${shown} are already here as the file has them, so nothing was written; ${keptText}.`,
        color: NEUTRAL_COLOUR,
        fields: [...namesField('Added', added), ...namesField('Replaced', replaced), ...namesField('Already the same', unchanged), ...namesField('Kept', kept)],
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}

export const term = slashCommand({
  definition,
  run(args, context) {
    const guildId = teamGuildId(context);
    if (guildId === undefined) return guildOnlyReply('Team terms', context);
    const ctx = { ...context, guildId };
    return orUnavailable(async () => {
      switch (args.subcommand) {
        case 'add':
          return add(args, ctx);
        case 'edit':
          return edit(args, ctx);
        case 'remove':
          return remove(args.name, ctx);
        case 'export':
          return exportTerms(ctx);
        case 'import':
          return importTerms(args.file, ctx);
      }
    });
  },
  async autocomplete(focused, _args, context) {
    const guildId = teamGuildId(context);
    if (focused.name !== 'name' || guildId === undefined) return [];
    try {
      // Matched as names are (nameKey): "ｗｈｉｔｅ" offers "Whitelisting".
      const query = nameKey(focused.value.trim());
      // Names that start with what was typed first, each group in reading order (the sort keeps it).
      const terms = inReadingOrder((await context.store.terms(guildId)).filter((t) => nameKey(t.name).includes(query)))
        .sort((a, b) => Number(!nameKey(a.name).startsWith(query)) - Number(!nameKey(b.name).startsWith(query)))
        .slice(0, LIMITS.autocompleteChoices);
      const shown = labelsApart(terms.map((t) => t.name), LIMITS.choiceName);
      // The name itself where it fits a value, which is what /term edit and remove take; else its key.
      return terms.map((t, i): Choice => ({ name: shown[i]!, value: t.name.length <= LIMITS.choiceValue ? t.name : `${TEAM_KEY_VALUE}${teamTermKey(guildId, t.name)}` }));
    } catch {
      // Autocomplete has no room for an explanation; an empty list is the honest answer.
      return [];
    }
  },
});
