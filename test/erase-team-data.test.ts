/**
 * /erase-team-data through the interaction core, as Discord sends it: a DM, a server that has not
 * added Tierbot, a member without Manage Server, the preview of exactly what would go (or that
 * nothing would), Erase all and Cancel, another server left whole, the server always the one the
 * press happens in, and a database that is down. Every reply within Discord's limits (checked by
 * the core, and again by the stand-in's own check). Also the bot's CLI, as an operator would run it.
 */

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import { commandDefinitions } from '../src/cli/deploy-commands';
import { eraseTeamData } from '../src/commands/erase-team-data';
import { help } from '../src/commands/help';
import type { Shown } from '../src/cli/local-interaction';
import { openStore } from '../src/store/index';
import { StoreUnavailableError, type TeamStore } from '../src/store/types';
import { commandProblems, messageProblems } from '../tools/standin/limits';
import { memoryStore, testContext } from './support/context';
import { driver, type Answer } from './support/drive';
import { scratchDir } from './support/scratch';

const G1 = '200000000000000041';
const G2 = '200000000000000042';
const MANAGER = { guildId: G1, manager: true };
const EPHEMERAL = 64;
const AT = new Date('2026-12-06T12:00:00Z');
/** How a preview names Tierbot's record of a server, last in its list. */
const NOTE = 'Tierbot’s note of when this server first used a settings command';

/** A store where G1 and G2 each have a house definition, `terms` terms and `plans` plans. */
async function twoServers(store: TeamStore = memoryStore(), terms = 12, plans = 3): Promise<TeamStore> {
  for (const g of [G1, G2]) {
    await store.setHouse(g, { text: 'nano 1k-10k, micro 10k+', setById: '1', setByName: 'a', setAt: AT });
    for (let i = 0; i < terms; i++) expect(await store.addTerm(g, { name: `term ${i}`, definition: `what term ${i} means`, addedById: '1', addedByName: 'a', updatedAt: AT })).toBe('ok');
    for (let i = 0; i < plans; i++) await store.savePlan(g, { name: `plan ${i}`, inputs: { budget: '5000' }, savedById: '1', savedByName: 'a', savedAt: AT });
  }
  return store;
}

/** Everything the user reads of a message. */
const words = (shown: Shown) => JSON.stringify(shown.body.embeds);
const title = (shown: Shown) => shown.body.embeds[0]?.title;
const buttonsOf = (shown: Shown) =>
  (shown.body.components ?? [])
    .flatMap((row) => (row.type === ComponentType.ActionRow ? row.components : []))
    .flatMap((c) => (c.type === ComponentType.Button && 'custom_id' in c ? [c] : []));

/** The message with its Erase all button named `customId` instead. */
function withEraseButton(shown: Shown, customId: string): Shown {
  const body = structuredClone(shown.body);
  for (const row of body.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) if (c.type === ComponentType.Button && 'custom_id' in c && c.custom_id.startsWith('erase-team-data:erase')) c.custom_id = customId;
  }
  return { ...shown, body };
}

/** The answer, checked against Discord's limits by the stand-in's own rules too. */
function checked(answer: Answer): Answer {
  expect(messageProblems(answer.shown.body as never)).toEqual([]);
  return answer;
}

describe('/erase-team-data is registered', () => {
  it('for servers that added Tierbot, in servers only, Manage Server by default, within Discord’s limits, and deployed with the rest', () => {
    const definition = eraseTeamData.definition;
    expect(COMMANDS).toContain(eraseTeamData);
    expect(commandDefinitions()).toContainEqual(definition);
    expect(definition.integration_types).toEqual([0]);
    expect(definition.contexts).toEqual([0]);
    expect(definition.default_member_permissions).toBe('32');
    expect(commandProblems(definition as never)).toEqual([]);
  });

  it('is listed by /help with what it does', () => {
    for (const context of [testContext({ guildId: G1 }), testContext()]) {
      const field = help.run({}, context) as { embeds: { fields?: { name: string; value: string }[] }[] };
      expect(field.embeds[0]!.fields!.find((f) => f.name === '/erase-team-data')?.value).toBe('Erase the house definition, terms and plans (Manage Server).');
    }
  });
});

