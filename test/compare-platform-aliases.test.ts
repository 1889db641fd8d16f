/**
 * /compare's platform option reads platform names from KNOWN_PLATFORMS, the one table Tierbot
 * names platforms by (chat, rosters): every name it gives a platform /compare has figures for is
 * accepted as that platform, and a platform it knows without figures is refused by its name.
 * Checked through the command, as a user gets it.
 */

import { describe, expect, it } from 'vitest';
import { PLATFORM_LABEL, PLATFORMS } from '../src/domain/benchmarks';
import { KNOWN_PLATFORMS } from '../src/domain/platforms';
import { runCompare as run, description, shownText } from './support/compare';

const comparePlatformNames = new Set<string>(PLATFORMS.map((p) => PLATFORM_LABEL[p]));

describe('/compare platform names are KNOWN_PLATFORMS’ names', () => {
  it('every /compare platform is in KNOWN_PLATFORMS', () => {
    expect(PLATFORMS.filter((p) => !KNOWN_PLATFORMS.some((k) => k.name === PLATFORM_LABEL[p]))).toEqual([]);
  });

  it.each(PLATFORMS)('every KNOWN_PLATFORMS alias of %s, in any case, its words apart by spaces, hyphens or underscores, gives the same comparison as its own name', async (platform) => {
    const expected = shownText(await run({ platform }));
    const aliases = KNOWN_PLATFORMS.find((k) => k.name === PLATFORM_LABEL[platform])!.aliases;
    for (const alias of aliases) {
      for (const typed of [alias, alias.toUpperCase(), ` ${alias} `, alias.replaceAll(' ', '_'), alias.replaceAll(' ', '-')]) {
        const reply = await run({ platform: typed });
        expect(reply.inputError, `platform:${typed}`).toBeUndefined();
        expect(shownText(reply), `platform:${typed}`).toBe(expected);
      }
    }
  });

  it('a platform Tierbot knows but has no figures for is refused by its name, with the platforms accepted', async () => {
    const others = KNOWN_PLATFORMS.filter((k) => !comparePlatformNames.has(k.name));
    expect(others.map((k) => k.name)).toContain('Facebook');
    for (const known of others) {
      for (const alias of known.aliases) {
        const reply = await run({ platform: alias });
        expect(reply.inputError, `platform:${alias}`).toBe(true);
        const d = description(reply);
        expect(d, `platform:${alias}`).toContain(`/compare has no figures for ${known.name}.`);
        expect(d).toContain('`instagram`, `tiktok`, `youtube`');
      }
    }
  });

  it('a name that is no platform Tierbot knows is refused as one it does not know', async () => {
    const reply = await run({ platform: 'myspace' });
    expect(reply.inputError).toBe(true);
    expect(description(reply)).toContain('“myspace” is not a platform I know.');
  });
});
