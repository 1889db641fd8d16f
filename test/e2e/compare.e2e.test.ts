/** /compare end to end, in both ways in: the main reply, its buttons, the CSV export and saved plans. */

import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../tools/standin/limits';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const EPHEMERAL = 64;
const GUILD = '200000000000000001';
const buttons = (body: any) => body.components.flatMap((row: any) => row.components) as { custom_id: string; label: string }[];

const harnessFor = harnessForEachMode();

describe.each(MODES)('/compare (%s mode)', (mode) => {
  const h = () => harnessFor(mode);

  it('answers with the verdict above both plans, and the buttons', async () => {
    const { body } = answerOf(await h().command('compare'));
    const text = embedText(body);
    expect(text).toMatch(/holds across every sourced range|Depends on:/);
    const [a, b] = body.embeds[0].fields;
    expect(a.name).toBe('Plan A (estimated): 1 × 100,000 followers');
    expect(b.name).toBe('Plan B (estimated): 10 × 10,000 followers');
    expect(text.indexOf('Depends on') < 0 || text.indexOf('Depends on') < text.indexOf('Plan A (estimated)')).toBe(true);
    expect(buttons(body).map((x) => x.label)).toEqual(['Assumptions', 'Export']);
    expect(messageProblems(body)).toEqual([]);
  });

  it('takes the Kardashian preset with a fee as Discord delivers it: the observed case', async () => {
    const { body } = answerOf(await h().command('compare', { preset: 'kardashian', big_fee: '10k' }));
    const text = embedText(body);
    expect(text).toContain('$900');
    expect(text).toContain('observed');
    expect(text).not.toMatch(/seed 0/i);
  });

  it('"Equal budget" answers its presser with the re-run, leaving the public reply as it is; "Assumptions" answers ephemerally; "Export" sends compare.csv', async () => {
    const { body } = answerOf(await h().command('compare', { big_fee: '$5,000' }));
    const [assumptions, exported, equal] = buttons(body);
    expect(equal!.label).toBe('Equal budget');
    const rerun = await h().component(equal!.custom_id, { componentType: 2, message: body });
    expect([4, 5]).toContain(rerun.callbacks[0]!.type);
    expect(rerun.callbacks[0]!.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(answerOf(rerun).body.embeds[0].fields[1].name).toBe('Plan B (estimated): 50 × 10,000 followers');
    const listed = await h().component(assumptions!.custom_id, { componentType: 2, message: body });
    expect(listed.callbacks[0]!.type).toBe(4);
    expect(listed.callbacks[0]!.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(listed.callbacks[0]!.data)).toContain('Plan A fee: $5,000');
    const csv = await h().component(exported!.custom_id, { componentType: 2, message: body });
    expect(csv.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const file = answerOf(csv).files.find((f) => f.name === 'compare.csv');
    expect(file?.data.toString('utf8').split(/\r?\n/)[0]).toBe('plan,metric,low,expected,high,source');
  });

  it('answers a bad option ephemerally, naming it', async () => {
    const { body } = answerOf(await h().command('compare', { overlap: '150%' }));
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(body)).toContain('overlap');
  });

  it('saves a plan in a server and runs it again by name there only; in a DM it explains', async () => {
    const saved = answerOf(await h().command('compare', { budget: '5000', save: `weekly ${mode}` }, { guildId: GUILD }));
    expect(embedText(saved.body)).toMatch(/saved/i);
    const again = answerOf(await h().command('compare', { plan: `weekly ${mode}` }, { guildId: GUILD }));
    expect(again.body.flags ?? 0).toBe(0);
    expect(embedText(again.body)).toMatch(/Plan A/);
    const dm = answerOf(await h().command('compare', { save: 'mine' }, { guildId: null }));
    expect(dm.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(dm.body)).toMatch(/server/i);
  });
});
