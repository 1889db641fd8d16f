/**
 * A click on a public message answers the clicker alone: picking a term from the public /glossary
 * index, a related term under a public /glossary answer, a publisher on a public /tiers page, and
 * each /help step. The public message is never rewritten for the whole channel (Discord's callback
 * 4, ChannelMessageWithSource, with the ephemeral flag, never 7, UpdateMessage); on the clicker's
 * own ephemeral message, the next click changes that message in place (7).
 */

import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { chatInput, pressed, type Place } from '../src/cli/local-interaction';
import { START_HERE, termById } from '../src/domain/glossary';
import type { MessageBody } from '../src/interactions/responder';
import { firstAnswerWith, type Callback } from './support/first-answer';

const place: Place = { guildId: '600000000000000001', manager: false };


/** The first answer Discord is sent for the interaction. */
const answer = firstAnswerWith();

const command = (name: string, options: Record<string, string> = {}) =>
  answer(chatInput(place, name, Object.entries(options).map(([option, value]) => ({ name: option, type: 3, value }) as never), {}));

/** The buttons and menus of a message, each with its custom_id, label and menu values. */
function controls(body: MessageBody): { customId: string; label?: string; values: string[]; disabled?: boolean }[] {
  return ((body.components ?? []) as any[]).flatMap((row) =>
    (row.components as any[]).map((c) => ({ customId: c.custom_id, label: c.label, values: (c.options ?? []).map((o: any) => o.value), disabled: c.disabled })),
  );
}

const press = (message: MessageBody, customId: string, values?: string[]) => answer(pressed(place, customId, values, message as never));

const isEphemeral = (body: MessageBody) => ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

function expectOwnMessage(callback: Callback) {
  expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(isEphemeral(callback.data)).toBe(true);
}

describe('clicks on public messages answer the clicker alone', () => {
  it('/glossary index: a term picked from the menu opens for the picker alone; on that message, a related term opens in place', async () => {
    const index = await command('glossary');
    expect(isEphemeral(index.data)).toBe(false);
    const menu = controls(index.data).find((c) => c.values.includes('cpe'))!;
    const picked = await press(index.data, menu.customId, ['cpe']);
    expectOwnMessage(picked);
    expect(picked.data.embeds[0]!.title).toBe('CPE (cost per engagement)');
    const related = controls(picked.data).find((c) => c.label && !c.disabled)!;
    const next = await press(picked.data, related.customId);
    expect(next.type).toBe(InteractionResponseType.UpdateMessage);
    expect(next.data.embeds[0]!.title).toBe(related.label);
  });

  it('/glossary term: a related-term button on the public answer opens for the clicker alone', async () => {
    const reply = await command('glossary', { term: 'CPE' });
    expect(isEphemeral(reply.data)).toBe(false);
    const related = controls(reply.data).find((c) => c.label && !c.disabled)!;
    const opened = await press(reply.data, related.customId);
    expectOwnMessage(opened);
    expect(opened.data.embeds[0]!.title).toBe(related.label);
  });

  it('/glossary: a related-term button posted before this rule, public or not, opens for the clicker alone', async () => {
    const reply = await command('glossary', { term: 'CPE' });
    expectOwnMessage(await press(reply.data, 'glossary:term:cpc'));
  });

  it('/glossary: "Which term?" is the asker’s own, so its buttons open a term in place', async () => {
    const which = await command('glossary', { term: 'cp' });
    expect(isEphemeral(which.data)).toBe(true);
    const choice = controls(which.data)[0]!;
    const opened = await press(which.data, choice.customId);
    expect(opened.type).toBe(InteractionResponseType.UpdateMessage);
    expect(opened.data.embeds[0]!.title).toBe(choice.label);
  });

  it('/tiers source: a publisher picked on the public page opens for the picker alone, then changes in place', async () => {
    const page = await command('tiers', { source: 'mediakix' });
    expect(isEphemeral(page.data)).toBe(false);
    const menu = controls(page.data).find((c) => c.values.includes('hypeauditor'))!;
    const picked = await press(page.data, menu.customId, ['hypeauditor']);
    expectOwnMessage(picked);
    expect(picked.data.embeds[0]!.title).toBe('HypeAuditor');
    const ownMenu = controls(picked.data).find((c) => c.values.includes('mediakix'))!;
    const back = await press(picked.data, ownMenu.customId, ['mediakix']);
    expect(back.type).toBe(InteractionResponseType.UpdateMessage);
    expect(back.data.embeds[0]!.title).toBe('Mediakix');
  });

  it('/tiers: a publisher menu posted on a public page before this rule opens for the picker alone', async () => {
    const page = await command('tiers', { source: 'mediakix' });
    expectOwnMessage(await press(page.data, 'tiers:pick:0', ['hypeauditor']));
  });

  it('/help: Start opens the path for the presser alone; its steps, Back to help and Start again change that message in place', async () => {
    const helpPage = await command('help');
    expect(isEphemeral(helpPage.data)).toBe(false);
    const start = controls(helpPage.data).find((c) => c.label?.startsWith('Start here'))!;
    const first = await press(helpPage.data, start.customId);
    expectOwnMessage(first);
    expect(first.data.embeds[0]!.title).toBe(termById(START_HERE[0]!)!.name);
    // A second newcomer pressing the same public button gets a path of their own, at step 1.
    expectOwnMessage(await press(helpPage.data, start.customId));

    const next = controls(first.data).find((c) => c.label?.startsWith('Next'))!;
    const second = await press(first.data, next.customId);
    expect(second.type).toBe(InteractionResponseType.UpdateMessage);
    expect(second.data.embeds[0]!.author?.name).toContain('step 2 of');
    const home = controls(second.data).find((c) => c.label === 'Back to help')!;
    const ownHelp = await press(second.data, home.customId);
    expect(ownHelp.type).toBe(InteractionResponseType.UpdateMessage);
    const again = controls(ownHelp.data).find((c) => c.label?.startsWith('Start here'))!;
    expect((await press(ownHelp.data, again.customId)).type).toBe(InteractionResponseType.UpdateMessage);
  });

  it('/help: a step button on a public step posted before this rule opens for the presser alone', async () => {
    const helpPage = await command('help');
    expectOwnMessage(await press(helpPage.data, 'help:step:1'));
  });
});
