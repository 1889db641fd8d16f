/**
 * Every reply /tier, /tiers, /glossary and /help can build — each with sample options, then every
 * button and menu entry reached from them (disabled ones too), until nothing new appears — speaks
 * plain words: no seed numbers, no file names or section numbers, no bracketed confidence codes,
 * and stays within Discord's limits.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { help } from '../src/commands/help';
import { tier } from '../src/commands/tier';
import { tiers } from '../src/commands/tiers';
import type { ComponentContext, Reply, SlashCommand } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { TERMS } from '../src/domain/glossary';
import { PUBLISHERS, SOURCES } from '../src/domain/sources';
import { memoryStore, testComponentContext } from './support/context';

const FORBIDDEN = /seed 0|seed-0|SOURCES\.md|§|\[[PSMp]\]|n\.d\./i;

const SAMPLES: [SlashCommand, Record<string, string>[]][] = [
  [tier, ['0', '500', '9.5k', '30k', '95000', '100k', '1.2M', '10B', 'nope'].map((followers) => ({ followers }))],
  [
    tiers,
    [{}, ...PUBLISHERS.map((p) => ({ source: p.id })), ...SOURCES.map((s) => ({ source: s.id })), ...['mediakx', 'cnbc', 'a', 'hypeaditor', 'zzzz', 'x'.repeat(100)].map((source) => ({ source }))],
  ],
  [glossary, [{}, ...TERMS.map((t) => ({ term: t.id })), ...['engagment rate', 'cpc', 'cp', 'KOL', 'whitelisting', '@everyone', 'team:Brand lift', 'Brand lift', 'brand lfit'].map((term) => ({ term }))]],
  [help, [{}]],
];

async function context(): Promise<ComponentContext> {
  const store = memoryStore();
  const now = new Date(0);
  await store.addTerm('42', { name: 'Brand lift', definition: 'Our **own** measure <@123> of recall.', addedById: '1', addedByName: 'ana', updatedAt: now });
  await store.addTerm('42', { name: 'CPE', definition: 'Team meaning of CPE.', addedById: '1', addedByName: 'ana', updatedAt: now });
  return testComponentContext({ guildId: '42', store });
}

async function reachable(): Promise<Map<string, Reply>> {
  const ctx = await context();
  const seen = new Map<string, Reply>();
  const bodies = new Set<string>();
  const queue: [string, Reply][] = [];
  for (const [command, samples] of SAMPLES) {
    for (const args of samples) queue.push([`/${command.definition.name} ${JSON.stringify(args)}`, await command.run(args, ctx)]);
  }
  const byName = new Map(SAMPLES.map(([c]) => [c.definition.name, c]));
  while (queue.length) {
    const [path, reply] = queue.shift()!;
    const body = JSON.stringify(reply, (k, v) => (k === 'files' ? undefined : v));
    if (bodies.has(body)) continue;
    bodies.add(body);
    seen.set(path, reply);
    for (const row of reply.components ?? []) {
      for (const c of row.components) {
        if (!('custom_id' in c)) continue;
        const owner = byName.get(c.custom_id.split(':')[0]!);
        expect(owner?.component, `${path}: no handler for ${c.custom_id}`).toBeDefined();
        const values = 'options' in c && Array.isArray(c.options) ? c.options.map((o) => [o.value]) : [[]];
        for (const v of values) {
          const answer = await owner!.component!(c.custom_id, v, ctx);
          queue.push([`${path} → ${c.custom_id}${v.length ? `=${v[0]}` : ''}`, answer.reply]);
        }
      }
    }
  }
  return seen;
}

const textOf = (reply: Reply) => JSON.stringify({ content: reply.content, embeds: reply.embeds, components: reply.components });

describe('every reply of /tier, /tiers, /glossary and /help, and every button reachable from them', () => {
  it('speaks plain words, keeps within limits, and makes input errors ephemeral', async () => {
    const replies = await reachable();
    expect(replies.size).toBeGreaterThan(PUBLISHERS.length + TERMS.length);
    for (const [path, reply] of replies) {
      const text = textOf(reply);
      expect(text.match(FORBIDDEN)?.[0], path).toBeUndefined();
      expect(messageProblems(reply), path).toEqual([]);
      if (reply.inputError) expect(reply.flags, path).toBe(MessageFlags.Ephemeral);
    }
  });
});
