/**
 * Keeps V8's young generation from growing while the bot logs in.
 *
 * The young generation (two semi-spaces) doubles, up to 16 MB each, whenever many objects survive
 * a scavenge. While the bot digests its guilds' GUILD_CREATEs at login, what survives is cache
 * entries on their way to the old generation, so a larger nursery buys nothing there; but once
 * grown, its pages stay resident while the bot sits idle: about 16 MB of idle RSS with 500 guilds
 * (`npm run bench`). After `ready`, V8's own policy applies again, so bursts of interactions get
 * the nursery they need.
 *
 * Why a flag set at run time rather than `--max-semi-space-size` on the command line: any V8 flag
 * given at start changes V8's flag hash, so Node rejects the code cache of its built-in modules and
 * compiles them from source, about 75 ms more start-up (CPU profiles of both, 2 cores). Set here,
 * after the modules are loaded, it costs nothing. V8 reads this flag each time it would grow.
 */

import { setFlagsFromString } from 'node:v8';

/** V8's default: each growth doubles the semi-spaces. */
const V8_DEFAULT_GROWTH_FACTOR = 2;

/** Stops the young generation's growth; call the function it returns to restore V8's default. */
export function holdYoungGeneration(): () => void {
  setFlagsFromString('--semi-space-growth-factor=1');
  return () => setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
}
