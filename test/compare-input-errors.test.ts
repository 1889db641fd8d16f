/**
 * /compare's input errors: each is private, names the option and states the range actually
 * accepted, with examples it accepts; a budget clashing with big_fee or micro_count; a budget that
 * cannot buy micro-influencers at $0; amounts and percentages keeping the digits that set them apart
 * from the limit; more followers in all than Tierbot models; counts of influencers; and typed text
 * that names a member of Object.prototype. Checked through the command, as a user gets it.
 */

import { describe, expect, it } from 'vitest';
import { OPTION_NAMES, parseCompareInput } from '../src/domain/compare';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';
import { runCompare as run, description, field, shownText } from './support/compare';

const G = '200000000000000060';
const guild = (store: TeamStore) => testContext({ guildId: G, store });

async function inputError(options: Record<string, string>): Promise<string> {
  const reply = await run(options);
  expect(reply.inputError, JSON.stringify(options)).toBe(true);
  return reply.embeds[0]!.description!;
}

describe('budget conflicts are input errors', () => {
  it('budget with a different big_fee: ephemeral, saying the budget is Plan A’s fee and what to do', async () => {
    const reply = await run({ budget: '5000', big_fee: '200' });
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(64);
    const d = reply.embeds[0]!.description!;
    expect(d).toContain('**big_fee**: With a budget, the budget is Plan A’s fee');
    expect(d).toContain('leave out big_fee to spend the budget on Plan A, or leave out budget');
    // A choice between two options reads alone: not "for big_fee, big_fee or budget".
    expect(d).toContain('**Accepted:** either big_fee or budget, not both: leave out big_fee');
  });

  it('budget with a different micro_count: ephemeral, saying the budget decides Plan B’s count', async () => {
    const reply = await run({ budget: '5000', micro_count: '3' });
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(64);
    const d = reply.embeds[0]!.description!;
    expect(d).toContain('**micro_count**: With a budget, the budget decides how many micro-influencers Plan B has: $5,000 buys 50 micro-influencers at $100, not 3.');
    expect(d).toContain('leave out micro_count to spend the budget on Plan B, or leave out budget');
    expect(d).toContain('**Accepted:** either micro_count or budget, not both: leave out micro_count');
    expect(d).not.toContain('for micro_count, micro_count');
  });

  it('the Kardashian preset with big_followers: why, then what to do, each said once', async () => {
    const d = await inputError({ preset: 'kardashian', big_followers: '10k' });
    expect(d).toBe(
      '**big_followers**: The Kardashian preset is one observed tweet, to 15,000,000 followers: other followers would make it another account.\n\n' +
        '**Accepted:** either big_followers or the Kardashian preset, not both: leave out big_followers to keep the observed tweet, or leave out the preset to compare another big influencer.',
    );
    expect(d.match(/leave out the preset/g)).toHaveLength(1);
  });

  it('agreeing values are no conflict, and the observed tweet keeps a big_fee whatever the budget', async () => {
    const same = await run({ budget: '5000', big_fee: '5000', micro_count: '50' });
    expect(same.inputError).toBeUndefined();
    expect(same.embeds[0]!.description).toContain('Plan A spends $5,000 on one influencer with 500,000 followers');
    expect((await run({ preset: 'kardashian', budget: '5000', big_fee: '10k' })).inputError).toBeUndefined();
  });
});

describe('a budget cannot buy micro-influencers at $0', () => {
  it('budget with micro_fee:0 is an input error naming micro_fee and the range it accepts', async () => {
    const reply = await run({ budget: '5000', micro_fee: '0' });
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(64);
    const d = reply.embeds[0]!.description!;
    expect(d).toMatch(/^\*\*micro_fee\*\*: /);
    expect(d).toContain('**Accepted:** for micro_fee, with a budget, an amount in US dollars from $0.01 to the budget ($5,000)');
  });

  it('without a budget, a $0 fee is free micros (gifted product): Plan B costs $0; Plan A’s big_fee:0 alike', async () => {
    const free = await run({ micro_fee: '0' });
    expect(free.inputError).toBeUndefined();
    expect(shownText(free)).toContain('Cost: **$0**');
    expect((await run({ big_fee: '0' })).inputError).toBeUndefined();
    // With a budget, big_fee is the budget: any other, $0 too, is refused.
    expect((await run({ budget: '5000', big_fee: '0' })).embeds[0]!.description).toMatch(/^\*\*big_fee\*\*: /);
  });
});

