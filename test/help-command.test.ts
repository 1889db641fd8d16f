/** The start-here path of /help ends with a button that works (it was a disabled "Done"). */

import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { help } from '../src/commands/help';
import type { Reply } from '../src/commands/types';
import { START_HERE } from '../src/domain/glossary';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { embedsLength } from '../src/commands/limits';
import { messageProblems } from '../src/commands/limits';
import { testComponentContext, testContext } from './support/context';

const buttons = (reply: Reply) =>
  (reply.components ?? []).flatMap((row) => row.components).flatMap((c) => (c.type === ComponentType.Button && 'custom_id' in c ? [c] : []));

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
    const fields = (reply: Reply) => reply.embeds[0]!.fields!.filter((f) => f.name !== '/help' && !f.name.startsWith('New here'));
    const inServer = fields(await help.run({}, testContext({ guildId: '42' })));
    expect(inServer.map((f) => f.name)).toEqual(expect.arrayContaining(['/tiers [source]', '/roster file:<csv>', '/house set | show | clear | export', '/plans list | delete | export']));
    for (const f of inServer) expect(f.value, f.name).toMatch(/\nTry /);
    const inDm = fields(await help.run({}, testContext({ guildId: undefined })));
    for (const f of inDm) expect(f.value, f.name).toMatch(/^\/(house|term|plans)/.test(f.name) ? /^(?![\s\S]*\nTry )/ : /\nTry /);
  });

  it('says in a DM that the team commands work in servers only, and not in a server', async () => {
    const words = (reply: Reply) => JSON.stringify(reply.embeds);
    expect(words(await help.run({}, testContext({ guildId: undefined })))).toMatch(/`\/house`, `\/term` and `\/plans` work in servers only/);
    expect(words(await help.run({}, testContext({ guildId: '42' })))).not.toMatch(/servers only/);
  });
});
