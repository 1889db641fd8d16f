/**
 * terms.json as `/term import` reads it: the file `/term export` writes (see exportTerms in
 * term.ts), checked for what it is (text, JSON, a Tierbot export of terms, the version this Tierbot
 * writes) and for its shape with zod, each refusal said in words a person editing the file can act
 * on. The terms it holds are checked as /term add checks typed ones, in term.ts.
 */

import { z } from 'zod';
import { countOf, formatCount } from '../domain/format';
import { quoteUserText, showsNothing } from './embeds';
import { EXPORT_VERSION, exportKind, shownText } from './team-settings';

/** What `/term export` attaches, and `/term import` takes back. */
export const TERMS_FILE = 'terms.json';

/** The other exports, which are JSON too: what each is, and where its contents go instead. */
const OTHER_EXPORTS: Readonly<Record<string, string>> = {
  [exportKind('house')]: 'a house definition export (house.json, from `/house export`), not a terms export. Its `text` is set back by pasting it into `/house set tiers:`',
  [exportKind('plans')]: 'a saved plans export (plans.json, from `/plans export`), not a terms export. A plan is saved again by running `/compare` with its options and `save:`',
};

/** A term as terms.json holds it. Who added and changed it, and when, are the file's to keep: an import records its own. */
const exportedTerm = z.object({
  name: z.string(),
  definition: z.string(),
  formula: z.string().nullish(),
  example: z.string().nullish(),
  link: z.string().nullish(),
});
export type ExportedTerm = z.infer<typeof exportedTerm>;

/** What every export starts with (exportHeader): what it holds, and its format's version. */
const exportStart = z.object({ kind: z.string(), version: z.unknown() });
const termsExport = z.object({ terms: z.array(exportedTerm) });

/** Words for JSON's kinds of value, as zod names them. */
const JSON_KINDS: Readonly<Record<string, string>> = { string: 'text', number: 'a number', boolean: 'true or false', null: 'null', array: 'a list ([…])', object: 'an object ({…})' };

/** Where in terms.json a path leads: "term 4 (“CPM”)’s `formula`", "`terms`", "the file". */
function placeIn(json: unknown, path: readonly (string | number)[]): string {
  const [top, index, field] = path;
  if (top === undefined) return 'the file';
  if (top !== 'terms' || typeof index !== 'number') return `\`${path.join('.')}\``;
  const name = (json as { terms: { name?: unknown }[] }).terms[index]?.name;
  const named = typeof name === 'string' && !showsNothing(name) ? ` (“${shownText(name, 60)}”)` : '';
  return field === undefined ? `term ${formatCount(index + 1)}${named}` : `term ${formatCount(index + 1)}${named}’s \`${String(field)}\``;
}

/** The first thing wrong with the file's shape, in words: "term 4 (“CPM”)’s `definition` should be text, not a number". */
function shapeProblem(json: unknown, issue: z.ZodIssue): string {
  const where = placeIn(json, issue.path);
  if (issue.code !== 'invalid_type') return `${where}: ${issue.message}`;
  if (issue.received === 'undefined') return `${where} is missing`;
  const optional = ['formula', 'example', 'link'].includes(String(issue.path[2]));
  const expected = `${JSON_KINDS[issue.expected] ?? issue.expected}${optional ? ' or null' : ''}`;
  return `${where} should be ${expected}, not ${JSON_KINDS[issue.received] ?? issue.received}`;
}

/** The terms of the file, or why it is no terms export: the problem in words, and a title for the reply. */
type ReadFile = { ok: true; terms: ExportedTerm[] } | { ok: false; problem: string; title: string };

/** Where JSON.parse stopped reading `text`, as a person finds it in an editor ("57, column 1"), when its error says. */
function jsonErrorPlace(text: string, err: unknown): string | undefined {
  const position = Number(/position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1] ?? 0);
  if (position === 0) return undefined;
  const before = text.slice(0, position).split('\n');
  return `${formatCount(before.length)}, column ${formatCount(before.at(-1)!.length + 1)}`;
}

/** The slips an edit by hand makes most. */
const JSON_SLIP = 'After an edit by hand, look for a comma left before a `]` or `}`, a missing comma between two terms, or curly quotes (“ ”) where JSON needs straight ones (").';

/** The terms of a terms.json, or why it is not one; `shown` names the file as the reply quotes it. */
export function readTermsFile(bytes: Uint8Array, shown: string): ReadFile {
  const refused = (problem: string, title: string): ReadFile => ({ ok: false, problem, title });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (!utf16 && bytes.includes(0)) return refused(`${shown} is not a text file, so it is not the ${TERMS_FILE} that \`/term export\` gives.`, 'Not a terms export');
    const saved = utf16 ? 'is UTF-16 text (Notepad’s “Unicode”)' : 'is not UTF-8 text';
    return refused(`${shown} ${saved}; only UTF-8 is read, as \`/term export\` writes it. Save it again as UTF-8 (in Notepad: Save As → Encoding: UTF-8).`, 'Not UTF-8 text');
  }
  if (text.trim() === '') return refused(`${shown} is empty.`, 'That file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    // A file that opens as an export does was most likely edited by hand: say what breaks JSON, and where if known.
    if (!text.trimStart().startsWith('{')) return refused(`${shown} is not JSON, so it is not the ${TERMS_FILE} that \`/term export\` gives.`, 'Not a terms export');
    const place = jsonErrorPlace(text, err);
    return refused(`${shown} is not valid JSON${place ? `: it cannot be read past line ${place}` : ''}. ${JSON_SLIP}`, 'Not valid JSON');
  }
  const header = exportStart.safeParse(json);
  if (!header.success) return refused(`${shown} is JSON, but not a Tierbot export: it does not start with \`"kind": "tierbot.terms"\`.`, 'Not a terms export');
  const { kind, version } = header.data;
  const other = OTHER_EXPORTS[kind];
  if (other) return refused(`${shown} is ${other}.`, 'Not a terms export');
  if (kind !== exportKind('terms')) return refused(`${shown} is JSON of another kind (“${quoteUserText(kind, 40)}”), not a terms export (\`"kind": "tierbot.terms"\`).`, 'Not a terms export');
  if (version !== EXPORT_VERSION) {
    return refused(`${shown} is a terms export of version ${quoteUserText(JSON.stringify(version) ?? 'none', 20)}; this Tierbot reads version ${EXPORT_VERSION}, which \`/term export\` gives.`, 'Not a terms export it can read');
  }
  const parsed = termsExport.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues;
    const more = problems.length > 1 ? ` (and ${countOf(problems.length - 1, 'other problem')})` : '';
    return refused(`${shown} is a terms export, but ${shapeProblem(json, problems[0]!)}${more}. Fix that in the file, or export the terms again.`, 'That terms export is damaged');
  }
  return { ok: true, terms: parsed.data.terms };
}