describe('every input error states the range actually accepted', () => {
  const accepted = async (options: Record<string, string>) => {
    const reply = await run(options);
    expect(reply.inputError, JSON.stringify(options)).toBe(true);
    return reply.embeds[0]!.description!.split('**Accepted:** ')[1]!;
  };
  const works = async (options: Record<string, string>) => expect((await run(options)).inputError, JSON.stringify(options)).toBeUndefined();

  it('budget, by default: from one micro fee ($100) to the $100M that buys Plan A’s followers, in every budget error', async () => {
    const range = 'for budget, an amount in US dollars from $100 (one micro-influencer’s fee) to $100M (the most that buys Plan A’s followers at a cent each; give big_followers for more)';
    for (const budget of ['abc', '-5', '50', '99.99', '$500M', '100000000.01', '0']) expect(await accepted({ budget })).toContain(range);
    await works({ budget: '100' });
    await works({ budget: '100M' });
  });

  it('budget with other options: the range moves with the micro fee and with big_followers', async () => {
    expect(await accepted({ budget: 'abc', micro_fee: '50', big_followers: '1M' })).toContain('from $50 (one micro-influencer’s fee) to $1T:');
    expect(await accepted({ budget: '49.99', micro_fee: '50', big_followers: '1M' })).toContain('from $50 (one micro-influencer’s fee) to $1T:');
    await works({ budget: '50', micro_fee: '50', big_followers: '1M' });
    await works({ budget: '1T', micro_fee: '50', big_followers: '1M' });
    // The micro fee by the cent-per-follower rule: 2,500 followers cost $25.
    expect(await accepted({ budget: 'abc', micro_followers: '2500' })).toContain('from $25 (one micro-influencer’s fee)');
    await works({ budget: '25', micro_followers: '2500' });
  });

  it('micro_fee: $0.01 up to the budget with one, $0 to $1T without', async () => {
    const withBudget = 'for micro_fee, with a budget, an amount in US dollars from $0.01 to the budget ($5,000)';
    expect(await accepted({ budget: '5000', micro_fee: 'abc' })).toContain(withBudget);
    expect(await accepted({ budget: '5000', micro_fee: '-1' })).toContain(withBudget);
    await works({ budget: '5000', micro_fee: '0.01' });
    await works({ budget: '5000', micro_fee: '5000' });
    expect((await run({ budget: '5000', micro_fee: '5000.01' })).inputError).toBe(true);
    // The limit written as the budget's is ($100M): a trillion dollars as $1T.
    expect(await accepted({ micro_fee: 'abc' })).toContain('for micro_fee, an amount in US dollars from $0 to $1T:');
    await works({ micro_fee: '0' });
    await works({ micro_fee: '1,000,000,000,000', micro_count: '1000000' });
  });

  it('big_fee and micro_count with a budget: the same answer as when they clash with it', async () => {
    const bigFee = await accepted({ budget: '5000', big_fee: '1000' });
    expect(await accepted({ budget: '5000', big_fee: 'abc' })).toBe(bigFee);
    expect(bigFee).toMatch(/^either big_fee or budget, not both/);
    const count = await accepted({ budget: '5000', micro_count: '7' });
    expect(await accepted({ budget: '5000', micro_count: 'abc' })).toBe(count);
    expect(count).toMatch(/^either micro_count or budget, not both/);
  });

  it('the other counts and amounts: both ends of the stated range are accepted', async () => {
    expect(await accepted({ big_followers: 'abc' })).toContain('a follower count from 1 to 10,000,000,000');
    await works({ big_followers: '1' });
    await works({ big_followers: '10,000,000,000' });
    // Plan B's followers in all stay within the 10,000,000,000 Tierbot models: its 10 by default, 1,000,000,000 each.
    expect(await accepted({ micro_followers: 'abc' })).toContain('with 10 micro-influencers, a follower count from 1 to 1,000,000,000 each');
    await works({ micro_followers: '1' });
    await works({ micro_followers: '1,000,000,000' });
    await works({ micro_followers: '10,000,000,000', micro_count: '1' });
    expect(await accepted({ micro_count: 'abc' })).toContain('a whole number of influencers from 1 to 1,000,000');
    await works({ micro_count: '1' });
    await works({ micro_count: '1,000,000' });
    for (const option of ['order_value', 'big_fee']) {
      expect(await accepted({ [option]: 'abc' })).toContain(`for ${option}, an amount in US dollars from $0 to $1T:`);
      await works({ [option]: '0' });
      await works({ [option]: '1,000,000,000,000' });
    }
  });
});

