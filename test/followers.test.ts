import fc from 'fast-check';
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { testContext } from './support/context';
import { classify } from '../src/domain/classify';
import { MAX_FOLLOWERS, parseFollowerCount } from '../src/domain/followers';
import { formatCompact, formatCount } from '../src/domain/format';

const value = (text: string) => {
  const r = parseFollowerCount(text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.value;
};
const reason = (text: string) => {
  const r = parseFollowerCount(text);
  if (r.ok) throw new Error(`${text} was accepted as ${r.value}`);
  return r.reason;
};

describe('parseFollowerCount', () => {
  it.each([
    ['30000', 30_000],
    ['30,000', 30_000],
    ['30 000', 30_000],
    ['30k', 30_000],
    ['30K', 30_000],
    ['12.5k', 12_500],
    ['1.2M', 1_200_000],
    ['1.5m', 1_500_000],
    ['2.5 million', 2_500_000],
    ['  30k  ', 30_000],
    ['0', 0],
    ['+500', 500],
    ['1,234,567', 1_234_567],
    ['10B', 10_000_000_000],
    ['３０ｋ', 30_000],
    ['٣٠٠٠٠', 30_000],
    // As people type them in chat: a unit word, "about", a decimal comma before a suffix.
    ['12k followers', 12_000],
    ['45K subs', 45_000],
    ['1 follower', 1],
    ['~30k', 30_000],
    ['about 2.5 million fans', 2_500_000],
    ['12,5k', 12_500],
    ['1,2 Mio', 1_200_000],
    ['1.2 mil', 1_200_000],
    // As the message command reads them: other groupings and multipliers, and what is typed around a count.
    ["45'000", 45_000],
    ['45’000', 45_000],
    ['10 lakh', 1_000_000],
    ['45 tsd', 45_000],
    ['1.5 millions', 1_500_000],
    ['50k+', 50_000],
    ['45k.', 45_000],
    ['(45k)', 45_000],
    ['12k-ish', 12_000],
    ['45kfollowers', 45_000],
    ['45k_followers', 45_000],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['', /No follower count/],
    ['   ', /No follower count/],
    ['abc', /not a follower count/],
    ['-5', /negative/],
    ['−5k', /negative/],
    ['1.2345k', /fraction/],
    ['0.5', /fraction/],
    ['10000000001', /more than 10 billion/],
    ['1e309', /not a follower count/],
    ['1e3', /not a follower count/],
    ['1.2E+06', /not a follower count/],
    ['30,00', /not a follower count/],
    ['NaN', /not a follower count/],
    ['0x10', /not a follower count/],
    ['30,00', /not a follower count/],
    ['followers', /No follower count/],
    ['12,5', /not a follower count/],
    ['@everyone', /not a follower count/],
    ['🔥', /not a follower count/],
    ['x'.repeat(6000), /characters long/],
  ])('rejects %j with a reason', (text, expected) => {
    expect(reason(text)).toMatch(expected);
  });

  it('reads every whole number it prints back, in every accepted form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FOLLOWERS }), (n) => {
        expect(value(String(n))).toBe(n);
        expect(value(formatCount(n))).toBe(n);
        expect(value(formatCount(n).replace(/,/g, ' '))).toBe(n);
      }),
    );
  });

  it('reads dots grouping thousands the continental way, and a dot before a suffix as a decimal point', () => {
    expect(parseFollowerCount('30.000')).toEqual({ ok: true, value: 30_000 });
    expect(parseFollowerCount('1.200.000')).toEqual({ ok: true, value: 1_200_000 });
    expect(parseFollowerCount('1.500k')).toEqual({ ok: true, value: 1_500 });
    expect(parseFollowerCount('1.5').ok).toBe(false);
  });

  it('reads k and M forms exactly, without floating-point drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (thousandths) => {
        const text = `${(thousandths / 1000).toFixed(3)}M`;
        expect(value(text)).toBe(thousandths * 1000);
      }),
    );
  });

  it('never throws and only ever returns whole counts in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const r = parseFollowerCount(text);
        if (r.ok) expect(Number.isInteger(r.value) && r.value >= 0 && r.value <= MAX_FOLLOWERS).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('formatting', () => {
  it('formats counts', () => {
    expect(formatCount(30000)).toBe('30,000');
    expect(formatCompact(500)).toBe('500');
    expect(formatCompact(12_500)).toBe('12.5k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
  });

  it('writes a count that rounds up to the next unit in that unit: never "1000k"', () => {
    expect(formatCompact(999_999)).toBe('1M');
    expect(formatCompact(999_999_999)).toBe('1B');
    expect(formatCompact(999_994)).toBe('999.99k');
    expect(formatCompact(999)).toBe('999');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), (n) => {
        expect(formatCompact(n)).not.toMatch(/^1000(\.\d+)?[kMB]$/);
      }),
    );
  });

  it('groups whole counts exactly as Intl does (en-US), and leaves other numbers to it', () => {
    const intl = new Intl.NumberFormat('en-US');
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.integer({ min: 0, max: 10_000_000_000 }), fc.double(), fc.integer()), (n) => {
        expect(formatCount(n)).toBe(intl.format(n));
      }),
      { numRuns: 2000 },
    );
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(10_000_000_000)).toBe('10,000,000,000');
  });
});

const runTier = (followers: string) => tier.run({ followers } as never, testContext()) as Promise<Reply>;

