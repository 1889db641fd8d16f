/**
 * V8 flags every bot process runs with: `npm start` (in package.json's script), each shard of
 * `npm run start:sharded`, and the benchmark's Tierbot.
 *
 * --max-semi-space-size=4: V8's young generation may grow to two 16 MB semi-spaces, and does
 * while the bot digests its guilds' GUILD_CREATEs at login; the pages then stay resident. A
 * slash-command bot allocates little per interaction: with 500 guilds (`npm run bench`), idle RSS
 * fell from about 150 MB to 128 MB at 4 MB, with no measurable cost in latency. The price is
 * about 40 ms more garbage collection before `ready` (115–145 ms against 75–100 ms). 2 MB saved a
 * few MB more but cost bursts about 10% more CPU per interaction.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
