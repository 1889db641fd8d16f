import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789';

describe('configuration', () => {
  it('accepts an empty environment: no token means the playground', () => {
    expect(parseConfig({})).toEqual({ ok: true, config: { token: undefined, clientId: undefined, guildId: undefined, apiUrl: undefined, logLevel: 'info' } });
  });

  it('treats empty values from a copied .env.example as unset', () => {
    const r = parseConfig({ DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', LOG_LEVEL: '' });
    expect(r.ok && r.config.token === undefined && r.config.logLevel === 'info').toBe(true);
  });

  it('reads every variable of the contract', () => {
    const r = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '100000000000000001',
      DISCORD_GUILD_ID: '200000000000000001',
      DISCORD_API_URL: 'http://127.0.0.1:3001/api/',
      LOG_LEVEL: 'debug',
    });
    expect(r).toEqual({
      ok: true,
      config: { token: TOKEN, clientId: '100000000000000001', guildId: '200000000000000001', apiUrl: 'http://127.0.0.1:3001/api', logLevel: 'debug' },
    });
  });

  it.each([
    [{ DISCORD_CLIENT_ID: 'abc' }, /DISCORD_CLIENT_ID/],
    [{ DISCORD_GUILD_ID: '12' }, /DISCORD_GUILD_ID/],
    [{ DISCORD_API_URL: 'not a url' }, /DISCORD_API_URL/],
    [{ DISCORD_API_URL: 'ftp://127.0.0.1/api' }, /DISCORD_API_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DISCORD_TOKEN: 'short' }, /DISCORD_TOKEN/],
  ])('rejects %j with a one-line reason', (env, expected) => {
    const r = parseConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(expected);
      expect(r.reason).not.toContain('\n');
    }
  });

  it('never echoes the token in its reason', () => {
    const r = parseConfig({ DISCORD_TOKEN: `${TOKEN} with spaces` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toContain(TOKEN);
  });
});
