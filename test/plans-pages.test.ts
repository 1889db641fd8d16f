/**
 * /plans list in pages: with more plans than one message holds, Previous and Next buttons page
 * through every plan, each shown with who saved it and when. The list is shown to whoever asked,
 * so it never fills a channel, and its buttons change it in place.
 */

import { InteractionResponseType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { chatInput, pressed, type Place } from '../src/cli/local-interaction';
import type { TeamStore } from '../src/store/types';
import { messageProblems } from '../tools/standin/limits';
import { memoryStore } from './support/context';
import { firstAnswerWith, type Callback } from './support/first-answer';
import type { MessageBody } from '../src/interactions/responder';

const G = '600000000000000061';
const place: Place = { guildId: G, manager: false };
const SAVED_AT = new Date('2026-11-02T09:30:00Z');

/** A store with `count` plans, saved out of name order, by two members. */
async function storeWith(count: number): Promise<TeamStore> {
  const store = memoryStore();
  for (let i = count - 1; i >= 0; i--) {
    const author = i % 2 === 0 ? { savedById: '300000000000000011', savedByName: 'Ana' } : { savedById: '300000000000000012', savedByName: 'Bo' };
    await store.savePlan(G, { name: `plan ${String(i).padStart(3, '0')}`, inputs: { budget: '5000', fee: '250', followers: '1200000' }, ...author, savedAt: SAVED_AT });
  }
  return store;
}

/** The core over `store`: its one answer to an interaction, checked against Discord's limits. */
function coreFor(store: TeamStore) {
  const answer = firstAnswerWith(store);
  return async (interaction: APIInteraction): Promise<Callback> => {
    const sent = await answer(interaction);
    expect(messageProblems(sent.data as never)).toEqual([]);
    return sent;
  };
}

const listPlans = (answer: (i: APIInteraction) => Promise<Callback>) => answer(chatInput(place, 'plans', [{ name: 'list', type: 1, options: [] }] as never, {}));
const buttons = (body: MessageBody) => ((body.components ?? []) as any[]).flatMap((row) => row.components as { custom_id: string; label: string; disabled?: boolean }[]);
const button = (body: MessageBody, label: string) => buttons(body).find((b) => b.label.includes(label))!;
const isEphemeral = (body: MessageBody) => ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const pageText = (body: MessageBody) => JSON.stringify(body.embeds);
const namesOn = (body: MessageBody) => [...pageText(body).matchAll(/plan \d{3}/g)].map((m) => m[0]);

describe('/plans list in pages', () => {
  it('Next reaches every one of 100 plans, in name order, each with who saved it and when', async () => {
    const answer = coreFor(await storeWith(100));
    let page = await listPlans(answer);
    expect(isEphemeral(page.data)).toBe(true);
    expect(page.data.embeds[0]!.title).toBe('Saved plans: 100 (up to 100 per server)');
    const seen: string[] = [];
    for (let presses = 0; ; presses++) {
      expect(presses).toBeLessThan(100);
      const body = page.data;
      expect(pageText(body)).not.toContain('not shown');
      for (const name of namesOn(body)) {
        seen.push(name);
        const i = Number(name.slice(-3));
        const line = body.embeds[0]!.description!.split(/(?=\*\*plan \d{3}\*\*)/).find((l) => l.startsWith(`**${name}**`))!;
        expect(line).toContain(i % 2 === 0 ? '**Ana** (<@300000000000000011>)' : '**Bo** (<@300000000000000012>)');
        expect(line).toContain(`<t:${SAVED_AT.getTime() / 1000}:f>`);
      }
      for (const b of buttons(body)) expect(b.custom_id.length).toBeLessThanOrEqual(100);
      const next = button(body, 'Next');
      if (next.disabled) break;
      page = await answer(pressed(place, next.custom_id, undefined, body as never));
    }
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => `plan ${String(i).padStart(3, '0')}`));
    expect(page.data.embeds[0]!.footer!.text).toMatch(/^Page (\d+) of \1\b/);
  });

  it('the list is shown to whoever asked, never in the channel; Previous and Next change it in place', async () => {
    const answer = coreFor(await storeWith(100));
    const list = await listPlans(answer);
    expect(isEphemeral(list.data)).toBe(true);
    expect(list.data.embeds[0]!.footer!.text).toMatch(/^Page 1 of \d+/);
    expect(button(list.data, 'Previous').disabled).toBe(true);

    const second = await answer(pressed(place, button(list.data, 'Next').custom_id, undefined, list.data as never));
    expect(second.type).toBe(InteractionResponseType.UpdateMessage);
    expect(second.data.embeds[0]!.footer!.text).toMatch(/^Page 2 of/);
    expect(namesOn(second.data)[0]).not.toBe('plan 000');

    const third = await answer(pressed(place, button(second.data, 'Next').custom_id, undefined, second.data as never));
    expect(third.type).toBe(InteractionResponseType.UpdateMessage);
    expect(third.data.embeds[0]!.footer!.text).toMatch(/^Page 3 of/);
    const back = await answer(pressed(place, button(third.data, 'Previous').custom_id, undefined, third.data as never));
    expect(back.type).toBe(InteractionResponseType.UpdateMessage);
    expect(namesOn(back.data)).toEqual(namesOn(second.data));
  });

  it('a page that no longer exists (plans deleted meanwhile) shows the last one', async () => {
    const store = await storeWith(100);
    const answer = coreFor(store);
    const list = await listPlans(answer);
    for (let i = 10; i < 100; i++) await store.deletePlan(G, `plan ${String(i).padStart(3, '0')}`);
    const next = await answer(pressed(place, button(list.data, 'Next').custom_id, undefined, list.data as never));
    expect(namesOn(next.data)).toEqual(Array.from({ length: 10 }, (_, i) => `plan ${String(i).padStart(3, '0')}`));
    expect(buttons(next.data)).toEqual([]);
  });

  it('has no buttons when every plan fits one page', async () => {
    const answer = coreFor(await storeWith(3));
    const list = await listPlans(answer);
    expect(namesOn(list.data)).toEqual(['plan 000', 'plan 001', 'plan 002']);
    expect(buttons(list.data)).toEqual([]);
    expect(list.data.embeds[0]!.footer).toBeUndefined();
  });
});

describe('/plans list order', () => {
  it('reads numbers in names as numbers: q2 before q10', async () => {
    const store = memoryStore();
    for (const name of ['q10', 'Q2', 'q1']) await store.savePlan(G, { name, inputs: { budget: '5000' }, savedById: '300000000000000011', savedByName: 'Ana', savedAt: SAVED_AT });
    const sent = await coreFor(store)(chatInput(place, 'plans', [{ name: 'list', type: 1, options: [] }] as never, {}));
    const description = (sent.data as MessageBody).embeds![0]!.description!;
    const order = ['q1', 'Q2', 'q10'].map((name) => description.indexOf(`**${name}**`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
