/**
 * /erase-team-data end to end, in both ways in: registered with Manage Server as its default
 * permission, a member without it refused, a manager's private preview naming what would go, and
 * its "Erase all" button erasing this server's data (and not another's) in place of the preview,
 * but nothing when the server's data changed after the preview opened (its numbers or not);
 * "Cancel" erasing nothing.
 */

import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../tools/standin/limits';
import { memoryStore } from '../support/context';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const EPHEMERAL = 64;
const MANAGE_SERVER = String(1n << 5n);
const OTHER = '299999999999999998';
const AT = new Date('2026-12-06T12:00:00Z');

const store = memoryStore();
const harnessFor = harnessForEachMode({ store });

/** Gives `guild` a house definition, two terms and a plan. */
async function configure(guild: string): Promise<void> {
  await store.setHouse(guild, { text: 'nano 1k-10k, micro 10k+', setById: '1', setByName: 'a', setAt: AT });
  for (const name of ['CPM', 'UGC']) await store.addTerm(guild, { name, definition: `${name} means`, addedById: '1', addedByName: 'a', updatedAt: AT });
  await store.savePlan(guild, { name: 'q1', inputs: { budget: '5000' }, savedById: '1', savedByName: 'a', savedAt: AT });
}

const buttons = (body: any): { custom_id: string; label: string; style: number }[] => (body.components ?? []).flatMap((row: any) => row.components);

describe.each(MODES)('%s mode', (mode) => {
  const h = () => harnessFor(mode);
  const guild = () => h().standIn.guildIds[0]!;

  it('is registered for servers only, with Manage Server as its default permission', () => {
    const registered = h().standIn.registrations.get(guild())?.find((c: { name: string }) => c.name === 'erase-team-data');
    expect(registered).toMatchObject({ default_member_permissions: MANAGE_SERVER, contexts: [0], integration_types: [0] });
  });

  it('refuses a member without Manage Server, erasing nothing', async () => {
    await configure(guild());
    const { body } = answerOf(await h().command('erase-team-data', {}, { guildId: guild() }));
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.embeds[0].title).toBe('You need the Manage Server permission');
    expect(buttons(body)).toEqual([]);
    expect(await store.serverData(guild())).toMatchObject({ house: true, terms: 2, plans: 1 });
  });

  it('previews privately; Cancel erases nothing; Erase all erases this server’s data in place of the preview, and not another server’s', async () => {
    await configure(guild());
    await configure(OTHER);
    const manager = { guildId: guild(), permissions: MANAGE_SERVER };
    const record = await h().command('erase-team-data', {}, manager);
    const preview = answerOf(record).body;
    expect(messageProblems(preview)).toEqual([]);
    expect(preview.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(preview)).toContain('removes, for everyone in this server: the house definition, 2 team terms, 1 saved plan and Tierbot’s note');
    expect(buttons(preview).map((b) => [b.label, b.style])).toEqual([
      ['Erase all', 4],
      ['Cancel', 2],
    ]);
    const [erase, cancel] = buttons(preview);
    const message = h().standIn.originalMessage(record);

    const kept = answerOf(await h().component(cancel!.custom_id, { componentType: 2, message, ...manager })).body;
    expect(kept.embeds[0].title).toBe('Nothing was erased');
    expect(await store.serverData(guild())).toMatchObject({ house: true, terms: 2, plans: 1 });

    // A term added after the preview opened: Erase all erases nothing and shows what the server has now.
    await store.addTerm(guild(), { name: 'late', definition: 'added after the preview', addedById: '1', addedByName: 'a', updatedAt: AT });
    const changed = answerOf(await h().component(erase!.custom_id, { componentType: 2, message, ...manager })).body;
    expect(messageProblems(changed)).toEqual([]);
    expect(changed.embeds[0].description).toMatch(/^\*\*Nothing was erased\*\*: team terms went from 2 to 3 after you opened this\. Here is what would be erased now, /);
    expect(embedText(changed)).toContain('would be erased now, for everyone in this server: the house definition, 3 team terms, 1 saved plan and Tierbot’s note');
    expect(await store.serverData(guild())).toMatchObject({ house: true, terms: 3, plans: 1 });

    // A term edited after that: the numbers are the same, yet Erase all erases nothing again.
    await store.editTerm(guild(), { name: 'late', definition: 'edited after the second preview', addedById: '1', addedByName: 'a', updatedAt: AT }, ['definition']);
    const edited = answerOf(await h().component(buttons(changed)[0]!.custom_id, { componentType: 2, message, ...manager })).body;
    expect(messageProblems(edited)).toEqual([]);
    expect(edited.embeds[0].description).toMatch(/^\*\*Nothing was erased\*\*: the team terms changed after you opened this\. /);
    expect(await store.serverData(guild())).toMatchObject({ house: true, terms: 3, plans: 1 });

    const erased = answerOf(await h().component(buttons(edited)[0]!.custom_id, { componentType: 2, message, ...manager })).body;
    expect(messageProblems(erased)).toEqual([]);
    expect(erased.embeds[0].title).toBe('Tierbot’s data for this server is erased');
    expect(embedText(erased)).toContain('Erased the house definition, 3 team terms, 1 saved plan and Tierbot’s note of this server.');
    expect(buttons(erased)).toEqual([]);
    expect(await store.serverData(guild())).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
    expect(await store.serverData(OTHER)).toMatchObject({ recorded: true, house: true, terms: 2, plans: 1 });
    expect(embedText(answerOf(await h().command('tier', { followers: '50k' }, { guildId: guild() })).body)).not.toMatch(/house definition/i);
  });
});
