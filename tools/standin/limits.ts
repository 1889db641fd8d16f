/**
 * The stand-in's own copy of Discord's limits, written from ../shared/discord/LIMITS.md and
 * Discord's documentation, independent of the bot's src/commands/limits.ts on purpose: a test that
 * checks the bot's replies with the bot's own checks cannot find a mistake in those checks.
 *
 * Findings come back as Discord reports them: a path into the body, an error code and a message,
 * which `invalidFormBody` nests into `{ code: 50035, message: 'Invalid Form Body', errors }`.
 */

/** The numbers, as Discord documents them. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowWidth: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  autocompleteChoices: 25,
  choiceText: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  optionChoices: 25,
  commandTotal: 8000,
  chatInputCommands: 100,
  contextMenuCommands: 15,
  modalTitle: 45,
} as const;

const L = DISCORD_LIMITS;

/** Chat-input command and option names (Discord's pattern; lowercase where a lowercase form exists). */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** MessageFlags.IsComponentsV2: components are then layout components, not action rows. */
const COMPONENTS_V2 = 1 << 15;

export type ProblemPath = (string | number)[];

/** One finding, as Discord lists it under `errors`. */
export interface FormProblem {
  path: ProblemPath;
  code: string;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const lengthOf = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

// Discord's messages for each kind of finding.
const maxLength = (path: ProblemPath, max: number): FormProblem => ({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
const badLength = (path: ProblemPath, min: number, max: number): FormProblem => ({
  path,
  code: 'BASE_TYPE_BAD_LENGTH',
  message: `Must be between ${min} and ${max} in length.`,
});
const required = (path: ProblemPath): FormProblem => ({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });

/** Adds a finding when a string (counted in characters) is longer than `max`. */
function atMost(problems: FormProblem[], path: ProblemPath, value: unknown, max: number): void {
  if (lengthOf(value) > max) problems.push(maxLength(path, max));
}

/** Adds a finding when a string is missing or its length is outside min..max. */
function between(problems: FormProblem[], path: ProblemPath, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string' || value.trim().length === 0) {
    problems.push(min > 0 && (value === undefined || value === null || value === '') ? required(path) : badLength(path, min, max));
    return;
  }
  const length = lengthOf(value);
  if (length < min || length > max) problems.push(badLength(path, min, max));
}

// ---------------------------------------------------------------------------------------------
// Messages

/** The characters Discord counts toward the 6,000 of all embeds in one message. */
export function embedCharacters(embed: Json): number {
  const footer = isObject(embed.footer) ? embed.footer : {};
  const author = isObject(embed.author) ? embed.author : {};
  const fields = arrayOf(embed.fields).filter(isObject);
  return (
    lengthOf(embed.title) +
    lengthOf(embed.description) +
    lengthOf(footer.text) +
    lengthOf(author.name) +
    fields.reduce((sum, field) => sum + lengthOf(field.name) + lengthOf(field.value), 0)
  );
}

function embedProblems(embed: Json, at: ProblemPath, problems: FormProblem[]): void {
  atMost(problems, [...at, 'title'], embed.title, L.embedTitle);
  atMost(problems, [...at, 'description'], embed.description, L.embedDescription);
  if (isObject(embed.footer)) atMost(problems, [...at, 'footer', 'text'], embed.footer.text, L.footerText);
  if (isObject(embed.author)) atMost(problems, [...at, 'author', 'name'], embed.author.name, L.authorName);
  const fields = arrayOf(embed.fields);
  if (fields.length > L.embedFields) problems.push(maxLength([...at, 'fields'], L.embedFields));
  fields.forEach((raw, i) => {
    const field = isObject(raw) ? raw : {};
    // A field needs a name and a value, each non-blank.
    const name = field.name;
    const value = field.value;
    if (typeof name !== 'string' || name.trim() === '') problems.push(required([...at, 'fields', i, 'name']));
    else atMost(problems, [...at, 'fields', i, 'name'], name, L.fieldName);
    if (typeof value !== 'string' || value.trim() === '') problems.push(required([...at, 'fields', i, 'value']));
    else atMost(problems, [...at, 'fields', i, 'value'], value, L.fieldValue);
  });
}

function componentProblems(rows: unknown[], problems: FormProblem[]): void {
  if (rows.length > L.actionRows) problems.push(maxLength(['components'], L.actionRows));
  const customIds = new Set<string>();
  rows.forEach((rawRow, r) => {
    const row = isObject(rawRow) ? rawRow : {};
    const children = arrayOf(row.components);
    const rowPath: ProblemPath = ['components', r, 'components'];
    if (children.length > L.rowWidth) problems.push(maxLength(rowPath, L.rowWidth));
    const hasSelect = children.some((c) => isObject(c) && Number(c.type) !== 2);
    if (hasSelect && children.length > 1) {
      problems.push({ path: rowPath, code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
    }
    children.forEach((rawChild, i) => {
      const child = isObject(rawChild) ? rawChild : {};
      const at: ProblemPath = [...rowPath, i];
      const type = Number(child.type);
      const isLink = type === 2 && (Number(child.style) === 5 || Number(child.style) === 6);
      if (child.custom_id !== undefined || !isLink) {
        const id = child.custom_id;
        if (typeof id !== 'string' || id.length === 0) problems.push(required([...at, 'custom_id']));
        else {
          if (lengthOf(id) > L.customId) problems.push(badLength([...at, 'custom_id'], 1, L.customId));
          if (customIds.has(id)) problems.push({ path: [...at, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
          customIds.add(id);
        }
      }
      if (type === 2) atMost(problems, [...at, 'label'], child.label, L.buttonLabel);
      if (type === 3) {
        const options = arrayOf(child.options);
        if (options.length < 1 || options.length > L.selectOptions) problems.push(badLength([...at, 'options'], 1, L.selectOptions));
        options.forEach((rawOption, k) => {
          const option = isObject(rawOption) ? rawOption : {};
          between(problems, [...at, 'options', k, 'label'], option.label, 1, L.selectOptionText);
          between(problems, [...at, 'options', k, 'value'], option.value, 1, L.selectOptionText);
        });
      }
    });
  });
}

/**
 * Every limit a message body (a reply, an edit's resulting message, a follow-up) breaks. An empty
 * message is not a form error on Discord but its own (50006): see `isEmptyMessage`.
 */
export function messageProblems(body: Json): FormProblem[] {
  const problems: FormProblem[] = [];
  atMost(problems, ['content'], body.content, L.content);
  const embeds = arrayOf(body.embeds);
  if (embeds.length > L.embeds) problems.push(maxLength(['embeds'], L.embeds));
  embeds.forEach((embed, i) => embedProblems(isObject(embed) ? embed : {}, ['embeds', i], problems));
  const total = embeds.reduce<number>((sum, embed) => sum + (isObject(embed) ? embedCharacters(embed) : 0), 0);
  if (total > L.embedTotal) problems.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${L.embedTotal}` });
  if (!(Number(body.flags ?? 0) & COMPONENTS_V2)) componentProblems(arrayOf(body.components), problems);
  return problems;
}

/** True when a message would show nothing: Discord answers 50006 "Cannot send an empty message". */
export function isEmptyMessage(body: Json, hasFiles: boolean): boolean {
  if (hasFiles) return false;
  const text = typeof body.content === 'string' && body.content.length > 0;
  return !text && arrayOf(body.embeds).length === 0 && arrayOf(body.components).length === 0 && arrayOf(body.attachments).length === 0 && arrayOf(body.sticker_ids).length === 0 && !body.poll;
}

// ---------------------------------------------------------------------------------------------
// Autocomplete and modals

/** An autocomplete answer's choices: at most 25, each name and string value 1–100 characters. */
export function autocompleteProblems(data: Json): FormProblem[] {
  if (!Array.isArray(data.choices)) return [required(['choices'])];
  const problems: FormProblem[] = [];
  if (data.choices.length > L.autocompleteChoices) problems.push(maxLength(['choices'], L.autocompleteChoices));
  choiceProblems(data.choices, ['choices'], problems);
  return problems;
}

function choiceProblems(choices: unknown[], at: ProblemPath, problems: FormProblem[]): void {
  choices.forEach((rawChoice, k) => {
    const choice = isObject(rawChoice) ? rawChoice : {};
    between(problems, [...at, k, 'name'], choice.name, 1, L.choiceText);
    if (typeof choice.value === 'string') between(problems, [...at, k, 'value'], choice.value, 1, L.choiceText);
    else if (typeof choice.value !== 'number') problems.push(required([...at, k, 'value']));
  });
}

/** A modal (callback type 9): custom_id, title (≤ 45) and components are required. */
export function modalProblems(data: Json): FormProblem[] {
  const problems: FormProblem[] = [];
  if (typeof data.custom_id !== 'string' || data.custom_id === '') problems.push(required(['custom_id']));
  else if (lengthOf(data.custom_id) > L.customId) problems.push(badLength(['custom_id'], 1, L.customId));
  if (typeof data.title !== 'string' || data.title === '') problems.push(required(['title']));
  else atMost(problems, ['title'], data.title, L.modalTitle);
  if (arrayOf(data.components).length === 0) problems.push(required(['components']));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Command registration

/** Characters of a name or description, counting its longest localization, as Discord sizes a command. */
function sizedText(item: Json, key: 'name' | 'description'): number {
  const localized = isObject(item[`${key}_localizations`]) ? Object.values(item[`${key}_localizations`] as Json) : [];
  return Math.max(lengthOf(item[key]), ...localized.map(lengthOf));
}

function optionProblems(options: unknown[], at: ProblemPath, problems: FormProblem[], depth: number): number {
  if (options.length > L.commandOptions) problems.push(maxLength(at, L.commandOptions));
  const names = new Set<string>();
  let requiredAllowed = true;
  let size = 0;
  options.forEach((rawOption, i) => {
    const option = isObject(rawOption) ? rawOption : {};
    const optionAt: ProblemPath = [...at, i];
    const type = Number(option.type);
    chatInputNaming(option, optionAt, problems);
    const name = typeof option.name === 'string' ? option.name : '';
    if (names.has(name)) problems.push({ path: [...optionAt, 'name'], code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', message: 'Option name already exists' });
    names.add(name);
    size += sizedText(option, 'name') + sizedText(option, 'description');
    if (type === 1 || type === 2) {
      // Subcommands (and groups of them) hold options of their own.
      if (depth >= 2 || (type === 2 && depth >= 1)) problems.push({ path: [...optionAt, 'type'], code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', message: 'Sub-command nesting too deep' });
      size += optionProblems(arrayOf(option.options), [...optionAt, 'options'], problems, depth + 1);
      return;
    }
    const isRequired = option.required === true;
    if (isRequired && !requiredAllowed) {
      problems.push({ path: [...optionAt, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    if (!isRequired) requiredAllowed = false;
    const choices = arrayOf(option.choices);
    if (choices.length > L.optionChoices) problems.push(maxLength([...optionAt, 'choices'], L.optionChoices));
    if (choices.length > 0 && option.autocomplete === true) {
      problems.push({ path: [...optionAt, 'autocomplete'], code: 'AUTOCOMPLETE_CHOICES_INVALID', message: 'Autocomplete cannot be set if there are choices present' });
    }
    choiceProblems(choices, [...optionAt, 'choices'], problems);
    for (const choice of choices) if (isObject(choice)) size += sizedText(choice, 'name') + lengthOf(choice.value);
  });
  return size;
}

function chatInputNaming(item: Json, at: ProblemPath, problems: FormProblem[]): void {
  const name = item.name;
  if (typeof name !== 'string' || !CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
    problems.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
  }
  between(problems, [...at, 'description'], item.description, 1, L.commandDescription);
}

/** One command definition, as in a bulk overwrite (PUT …/commands); `at` is its index. */
export function commandProblems(command: Json, at: ProblemPath = []): FormProblem[] {
  const problems: FormProblem[] = [];
  const type = Number(command.type ?? 1);
  if (type === 1) {
    chatInputNaming(command, at, problems);
    const size = sizedText(command, 'name') + sizedText(command, 'description') + optionProblems(arrayOf(command.options), [...at, 'options'], problems, 0);
    if (size > L.commandTotal) problems.push({ path: at, code: 'APPLICATION_COMMAND_TOO_LARGE', message: `Command exceeds maximum size (${L.commandTotal})` });
  } else if (type === 2 || type === 3) {
    // Context-menu commands: any case and spaces, 1–32 characters, no description, no options.
    between(problems, [...at, 'name'], command.name, 1, L.commandName);
    if (typeof command.description === 'string' && command.description !== '') {
      problems.push({ path: [...at, 'description'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID', message: 'Context menu commands cannot have description' });
    }
    if (arrayOf(command.options).length > 0) problems.push({ path: [...at, 'options'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS_INVALID', message: 'Context menu commands cannot have options' });
  } else {
    problems.push({ path: [...at, 'type'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2, 3, 4).' });
  }
  return problems;
}

/** A whole bulk overwrite: each command, their names unique per type, and the per-type counts. */
export function registrationProblems(commands: unknown): FormProblem[] {
  if (!Array.isArray(commands)) return [{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }];
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  const counts = new Map<number, number>();
  commands.forEach((raw, i) => {
    const command = isObject(raw) ? raw : {};
    const type = Number(command.type ?? 1);
    counts.set(type, (counts.get(type) ?? 0) + 1);
    problems.push(...commandProblems(command, [i]));
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) problems.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    seen.add(key);
  });
  if ((counts.get(1) ?? 0) > L.chatInputCommands) problems.push(maxLength([], L.chatInputCommands));
  for (const type of [2, 3]) if ((counts.get(type) ?? 0) > L.contextMenuCommands) problems.push(maxLength([], L.contextMenuCommands));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Discord's error body

/** Findings nested as Discord nests them: `{ data: { embeds: { 0: { title: { _errors: [...] } } } } }`. */
export function formErrors(problems: FormProblem[], root: ProblemPath = []): Json {
  const errors: Json = {};
  for (const { path, code, message } of problems) {
    let node = errors;
    for (const key of [...root, ...path]) node = (node[String(key)] ??= {}) as Json;
    ((node._errors ??= []) as unknown[]).push({ code, message });
  }
  return errors;
}

/** `{ code: 50035, message: 'Invalid Form Body', errors }`, the body of Discord's 400. */
export function invalidFormBody(problems: FormProblem[], root: ProblemPath = []): { code: 50035; message: 'Invalid Form Body'; errors: Json } {
  return { code: 50035, message: 'Invalid Form Body', errors: formErrors(problems, root) };
}