describe('/erase-team-data refuses', () => {
  it('in a DM, saying it works only in a server', async () => {
    const { outcome, shown } = checked(await driver().run('/erase-team-data'));
    expect(outcome).toBe('input-error');
    expect(shown.body.flags).toBe(EPHEMERAL);
    expect(title(shown)).toBe('Only in a server');
    expect(words(shown)).toContain('works only in one, not in a DM');
    expect(buttonsOf(shown)).toEqual([]);
  });

  it('where Tierbot runs from a member’s own apps in a server that has not added it', async () => {
    const store = await twoServers();
    const reply = await eraseTeamData.run({}, testContext({ guildId: G1, guildInstalled: false, manager: true, store }));
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.title).toBe('Tierbot is not added to this server');
    expect(reply.components ?? []).toEqual([]);
    expect(await store.serverData(G1)).toMatchObject({ house: true, terms: 12, plans: 3 });
  });

  it('a member without Manage Server: no preview, and nothing erased', async () => {
    const store = await twoServers();
    const { outcome, shown } = checked(await driver({ store }).run('/erase-team-data', { guildId: G1 }));
    expect(outcome).toBe('input-error');
    expect(title(shown)).toBe('You need the Manage Server permission');
    expect(words(shown)).toContain('can erase Tierbot’s data in this server');
    expect(buttonsOf(shown)).toEqual([]);
    expect(await store.serverData(G1)).toMatchObject({ house: true, terms: 12, plans: 3 });
  });
});