describe('input errors keep the digits that make a value differ from its limit', () => {
  it('a micro fee with cents: the smallest useful budget and the accepted range keep them', async () => {
    const message = await inputError({ budget: '5000', micro_fee: '5000.01' });
    expect(message).toContain('the smallest useful budget is $5,000.01');
    expect(message).toContain('from $5,000.01 (one micro-influencer’s fee)');
    expect(message).not.toMatch(/budget is \$5,000\.(?!\d)/);
  });

  it('a percentage just over 100 is shown as typed', async () => {
    expect(await inputError({ overlap: '100.01' })).toContain('100.01% is more than the 100% allowed');
    expect(await inputError({ conversion: '100.000001' })).toContain('100.000001%');
  });

  it('a budget just over $100M: the most is $100M, said plainly, with the amount as typed', async () => {
    const message = await inputError({ budget: '100000000.01' });
    expect(message).toContain('$100,000,000.01');
    expect(message).toContain('the most is $100M');
    expect(message).not.toContain('$100M buys');
  });
});

describe('an amount under half a cent: the error agrees with the accepted range', () => {
  it('big_fee, micro_fee and order_value accept $0: “give $0 or at least $0.01”, and $0 works', async () => {
    for (const option of ['big_fee', 'micro_fee', 'order_value']) {
      const message = await inputError({ [option]: '0.004' });
      expect(message, option).toContain('Give $0 or at least $0.01.');
      expect(message, option).toContain('from $0');
      expect((await run({ [option]: '0' })).inputError, option).toBeUndefined();
    }
  });

  it('a budget, and a micro fee with a budget, refuse $0: “at least $0.01” alone', async () => {
    for (const options of [{ budget: '0.004' }, { budget: '5000', micro_fee: '0.004' }] as Record<string, string>[]) {
      const message = await inputError(options);
      expect(message, JSON.stringify(options)).toContain('Give at least $0.01.');
      expect(message, JSON.stringify(options)).not.toContain('$0 or');
    }
  });
});

