/**
 * The social platforms Tierbot recognises by name ("IG", "tiktok", "x/twitter") and by link domain,
 * wherever people name them: in chat, in a roster's platform column or count header, and in
 * /compare's platform option, which accepts the aliases of the platforms it has benchmark figures
 * for (benchmarks.ts's PLATFORMS, found here by their PLATFORM_LABEL).
 */

/**
 * Platforms by the names people use for them, in chat and in a roster's platform column. New ones
 * go at the end: the "Summary by platform" button's custom_id names a platform by its place here.
 */
export const KNOWN_PLATFORMS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: 'Instagram', aliases: ['instagram', 'insta', 'ig'] },
  { name: 'TikTok', aliases: ['tiktok', 'tik tok', 'tt'] },
  { name: 'YouTube', aliases: ['youtube', 'you tube', 'yt'] },
  { name: 'X (Twitter)', aliases: ['twitter', 'x', 'x/twitter', 'twitter/x', 'x (twitter)'] },
  { name: 'Twitch', aliases: ['twitch'] },
  { name: 'Facebook', aliases: ['facebook', 'fb'] },
  { name: 'LinkedIn', aliases: ['linkedin', 'linked in'] },
  { name: 'Pinterest', aliases: ['pinterest'] },
  { name: 'Snapchat', aliases: ['snapchat', 'snap'] },
  { name: 'Threads', aliases: ['threads'] },
  { name: 'Bluesky', aliases: ['bluesky', 'bsky'] },
  { name: 'Spotify', aliases: ['spotify'] },
];

/** The KNOWN_PLATFORMS entry named `name`; a name not there throws, since a caller names a platform it expects. */
export function knownPlatform(name: string): (typeof KNOWN_PLATFORMS)[number] {
  const known = KNOWN_PLATFORMS.find((p) => p.name === name);
  if (!known) throw new Error(`No platform named ${name} in KNOWN_PLATFORMS`);
  return known;
}

/** Each alias (lower case) → the platform's name. */
export const PLATFORM_BY_ALIAS = new Map(KNOWN_PLATFORMS.flatMap((p) => p.aliases.map((a) => [a, p.name] as const)));

/**
 * The platform a command option's text names: an alias in any case and width (NFKC), its words apart
 * by spaces, hyphens or underscores ("Tik_Tok", "you-tube"); undefined for text that names none.
 */
export function platformNamedBy(typed: string): string | undefined {
  return PLATFORM_BY_ALIAS.get(typed.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, ' '));
}

/** "IG", "insta", " tiktok " → the platform's name; anything else as written (trimmed). */
export function platformName(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return PLATFORM_BY_ALIAS.get(trimmed.toLowerCase()) ?? trimmed;
}

/** The platform a link's domain belongs to. */
export const PLATFORM_DOMAINS: Readonly<Record<string, string>> = {
  'instagram.com': 'Instagram',
  'tiktok.com': 'TikTok',
  'youtube.com': 'YouTube',
  'youtu.be': 'YouTube',
  'twitter.com': 'X (Twitter)',
  'x.com': 'X (Twitter)',
  'twitch.tv': 'Twitch',
  'facebook.com': 'Facebook',
  'linkedin.com': 'LinkedIn',
  'pinterest.com': 'Pinterest',
  'threads.net': 'Threads',
};
