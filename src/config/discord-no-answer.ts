/**
 * Why a call to Discord at start failed, naming Discord and the address, when it could not be
 * reached (a refused connection, an unknown host) or accepted the connection but never answered:
 * @discordjs/rest then gives up with a bare AbortError ("This operation was aborted") after its
 * timeout and retries, or the bare network error, neither of which names Discord.
 */

/** Node's codes for a connection that could not be made at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

export function discordNoAnswer(err: unknown, apiUrl: string | undefined, waitedMs: number): string | undefined {
  const where = apiUrl ? `DISCORD_API_URL ${apiUrl}` : 'https://discord.com/api';
  const e = err as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  if (e?.name === 'AbortError') return `Discord (${where}) did not answer within ${Math.round(waitedMs / 1000)} s`;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  if (code && UNREACHABLE.has(code)) return `Discord (${where}) could not be reached (${code}): check the address and the network`;
  return undefined;
}