describe('range edges', () => {
  it('a budget below one micro fee: the examples offered are all accepted amounts', async () => {
    const message = await inputError({ budget: '50' });
    expect(message).toContain('from $100 (one micro-influencer’s fee)');
    expect(message).not.toContain('`0.50`');
    expect(message).toContain('`5000`');
  });

  it('more followers in all than Tierbot models is refused, with the range that works', async () => {
    // 999,999 × 1,234,567 = 1.23 trillion followers; 10,000,000,000 ÷ 1,234,567 = 8,100.
    const message = await inputError({ micro_count: '999,999', micro_followers: '1,234,567' });
    expect(message).toContain('**micro_count**');
    expect(message).toContain('1,234,565,765,433 followers in all');
    expect(message).toContain('with 1,234,567 followers each, a whole number of influencers from 1 to 8,100');
    const single = await inputError({ micro_followers: '2B' });
    expect(single).toContain('**micro_followers**');
    expect(single).toContain('with 10 micro-influencers, a follower count from 1 to 1,000,000,000 each');
  });

  it('a budget that buys micro-influencers at a few cents stops at the followers Tierbot models, and says so', async () => {
    // $1M at $1 each would buy 1,000,000 micros of 1,000,000 followers: a trillion. 10,000 of them make 10 billion.
    const reply = await run({ budget: '1M', big_followers: '1M', micro_followers: '1M', micro_fee: '1' });
    expect(reply.inputError).toBeUndefined();
    expect(reply.embeds[0]!.description).toContain('Plan B spends $10,000 on 10,000 micro-influencers at $1 (capped at 10,000, the most Tierbot models');
  });

  it('a number of influencers: the examples offered are only counts it accepts', async () => {
    // 1,000,000,000 followers each leave room for 10 micro-influencers: `30` and `1.5k` would be refused.
    const ten = await inputError({ micro_count: '1000000', micro_followers: '1B' });
    expect(ten).toContain('with 1,000,000,000 followers each, a whole number of influencers from 1 to 10: `10`.');
    // Under 10 none fits: the range alone.
    expect(await inputError({ micro_count: '1000000', micro_followers: '1.5B' })).toContain('with 1,500,000,000 followers each, a whole number of influencers from 1 to 6.');
    expect(await inputError({ micro_count: '0' })).toContain('a whole number of influencers from 1 to 1,000,000: `10`, `30`, `1.5k`.');
  });

  it('a budget a dollar over the limit says how many followers it would buy, every digit', async () => {
    expect(await inputError({ budget: '100000001' })).toContain('it would buy one influencer with 10,000,000,100 followers, more than the 10,000,000,000 Tierbot models');
  });
});

describe('the number of influencers', () => {
  it('micro_count errors talk about the number of influencers, never followers', async () => {
    for (const [typed, says] of [
      ['2.5', 'The number of influencers is a whole number; “2.5” is not.'],
      ['-3', 'The number of influencers cannot be negative.'],
      ['lots', 'That is not a number of influencers I can read.'],
      ['1e3', 'A number with an exponent (such as 1e3) is not a number of influencers I can read: write it out, such as 1,000.'],
    ]) {
      const reply = await run({ micro_count: typed! });
      expect(reply.inputError).toBe(true);
      expect(reply.embeds[0]!.description).toContain(says);
      expect(reply.embeds[0]!.description!.split('**Accepted:**')[0]).not.toMatch(/follower/);
    }
  });
});

describe('typed text never finds Object.prototype’s members', () => {
  const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

  it('preset and platform: an ephemeral input error naming the option, never a crash or a silent default', async () => {
    for (const option of ['preset', 'platform']) {
      for (const value of HOSTILE) {
        const reply = await run({ [option]: value });
        expect(reply.inputError, `${option}:${value}`).toBe(true);
        expect(reply.flags).toBe(64);
        expect(description(reply), `${option}:${value}`).toContain(`is not a ${option} I know`);
        const parsed = parseCompareInput({ [option]: value });
        expect(parsed.ok, `${option}:${value}`).toBe(false);
      }
    }
  });

  it('every other option: an input error, never a crash', async () => {
    for (const option of OPTION_NAMES) {
      for (const value of HOSTILE) {
        const reply = await run({ [option]: value });
        expect(reply.inputError, `${option}:${value}`).toBe(true);
      }
    }
  });

  it('as saved plan names: saved and loaded like any other name', async () => {
    const store = memoryStore();
    for (const name of HOSTILE) {
      const saved = await run({ micro_count: '7', save: name }, guild(store));
      expect(saved.inputError, name).toBeFalsy();
      const loaded = await run({ plan: name }, guild(store));
      expect(loaded.inputError, name).toBeFalsy();
      expect(field(loaded, 'Plan B').name).toContain('7 × 10,000');
    }
  });
});
