/**
 * Scale-out: two shards under one stand-in, each answering exactly the guilds Discord would give
 * it ((guild_id >> 22) % 2). First with two Clients in this process (shards [0] and [1] of 2, so
 * each interaction can be traced to the client that answered it), then through
 * `npm run start:sharded` (src/gateway/shard.ts → ShardingManager → two src/bot.ts processes).
 */

import { spawn } from 'node:child_process';
import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway as RunningBot } from '../../src/gateway/client';
import { tierbotCore } from '../../src/interactions/tierbot';
import { memoryStore } from '../support/context';
import { deployCommands } from '../../src/cli/deploy-commands';
import { createLogger } from '../../src/config/logger';
import { startStandIn, type StandIn } from '../../tools/standin/server';
import { answerOf, embedText } from './harness';

const TOKEN = 'sharding-test-token-0123456789';
const DISCORD_EPOCH = 1_420_070_400_000n;

/** A guild id created at Unix time `ms`: its top bits are `ms` − Discord's epoch. */
const guildAt = (ms: bigint) => (((ms - DISCORD_EPOCH) << 22n) | 4242n).toString();
const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

/** Three guilds per shard, from different years. */
const GUILDS = [1_500_000_000_000n, 1_500_000_000_001n, 1_600_000_000_002n, 1_600_000_000_003n, 1_700_000_000_004n, 1_700_000_000_005n].map(guildAt);

let standIn: StandIn | undefined;
const bots: RunningBot[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await Promise.all(bots.splice(0).map((b) => b.stop(500)));
  await standIn?.close();
  standIn = undefined;
});

describe('two shards, one stand-in', () => {
  it('the guilds split between the shards as on Discord', () => {
    expect(GUILDS.map((g) => shardOf(g, 2))).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('each client receives, caches and answers only its own guilds', async () => {
    standIn = await startStandIn({ token: TOKEN, guildIds: GUILDS });
    await deployCommands({ token: TOKEN, clientId: standIn.applicationId, apiUrl: standIn.apiUrl });
    const logger = createLogger({ level: 'silent' });

    // discord.js takes the total from SHARD_COUNT, as ShardingManager passes it to each shard.
    const previous = process.env.SHARD_COUNT;
    process.env.SHARD_COUNT = '2';
    let starting: Promise<RunningBot>[];
    try {
      // new Client() runs synchronously inside startGateway, before its first await.
      starting = [0, 1].map((shard) => startGateway({ token: TOKEN, apiUrl: standIn!.apiUrl, logger, shards: [shard], core: tierbotCore({ store: memoryStore(), logger }) }));
    } finally {
      if (previous === undefined) delete process.env.SHARD_COUNT;
      else process.env.SHARD_COUNT = previous;
    }
    bots.push(...(await Promise.all(starting)));

    const seen: string[][] = [[], []];
    bots.forEach((bot, i) => {
      expect(bot.client.options.shards).toEqual([i]);
      expect(bot.client.options.shardCount).toBe(2);
      expect([...bot.client.guilds.cache.keys()].sort()).toEqual(GUILDS.filter((g) => shardOf(g, 2) === i).sort());
      // Which shard's connection each interaction came in on (discord.js builds no Interaction objects).
      bot.client.on(Events.Raw, (packet: { t?: string; d?: { guild_id?: string } }) => {
        if (packet.t === 'INTERACTION_CREATE') seen[i]!.push(packet.d!.guild_id!);
      });
    });

    for (const guildId of GUILDS) {
      const record = await standIn.waitForAnswer(standIn.sendCommand('glossary', { term: 'micro' }, { guildId }), 5000);
      expect(record.callbacks.map((c) => c.type)).toEqual([4]);
      expect(embedText(answerOf(record).body)).toMatch(/micro/i);
    }
    expect(seen[0]).toEqual(GUILDS.filter((g) => shardOf(g, 2) === 0));
    expect(seen[1]).toEqual(GUILDS.filter((g) => shardOf(g, 2) === 1));
  });
});

describe('npm run start:sharded (src/gateway/shard.ts)', () => {
  function startSharded(env: Record<string, string>) {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/gateway/shard.ts'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout!.on('data', (d) => (output += d));
    proc.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      }
    });
    return { proc, exited, output: () => output };
  }

  it('without a token, says sharding needs one and exits 1', async () => {
    const run = startSharded({ DISCORD_TOKEN: '' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Sharding needs DISCORD_TOKEN/);
  });

  it('spawns one bot process per shard; each identifies as its shard and answers its guilds', async () => {
    const sessions: string[] = [];
    standIn = await startStandIn({
      token: TOKEN,
      guildIds: GUILDS,
      log: (line) => {
        const ready = /^gateway: session \w+ ready \(shard (\d+\/\d+), (\d+) guilds\)/.exec(line);
        if (ready) sessions.push(`${ready[1]}:${ready[2]}`);
      },
    });
    await deployCommands({ token: TOKEN, clientId: standIn.applicationId, apiUrl: standIn.apiUrl });
    const run = startSharded({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standIn.apiUrl, SHARD_COUNT: '2' });

    const until = Date.now() + 45_000;
    while (sessions.length < 2 && Date.now() < until && run.proc.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(sessions.sort(), run.output()).toEqual(['0/2:3', '1/2:3']);

    const records = GUILDS.map((guildId) => standIn!.sendCommand('help', {}, { guildId }));
    const answered = await Promise.all(records.map((r) => standIn!.waitForAnswer(r, 5000)));
    for (const record of answered) expect(record.callbacks.map((c) => c.type)).toEqual([4]);

    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 60_000);
});
