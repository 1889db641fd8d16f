import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageProblems } from '../../src/discord/limits';
import { START_HERE, termById } from '../../src/domain/glossary';
import { answerOf, embedText, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The custom_ids and select values on a captured message. */
function components(body: any): { customId: string; type: number; values: string[]; label?: string }[] {
  return (body.components ?? []).flatMap((row: any) =>
    row.components.map((c: any) => ({ customId: c.custom_id, type: c.type, values: (c.options ?? []).map((o: any) => o.value), label: c.label })),
  );
}

describe('/tiers through discord.js and the stand-in', () => {
  it('shows the overview with source menus', async () => {
    const { body } = answerOf(await h.command('tiers'));
    expect(body.embeds[0].title).toMatch(/every source side by side/);
    expect(embedText(body)).toContain('no industry standard');
    const menus = components(body).filter((c) => c.type === 3);
    expect(menus.length).toBe(2);
    expect(messageProblems(body)).toEqual([]);
  });

  it('autocompletes source names despite typos', async () => {
    const record = await h.autocomplete('tiers', 'source', 'hypeaditor');
    expect(record.callbacks[0]!.type).toBe(8);
    expect(record.callbacks[0]!.data.choices[0].value).toBe('hypeauditor');
  });

  it('switches the source shown from the menu, updating the message in place (type 7)', async () => {
    const { body } = answerOf(await h.command('tiers', { source: 'mediakix' }));
    const menu = components(body).find((c) => c.type === 3 && c.values.includes('seed-000'))!;
    const record = await h.component(menu.customId, { componentType: 3, values: ['seed-000'], message: body });
    expect(record.callbacks[0]!.type).toBe(7);
    expect(record.callbacks[0]!.data.embeds[0].title).toContain('Seed 000');
  });

  it('answers an unknown source ephemerally with suggestions', async () => {
    const { body } = answerOf(await h.command('tiers', { source: 'mediakx' }));
    expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain('Did you mean **Mediakix**');
  });
});

describe('/glossary through discord.js and the stand-in', () => {
  it('shows the grouped index', async () => {
    const { body } = answerOf(await h.command('glossary'));
    expect(body.embeds[0].title).toMatch(/Glossary: \d+ terms/);
    expect(body.embeds[0].fields.map((f: any) => f.name)).toContain('Tiers');
  });

  it('ranks autocomplete exact, then prefix, and offers start-here terms for an empty query', async () => {
    const exact = await h.autocomplete('glossary', 'term', 'cpe');
    expect(exact.callbacks[0]!.data.choices[0].value).toBe('cpe');
    const empty = await h.autocomplete('glossary', 'term', '');
    expect(empty.callbacks[0]!.data.choices.map((c: any) => c.value)).toEqual(START_HERE.slice(0, 25));
  });

  it('opens a term, then a related term with one click', async () => {
    const { body } = answerOf(await h.command('glossary', { term: 'CPE' }));
    const text = embedText(body);
    expect(text).toContain('CPE = cost ÷ engagements');
    expect(text).toContain('Example');
    const button = components(body).find((c) => c.type === 2)!;
    const record = await h.component(button.customId, { componentType: 2, message: body });
    expect(record.callbacks[0]!.type).toBe(7);
    expect(record.callbacks[0]!.data.embeds[0].title).toBe(button.label);
  });

  it('says "did you mean" for an unknown term, ephemerally', async () => {
    const { body } = answerOf(await h.command('glossary', { term: 'engagment rat' }));
    expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toMatch(/Did you mean \*\*Engagement rate/);
  });
});

describe('/help through discord.js and the stand-in', () => {
  it('leads a newcomer along the start-here path with buttons', async () => {
    const { body } = answerOf(await h.command('help'));
    expect(embedText(body)).toContain('New here? Start here');
    let message = body;
    for (let step = 0; step < START_HERE.length; step++) {
      const next = components(message).find((c) => c.label?.startsWith(step === 0 ? 'Start here' : 'Next'))!;
      const record = await h.component(next.customId, { componentType: 2, message });
      expect(record.callbacks[0]!.type).toBe(7);
      message = record.callbacks[0]!.data;
      expect(message.embeds[0].title).toBe(termById(START_HERE[step]!)!.name);
      expect(message.embeds[0].author.name).toContain(`step ${step + 1} of ${START_HERE.length}`);
    }
  });
});
