/**
 * Issue 2: "When the count is within 10% of a boundary, say so", and the boundary rule stated where
 * users meet it. The public reply warns only about lines several publishers draw; "All sources"
 * gives each publisher whose own line is near the count a note on it.
 */

import { describe, expect, it } from 'vitest';
import { help } from '../src/commands/help';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { BOUNDARY_RULE, SOURCES } from '../src/domain/sources';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { testComponentContext, testContext } from './support/context';

const run = (followers: string) => tier.run({ followers } as never, testContext()) as Promise<Reply>;
const press = async (customId: string) => (await tier.component!(customId, [], testComponentContext())).reply;
const description = (reply: Reply) => reply.embeds.map((e) => e.description ?? '').join('\n');
/** The "All sources" line of one publisher, links shown as their text. */
const publisherLine = (reply: Reply, label: string) =>
  description(reply)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split('\n')
    .find((l) => l.startsWith(`• **${label}**`)) ?? '';

/** Every page of "All sources" for a count, by pressing the buttons a user would. */
async function allSourcesPages(count: number): Promise<Reply[]> {
  const first = await press(`tier:all:${count}`);
  const pages = Number(/of (\d+)$/.exec(first.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => press(`tier:page:${count}:${i + 1}`)));
  return [first, ...rest];
}

describe('/tier near a line only one publisher draws', () => {
  it('keeps the public reply free of single-publisher warnings', async () => {
    for (const count of ['2.4M', '6.8M', '9.5M']) expect(description(await run(count)), count).not.toContain('⚠️');
  });

  it('notes, in All sources, how near each publisher’s own line the count is', async () => {
    expect(publisherLine(await press('tier:all:2400000'), 'L2')).toContain('4% below its 2.5M line');
    expect(publisherLine(await press('tier:all:6800000'), 'L2')).toContain('3% below its 7M line');
    expect(publisherLine(await press('tier:all:9500000'), 'Sprout Social')).toContain('5% below its 10M line');
    expect(publisherLine(await press('tier:all:1050000'), 'Mediakix')).toContain('5% above its 1M line');
    expect(publisherLine(await press('tier:all:10000'), 'Mediakix')).toContain('on its 10k line');
    expect(publisherLine(await press('tier:all:9999'), 'Mediakix')).toContain('less than 1% below its 10k line');
    // Far from every line of its own: no note.
    expect(publisherLine(await press('tier:all:2400000'), 'Mediakix')).not.toMatch(/its [\d.]+[kM]? line/);
  });

  it('keeps every page of All sources within Discord’s limits on and near every line', async () => {
    const lines = [...new Set(SOURCES.flatMap((s) => s.tiers.flatMap((t) => [t.lineFrom, t.lineTo ?? t.lineFrom])))].filter((v) => v > 0);
    const counts = [...new Set(lines.flatMap((v) => [v, Math.floor(v * 0.9), Math.ceil(v * 1.1), v - 1, v + 1]))];
    for (const count of counts) {
      for (const page of await allSourcesPages(count)) {
        expect(messageProblems(page), String(count)).toEqual([]);
        expect(standinProblems(page as never), String(count)).toEqual([]);
      }
    }
  });
});

describe('the boundary rule, stated where users meet it', () => {
  it('says how a stated range is read for a count near its line, and not for one far from it', async () => {
    // "10k–49.9k" beside 49,950 reads as a contradiction unless its reading is given.
    expect(publisherLine(await press('tier:all:49950'), 'The Influence Agency')).toContain('**micro** (10k–49.9k, read as 10,000–49,999), less than 1% below its 50k line');
    expect(publisherLine(await press('tier:all:30000'), 'The Influence Agency')).toContain('**micro** (10k–49.9k).');
  });

  it('is the rule the classifier applies: a count on the line between two tiers goes to the upper one', async () => {
    expect(BOUNDARY_RULE).toMatch(/^Tierbot puts a count on the line between two tiers in the upper tier/);
    // Mediakix "1k–10k · 10k–50k": 10,000 is micro; Iconosquare "≤10k" keeps it in nano by its words.
    const all = await press('tier:all:10000');
    // On a line, each says which counts its stated range takes.
    expect(publisherLine(all, 'Mediakix')).toContain('**micro** (10k–50k, read as 10,000–49,999), on its 10k line');
    expect(publisherLine(all, 'Iconosquare')).toContain('**nano** (up to 10k, read as 0–10,000), on its 10k line');
  });

  it('is in the public warning for a count on a line', async () => {
    const warning = description(await run('10k')).split('\n').find((l) => l.startsWith('⚠️'));
    expect(warning).toContain('10,000 is exactly on the 10,000 line used by 13 publishers');
    expect(warning).toContain(BOUNDARY_RULE);
  });

  it('is on the first page of All sources', async () => {
    for (const count of [30_000, 2_400_000, 10_000]) expect(description((await allSourcesPages(count))[0]!), String(count)).toContain(BOUNDARY_RULE);
  });

  it('is in /help', async () => {
    const reply = (await help.run({} as never, testContext())) as Reply;
    const all = reply.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]).join('\n');
    expect(all).toContain(BOUNDARY_RULE);
    expect(messageProblems(reply)).toEqual([]);
  });
});
