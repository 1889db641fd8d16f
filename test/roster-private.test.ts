/**
 * /roster private:True: the reply, its chart and roster-tiers.csv (every column the uploader had:
 * emails, fees, phone numbers) are for the uploader alone, from the "thinking" message on, and so
 * is what the reply's Summary by platform button answers. Without it the team channel (or the
 * group DM) sees the roster, and the reply says so and how to keep the next one private; in the
 * DM with Tierbot no one else reads it, and the reply says nothing of it. Run as
 * the CLI runs it: the command line parsed, Discord's wire JSON, the interaction core.
 */

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import { definition } from '../src/commands/roster';
import type { Attachment, ReplyFile, SlashCommand } from '../src/commands/types';
import { parseCommandLine } from '../src/cli/command-line';
import { capturingResponder, chatInput, localAttachment, pressed, type Place, type Shown } from '../src/cli/local-interaction';
import { choosables } from '../src/cli/render-text';
import { createLogger } from '../src/config/logger';
import type { MessageBody, Responder } from '../src/interactions/responder';
import { tierbotCore } from '../src/interactions/tierbot';
import { commandProblems, messageProblems } from '../tools/standin/limits';
import { memoryStore } from './support/context';
import { scratchDir } from './support/scratch';

const EPHEMERAL = 64;
const GUILD: Place = { guildId: '200000000000000001', manager: false };
/** The DM between the uploader and Tierbot: Discord's context 1. */
const BOT_DM: Place = { guildId: undefined, manager: false };
/** A group DM, Tierbot there by the uploader's own install: Discord's context 2, no server. */
const GROUP_DM: Place = { guildId: undefined, manager: false, groupDm: true };
/** What a privacy review found leaked: a sheet with contact details and fees beside the counts. */
const SHEET = 'name,email,platform,followers,fee\nAna Lind,ana@example.com,Instagram,45000,500\nBo Berg,bo@example.com,TikTok,1200000,9000\n';

const isPrivate = (body: { flags?: number } | undefined) => ((body?.flags ?? 0) & EPHEMERAL) === EPHEMERAL;
/** The flags a first response (a reply or a defer) was sent with. */
const flagsOf = (response: APIInteractionResponse) => ('data' in response ? (response.data as { flags?: number } | undefined) : undefined);

/** Every request the core made of Discord, in order. */
type Sent =
  | { kind: 'respond'; response: APIInteractionResponse }
  | { kind: 'edit' | 'follow-up'; body: MessageBody; files: string[] }
  | { kind: 'delete' };

/** The core with the CLI's own pieces: a typed line becomes wire JSON; files are served from memory as Discord's CDN would. */
function cliCore() {
  const served = new Map<string, Uint8Array>();
  const download = async (a: Attachment) => {
    const data = served.get(a.url);
    if (!data) throw new Error(`nothing served at ${a.url}`);
    return data;
  };
  const logger = createLogger({ level: 'silent' });
  const core = tierbotCore({ store: memoryStore(), logger, charts: false, download });
  const slash = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');

  async function handle(interaction: Parameters<typeof core.handle>[0], previous?: Shown): Promise<{ sent: Sent[]; shown: Shown }> {
    const sent: Sent[] = [];
    const capturing = capturingResponder(previous);
    const names = (files: readonly ReplyFile[]) => files.map((f) => f.name);
    const recording: Responder = {
      respond: (response) => (sent.push({ kind: 'respond', response }), capturing.respond(response)),
      editOriginal: (body, files) => (sent.push({ kind: 'edit', body, files: names(files) }), capturing.editOriginal(body, files)),
      followUp: (body, files) => (sent.push({ kind: 'follow-up', body, files: names(files) }), capturing.followUp(body, files)),
      deleteOriginal: () => (sent.push({ kind: 'delete' }), capturing.deleteOriginal()),
    };
    const outcome = await core.handle(interaction, recording);
    const shown = capturing.final();
    if (!shown) throw new Error(`no answer (${outcome})`);
    expect(messageProblems(shown.body as never), 'what Discord would refuse').toEqual([]);
    return { sent, shown };
  }

  return {
    /** `/roster file:team.csv …` as typed, team.csv holding `csv`; `wire` changes the payload Discord would send. */
    run(line: string, csv: string, where: Place = GUILD, wire: (interaction: APIInteraction) => APIInteraction = (interaction) => interaction) {
      const parsed = parseCommandLine(line, slash);
      if (!parsed.ok) throw new Error(parsed.reason);
      const data = new TextEncoder().encode(csv);
      const attachments = Object.fromEntries(
        parsed.files.map((file) => {
          const url = `test-file:${file.path}`;
          served.set(url, data);
          return [file.id, { ...localAttachment(file.id, file.path, data.byteLength), url }];
        }),
      );
      return handle(wire(chatInput(where, parsed.command.definition.name, parsed.options, attachments)));
    },
    /** Presses the button labelled `label` on `shown`, whose files Discord serves with it. */
    press(shown: Shown, label: string) {
      const target = choosables(shown.body).find((c) => c.label === label);
      if (!target) throw new Error(`no ${label} button`);
      const attachments = shown.files.map((f, i) => {
        const url = `test-message-file:${i}:${f.name}:${Math.random()}`;
        served.set(url, new Uint8Array(f.data));
        return { id: String(i), filename: f.name, size: f.data.byteLength, url, proxy_url: url };
      });
      const message = { ...shown.body, attachments } as unknown as Parameters<typeof pressed>[3];
      return handle(pressed(GUILD, target.customId, undefined, message), shown);
    },
  };
}

