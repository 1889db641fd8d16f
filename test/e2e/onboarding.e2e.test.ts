/** Onboarding end to end, in both ways in: /tiers, /glossary and /help, with their menus and buttons. */

import { describe, expect, it } from 'vitest';
import { START_HERE, termById } from '../../src/domain/glossary';
import { messageProblems } from '../../tools/standin/limits';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const harnessFor = harnessForEachMode();

/** The custom_ids and select values on a captured message. */
function components(body: any): { customId: string; type: number; values: string[]; label?: string; disabled?: boolean }[] {
  return (body.components ?? []).flatMap((row: any) =>
    row.components.map((c: any) => ({ customId: c.custom_id, type: c.type, values: (c.options ?? []).map((o: any) => o.value), label: c.label, disabled: c.disabled })),
  );
}

describe.each(MODES)('onboarding (%s mode)', (mode) => {
  const h = () => harnessFor(mode);

  it('/tiers shows every publisher side by side, with a publisher menu', async () => {
    const { body } = answerOf(await h().command('tiers'));
    expect(body.embeds[0].title).toMatch(/every publisher side by side/);
    expect(components(body).filter((c) => c.type === 3)).toHaveLength(1);
    expect(messageProblems(body)).toEqual([]);
  });

  it('/tiers autocompletes publisher names despite typos', async () => {
    const record = await h().autocomplete('tiers', 'source', 'hypeaditor');
    expect(record.callbacks[0]!.type).toBe(8);
    expect(record.callbacks[0]!.data.choices[0].value).toBe('hypeauditor');
  });

  it('/tiers answers a clear typo directly, and shows a publisher with several definitions together', async () => {
    const typo = answerOf(await h().command('tiers', { source: 'mediakx' })).body;
    expect(typo.flags ?? 0).toBe(0);
    expect(embedText(typo)).toContain('Showing Mediakix for "mediakx"');
    const cnbc = embedText(answerOf(await h().command('tiers', { source: 'cnbc' })).body);
    expect(cnbc).toContain('**CNBC** (2017)');
    expect(cnbc).toContain('quoted by TapInfluence');
  });

  it('/tiers opens a publisher picked on a public page for the picker alone, then switches it in place', async () => {
    const { body } = answerOf(await h().command('tiers', { source: 'mediakix' }));
    const menu = components(body).find((c) => c.type === 3)!;
    const other = menu.values.find((v) => v !== 'mediakix')!;
    // The public page stays as the channel sees it: the pick is answered with a page of one's own.
    const record = await h().component(menu.customId, { componentType: 3, values: [other], message: body });
    expect(record.callbacks[0]!.type).toBe(4);
    expect(record.callbacks[0]!.data.flags).toBe(64);
    const own = record.callbacks[0]!.data;
    expect(embedText(own)).not.toMatch(/seed 0/i);
    const ownMenu = components(own).find((c) => c.type === 3)!;
    const third = ownMenu.values.find((v) => v !== 'mediakix' && v !== other)!;
    const switched = await h().component(ownMenu.customId, { componentType: 3, values: [third], message: own });
    expect(switched.callbacks[0]!.type).toBe(7);
  });

  it('/glossary opens a term, then a related term with one click; a typo is answered directly', async () => {
    const { body } = answerOf(await h().command('glossary', { term: 'CPE' }));
    expect(embedText(body)).toContain('CPE = cost ÷ engagements');
    const button = components(body).find((c) => c.type === 2 && !c.disabled)!;
    // A click on the public answer opens the related term for the clicker alone; on that message of
    // their own, the next click changes it in place.
    const record = await h().component(button.customId, { componentType: 2, message: body });
    expect(record.callbacks[0]!.type).toBe(4);
    expect(record.callbacks[0]!.data.flags).toBe(64);
    const own = record.callbacks[0]!.data;
    expect(own.embeds[0].title).toBe(button.label);
    const next = components(own).find((c) => c.type === 2 && !c.disabled)!;
    const inPlace = await h().component(next.customId, { componentType: 2, message: own });
    expect(inPlace.callbacks[0]!.type).toBe(7);
    expect(inPlace.callbacks[0]!.data.embeds[0].title).toBe(next.label);
    const typo = answerOf(await h().command('glossary', { term: 'engagment rat' })).body;
    expect(embedText(typo)).toMatch(/Showing \*\*Engagement rate\*\* for "engagment rat"/);
  });

  it('/glossary offers several matches as buttons that open them', async () => {
    const { body } = answerOf(await h().command('glossary', { term: 'cp' }));
    const choices = components(body).filter((c) => c.type === 2);
    expect(choices.map((c) => c.label)).toContain('CPC (cost per click)');
    const opened = await h().component(choices[0]!.customId, { componentType: 2, message: body });
    expect(opened.callbacks[0]!.data.embeds[0].title).toBe(choices[0]!.label);
  });

  it('/help leads a newcomer along the start-here path with buttons', async () => {
    const { body } = answerOf(await h().command('help'));
    expect(embedText(body)).toContain('New here? Start here');
    let message = body;
    for (let step = 0; step < START_HERE.length; step++) {
      const next = components(message).find((c) => c.label?.startsWith(step === 0 ? 'Start here' : 'Next'))!;
      const record = await h().component(next.customId, { componentType: 2, message });
      // /help is public: Start opens the path for the presser alone, and its steps change that message in place.
      expect(record.callbacks[0]!.type).toBe(step === 0 ? 4 : 7);
      if (step === 0) expect(record.callbacks[0]!.data.flags).toBe(64);
      message = record.callbacks[0]!.data;
      expect(message.embeds[0].title).toBe(termById(START_HERE[step]!)!.name);
      expect(message.embeds[0].author.name).toContain(`step ${step + 1} of ${START_HERE.length}`);
    }
  });
});
