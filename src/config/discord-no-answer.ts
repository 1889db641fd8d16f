/**
 * Why a call to Discord at start failed when Discord accepted the connection but never answered:
 * @discordjs/rest then gives up with a bare AbortError ("This operation was aborted") after its
 * timeout and retries, which names neither Discord nor the address it tried.
 */

export function discordNoAnswer(err: unknown, apiUrl: string | undefined, waitedMs: number): string | undefined {
  if ((err as { name?: unknown } | null)?.name !== 'AbortError') return undefined;
  const where = apiUrl ? `DISCORD_API_URL ${apiUrl}` : 'https://discord.com/api';
  return `Discord (${where}) did not answer within ${Math.round(waitedMs / 1000)} s`;
}