describe('/erase-team-data shows what would go, then erases it or not', () => {
  it('previews exactly what the server has, privately, with Erase all (danger) and Cancel', async () => {
    const { outcome, shown } = checked(await driver({ store: await twoServers() }).run('/erase-team-data', MANAGER));
    expect(outcome).toBe('answered');
    expect(shown.body.flags).toBe(EPHEMERAL);
    expect(title(shown)).toBe('Erase all of Tierbot’s data for this server?');
    expect(shown.body.embeds[0]!.description).toBe(
      `**Erase all** removes, for everyone in this server: the house definition, 12 team terms, 3 saved plans and ${NOTE}. This can’t be undone.\n\n` +
        'To keep copies, run `/house export`, `/term export` and `/plans export` first.',
    );
    const buttons = buttonsOf(shown);
    expect(buttons.map((b) => [b.label, b.style])).toEqual([
      ['Erase all', ButtonStyle.Danger],
      ['Cancel', ButtonStyle.Secondary],
    ]);
    // Named as the project names them: the command first, ":own" as they change their own message; no server id.
    // Erase all carries what the preview listed: a house definition (1), 12 terms, 3 plans, and their fingerprints.
    expect(buttons.map((b) => b.custom_id)).toEqual([expect.stringMatching(/^erase-team-data:erase:1:12:3:[0-9a-f]{10}:[0-9a-f]{10}:[0-9a-f]{10}:own$/), 'erase-team-data:cancel:own']);
    for (const b of buttons) {
      expect(b.custom_id).not.toContain(G1);
      expect(b.custom_id.length).toBeLessThanOrEqual(100);
    }
  });

  it('names only what is there, with the exports that would save it: one term, no house definition, no plans', async () => {
    const store = memoryStore();
    await store.addTerm(G1, { name: 'UGC', definition: 'user-generated content', addedById: '1', addedByName: 'a', updatedAt: AT });
    const { shown } = checked(await driver({ store }).run('/erase-team-data', MANAGER));
    expect(shown.body.embeds[0]!.description).toBe(`**Erase all** removes, for everyone in this server: 1 team term and ${NOTE}. This can’t be undone.\n\nTo keep copies, run \`/term export\` first.`);
    expect(words(shown)).not.toMatch(/house export|plans export|saved plan/);
  });

  it('with nothing stored, says so and offers no button', async () => {
    const store = await twoServers();
    const { outcome, shown } = checked(await driver({ store }).run('/erase-team-data', { guildId: '200000000000000049', manager: true }));
    expect(outcome).toBe('answered');
    expect(shown.body.flags).toBe(EPHEMERAL);
    expect(title(shown)).toBe('Nothing to erase');
    expect(shown.body.embeds[0]!.description).toBe('Tierbot keeps nothing for this server: no house definition, team terms or saved plans.');
    expect(buttonsOf(shown)).toEqual([]);
  });

  it('Erase all erases this server’s house definition, terms and plans, says what it erased in place of the preview, and leaves the other server whole', async () => {
    const store = await twoServers();
    const bot = driver({ store });
    const preview = (await bot.run('/erase-team-data', MANAGER)).shown;
    const { outcome, shown } = checked(await bot.press(preview, 1, MANAGER));
    expect(outcome).toBe('answered');
    expect(title(shown)).toBe('Tierbot’s data for this server is erased');
    expect(shown.body.embeds[0]!.description).toBe(
      'Erased the house definition, 12 team terms, 3 saved plans and Tierbot’s note of this server. ' +
        '`/tier`, `/tiers`, `/compare`, `/roster`, `/glossary` and “Classify follower counts” now go by the publishers’ tiers alone. `/glossary` shows only Tierbot’s own terms.',
    );
    expect(buttonsOf(shown)).toEqual([]);
    expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
    expect(await store.serverData(G2)).toMatchObject({ recorded: true, house: true, terms: 12, plans: 3 });
    // /tier and /compare in the erased server go by the publishers alone; in the other, the house definition leads.
    for (const command of ['/tier 30k', '/compare preset:ten-micro']) {
      expect(words((await bot.run(command, { guildId: G1 })).shown), command).not.toMatch(/house definition/i);
      expect(words((await bot.run(command, { guildId: G2 })).shown), command).toMatch(/house definition/i);
    }
    // Pressed again (an old preview), there is nothing left.
    const again = checked(await bot.press(preview, 1, MANAGER)).shown;
    expect(title(again)).toBe('Already erased');
    expect(again.body.embeds[0]!.description).toBe('This server’s Tierbot data was erased after you opened this preview. There is nothing left to erase.');
  });

  it('a preview older than the server’s data erases nothing: it gives way to the preview as it is now, saying what changed, and that one erases', async () => {
    const store = memoryStore();
    await store.addTerm(G1, { name: 'A', definition: 'aaa', addedById: '1', addedByName: 'a', updatedAt: AT });
    const bot = driver({ store });
    const opened = checked(await bot.run('/erase-team-data', MANAGER)).shown;
    expect(opened.body.embeds[0]!.description).toMatch(/^\*\*Erase all\*\* removes, for everyone in this server: 1 team term and /);
    // Meanwhile, in the same server: a term and a house definition added.
    await bot.run('/term add name:B definition:bbb', MANAGER);
    await bot.run('/house set tiers:nano 1k-10k, micro 10k+', MANAGER);

    const { outcome, shown } = checked(await bot.press(opened, 1, MANAGER));
    expect(outcome).toBe('answered');
    expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: true, terms: 2, plans: 0 });
    expect(title(shown)).toBe('Erase all of Tierbot’s data for this server?');
    expect(shown.body.embeds[0]!.description).toBe(
      '**Nothing was erased**: someone set a house definition and team terms went from 1 to 2 after you opened this. ' +
        `Here is what would be erased now, for everyone in this server: the house definition, 2 team terms and ${NOTE}. This can’t be undone.\n\n` +
        'To keep copies, run `/house export` and `/term export` first.',
    );
    expect(buttonsOf(shown).map((b) => [b.label, b.custom_id])).toEqual([
      ['Erase all', expect.stringMatching(/^erase-team-data:erase:1:2:0:/)],
      ['Cancel', 'erase-team-data:cancel:own'],
    ]);

    // Confirmed as it is now, it erases.
    const erased = checked(await bot.press(shown, 1, MANAGER)).shown;
    expect(title(erased)).toBe('Tierbot’s data for this server is erased');
    expect(erased.body.embeds[0]!.description).toMatch(/^Erased the house definition, 2 team terms and Tierbot’s note of this server\. /);
    expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
  });

  it('a preview whose house definition was cleared and plans saved meanwhile says so; one whose data was all erased meanwhile finds nothing left', async () => {
    const store = await twoServers(memoryStore(), 2, 0);
    const bot = driver({ store });
    const opened = (await bot.run('/erase-team-data', MANAGER)).shown;
    await store.clearHouse(G1);
    await store.savePlan(G1, { name: 'q1', inputs: { budget: '5000' }, savedById: '1', savedByName: 'a', savedAt: AT });
    const changed = checked(await bot.press(opened, 1, MANAGER)).shown;
    expect(changed.body.embeds[0]!.description).toMatch(/^\*\*Nothing was erased\*\*: someone cleared the house definition and saved plans went from 0 to 1 after you opened this\. Here is what would be erased now, /);
    expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: false, terms: 2, plans: 1 });

    // Erased from another preview meanwhile: nothing is left, whatever this one listed.
    await store.eraseServerData(G1);
    const left = checked(await bot.press(changed, 1, MANAGER)).shown;
    expect(title(left)).toBe('Already erased');
    expect(buttonsOf(left)).toEqual([]);
  });

  it.each([
    ['in memory', async () => ({ store: memoryStore(), close: async () => {} })],
    [
      'on the real SQLite store',
      async () => {
        const store = await openStore(join(scratchDir('tierbot-erase-same-'), 'settings.sqlite'), { ttlMs: 60_000 });
        return { store, close: () => store.close() };
      },
    ],
  ])('a preview whose data changed but not its numbers (%s) erases nothing: the house definition replaced, a term swapped for another, a plan saved again, a term edited', async (_where, open) => {
    const { store, close } = await open();
    try {
      await store.setHouse(G1, { text: 'nano 1k-10k', setById: '1', setByName: 'a', setAt: AT });
      await store.addTerm(G1, { name: 'Old', definition: 'old definition', addedById: '1', addedByName: 'a', updatedAt: AT });
      await store.savePlan(G1, { name: 'q1', inputs: { budget: '5000' }, savedById: '1', savedByName: 'a', savedAt: AT });
      const bot = driver({ store });
      const opened = checked(await bot.run('/erase-team-data', MANAGER)).shown;
      const listing = `for everyone in this server: the house definition, 1 team term, 1 saved plan and ${NOTE}. This can’t be undone.`;
      expect(words(opened)).toContain(listing);

      // Meanwhile another manager replaces the house definition and swaps the term; the plan is saved again.
      expect((await bot.run('/house set tiers:nano 1k-10k, star 10k+', MANAGER)).outcome).toBe('answered');
      expect((await bot.run('/term remove name:Old', MANAGER)).outcome).toBe('answered');
      expect((await bot.run('/term add name:New definition:added after the preview', MANAGER)).outcome).toBe('answered');
      await store.savePlan(G1, { name: 'q1', inputs: { budget: '9000' }, savedById: '1', savedByName: 'a', savedAt: AT });

      const changed = checked(await bot.press(opened, 1, MANAGER)).shown;
      expect(title(changed)).toBe('Erase all of Tierbot’s data for this server?');
      expect(changed.body.embeds[0]!.description).toBe(
        '**Nothing was erased**: someone replaced the house definition, the team terms changed and the saved plans changed after you opened this. ' +
          `Here is what would be erased now, ${listing}\n\n` +
          'To keep copies, run `/house export`, `/term export` and `/plans export` first.',
      );
      expect((await store.house(G1))?.text).toBe('nano 1k-10k, star 10k+');
      expect((await store.terms(G1)).map((t) => t.name)).toEqual(['New']);

      // The term edited after this preview opened: that one erases nothing either.
      expect((await bot.run('/term edit name:New definition:edited after the second preview', MANAGER)).outcome).toBe('answered');
      const edited = checked(await bot.press(changed, 1, MANAGER)).shown;
      expect(edited.body.embeds[0]!.description).toMatch(/^\*\*Nothing was erased\*\*: the team terms changed after you opened this\. Here is what would be erased now, /);
      expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: true, terms: 1, plans: 1 });

      // Confirmed as it is now, it erases.
      expect(title(checked(await bot.press(edited, 1, MANAGER)).shown)).toBe('Tierbot’s data for this server is erased');
      expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
    } finally {
      await close();
    }
  });

  it('an Erase all button without fingerprints erases nothing and says it is no longer in use', async () => {
    const store = await twoServers();
    const bot = driver({ store });
    const current = checked(await bot.run('/erase-team-data', MANAGER)).shown;
    for (const otherId of ['erase-team-data:erase:1:12:3:own', 'erase-team-data:erase:own', 'erase-team-data:erase:1:12:own']) {
      const other = checked(await bot.press(withEraseButton(current, otherId), 1, MANAGER)).shown;
      expect(words(other), otherId).toContain('That button is no longer in use.');
      expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: true, terms: 12, plans: 3 });
    }
  });

  it('Cancel erases nothing and says so in place of the preview', async () => {
    const store = await twoServers();
    const bot = driver({ store });
    const preview = (await bot.run('/erase-team-data', MANAGER)).shown;
    const { outcome, shown } = checked(await bot.press(preview, 2, MANAGER));
    expect(outcome).toBe('answered');
    expect(title(shown)).toBe('Nothing was erased');
    expect(shown.body.embeds[0]!.description).toBe('Tierbot’s data for this server is as it was.');
    expect(buttonsOf(shown)).toEqual([]);
    expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: true, terms: 12, plans: 3 });
  });

  it('Erase all checks the presser again: without Manage Server now, nothing is erased', async () => {
    const store = await twoServers();
    const bot = driver({ store });
    const preview = (await bot.run('/erase-team-data', MANAGER)).shown;
    const { outcome, shown } = checked(await bot.press(preview, 1, { guildId: G1, manager: false }));
    expect(outcome).toBe('input-error');
    expect(title(shown)).toBe('You need the Manage Server permission');
    expect(buttonsOf(shown)).toEqual([]);
    expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: true, terms: 12, plans: 3 });
  });

  it('the server erased is the one the press happens in, never one the button names', async () => {
    const store = await twoServers();
    const bot = driver({ store });
    const preview = (await bot.run('/erase-team-data', MANAGER)).shown;
    // The same message's button, arriving from G2 (as a forged or replayed press would): G2 is erased, G1 is not.
    checked(await bot.press(preview, 1, { guildId: G2, manager: true }));
    expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: true, terms: 12, plans: 3 });
    expect(await store.serverData(G2)).toMatchObject({ house: false, terms: 0, plans: 0 });
    // From a DM, nothing at all.
    const dm = checked(await bot.press(preview, 1, { guildId: undefined, manager: true })).shown;
    expect(title(dm)).toBe('Only in a server');
    expect(await store.serverData(G1)).toMatchObject({ house: true, terms: 12, plans: 3 });
  });

  it('a server with only Tierbot’s record of it (a write that changed nothing) is offered that to erase, and it goes', async () => {
    const store = memoryStore();
    expect(await store.removeTerm(G1, 'no such term')).toBe('missing');
    const bot = driver({ store });
    const preview = checked(await bot.run('/erase-team-data', MANAGER)).shown;
    expect(shown(preview)).toBe(
      'Tierbot has no house definition, team terms or saved plans for this server, only a note that a settings command (such as `/house clear`) was run here. ' +
        '**Erase all** removes that too. This can’t be undone.',
    );
    const erased = checked(await bot.press(preview, 1, MANAGER)).shown;
    expect(shown(erased)).toBe('Erased Tierbot’s note of this server.');
    expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });

    function shown(message: Shown) {
      return message.body.embeds[0]!.description;
    }
  });

  it('a preview whose only term was removed meanwhile erases nothing: it says so, then offers the note that is left', async () => {
    const store = memoryStore();
    await store.addTerm(G1, { name: 'A', definition: 'aaa', addedById: '1', addedByName: 'a', updatedAt: AT });
    const bot = driver({ store });
    const opened = checked(await bot.run('/erase-team-data', MANAGER)).shown;
    expect(await store.removeTerm(G1, 'A')).toBe('ok');
    const changed = checked(await bot.press(opened, 1, MANAGER)).shown;
    expect(changed.body.embeds[0]!.description).toBe(
      '**Nothing was erased**: team terms went from 1 to 0 after you opened this.\n\n' +
        'Tierbot has no house definition, team terms or saved plans for this server, only a note that a settings command (such as `/house clear`) was run here. ' +
        '**Erase all** removes that too. This can’t be undone.',
    );
    expect(buttonsOf(changed).map((b) => b.label)).toEqual(['Erase all', 'Cancel']);
    expect(checked(await bot.press(changed, 1, MANAGER)).shown.body.embeds[0]!.description).toBe('Erased Tierbot’s note of this server.');
    expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
  });

  it('on the real SQLite store: the server’s rows go, its guilds row included, and the other server keeps all of its own', async () => {
    const path = join(scratchDir('tierbot-erase-'), 'settings.sqlite');
    const store = await openStore(path, { ttlMs: 60_000 });
    try {
      await twoServers(store, 3, 2);
      const bot = driver({ store });
      const preview = checked(await bot.run('/erase-team-data', MANAGER)).shown;
      expect(preview.body.embeds[0]!.description).toContain('the house definition, 3 team terms, 2 saved plans and Tierbot’s note');
      expect(title(checked(await bot.press(preview, 1, MANAGER)).shown)).toBe('Tierbot’s data for this server is erased');
      expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
      expect(await store.serverData(G2)).toMatchObject({ recorded: true, house: true, terms: 3, plans: 2 });
      // What the commands read through this process's cache is gone too.
      expect(words((await bot.run('/glossary term:term 1', { guildId: G1 })).shown)).not.toContain('what term 1 means');
      expect(words((await bot.run('/glossary term:term 1', { guildId: G2 })).shown)).toContain('what term 1 means');

      // A preview older than the server's data erases nothing on this store either.
      const inG2 = { guildId: G2, manager: true };
      const opened = checked(await bot.run('/erase-team-data', inG2)).shown;
      await store.addTerm(G2, { name: 'late', definition: 'added after the preview', addedById: '1', addedByName: 'a', updatedAt: AT });
      const stale = checked(await bot.press(opened, 1, inG2)).shown;
      expect(stale.body.embeds[0]!.description).toMatch(/^\*\*Nothing was erased\*\*: team terms went from 3 to 4 after you opened this\. Here is what would be erased now, /);
      expect(await store.serverData(G2)).toMatchObject({ recorded: true, house: true, terms: 4, plans: 2 });
    } finally {
      await store.close();
    }
  });
});

