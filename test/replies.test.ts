/**
 * Every reply the bot can build, checked against Discord's limits: each command with sample
 * options, then every button and menu entry on every reply reached, until nothing new appears.
 */

import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForCustomId } from '../src/commands';
import type { Reply } from '../src/commands/types';
import { autocompleteProblems, commandProblems, messageProblems } from '../src/discord/limits';
import { TERMS } from '../src/domain/glossary';
import { SOURCES } from '../src/domain/sources';
import { choosables } from '../src/cli/render-text';

const SAMPLE_OPTIONS: Record<string, Record<string, string>[]> = {
  tier: [{ followers: '0' }, { followers: '9500' }, { followers: '95k' }, { followers: '10B' }, { followers: 'nope' }],
  tiers: [{}, ...SOURCES.map((s) => ({ source: s.id })), { source: 'mediakx' }, { source: 'x'.repeat(100) }],
  glossary: [{}, ...TERMS.map((t) => ({ term: t.id })), { term: 'engagment' }, { term: '@everyone' }],
  help: [{}],
  compare: [
    {},
    { preset: 'kardashian' },
    { preset: 'kardashian', big_fee: '10k' },
    { preset: 'ten-micro', platform: 'tiktok' },
    { budget: '500' },
    { budget: '$2,500', platform: 'youtube', overlap: '40' },
    { big_followers: '1.2M', big_fee: '$12,000', micro_count: '30', micro_followers: '5k', micro_fee: '50', micro_engagement: '6.3', big_engagement: '1.66', conversion: '3', order_value: '45' },
    { micro_fee: '0' },
    { big_followers: '0', micro_followers: '0' },
    { micro_fee: '-5' },
    { micro_engagement: '400%' },
  ],
};

async function reachableReplies(): Promise<Map<string, Reply>> {
  const seen = new Map<string, Reply>();
  const bodies = new Set<string>();
  const queue: [string, Reply][] = [];
  for (const command of COMMANDS) {
    for (const options of SAMPLE_OPTIONS[command.definition.name] ?? [{}]) {
      queue.push([`/${command.definition.name} ${JSON.stringify(options)}`, await command.run(options, { charts: false })]);
    }
  }
  while (queue.length) {
    const [key, reply] = queue.shift()!;
    const id = JSON.stringify({ ...reply, files: reply.files?.map((f) => f.name) });
    if (bodies.has(id)) continue;
    bodies.add(id);
    seen.set(key, reply);
    for (const pick of choosables(reply)) {
      const owner = commandForCustomId(pick.customId);
      expect(owner?.component, `${key}: no handler for ${pick.customId}`).toBeDefined();
      const answer = await owner!.component!(pick.customId, pick.value ? [pick.value] : [], { charts: false });
      queue.push([`${key} → ${pick.customId}${pick.value ? `=${pick.value}` : ''}`, answer.reply]);
    }
  }
  return seen;
}

describe('every reply the bot can build', () => {
  it('keeps within Discord limits, and every component has a handler', async () => {
    const replies = await reachableReplies();
    expect(replies.size).toBeGreaterThan(SOURCES.length + TERMS.length);
    for (const [path, reply] of replies) expect(messageProblems(reply), path).toEqual([]);
  });

  it('makes input errors ephemeral and nothing else that is public', async () => {
    for (const [path, reply] of await reachableReplies()) {
      if (reply.inputError) expect(reply.flags, path).toBe(MessageFlags.Ephemeral);
    }
  });

  it('registers definitions Discord accepts', () => {
    for (const command of COMMANDS) expect(commandProblems(command.definition), command.definition.name).toEqual([]);
  });

  it('answers autocomplete with at most 25 valid choices, for any query', () => {
    const queries = ['', 'm', 'medi', 'mediakx', 'hypeaditor', 'cpe', 'engagment rate', '🔥', 'x'.repeat(6000), '\u200b\u202e'];
    for (const command of COMMANDS) {
      for (const option of command.definition.options ?? []) {
        if (!('autocomplete' in option) || !option.autocomplete) continue;
        for (const value of queries) {
          const choices = command.autocomplete!({ name: option.name, value }, {});
          expect(autocompleteProblems(choices), `${command.definition.name} ${value.slice(0, 20)}`).toEqual([]);
        }
      }
    }
  });
});

describe('/tiers and /glossary content', () => {
  it('suggests sources with typos', () => {
    const tiers = COMMANDS.find((c) => c.definition.name === 'tiers')!;
    expect(tiers.autocomplete!({ name: 'source', value: 'mediakx' }, {})[0]?.value).toBe('mediakix');
    expect(tiers.autocomplete!({ name: 'source', value: 'hypeaditor' }, {})[0]?.value).toBe('hypeauditor');
    expect(tiers.autocomplete!({ name: 'source', value: 'Sprout' }, {})[0]?.value).toBe('sprout-social');
  });

  it('shows a source with its tiers, exact words, citation and notes', async () => {
    const tiers = COMMANDS.find((c) => c.definition.name === 'tiers')!;
    const reply = await tiers.run({ source: 'seed-000' }, { charts: false });
    const embed = reply.embeds[0]!;
    expect(embed.description).toContain('around 10,000 to 90,000 followers');
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Tiers).toContain('top influencer');
    expect(fields.Notes).toContain('Gap: 90,001–99,999');
    expect(fields.Citation).toContain('Characteristics of micro-influencers');
    const mediakix = (await tiers.run({ source: 'Mediakix' }, { charts: false })).embeds[0]!;
    expect(mediakix.url).toBe('https://mediakix.com/influencer-marketing-resources/influencer-tiers/');
    expect(mediakix.fields?.find((f) => f.name === 'Notes')?.value).toContain('[P]');
  });

  it('gives an unknown source an ephemeral error with suggestions', async () => {
    const tiers = COMMANDS.find((c) => c.definition.name === 'tiers')!;
    const reply = await tiers.run({ source: 'mediakx' }, { charts: false });
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]!.description).toContain('Did you mean **Mediakix**');
  });

  it('puts every source side by side in the overview, and says there is no standard', async () => {
    const tiers = COMMANDS.find((c) => c.definition.name === 'tiers')!;
    const reply = await tiers.run({});
    expect(reply.files?.map((f) => f.name)).toEqual(['tiers.png']);
    expect(reply.embeds[0]!.image?.url).toBe('attachment://tiers.png');
    const embed = reply.embeds[0]!;
    for (const s of SOURCES.filter((x) => x.tiers.length)) expect(embed.description).toContain(s.id);
    expect(embed.description).toContain('no industry standard');
    expect(embed.fields?.[0]?.value).toMatch(/\*\*micro\*\*: \d+ different ranges/);
  });

  it('walks the start-here path with Back and Next', async () => {
    const help = COMMANDS.find((c) => c.definition.name === 'help')!;
    const first = await help.component!('help:step:0', []);
    expect(first.mode).toBe('update');
    expect(first.reply.embeds[0]!.author?.name).toMatch(/step 1 of \d+/);
    const next = choosables(first.reply).find((c) => c.label.startsWith('Next'))!;
    const second = await help.component!(next.customId, []);
    expect(second.reply.embeds[0]!.author?.name).toMatch(/step 2 of/);
  });
});
