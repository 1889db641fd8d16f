/**
 * /help: the start-here path, ending with a button that works; the help page itself, short and
 * public in a server, in a DM and where Tierbot runs from a member's own apps, with an example for
 * each command where it can be used; and /plans export listed beside list and delete.
 */

import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { help } from '../src/commands/help';
import type { Reply } from '../src/commands/types';
import { START_HERE } from '../src/domain/glossary';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { embedsLength } from '../src/commands/limits';
import { messageProblems } from '../src/commands/limits';
import { testComponentContext, testContext } from './support/context';

const G = '200000000000000001';

const buttons = (reply: Reply) =>
  (reply.components ?? []).flatMap((row) => row.components).flatMap((c) => (c.type === ComponentType.Button && 'custom_id' in c ? [c] : []));
const words = (reply: Reply) => JSON.stringify(reply.embeds);

describe('/help start-here path', () => {
  it('ends with a primary button that can be pressed, back to the help page', async () => {
    const last = await help.component!(`help:step:${START_HERE.length - 1}`, [], testComponentContext());
    expect(messageProblems(last.reply)).toEqual([]);
    const primary = buttons(last.reply).filter((b) => b.style === ButtonStyle.Primary);
    expect(primary).toHaveLength(1);
    expect(primary[0]!.disabled).toBeFalsy();
    expect(buttons(last.reply).some((b) => b.style === ButtonStyle.Primary && b.disabled)).toBe(false);
    const done = await help.component!(primary[0]!.custom_id, [], testComponentContext());
    expect(done.mode).toBe('update');
    expect(done.reply.embeds[0]!.title).toMatch(/^Tierbot/);
  });

  it('keeps Next and Back to help on the steps before the last', async () => {
    const first = await help.component!('help:step:0', [], testComponentContext());
    expect(buttons(first.reply).map((b) => b.label)).toEqual(['← Back', expect.stringMatching(/^Next: /), 'Back to help']);
  });
});

describe('/help itself', () => {
  const text = (reply: Reply) => embedsLength(reply.embeds);

  it('is a short public reply, in a server and in a DM, and from the path back home', async () => {
    for (const guildId of ['42', undefined]) {
      const reply = await help.run({}, testContext({ guildId }));
      expect(reply.flags ?? 0).toBe(0);
      expect(text(reply), String(guildId)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
      expect(messageProblems(reply)).toEqual([]);
      const home = await help.component!('help:home:own', [], testComponentContext({ guildId }));
      expect(text(home.reply)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    }
  });

  it('gives each command an example to try (in a DM, the team commands only say they need a server)', async () => {
    // The commands that take no options have no example beyond their name.
    const fields = (reply: Reply) => reply.embeds[0]!.fields!.filter((f) => !['/help', '/erase-team-data'].includes(f.name) && !f.name.startsWith('New here'));
    const inServer = fields(await help.run({}, testContext({ guildId: '42' })));
    expect(inServer.map((f) => f.name)).toEqual(expect.arrayContaining(['/tiers [source]', '/roster file:<csv>', '/house set | show | clear | export', '/plans list | delete | export']));
    for (const f of inServer) expect(f.value, f.name).toMatch(/\nTry /);
    const inDm = fields(await help.run({}, testContext({ guildId: undefined })));
    for (const f of inDm) expect(f.value, f.name).toMatch(/^\/(house|term|plans)/.test(f.name) ? /^(?![\s\S]*\nTry )/ : /\nTry /);
  });

  it('says in a DM that the team commands work in servers only, and not in a server', async () => {
    expect(words(await help.run({}, testContext({ guildId: undefined })))).toMatch(/`\/house`, `\/term`, `\/plans` and `\/erase-team-data` work in servers only/);
    expect(words(await help.run({}, testContext({ guildId: '42' })))).not.toMatch(/servers only/);
  });
});

describe('/help where Tierbot runs from a member’s own apps in a server that has not added it', () => {
  const userInstalled = { guildId: G, guildInstalled: false };

  it('says the team commands need a server that has added Tierbot, and offers no example of them', async () => {
    const reply = (await help.run({} as never, testContext(userInstalled))) as Reply;
    expect(reply.embeds[0]!.description).toMatch(/`\/house`, `\/term`, `\/plans` and `\/erase-team-data` need a server that has added Tierbot/);
    const teamFields = reply.embeds[0]!.fields!.filter((f) => /^\/(house|term|plans)/.test(f.name));
    expect(teamFields).toHaveLength(3);
    for (const f of teamFields) expect(f.value, f.name).not.toMatch(/Try /);
    expect(embedsLength(reply.embeds)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    expect(messageProblems(reply)).toEqual([]);
    const home = await help.component!('help:home:own', [], testComponentContext(userInstalled));
    expect(home.reply.embeds[0]!.description).toMatch(/need a server that has added Tierbot/);
  });

  it('offers the examples in a server that has added Tierbot, and keeps the DM wording in a DM', async () => {
    const inServer = (await help.run({} as never, testContext({ guildId: G }))) as Reply;
    expect(words(inServer)).not.toMatch(/servers only|added Tierbot/);
    expect(words(inServer)).toMatch(/Try `\/term add/);
    expect(words((await help.run({} as never, testContext())) as Reply)).toMatch(/work in servers only/);
  });
});

describe('/help lists /plans export', () => {
  const places = { server: { guildId: '42' }, DM: { guildId: undefined }, 'user-install server': { guildId: G, guildInstalled: false } };

  it('beside list and delete, within the public limit in every place and back home from the path', async () => {
    for (const [where, place] of Object.entries(places)) {
      const reply = (await help.run({} as never, testContext(place))) as Reply;
      expect(reply.embeds[0]!.fields!.map((f) => f.name), where).toContain('/plans list | delete | export');
      expect(embedsLength(reply.embeds), where).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
      expect(messageProblems(reply), where).toEqual([]);
      const home = await help.component!('help:home:own', [], testComponentContext(place));
      expect(embedsLength(home.reply.embeds), where).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    }
  });
});
