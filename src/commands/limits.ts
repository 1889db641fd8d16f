/**
 * Discord's documented limits (../shared/discord/LIMITS.md): the numbers commands size their
 * text by, and the checks the core runs on every message and autocomplete answer before sending.
 * Text is measured as Discord measures it, in code points (codePointCount): an emoji such as 🔥
 * is one character, though JavaScript's `.length` counts it as two.
 * (The stand-in checks bodies with its own code, so tests do not grade this module by itself.)
 */

import type { APIEmbed } from 'discord-api-types/v10';
import { codePointCount } from '../domain/format';

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  choicesPerOption: 25,
  choiceName: 100,
  choiceValue: 100,
  commandTotal: 8000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  selectOptions: 25,
  selectLabel: 100,
  /** A select menu's placeholder (Discord's component reference; not in LIMITS.md). */
  selectPlaceholder: 150,
  buttonLabel: 80,
  autocompleteChoices: 25,
  /**
   * One uploaded file: Discord's default, 10 MiB (the `attachment_size_limit` interactions carry
   * where no server boost raises it).
   */
  attachmentBytes: 10 * 1024 * 1024,
} as const;

// Payload shapes are checked structurally: the stand-in receives raw JSON, not typed objects.
interface LooseEmbed {
  title?: string;
  description?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}

interface LooseComponent {
  type?: number;
  custom_id?: string;
  label?: string;
  placeholder?: string;
  options?: { label?: string; value?: string }[];
  components?: LooseComponent[];
}

interface LoosePayload {
  content?: string;
  embeds?: LooseEmbed[];
  components?: LooseComponent[];
}

/** Characters (code points) in a text that may be missing: none when it is. */
const lengthOf = (text: string | undefined): number => (text === undefined ? 0 : codePointCount(text));

/** Characters Discord counts towards an embed's 6,000 total. */
export function embedLength(embed: LooseEmbed | APIEmbed): number {
  const fields = embed.fields ?? [];
  return (
    lengthOf(embed.title) +
    lengthOf(embed.description) +
    fields.reduce((n, f) => n + lengthOf(f.name) + lengthOf(f.value), 0) +
    lengthOf(embed.footer?.text) +
    lengthOf(embed.author?.name)
  );
}

/** Characters of all a message's embeds together, which Discord caps at 6,000. */
export function embedsLength(embeds: readonly (LooseEmbed | APIEmbed)[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

function checkEmbed(embed: LooseEmbed, at: string, problems: string[]): void {
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${at}.${what}: ${length} > ${max}`);
  };
  over('title', lengthOf(embed.title), LIMITS.embedTitle);
  over('description', lengthOf(embed.description), LIMITS.embedDescription);
  over('footer.text', lengthOf(embed.footer?.text), LIMITS.footerText);
  over('author.name', lengthOf(embed.author?.name), LIMITS.authorName);
  const fields = embed.fields ?? [];
  over('fields', fields.length, LIMITS.embedFields);
  fields.forEach((field, i) => {
    if (!field.name?.trim()) problems.push(`${at}.fields[${i}].name: empty`);
    if (!field.value?.trim()) problems.push(`${at}.fields[${i}].value: empty`);
    over(`fields[${i}].name`, lengthOf(field.name), LIMITS.fieldName);
    over(`fields[${i}].value`, lengthOf(field.value), LIMITS.fieldValue);
  });
}

function checkComponents(rows: LooseComponent[], problems: string[]): void {
  if (rows.length > LIMITS.actionRows) problems.push(`components: ${rows.length} rows > ${LIMITS.actionRows}`);
  const ids = new Set<string>();
  rows.forEach((row, r) => {
    const children = row.components ?? [];
    const selects = children.filter((c) => c.type !== 2).length;
    if (selects > 0 && children.length > 1) problems.push(`components[${r}]: a select must be alone in its row`);
    if (children.length > LIMITS.buttonsPerRow) problems.push(`components[${r}]: ${children.length} > ${LIMITS.buttonsPerRow}`);
    children.forEach((c, i) => {
      const at = `components[${r}][${i}]`;
      if (c.custom_id !== undefined) {
        const idLength = lengthOf(c.custom_id);
        if (idLength === 0 || idLength > LIMITS.customId) problems.push(`${at}.custom_id: length ${idLength}`);
        if (ids.has(c.custom_id)) problems.push(`${at}.custom_id: duplicate ${c.custom_id}`);
        ids.add(c.custom_id);
      }
      if (lengthOf(c.label) > LIMITS.buttonLabel) problems.push(`${at}.label: ${lengthOf(c.label)} > ${LIMITS.buttonLabel}`);
      if (lengthOf(c.placeholder) > LIMITS.selectPlaceholder) problems.push(`${at}.placeholder: ${lengthOf(c.placeholder)} > ${LIMITS.selectPlaceholder}`);
      if (c.options) {
        if (c.options.length === 0 || c.options.length > LIMITS.selectOptions) problems.push(`${at}.options: ${c.options.length}`);
        c.options.forEach((o, k) => {
          if (!o.label || lengthOf(o.label) > LIMITS.selectLabel) problems.push(`${at}.options[${k}].label: bad length`);
          if (!o.value || lengthOf(o.value) > LIMITS.selectLabel) problems.push(`${at}.options[${k}].value: bad length`);
        });
      }
    });
  });
}

/** Every way a message body breaks Discord's limits; empty when it is fine. */
export function messageProblems(payload: LoosePayload): string[] {
  const problems: string[] = [];
  const contentLength = lengthOf(payload.content);
  if (contentLength > LIMITS.content) problems.push(`content: ${contentLength} > ${LIMITS.content}`);
  const embeds = payload.embeds ?? [];
  if (embeds.length > LIMITS.embedsPerMessage) problems.push(`embeds: ${embeds.length} > ${LIMITS.embedsPerMessage}`);
  embeds.forEach((embed, i) => checkEmbed(embed, `embeds[${i}]`, problems));
  const total = embedsLength(embeds);
  if (total > LIMITS.embedTotal) problems.push(`embeds: ${total} characters in total > ${LIMITS.embedTotal}`);
  if (!payload.content && embeds.length === 0 && !(payload.components?.length)) problems.push('message: empty');
  checkComponents(payload.components ?? [], problems);
  return problems;
}

/** Every way an autocomplete answer breaks Discord's rules. */
export function autocompleteProblems(choices: { name?: string; value?: unknown }[]): string[] {
  const problems: string[] = [];
  if (choices.length > LIMITS.autocompleteChoices) problems.push(`choices: ${choices.length} > ${LIMITS.autocompleteChoices}`);
  choices.forEach((choice, k) => {
    const name = choice.name ?? '';
    if (name.trim() === '' || lengthOf(name) > LIMITS.choiceName) problems.push(`choices[${k}].name: bad length`);
    if (typeof choice.value === 'string' && (choice.value === '' || lengthOf(choice.value) > LIMITS.choiceValue)) {
      problems.push(`choices[${k}].value: bad length`);
    }
  });
  return problems;
}
