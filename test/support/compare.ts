/** /compare as its tests run it: every reply checked against Discord's limits, and the parts they read. */

import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { compare } from '../../src/commands/compare';
import { ASSUMPTIONS_ID, EXPORT_ID } from '../../src/commands/compare-state';
import { messageProblems } from '../../src/commands/limits';
import type { ComponentContext, ComponentReply, Reply, RunContext } from '../../src/commands/types';
import { comparePlans, parseCompareInput, type CompareInput, type Comparison } from '../../src/domain/compare';
import { testComponentContext, testContext } from './context';

/** /compare's reply to `options`, checked against Discord's limits. */
export async function runCompare(options: Record<string, string> = {}, context: RunContext = testContext()): Promise<Reply> {
  const reply = (await compare.run(options as never, context)) as Reply;
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

/** The comparison /compare makes of `input`, straight from the domain; an input it refuses throws. */
export function comparisonOf(input: CompareInput): Comparison {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(`${parsed.option}: ${parsed.reason}`);
  return comparePlans(parsed.scenario);
}

/** The first embed's description. */
export const description = (reply: Reply): string => reply.embeds[0]!.description ?? '';
/** A field of the reply's first embed, by the start of its name. */
export const field = (reply: Reply, prefix: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(prefix))!;
/** The fields of every embed of the reply, in order. */
export const embedFields = (reply: Reply) => reply.embeds.flatMap((e) => e.fields ?? []);
/** A field of any embed of the reply, by the start of its name. */
export const fieldOfAnyEmbed = (reply: Reply, prefix: string) => embedFields(reply).find((f) => f.name.startsWith(prefix))!;

/** The line of a plan's field that starts with `label:`, as in "Reach: **22,945** (22,885 to 22,945) ✅". */
export const planLine = (reply: Reply, plan: 'A' | 'B', label: string) =>
  field(reply, `Plan ${plan}`).value.split('\n').find((l) => l.startsWith(`${label}:`))!;

/** The title, description, fields and footer of each embed, one after another, a line apart. */
export const shownText = (reply: Reply): string =>
  reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
/** The title, description and fields of each embed, without the footer. */
export const bodyText = (reply: Reply): string =>
  reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');
/** The characters Discord counts towards an embed's limit (title, description, fields, footer), over every embed of the reply. */
export const embedCharacters = (reply: Reply): number =>
  reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('')).join('').length;
/** What a reader sees once Discord has drawn the markdown. */
export const plainText = (markdown: string): string => markdown.replace(/\*\*|\*/g, '');

/** The custom_id of each of the reply's components, in order ('' for one without). */
export const buttonIds = (reply: Reply): string[] => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

/** The custom_id of the reply's button whose custom_id starts with `prefix`; a reply without one throws. */
export function buttonId(reply: Reply, prefix: string): string {
  const id = buttonIds(reply).find((x) => x.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button`);
  return id;
}

/** /compare's answer to a press of the component with `customId`: how it is sent, and its reply, checked against Discord's limits. */
export async function pressCustomId(customId: string, context: ComponentContext = testComponentContext()): Promise<ComponentReply> {
  const answer = await compare.component!(customId, [], context);
  expect(messageProblems(answer.reply)).toEqual([]);
  return answer;
}

/** The answer to pressing the reply's button whose custom_id starts with `prefix`: how it is sent, and its reply, checked against Discord's limits. */
export const buttonAnswer = (reply: Reply, prefix: string, context?: ComponentContext): Promise<ComponentReply> => pressCustomId(buttonId(reply, prefix), context);

/** The reply to pressing the reply's button whose custom_id starts with `prefix`, checked against Discord's limits. */
export async function pressButton(reply: Reply, prefix: string, context?: ComponentContext): Promise<Reply> {
  return (await buttonAnswer(reply, prefix, context)).reply;
}

/** The Assumptions page for `options`: run /compare, press Assumptions. */
export async function assumptionsPage(options: Record<string, string>): Promise<Reply> {
  return pressButton(await runCompare(options), ASSUMPTIONS_ID);
}

/** The text of the Assumptions page for `options`. */
export async function assumptionsText(options: Record<string, string>): Promise<string> {
  return shownText(await assumptionsPage(options));
}

/** The rows of compare.csv, below its header, as the reply's Export button gives it. */
export async function exportRowsOf(reply: Reply): Promise<string[][]> {
  const file = (await pressButton(reply, EXPORT_ID)).files![0]!;
  return parse(file.data.toString('utf8'), { from_line: 2 });
}

/** The rows of compare.csv for `options`, below its header: run /compare, press Export. */
export async function exportRows(options: Record<string, string>): Promise<string[][]> {
  return exportRowsOf(await runCompare(options));
}

/** The compare.csv row for one plan ('A', 'B' or 'assumption') and metric. */
export const exportRow = (rows: string[][], plan: string, metric: string) => rows.find((r) => r[0] === plan && r[1] === metric)!;

/**
 * A button state as an earlier version of Tierbot wrote it, spelled out here rather than by the
 * encoder under test: the version digit, then `bits` six at a time, lowest first, in base64url's digits.
 */
export function earlierState(version: number, bits: bigint): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let body = '';
  for (let rest = bits; rest > 0n; rest >>= 6n) body += digits[Number(rest & 63n)];
  return `${version}${body}`;
}
