/**
 * Presentation shared by every command: colours, citations as links, input-error replies, paging
 * and packing lines into fields without breaking Discord's limits. Text that must be shortened is
 * cut at a sentence or word boundary and ends with "…".
 */

import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { LIMITS } from './limits';
import { codePointCount, shorten } from '../domain/format';
import { nameKey } from '../domain/names';
import { mappedTierArrow } from '../domain/overview';
import type { Source, Tier } from '../domain/sources';
import type { Reply } from './types';

export const NEUTRAL_COLOUR = 0x5865f2;
export const ERROR_COLOUR = 0xed4245;

/** A public answer's budget of embed text (title, description, fields, footer, author): a phone screen. */
export const PUBLIC_TEXT_LIMIT = 1_500;

/**
 * " → mid-tier" when a source's own tier name does not already say its normalised tier (as every
 * reply decides it, mappedTierArrow); a band that is not an influencer tier (HypeAuditor's
 * "Instagram user") reads as /tier answers it.
 */
export function normalisedSuffix(tier: Tier): string {
  if (tier.notInfluencer) return ' → below influencer size (not an influencer tier)';
  return mappedTierArrow(tier);
}

/**
 * Emoji, whole: their sequences may hold a zero-width joiner or a variation selector, which are
 * wanted there. Built from a string because the `v` flag is newer than the compiler's target.
 */
const EMOJI = new RegExp('\\p{RGI_Emoji}', 'gv');
const EMOJI_APART = new RegExp('(\\p{RGI_Emoji})', 'v');

/**
 * User text as it is shown: line breaks read as spaces, and control characters and invisible ones
 * that would hide or reorder the text around them (zero-width spaces, soft hyphens, direction marks
 * and overrides) dropped, except inside an emoji, whose joiners, skin tones and tags are part of it
 * (👨‍👩‍👧, 👩🏽‍💻, 🏴󠁧󠁢󠁥󠁮󠁧󠁿).
 */
export function withoutInvisible(text: string): string {
  // Split around whole emoji (the capture keeps them, at odd places), and clean what lies between.
  return text
    .split(EMOJI_APART)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '')))
    .join('');
}