describe('/erase-team-data with the database down', () => {
  /** A store whose every call finds the database unreachable while `outage.down`. */
  function storeWithOutage(inner: TeamStore): { store: TeamStore; outage: { down: boolean } } {
    const outage = { down: false };
    const unreachable = () => Promise.reject(new StoreUnavailableError(new Error('connect ECONNREFUSED')));
    const store: TeamStore = {
      ...inner,
      serverData: (g) => (outage.down ? unreachable() : inner.serverData(g)),
      eraseServerData: (g) => (outage.down ? unreachable() : inner.eraseServerData(g)),
      eraseServerDataAsListed: (g, listed) => (outage.down ? unreachable() : inner.eraseServerDataAsListed(g, listed)),
    };
    return { store, outage };
  }

  it('the command answers with the standard "unavailable" reply and offers no button', async () => {
    const { store, outage } = storeWithOutage(await twoServers());
    outage.down = true;
    const { outcome, shown } = checked(await driver({ store }).run('/erase-team-data', MANAGER));
    expect(outcome).toBe('unavailable');
    expect(title(shown)).toBe('Team settings are unavailable right now');
    expect(words(shown)).toContain('nothing was changed');
    expect(buttonsOf(shown)).toEqual([]);
  });

  it('Erase all pressed while it is down: the reply says so, the preview stays to be pressed again, and nothing is erased', async () => {
    const { store, outage } = storeWithOutage(await twoServers());
    const bot = driver({ store });
    const preview = (await bot.run('/erase-team-data', MANAGER)).shown;
    outage.down = true;
    const { outcome, shown } = checked(await bot.press(preview, 1, MANAGER));
    expect(outcome).toBe('unavailable');
    expect(title(shown)).toBe('Team settings are unavailable right now');
    expect(shown.body.embeds[0]!.description).toBe(
      "The settings are unavailable right now: the bot can't reach its database. Nothing was erased. Press **Erase all** again in a minute; " +
        '`/tier`, `/tiers`, `/compare` and `/glossary` still answer from the publishers.',
    );
    expect(shown.body.flags).toBe(EPHEMERAL);
    outage.down = false;
    expect(await store.serverData(G1)).toMatchObject({ recorded: true, house: true, terms: 12, plans: 3 });
    expect(title(checked(await bot.press(preview, 1, MANAGER)).shown)).toBe('Tierbot’s data for this server is erased');
  });
});