const embedText = (body: MessageBody) => JSON.stringify(body.embeds);

describe('/roster definition: private', () => {
  it('is an optional true/false option, last, whose description says who sees the reply either way, within Discord’s limits', () => {
    const option = definition.options.find((o) => o.name === 'private');
    expect(option).toMatchObject({ type: 5, required: false });
    expect(definition.options.at(-1)).toBe(option);
    expect(option!.description.length).toBeLessThanOrEqual(100);
    expect(option!.description).toMatch(/roster-tiers\.csv/);
    expect(option!.description).toMatch(/you alone/);
    expect(option!.description).toMatch(/channel/);
    expect(commandProblems(definition as never)).toEqual([]);
  });
});

describe('/roster private:true', () => {
  it('defers for the uploader alone, then sends the reply and roster-tiers.csv with every column into that private message', async () => {
    const { sent, shown } = await cliCore().run('/roster file:team.csv private:true', SHEET);
    const first = sent[0];
    expect(first?.kind).toBe('respond');
    if (first?.kind !== 'respond') return;
    expect(first.response.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(isPrivate(flagsOf(first.response)), 'the "thinking" message is private').toBe(true);
    // Nothing goes out publicly first, to be deleted after.
    expect(sent.map((s) => s.kind)).toEqual(['respond', 'edit']);
    expect(isPrivate(shown.body)).toBe(true);
    expect(shown.body.embeds[0]!.title).toBe('Roster: 2 creators by tier');
    const csv = shown.files.find((f) => f.name === 'roster-tiers.csv');
    expect(csv?.data.toString('utf8')).toContain('ana@example.com');
    expect(embedText(shown.body)).not.toMatch(/Everyone/);
  });

  it('answers Summary by platform on that private reply for the presser alone, leaving the reply as it is', async () => {
    const cli = cliCore();
    const { shown } = await cli.run('/roster file:team.csv private:true', SHEET);
    const { sent, shown: summary } = await cli.press(shown, 'Summary by platform');
    expect(summary.body.embeds[0]!.title).toBe('Roster by platform: 2 creators');
    expect(isPrivate(summary.body)).toBe(true);
    expect(sent.filter((s) => s.kind === 'edit' || s.kind === 'delete')).toEqual([]);
    expect(sent.filter((s) => s.kind === 'respond').map((s) => (s.kind === 'respond' ? s.response.type : undefined))).toEqual([InteractionResponseType.DeferredMessageUpdate]);
  });
});

describe('/roster without private', () => {
  it('shows the roster to the channel, and says so with the option that keeps the next one private', async () => {
    for (const line of ['/roster file:team.csv', '/roster file:team.csv private:false']) {
      const { sent, shown } = await cliCore().run(line, SHEET);
      const first = sent[0];
      expect(first?.kind === 'respond' && isPrivate(flagsOf(first.response))).toBe(false);
      expect(isPrivate(shown.body)).toBe(false);
      expect(shown.files.map((f) => f.name)).toContain('roster-tiers.csv');
      expect(shown.body.embeds[0]!.description).toContain('Everyone in this channel can see this reply and roster-tiers.csv, with every column you uploaded, including any emails or fees. Add `private:True` next time to keep a roster to yourself.');
    }
  });

  it('says nothing of who sees it in the DM with Tierbot, which no one else reads', async () => {
    const { shown } = await cliCore().run('/roster file:team.csv', SHEET, BOT_DM);
    expect(isPrivate(shown.body)).toBe(false);
    expect(embedText(shown.body)).not.toMatch(/Everyone/);
  });

  it('in a group DM (or a DM with someone else) warns that everyone in the conversation sees the roster', async () => {
    const { sent, shown } = await cliCore().run('/roster file:team.csv', SHEET, GROUP_DM);
    expect(sent[0]?.kind === 'respond' && isPrivate(flagsOf(sent[0].response))).toBe(false);
    expect(isPrivate(shown.body)).toBe(false);
    expect(shown.body.embeds[0]!.description).toContain('Everyone in this conversation can see this reply and roster-tiers.csv, with every column you uploaded, including any emails or fees. Add `private:True` next time to keep a roster to yourself.');
  });

  it('reads a payload without Discord’s context field by its server: a server’s channel is warned, a DM is taken for the DM with Tierbot', async () => {
    const withoutContext = (interaction: APIInteraction) => {
      const { context: _context, ...rest } = interaction;
      return rest as APIInteraction;
    };
    const inServer = await cliCore().run('/roster file:team.csv', SHEET, GUILD, withoutContext);
    expect(embedText(inServer.shown.body)).toContain('Everyone in this channel can see this reply');
    const inDm = await cliCore().run('/roster file:team.csv', SHEET, BOT_DM, withoutContext);
    expect(inDm.shown.body.embeds[0]!.title).toBe('Roster: 2 creators by tier');
    expect(embedText(inDm.shown.body)).not.toMatch(/Everyone/);
  });
});

describe('/roster private:true in a group DM', () => {
  it('keeps the reply to the uploader, from the "thinking" message on, and says nothing of who else sees it', async () => {
    const { sent, shown } = await cliCore().run('/roster file:team.csv private:true', SHEET, GROUP_DM);
    expect(sent[0]?.kind === 'respond' && isPrivate(flagsOf(sent[0].response))).toBe(true);
    expect(isPrivate(shown.body)).toBe(true);
    expect(embedText(shown.body)).not.toMatch(/Everyone/);
  });
});

describe('npm run -s cli -- /roster … private:true --json', () => {
  const PROJECT = fileURLToPath(new URL('..', import.meta.url));

  function cli(args: string[]): Promise<{ code: number; stdout: string }> {
    const dir = scratchDir('tierbot-roster-private-');
    const { INIT_CWD: _initCwd, ...env } = process.env;
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', join(PROJECT, 'src/cli/cli.ts'), ...args], { cwd: PROJECT, env: { ...env, DATABASE_URL: join(dir, 'cli.sqlite') }, timeout: 60_000 }, (err, stdout) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout });
      });
    });
  }

  it('prints the reply flagged for the uploader alone, roster-tiers.csv in it', async () => {
    const dir = scratchDir('tierbot-roster-private-sheet-');
    const sheet = join(dir, 'r.csv');
    writeFileSync(sheet, SHEET);
    const { code, stdout } = await cli(['/roster', `file:${sheet}`, 'private:true', '--json']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { flags?: number; files: string[] };
    expect(printed.flags).toBe(EPHEMERAL);
    expect(printed.files).toContain('roster-tiers.csv');
  }, 60_000);
});
