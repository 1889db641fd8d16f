/**
 * Wherever the team works, in both ways in: a user install in a DM and in a server the bot is not
 * in, the message command on a chat message, /roster with a file the stand-in serves (and its
 * "Summary by platform" button, which re-reads the CSV attached to its message), and team
 * settings kept apart per server and refused to non-managers.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../tools/standin/limits';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const EPHEMERAL = 64;
const MANAGE_SERVER = String(1n << 5n);
const ELSEWHERE = '299999999999999999';
const ROSTER = readFileSync('test/fixtures/roster/sheets-export.csv');

const harnessFor = harnessForEachMode();

describe.each(MODES)('%s mode', (mode) => {
  const h = () => harnessFor(mode);
  const guild = () => h().standIn.guildIds[0]!;

  it('answers a user install in a DM, chart included, with no cache to read', async () => {
    const record = await h().command('tier', { followers: '30k' }, { guildId: null, userInstall: true });
    const { body } = answerOf(record);
    expect(body.embeds[0].title).toContain('30,000');
    expect(messageProblems(body)).toEqual([]);
  });

  it('answers a user install in a server the bot is not in', async () => {
    const record = await h().command('glossary', { term: 'CPE' }, { guildId: ELSEWHERE, userInstall: true, botInGuild: false });
    expect(embedText(answerOf(record).body)).toContain('CPE');
  });

  it('saves no plan for a server that has not added Tierbot (a user install there): it says why, and /compare still answers', async () => {
    const record = await h().command('compare', { save: 'q4' }, { guildId: ELSEWHERE, userInstall: true, botInGuild: false });
    const { body } = answerOf(record);
    expect(body.flags & 64).toBe(64);
    expect(body.embeds[0].title).toBe('Saved plans need Tierbot in this server');
    const plain = answerOf(await h().command('compare', {}, { guildId: ELSEWHERE, userInstall: true, botInGuild: false })).body;
    expect(plain.embeds[0].title).not.toBe('Saved plans need Tierbot in this server');
  });

  it('keeps working where Discord forces the reply ephemeral', async () => {
    const record = await h().command('tier', { followers: '45k' }, { guildId: ELSEWHERE, userInstall: true, botInGuild: false, forcedEphemeral: true });
    expect(answerOf(record).body.embeds[0].title).toContain('45,000');
  });

  it('classifies the follower counts in a message, one line each', async () => {
    const record = await h().messageCommand('Classify follower counts', { content: 'Sara has 45k on IG and 1.2M on TikTok' });
    const text = embedText(answerOf(record).body);
    expect(text).toMatch(/45,000/);
    expect(text).toMatch(/1,200,000/);
    const none = answerOf(await h().messageCommand('Classify follower counts', { content: 'lunch at noon?' })).body;
    expect(none.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('/roster downloads the attachment, returns roster-tiers.csv and a summary; the platform button re-reads it', async () => {
    const record = await h().command('roster', { file: { attachment: { filename: 'team.csv', data: ROSTER, contentType: 'text/csv' } } });
    const { body, files } = answerOf(record);
    expect(files.map((f) => f.name)).toContain('roster-tiers.csv');
    const header = files.find((f) => f.name === 'roster-tiers.csv')!.data.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(header).toMatch(/,tier,consensus_tier,consensus_votes,note$/);
    const button = body.components.flatMap((r: any) => r.components).find((c: any) => /platform/i.test(c.label));
    const message = h().standIn.originalMessage(record);
    const split = answerOf(await h().component(button.custom_id, { componentType: 2, message }));
    expect(embedText(split.body)).toMatch(/Instagram|TikTok|YouTube/);
  });

  it('keeps a house definition to its own server, and refuses non-managers', async () => {
    const refused = answerOf(await h().command('house set', { tiers: 'micro 10k-75k, macro 75k+' }, { guildId: guild() }));
    expect(refused.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(refused.body)).toContain('Manage Server');
    const set = answerOf(await h().command('house set', { tiers: `nano 1k-10k, micro 10k-75k, macro 75k+` }, { guildId: guild(), permissions: MANAGE_SERVER }));
    expect(embedText(set.body)).toMatch(/micro/);
    const here = embedText(answerOf(await h().command('tier', { followers: '50k' }, { guildId: guild() })).body);
    expect(here).toMatch(/house definition/i);
    const elsewhere = embedText(answerOf(await h().command('tier', { followers: '50k' }, { guildId: ELSEWHERE, userInstall: true, botInGuild: false })).body);
    expect(elsewhere).not.toMatch(/house definition/i);
  });
});
