/** Leading zeros say nothing about an amount's size: "0001" is 1, however many zeros are typed. */
import { describe, expect, it } from 'vitest';
import { parseMoney, parsePercent } from '../src/domain/units';
import { description, runCompare } from './support/compare';

const ZEROS = '0'.repeat(25);

describe('leading zeros do not count towards the digits an amount may have', () => {
  it.each([
    [`${ZEROS}1`, 1],
    [`$${ZEROS}5000`, 5000],
    [`${ZEROS}49.90`, 49.9],
    [`${ZEROS}1.5k`, 1500],
  ])('money: %s is %d', (typed, value) => {
    expect(parseMoney(typed)).toEqual({ ok: true, value });
  });

  it('percentage: 25 zeros then 3 is 3%', () => {
    expect(parsePercent(`${ZEROS}3`, 100)).toEqual({ ok: true, value: 3 });
  });

  it('still refuses a fraction too long to keep exactly, and an amount past the limit', () => {
    expect(parseMoney(`0.${'1'.repeat(21)}`).ok).toBe(false);
    const tooLarge = parseMoney(`${'0'.repeat(20)}${'9'.repeat(16)}`);
    expect(tooLarge.ok).toBe(false);
    if (!tooLarge.ok) expect(tooLarge.reason).toContain('That is more than $1T.');
  });

  it('/compare reads budget:0…05000 as budget:5000', async () => {
    const padded = await runCompare({ budget: `${ZEROS}5000` });
    const plain = await runCompare({ budget: '5000' });
    expect(padded.inputError).toBeFalsy();
    expect(description(padded)).toBe(description(plain));
  });
});
