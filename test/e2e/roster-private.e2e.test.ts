/**
 * /roster private:True through both ways in (the discord.js client on the stand-in's gateway, and
 * the HTTP endpoint the stand-in posts to): Discord is told "thinking…" for the uploader alone,
 * the reply, its chart and roster-tiers.csv land in that private message, and the Summary by
 * platform button on it answers privately too. Without the option the channel (or the group DM)
 * sees the roster, and the reply says so.
 */

import { describe, expect, it } from 'vitest';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const EPHEMERAL = 64;
const SHEET = Buffer.from('name,email,platform,followers,fee\nAna Lind,ana@example.com,Instagram,45000,500\nBo Berg,bo@example.com,TikTok,1200000,9000\n');
const upload = { attachment: { filename: 'r.csv', data: SHEET, contentType: 'text/csv' } };

const harnessFor = harnessForEachMode();

describe.each(MODES)('%s mode', (mode) => {
  const h = () => harnessFor(mode);

  it('/roster private:True defers privately and puts the reply, the chart and roster-tiers.csv in that private message', async () => {
    const record = await h().command('roster', { file: upload, private: true }, { guildId: h().standIn.guildIds[0]! });
    expect(record.callbacks[0]?.type).toBe(5);
    expect(record.callbacks[0]?.data?.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(record.followUps).toEqual([]);
    expect(record.originalDeletedAt).toBeUndefined();
    const { files } = answerOf(record);
    expect(files.map((f) => f.name).sort()).toEqual(['roster-tiers.csv', 'roster.png']);
    const message = h().standIn.originalMessage(record)!;
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.attachments.map((a) => a.filename)).toContain('roster-tiers.csv');
    expect(message.embeds[0]?.title).toBe('Roster: 2 creators by tier');

    const button = message.components!.flatMap((row: any) => row.components).find((c: any) => c.label === 'Summary by platform');
    const press = await h().component(button.custom_id, { componentType: 2, message, guildId: h().standIn.guildIds[0]! });
    const summary = answerOf(press);
    expect(embedText(summary.body)).toMatch(/Instagram/);
    expect(summary.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    // The private roster itself is left as it was.
    expect(press.edits).toEqual([]);
  });

  it('/roster without private shows the channel the roster, saying so', async () => {
    const record = await h().command('roster', { file: upload }, { guildId: h().standIn.guildIds[0]! });
    expect((record.callbacks[0]?.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    const message = h().standIn.originalMessage(record)!;
    expect((message.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(message.attachments.map((a) => a.filename)).toContain('roster-tiers.csv');
    expect(message.embeds[0]?.description).toContain('`private:True`');
  });

  it('/roster without private in a group DM shows everyone there the roster, saying so; in the DM with Tierbot it says nothing of it', async () => {
    const inGroup = h().standIn.originalMessage(await h().command('roster', { file: upload }, { guildId: null, userInstall: true, context: 2 }))!;
    expect((inGroup.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(inGroup.embeds[0]?.description).toContain('Everyone in this conversation can see this reply and roster-tiers.csv');
    const inBotDm = h().standIn.originalMessage(await h().command('roster', { file: upload }, { guildId: null, userInstall: true, context: 1 }))!;
    expect(inBotDm.embeds[0]?.title).toBe('Roster: 2 creators by tier');
    expect(inBotDm.embeds[0]?.description).not.toMatch(/Everyone/);
  });
});
