/**
 * The benchmark's Tierbot: exactly the production entry (src/bot.ts), started as a child process
 * by bench/run.ts with DISCORD_TOKEN and DISCORD_API_URL pointing at the parent's stand-in. Nothing
 * is tuned or skipped for the benchmark: config validation, logger, router and caches are the ones
 * `npm start` uses. It is ready when it logs `"msg":"ready"` (pino, standard error).
 *
 * The guard below only keeps a benchmark from ever talking to real Discord with a real token.
 */

const api = process.env.DISCORD_API_URL ?? '';
if (!process.env.DISCORD_TOKEN || !/^http:\/\/127\.0\.0\.1:\d+\/api$/.test(api)) {
  console.error('tierbot-bot is a benchmark entry: it needs DISCORD_TOKEN and a loopback DISCORD_API_URL (http://127.0.0.1:PORT/api).');
  process.exit(1);
}

await import('../src/bot');

export {};