/** Markdown and mention characters, escaped wherever they are in user text. */
const MARKDOWN_CHARACTER = /([\\`*_~|>#[\]()<@:-])/g;

/**
 * A number and a dot that would start a numbered list ("2. Second version"): Discord renders lists
 * in embed descriptions and field values, but only where the number starts a line. The text
 * quoteUserText gives is one line, so that is at its start, after any spaces.
 */
const LIST_NUMBER_AT_START = /^(\s*\d+)\.(?=\s)/;

/**
 * User text shown back must not format or ping: markdown and mentions are escaped. (Mentions
 * are also disarmed by allowed_mentions; escaping keeps them from even looking like pings.) A
 * list number at the start is escaped too ("1\. nano"): escaped, the dot shows as typed even where
 * the text lands in the middle of a line, as it does in a list joined with " · ".
 */
export function quoteUserText(text: string, max = 60): string {
  return shorten(withoutInvisible(text), max).replace(MARKDOWN_CHARACTER, '\\$1').replace(LIST_NUMBER_AT_START, '$1\\.');
}

/** Mention syntax: @everyone, @here, and <@…> for a member (<@!…>) or a role (<@&…>). */
const MENTION_SYNTAX = /@(?:everyone|here)|<@/i;

/**
 * A team's text (a plan's name, a house definition) as code, to be copied and typed exactly as
 * shown: an inline span, or a block on lines of its own; undefined when it cannot be code, and
 * the caller shows it escaped (quoteUserText) beside the words that say where to type it.
 * Inside code nothing is escaped and nothing formats, so two kinds of text are kept out of it:
 * - what ends the code early: a backtick ends an inline span, and "```" a block;
 * - mention syntax (@everyone, @here, <@…>). In code it neither renders nor pings, and no reply
 *   pings anyone anyway (allowed_mentions is always empty), but it would come back exactly as
 *   typed: everywhere else a user's mention comes back escaped, and it does here too.
 * Characters no reply shows are dropped (withoutInvisible); text that shows nothing is no code.
 */
export function pasteableCode(text: string, form: 'inline' | 'block' = 'inline'): string | undefined {
  const shown = withoutInvisible(text);
  if (showsNothing(shown) || MENTION_SYNTAX.test(shown)) return undefined;
  if (form === 'block') return shown.includes('```') ? undefined : `\`\`\`\n${shown}\n\`\`\``;
  return shown.includes('`') ? undefined : `\`${shown}\``;
}

/**
 * A command line to paste, "/term add name:EMV definition:…", as pasteableCode makes code;
 * undefined when it cannot be code, when a value shows nothing (an empty option cannot be typed),
 * or when a value holds a word that starts one of the command's `optionNames` and a colon
 * ("… save:x"): Discord's command box would take that as the option. Values are judged as the
 * line shows them, without the characters no reply shows: a zero-width space before "link:" hides
 * nothing from the command box.
 */
export function pasteableCommand(
  command: string,
  options: readonly (readonly [name: string, value: string])[],
  optionNames: readonly string[],
  form: 'inline' | 'block' = 'inline',
): string | undefined {
  const startsAnOption = new RegExp(`(?:^|\\s)(?:${optionNames.join('|')}):`, 'iu');
  const shown = options.map(([name, value]) => [name, withoutInvisible(value)] as const);
  if (shown.some(([, value]) => showsNothing(value) || startsAnOption.test(value))) return undefined;
  return pasteableCode([command, ...shown.map(([name, value]) => `${name}:${value}`)].filter(Boolean).join(' '), form);
}

/*
 * A next step is said one way everywhere: "To add it back, run:" and the command line to paste
 * (pasteableCommand); where that line cannot be pasted, "To add it back, run /term add with
 * these options:" and its texts, escaped. The leads are plain text, so they read the same where
 * markdown does not render (an embed's author, a field's name).
 */

/** "To add it back, run:": the lead before a command line to paste. */
export function runLead(goal: string): string {
  return `To ${goal}, run:`;
}

/** "To add it back, run /term add with these options:": the lead before the texts to type, where the line cannot be pasted. */
export function giveLead(goal: string, command: string): string {
  return `To ${goal}, run ${command} with these options:`;
}

/** "`budget:` “5000” · `save:` “Q3 launch”": options to type by hand, each value escaped and whole. */
export function optionTexts(options: readonly (readonly [name: string, value: string])[]): string {
  return options.map(([name, value]) => `\`${name}:\` “${quoteUserText(value, codePointCount(value))}”`).join(' · ');
}

/**
 * A next step on one line: "To keep it, run: `/compare budget:5000 save:<name>`", or, where that
 * line cannot be pasted, "To keep it, run /compare with these options: `budget:` “5000” · …".
 */
export function nextStepLine(goal: string, command: string, options: readonly (readonly [name: string, value: string])[], optionNames: readonly string[]): string {
  const code = pasteableCommand(command, options, optionNames);
  return code ? `${runLead(goal)} ${code}` : `${giveLead(goal, command)} ${optionTexts(options)}`;
}

/**
 * Whether user text would show as nothing: once what is never shown is dropped, only spaces (or
 * nothing) are left. Discord refuses an empty field, so such a value must be refused or left out.
 */
export function showsNothing(text: string): boolean {
  return withoutInvisible(text).trim() === '';
}

/**
 * User text for a place that renders no markdown and no mentions (an embed's footer or author):
 * the same characters dropped as everywhere else, without the escapes that would show there as
 * backslashes, and shortened to `max` with "…".
 */
export function plainUserText(text: string, max: number): string {
  return shorten(withoutInvisible(text).replace(/\s+/gu, ' ').trim(), max);
}

/**
 * The team's names in the order people read lists ("item 9" before "item 10", "Éclair" among the
 * E's), the same whichever database holds them. Names that compare equal so ("éclat" and "Eclat")
 * follow their nameKey, which the store keeps unique, so the order never depends on the store's.
 */
export function inReadingOrder<T extends { name: string }>(items: readonly T[]): T[] {
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' }) || byCodeUnits(nameKey(a.name), nameKey(b.name)));
}

/** Characters that show nothing: format characters (zero-width, direction marks) and the other default-ignorable ones. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * Letters and symbols drawn as a blank though they are not spaces: the Hangul fillers, Khmer's
 * inherent vowels, the combining grapheme joiner and the blank Braille pattern. A name of them
 * looks empty, and one among letters looks like a space ("a\u2800b" beside "a b"). The combining
 * ones are alternatives of their own: in a character class, a combining mark reads as a mistake.
 */
const BLANK_LOOKING = /[\u115F\u1160\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5/gu;

/**
 * What hides in a name a user types, which would make two names that look the same ("weekly" and
 * "weekly\u200b") or turn the text around them ("week\u202ely"): 'blank' when it shows nothing at
 * all, 'invisible' when it holds invisible characters outside emoji, else undefined.
 */
export function hiddenInName(name: string): 'blank' | 'invisible' | undefined {
  const rest = name.replace(EMOJI, 'x');
  const shown = rest.replace(INVISIBLE, '').replace(BLANK_LOOKING, '');
  if (shown.trim() === '') return 'blank';
  return shown !== rest ? 'invisible' : undefined;
}

/** Names for the characters people paste without seeing them; others are named by their kind. */
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0xad: 'soft hyphen',
  0x34f: 'combining grapheme joiner',
  0x61c: 'Arabic letter mark',
  0x115f: 'Hangul choseong filler',
  0x1160: 'Hangul jungseong filler',
  0x17b4: 'Khmer vowel inherent aq',
  0x17b5: 'Khmer vowel inherent aa',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x2800: 'Braille pattern blank',
  0x3164: 'Hangul filler',
  0xfeff: 'zero width no-break space',
  0xffa0: 'halfwidth Hangul filler',
};

/**
 * The first character of user text that would not be shown as typed, named for an input error
 * ("U+200B zero width space"), or undefined when all of it shows. What the replies drop or turn
 * into a space (withoutInvisible: control and invisible format characters, line breaks) would make
 * the text shown differ from the text stored, so a write refuses it rather than keep what no one
 * sees; so would a letter drawn as a blank (BLANK_LOOKING: a Hangul filler), which looks like nothing.
 */
export function unshownCharacter(text: string): string | undefined {
  const typed = [...text.replace(EMOJI, '')];
  const shown = [...withoutInvisible(typed.join(''))];
  // The display only drops characters or replaces one with a space: the first difference is the culprit.
  const at = typed.findIndex((character, i) => character !== shown[i] || character.replace(BLANK_LOOKING, '') === '');
  if (at < 0) return undefined;
  const code = typed[at]!.codePointAt(0)!;
  const name = CHARACTER_NAMES[code] ?? (/\p{Cc}/u.test(typed[at]!) ? 'control character' : 'invisible character');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${name}`;
}

/** "[Mediakix](url)" when the source has a link, otherwise its name. */
export function sourceLink(source: Source, label = source.name): string {
  return source.url ? `[${label}](${source.url})` : label;
}

/**
 * Packs lines into as few fields as fit (1,024 characters each), naming the first field `name`
 * and the rest "… (cont.)", one per line unless `separator` says otherwise. A line longer than a
 * field is shortened, never dropped.
 */
export function linesToFields(name: string, lines: readonly string[], inline = false, separator = '\n'): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current = '';
  const flush = () => {
    if (current) fields.push({ name: fields.length === 0 ? name : `${name} (cont.)`, value: current, inline });
    current = '';
  };
  for (const raw of lines) {
    const line = shorten(raw, LIMITS.fieldValue);
    if (current && current.length + separator.length + line.length > LIMITS.fieldValue) flush();
    current = current ? `${current}${separator}${line}` : line;
  }
  flush();
  return fields;
}

/** A line that is all bold, such as "**How the vote is counted**": a heading for the lines after it. */
function isHeading(line: string): boolean {
  return /^\*\*[^*]+\*\*$/.test(line.trim());
}

/** One page of a paged list ("All sources"): within an embed's 4,096-character description, and short enough to read as one screen. */
export const SOURCES_PAGE_TEXT = 3_500;

/**
 * Lines gathered into pages of at most `max` characters each (a line too long is shortened). A
 * heading never ends a page: it moves to the next one with the lines it introduces. No page starts
 * with a blank line.
 */
export function pageLines(lines: readonly string[], max: number): string[] {
  const pages: string[] = [];
  let current: string[] = [];
  let length = -1;
  const add = (line: string) => {
    if (current.length === 0 && line.trim() === '') return;
    current.push(line);
    length += line.length + 1;
  };
  for (const raw of lines) {
    const line = shorten(raw, max);
    if (current.length > 0 && length + 1 + line.length > max) {
      // Carry a trailing heading (and the blank lines around it) over, unless it is all the page holds.
      let keep = current.length;
      while (keep > 0 && (current[keep - 1]!.trim() === '' || isHeading(current[keep - 1]!))) keep--;
      const carried = current.slice(keep).some(isHeading) && keep > 0 ? current.slice(keep) : [];
      const page = carried.length ? current.slice(0, keep) : current;
      pages.push(page.join('\n').trimEnd());
      current = [];
      length = -1;
      for (const l of carried) add(l);
      if (current.length > 0 && length + 1 + line.length > max) {
        pages.push(current.join('\n'));
        current = [];
        length = -1;
      }
    }
    add(line);
  }
  if (current.length) pages.push(current.join('\n').trimEnd());
  return pages;
}

export function button(custom_id: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger = ButtonStyle.Secondary, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: custom_id.slice(0, LIMITS.customId), label: shorten(label, LIMITS.buttonLabel), style, disabled };
}

/** Buttons in rows of five, at most `maxRows` rows. */
export function buttonRows(buttons: readonly APIButtonComponent[], maxRows: number = LIMITS.actionRows): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** "← Previous · Page 2 of 3 · Next →" buttons for a paged view whose ids differ by page. */
export function pagerRow(idFor: (page: number) => string, page: number, pages: number): APIActionRowComponent<APIButtonComponent> | undefined {
  if (pages <= 1) return undefined;
  return {
    type: ComponentType.ActionRow,
    // Ids stay on real pages (and distinct): a disabled button still carries one.
    components: [
      button(idFor(Math.max(0, page - 1)), '← Previous', ButtonStyle.Secondary, page <= 0),
      button(idFor(Math.min(pages - 1, Math.max(page + 1, 1))), 'Next →', ButtonStyle.Secondary, page >= pages - 1),
    ],
  };
}

/** The ephemeral answer to bad input: what was wrong, and what is accepted. */
export function inputErrorReply(problem: string, accepted: string, title = 'That input did not work'): Reply {
  const embed: APIEmbed = {
    title,
    description: shorten(`${problem}\n\n**Accepted:** ${accepted}`, LIMITS.embedDescription),
    color: ERROR_COLOUR,
  };
  return { embeds: [embed], flags: MessageFlags.Ephemeral, inputError: true };
}

/** The ephemeral answer when the bot itself failed: the id matches the log line. */
export function failureReply(errorId: string): Reply {
  return {
    embeds: [
      {
        title: 'Something went wrong on my side',
        description: `Sorry: that request failed. If you report it, quote error id \`${errorId}\`.`,
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}

/**
 * Splits `room` characters between texts of the given lengths as evenly as their lengths allow:
 * a short text keeps all of its length, and what it does not need goes to the longer ones.
 */
export function shareOut(room: number, lengths: readonly number[]): number[] {
  const shares = lengths.map(() => 0);
  let left = Math.max(0, room);
  const shortestFirst = lengths.map((length, i) => ({ length, i })).sort((a, b) => a.length - b.length);
  shortestFirst.forEach(({ length, i }, k) => {
    shares[i] = Math.min(length, Math.floor(left / (shortestFirst.length - k)));
    left -= shares[i]!;
  });
  return shares;
}
