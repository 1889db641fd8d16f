/**
 * V8 flags every bot process runs with: `npm start` (in package.json's script), each shard of
 * `npm run start:sharded`, and the benchmark's Tierbot.
 *
 * --max-semi-space-size=2: V8's young generation may grow to two 16 MB semi-spaces, and does
 * while the bot digests its guilds' GUILD_CREATEs at login; the pages then stay resident. A
 * slash-command bot allocates little per interaction, so 2 MB is plenty: with 500 guilds, idle
 * RSS fell from about 150 to 130 MB with no measurable cost in latency (`npm run bench`).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