describe('/erase-team-data in the CLI', () => {
  const PROJECT = fileURLToPath(new URL('..', import.meta.url));
  const cli = (database: string, args: string[]): Promise<{ code: number; stdout: string }> =>
    new Promise((resolve) => {
      const { INIT_CWD: _initCwd, ...env } = process.env;
      execFile(process.execPath, ['--import', 'tsx', join(PROJECT, 'src/cli/cli.ts'), ...args], { cwd: PROJECT, env: { ...env, DATABASE_URL: database }, timeout: 60_000 }, (err, stdout) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });

  it('previews, Cancel keeps, Erase all erases (--pick), and a member without Manage Server is refused', { timeout: 120_000 }, async () => {
    const database = join(scratchDir('tierbot-erase-cli-'), 'cli.sqlite');
    const seeded = await openStore(database, { ttlMs: 0 });
    await twoServers(seeded, 2, 1);
    await seeded.close();
    const guild = ['--guild', G1];

    const refused = await cli(database, ['/erase-team-data', ...guild]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('You need the Manage Server permission');

    const preview = await cli(database, ['/erase-team-data', ...guild, '--manager']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('removes, for everyone in this server: the house definition, 2 team terms, 1 saved plan and Tierbot’s note');
    expect(preview.stdout).toContain('[1] Erase all   [2] Cancel');

    const cancelled = await cli(database, ['/erase-team-data', ...guild, '--manager', '--pick', '2']);
    expect(cancelled.stdout).toContain('Nothing was erased');

    const erased = await cli(database, ['/erase-team-data', ...guild, '--manager', '--pick', '1']);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain('Erased the house definition, 2 team terms, 1 saved plan and Tierbot’s note of this server.');

    const store = await openStore(database, { ttlMs: 0 });
    try {
      expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
      expect(await store.serverData(G2)).toMatchObject({ recorded: true, house: true, terms: 2, plans: 1 });
    } finally {
      await store.close();
    }
  });
});
