import { describe, expect, it } from 'vitest';
import { rosterOption } from '../src/charts/roster';

describe('the /roster chart', () => {
  it('shortens a long tier name at a word, never mid-word', () => {
    const label = 'Established creators with loyal niche audiences';
    const option = rosterOption({ title: '3 creators by tier', basis: 'by your house definition', bars: [{ label, creators: 3, followers: 90_000 }] });
    const [shown] = (option.xAxis as { data: string[] }).data;
    expect(shown!.endsWith('…')).toBe(true);
    expect(shown!.length).toBeLessThanOrEqual(28);
    // Every word kept is whole.
    for (const word of shown!.slice(0, -1).split(' ')) expect(label.split(' ')).toContain(word);
  });

  it('keeps a title on one line, without control characters', () => {
    const option = rosterOption({ title: 'Spring\n\tlaunch\u200b roster', basis: 'by your house definition', bars: [] });
    expect((option.title as { text: string }).text).toBe('Spring launch roster');
  });

  it('labels each bar with its followers as counted, never rounded over a tier line ("1M" for 999,999)', () => {
    const option = rosterOption({
      title: '3 creators by tier',
      basis: 'by the publishers',
      bars: [
        { label: 'macro', creators: 1, followers: 999_999 },
        { label: 'micro', creators: 1, followers: 49_999 },
        { label: 'mega', creators: 1, followers: 2_000_000 },
      ],
    });
    const labels = (option.series as { data: { label: { formatter: string } }[] }[])[0]!.data.map((d) => d.label.formatter);
    expect(labels).toEqual(['1 · 999,999', '1 · 49,999', '1 · 2M']);
  });
});
