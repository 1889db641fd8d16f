/**
 * Discord asks every client to name itself, as `DiscordBot ($url, $version)`:
 * https://discord.com/developers/docs/reference#user-agent. What follows says which of Tierbot's
 * processes sent the request (the bot or its chart renderer).
 */
export const userAgent = (sender: 'bot' | 'chart renderer'): string => `DiscordBot (Tierbot, 0.1.0) ${sender}`;