describe('/tier given a range', () => {
  const run = runTier;

  it('says a range is a range and asks for one count, privately; a negative number is still refused as negative', async () => {
    for (const [typed, said] of [
      ['10k-50k', '10k–50k looks like a range: give one follower count, such as 10k.'],
      ['10k – 50k followers', '10k–50k looks like a range: give one follower count, such as 10k.'],
      ['10,000 to 50,000', '10k–50k looks like a range: give one follower count, such as 10k.'],
      ['24,999-1.2M', '24,999–1.2M looks like a range: give one follower count, such as 24,999.'],
      // A bare low end shares the high end's unit, as people write it: 30 to 40 thousand, not 30 followers.
      ['30-40k', '30k–40k looks like a range: give one follower count, such as 30k.'],
      ['1,2-1,5 Mio', '1.2M–1.5M looks like a range: give one follower count, such as 1.2M.'],
      ['5-10', '5–10 looks like a range: give one follower count, such as 5.'],
    ] as const) {
      const reply = await runTier(typed);
      expect(reply.inputError, typed).toBe(true);
      expect(reply.flags, typed).toBe(MessageFlags.Ephemeral);
      expect(reply.embeds[0]!.description, typed).toContain(said);
      expect(messageProblems(reply), typed).toEqual([]);
    }
    expect((await run('-5')).embeds[0]!.description).toContain('A follower count cannot be negative.');
    // A dash alone is "no value", not a negative count.
    for (const dash of ['-', '—', '–']) expect((await run(dash)).embeds[0]!.description).toContain('No follower count was given.');
    expect((await run('10k-')).embeds[0]!.description).toContain('That is not a follower count I can read.');
  });
});

describe('docs/reliability.md on 0 followers', () => {
  it('names as classifying 0 exactly the publishers /tier places it in a tier for, and HypeAuditor as below influencer size', () => {
    const doc = readFileSync(fileURLToPath(new URL('../docs/reliability.md', import.meta.url)), 'utf8');
    const row = doc.split('\n').find((line) => line.startsWith('| `0` |'))!;
    expect(row).toBeDefined();
    const votes = classify(0).consensus.publisherVotes;
    const classifying = votes.filter((v) => v.answer.kind === 'tier').map((v) => v.publisher.label);
    const named = votes.map((v) => v.publisher.label).filter((label) => row.includes(label));
    expect(classifying.length).toBeGreaterThan(0);
    expect(named.filter((label) => !classifying.includes(label))).toEqual(['HypeAuditor']);
    expect(classifying.filter((label) => !named.includes(label))).toEqual([]);
    expect(votes.find((v) => v.publisher.label === 'HypeAuditor')!.answer.kind).toBe('below');
    expect(row).toMatch(/HypeAuditor[^|]*below influencer size/);
  });
});

describe('what a refused count is said to be', () => {
  it('/tier names an exponent, a hexadecimal number, a hashtag and a range; a roster cell names them too', async () => {
    const { parseFollowerCount } = await import('../src/domain/followers');
    const { readCount } = await import('../src/domain/spreadsheet-count');
    const reasons = (text: string) => {
      const typed = parseFollowerCount(text);
      const cell = readCount(text);
      return [typed.ok ? '' : typed.reason, cell.ok ? '' : cell.reason];
    };
    expect(reasons('1e3')[0]).toMatch(/exponent/);
    expect(reasons('0x10')).toEqual(['That is a hexadecimal number, not a follower count.', 'a hexadecimal number']);
    expect(reasons('#100k')).toEqual(['That is a hashtag, not a follower count.', 'a hashtag']);
    expect(reasons('10k-50k')).toEqual(['10k–50k looks like a range: give one follower count, such as 10k.', 'a range, not one count']);
    expect(reasons('abc')).toEqual(['That is not a follower count I can read.', 'not a follower count I can read']);
  });

  it('/tier says to give the count alone when words follow one, as pasted from a message', async () => {
    for (const [typed, count] of [
      ['10k followers on TikTok', '10k'],
      ['45k on IG', '45k'],
      ['2.5M subs on YouTube', '2.5M'],
      ['24,999 followers (Instagram)', '24,999'],
    ] as const) {
      const reply = await runTier(typed);
      expect(reply.inputError, typed).toBe(true);
      expect(reply.embeds[0]!.description, typed).toContain(`That is a follower count with more after it: give the count alone, such as ${count}.`);
    }
    expect((await runTier('followers on TikTok')).embeds[0]!.description).toContain('That is not a follower count I can read.');
    expect((await runTier('note: 10k')).embeds[0]!.description).toContain('That is not a follower count I can read.');
  });

  it('/tier says of the whole count at the start what it would say of it alone', async () => {
    for (const [typed, said] of [
      // Not "such as 30M": the count typed is 30 billion.
      ['30 000 000 000 followers on tiktok', 'That is more than 10 billion followers, more than there are people.'],
      ['10k-50k followers on tiktok', '10k–50k looks like a range: give one follower count, such as 10k.'],
      ['30 mil followers on ig', 'give the count alone, such as 30M. “mil” is read as a million; for 30 thousand, write 30k.'],
      ['-5 on IG', 'A follower count cannot be negative.'],
    ] as const) {
      expect((await runTier(typed)).embeds[0]!.description, typed).toContain(said);
    }
  });
});
