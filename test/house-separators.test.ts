/**
 * /house set reads where one tier ends and the next begins as the team meant it: a comma left out
 * is refused with the definition as it should be written (not saved as one tier whose name holds
 * other tiers' ranges), a decimal comma inside a count reads as /tier reads it, a refusal never
 * quotes a piece of a number cut at its comma, and a tier covering every count says so.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { shortCount } from '../src/domain/followers';
import { HOUSE_EXAMPLE, parseHouseDefinition } from '../src/domain/house';
import { parseFollowerCount } from '../src/domain/followers';
import { memoryStore } from './support/context';
import { description, managerContext, reasonOf, run, tiersOf } from './support/house';

const G = '200000000000000063';

const problem = (reply: Reply) => description(reply).split('\n\n')[0]!;

describe('/house set: a comma left out between tiers', () => {
  it('is refused, naming the range in the name and showing the definition with its commas; the saved one stays', async () => {
    const store = memoryStore();
    const ctx = managerContext(G, store);
    await run(house, { subcommand: 'set', tiers: HOUSE_EXAMPLE }, ctx);

    const reply = await run(house, { subcommand: 'set', tiers: 'nano 1k-10k / micro 10k-75k / macro 75k+' }, ctx);
    expect(reply.inputError).toBe(true);
    // The team's text is escaped in the reply ("1k\-10k"); the fix is a code span, as it should be typed.
    expect(problem(reply)).toMatch(/^Tiers need commas between them: "nano 1k\\?-10k \/ micro .*" reads as one tier\. /);
    expect(problem(reply)).toContain('To correct it, paste this into `/house set tiers:` `nano 1k-10k, micro 10k-75k, macro 75k+`.');
    expect((await store.house(G))?.text).toBe(HOUSE_EXAMPLE);
    expect(description(await run(tier, { followers: '30000' }, ctx))).toContain('**Your house definition: micro (10k–75k)**');
  });

  it('is caught however the tiers are written, and not mistaken for a long name', () => {
    expect(reasonOf('a 10k-75k b 75k+')).toContain('"a 10k-75k b 75k+" reads as one tier');
    expect(reasonOf('a 10k-75k b 75k+')).toContain('`a 10k-75k, b 75k+`');
    const four = reasonOf('starter 1k-10k rising 10k-75k established 75k-500k icon 500k+');
    expect(four).not.toContain('longer than');
    expect(four).toContain('`starter 1k-10k, rising 10k-75k, established 75k-500k, icon 500k+`');
    expect(reasonOf('10k-50k small 50k+ big')).toContain('`10k-50k small, 50k+ big`');
    expect(reasonOf('nano up to 10k micro 10k+')).toContain('`nano up to 10k, micro 10k+`');
    expect(reasonOf('nano: 1k-10k micro: 10k-75k')).toContain('`nano: 1k-10k, micro: 10k-75k`');
    expect(reasonOf('a 0-999 b 1000+')).toContain('`a 0-999, b 1000+`');
    // No place for a comma that would read: the plain example instead.
    expect(reasonOf('micro 10k-75k 75k+')).toBe('Tiers need commas between them, as in `nano 1k-10k, micro 10k-75k`: "micro 10k-75k 75k+" reads as one tier.');
  });

  it('with other tiers beside it, gives the tier written as it should be, not as a whole definition to paste', () => {
    const reason = reasonOf('nano 1k-10k micro 10k-50k, mega 50k+');
    expect(reason).toBe('Tiers need commas between them: "nano 1k-10k micro 10k-50k" reads as one tier. Write it as `nano 1k-10k, micro 10k-50k`.');
    expect(reason).not.toContain('paste');
  });

  it('leaves names with a number of their own alone', () => {
    expect(tiersOf('Tier 1 10k-50k, Tier 2 50k+').map((t) => t.name)).toEqual(['Tier 1', 'Tier 2']);
    expect(tiersOf('Top 100 1M+').map((t) => t.name)).toEqual(['Top 100']);
    expect(tiersOf('Tier 1-2 1k-10k, Tier 3 10k+').map((t) => t.name)).toEqual(['Tier 1-2', 'Tier 3']);
    expect(tiersOf('18+ club 1k-10k, Creators over 50 10k+').map((t) => t.name)).toEqual(['18+ club', 'Creators over 50']);
    expect(tiersOf('Class of 2024 1k+').map((t) => t.name)).toEqual(['Class of 2024']);
  });

  it('any ladder written without its commas is refused, with the ladder as it should be written', () => {
    const names = ['starter', 'rising', 'established', 'star', 'icon', 'Tier A', 'whale', 'seedling'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5_000 }), { minLength: 3, maxLength: 6 }),
        fc.constantFrom('-', '–', ' to '),
        fc.constantFrom(' ', ' / ', ' | '),
        fc.boolean(),
        (ks, dash, gap, openTop) => {
          const bounds = [...ks].sort((a, b) => a - b).map((k) => shortCount(k * 1000).replace(/,/g, ''));
          const entries = bounds.slice(0, openTop ? bounds.length : bounds.length - 1).map((from, i) => (i === bounds.length - 1 ? `${names[i]} ${from}+` : `${names[i]} ${from}${dash}${bounds[i + 1]}`));
          const reason = reasonOf(entries.join(gap));
          if (entries.join(gap).length > 100) expect(reason).toContain('separate tiers with commas');
          else expect(reason).toContain(`To correct it, paste this into \`/house set tiers:\` \`${entries.join(', ')}\`.`);
        },
      ),
    );
  });
});

describe('/house set: a comma inside a count', () => {
  it('reads "1,5k" as /tier does, and places /tier’s "1,5k" in the tier that starts there', async () => {
    expect(parseFollowerCount('1,5k')).toEqual({ ok: true, value: 1_500 });
    const store = memoryStore();
    const ctx = managerContext(G, store);
    const saved = await run(house, { subcommand: 'set', tiers: 'small 1k-1,5k, mid 1,5k-10k, big 10k+' }, ctx);
    expect(saved.inputError).toBeUndefined();
    expect(description(saved)).toContain('**mid** (1.5k–10k)');
    expect(description(await run(tier, { followers: '1,5k' }, ctx))).toContain('**Your house definition: mid (1.5k–10k)**');
    expect(tiersOf('a 1,5 k-10k, b 10k+')[0]!.min).toBe(1_500);
  });

  it('keeps the precision written: "1,5k" then "1,6k" meet; "1,5k" then "2k" leave a gap', () => {
    expect(tiersOf('a 1k-1,5k, b 1,6k+')[0]!.max).toBe(1_599);
    expect(reasonOf('a 1k-1,5k, b 2k+')).toContain('1,501–1,999 would be in no tier');
  });

  it('a count it cannot read is quoted whole, as written', () => {
    expect(reasonOf('a 1,5-10, b 10+')).toBe(
      'In "a 1,5-10": "1,5" is not a follower count I can read: a comma before one digit is neither a thousands separator nor a decimal comma (read only before a multiplier, as in 12,5k).',
    );
  });

  it('never quotes a piece of a number cut at its comma', () => {
    const texts = fc
      .array(fc.oneof(fc.constantFrom('a ', 'bb ', 'c: ', 'gap'), fc.stringMatching(/^\d{1,4}(,\d{1,4})?(k|m| k)?$/), fc.constantFrom('-', '+', ', ', ' to ', ' ')), { minLength: 1, maxLength: 12 })
      .map((bits) => bits.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        const r = parseHouseDefinition(text);
        if (r.ok) return;
        for (const part of r.parts) {
          if (part.kind !== 'theirs') continue;
          const quoted = part.text.replace(/…$/, '');
          let at = text.indexOf(quoted);
          expect(at).toBeGreaterThanOrEqual(0);
          for (; at >= 0; at = text.indexOf(quoted, at + 1)) {
            const cutBefore = /^\d/.test(quoted) && /\d,$/.test(text.slice(0, at));
            const cutAfter = /\d$/.test(quoted) && /^,\d/.test(text.slice(at + quoted.length));
            if (!cutBefore && !cutAfter) return;
          }
          throw new Error(`${JSON.stringify(quoted)} is a piece of a number in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('/house set: a tier covering every count', () => {
  it('says it spans every tier, in the reply and the export, and is not called below influencer size', async () => {
    const store = memoryStore();
    const ctx = managerContext(G, store);
    const saved = description(await run(house, { subcommand: 'set', tiers: 'a 0+' }, ctx));
    expect(saved).toContain('**a** (0+) → every tier, from below influencer size to mega · counts 0 and up');
    expect(saved).not.toContain('→ below influencer size');
    const shown = description(await run(house, { subcommand: 'show' }, ctx));
    expect(shown).toContain('→ every tier, from below influencer size to mega');
    expect(description(await run(tier, { followers: '30000' }, ctx))).toContain('**Your house definition: a (0+)**');

    const exported = await run(house, { subcommand: 'export' }, ctx);
    const json = JSON.parse(exported.files![0]!.data.toString('utf8'));
    expect(json.house.tiers).toEqual([{ name: 'a', normal: null, spansEveryTier: true, min: 0, max: null, stated: '0+' }]);
  });

  it('holds for any range from below influencer size into mega; ranges that stop short keep their mapping', () => {
    for (const text of ['everyone 0+', 'all 100+', 'a 0-100M', 'a 1-1B']) {
      expect(tiersOf(text)[0]).toMatchObject({ spansEveryTier: true });
      expect(tiersOf(text)[0]!.notInfluencer).toBeUndefined();
    }
    expect(tiersOf('tiny 0-100, rest 101+').map((t) => [t.notInfluencer ?? false, t.spansEveryTier ?? false])).toEqual([
      [true, false],
      [false, true],
    ]);
    // The tier after one that spans every tier maps by its own range.
    expect(tiersOf('a 0-2M, b 2M+')[1]).toMatchObject({ normal: 'mega' });
    expect(tiersOf('a 0-2M, b 2M+')[1]!.spansEveryTier).toBeUndefined();
    // Still below influencer size throughout, or starting at influencer size: as before.
    expect(tiersOf('tiny 0-1k, small 1k+')[0]).toMatchObject({ notInfluencer: true });
    expect(tiersOf('a 1k+')[0]!.spansEveryTier).toBeUndefined();
    expect(tiersOf('a 0-100k')[0]!.spansEveryTier).toBeUndefined();
    // A name that states a tier keeps it.
    expect(tiersOf('mega 0+')[0]).toMatchObject({ normal: 'mega' });
    expect(tiersOf('mega 0+')[0]!.spansEveryTier).toBeUndefined();
  });
});
