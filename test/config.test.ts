import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789';

describe('configuration', () => {
  it('accepts an empty environment: no token means the playground', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        token: undefined,
        clientId: undefined,
        guildId: undefined,
        apiUrl: undefined,
        publicKey: undefined,
        port: 8080,
        host: '0.0.0.0',
        databaseUrl: './data/tierbot.sqlite',
        metricsPort: undefined,
        logLevel: 'info',
      },
    });
  });

  it('treats empty values from a copied .env.example as unset', () => {
    const r = parseConfig({ DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DISCORD_PUBLIC_KEY: '', PORT: '', HOST: '', DATABASE_URL: '', METRICS_PORT: '', LOG_LEVEL: '' });
    expect(r.ok && r.config.token === undefined && r.config.logLevel === 'info' && r.config.port === 8080 && r.config.databaseUrl === './data/tierbot.sqlite').toBe(true);
  });

  it('reads every variable of the contract', () => {
    const r = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '100000000000000001',
      DISCORD_GUILD_ID: '200000000000000001',
      DISCORD_API_URL: 'http://127.0.0.1:3001/api/',
      DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
      PORT: '9000',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://tierbot:secret@db:5432/tierbot',
      METRICS_PORT: '9100',
      LOG_LEVEL: 'debug',
    });
    expect(r).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        clientId: '100000000000000001',
        guildId: '200000000000000001',
        apiUrl: 'http://127.0.0.1:3001/api',
        publicKey: 'ab'.repeat(32),
        port: 9000,
        host: '127.0.0.1',
        databaseUrl: 'postgres://tierbot:secret@db:5432/tierbot',
        metricsPort: 9100,
        logLevel: 'debug',
      },
    });
  });

  it.each([
    [{ DISCORD_CLIENT_ID: 'abc' }, /DISCORD_CLIENT_ID/],
    [{ DISCORD_GUILD_ID: '12' }, /DISCORD_GUILD_ID/],
    [{ DISCORD_API_URL: 'not a url' }, /DISCORD_API_URL/],
    [{ DISCORD_API_URL: 'ftp://127.0.0.1/api' }, /DISCORD_API_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DISCORD_TOKEN: 'short' }, /DISCORD_TOKEN/],
    [{ DISCORD_PUBLIC_KEY: 'not-hex' }, /DISCORD_PUBLIC_KEY/],
    [{ PORT: '70000' }, /PORT/],
    [{ METRICS_PORT: 'x' }, /METRICS_PORT/],
    [{ DATABASE_URL: 'mysql://root@db/tierbot' }, /DATABASE_URL/],
  ])('rejects %j with a one-line reason', (env, expected) => {
    const r = parseConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(expected);
      expect(r.reason).not.toContain('\n');
    }
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ PORT: 'abc' }, 'PORT must be a port number from 1 to 65535'],
    [{ PORT: '8080.5' }, 'PORT must be a port number from 1 to 65535'],
    [{ DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL must be an http(s) URL such as http://127.0.0.1:3001/api'],
    [{ HOST: 'no such host' }, 'HOST must be an IP address to listen on, such as 0.0.0.0 (every interface) or 127.0.0.1, or a host name'],
    [{ HOST: 'http://127.0.0.1' }, 'HOST must be an IP address to listen on, such as 0.0.0.0 (every interface) or 127.0.0.1, or a host name'],
    [{ DATABASE_URL: 'postgres:u:SECRETPW@127.0.0.1/db' }, 'DATABASE_URL must be a file path, a file: URL, or a postgres://user:password@host:5432/db URL'],
    [{ DATABASE_URL: 'postgres://u:SECRETPW@[bad/db' }, 'DATABASE_URL must be a file path, a file: URL, or a postgres://user:password@host:5432/db URL'],
    [{ DATABASE_URL: 'postgresql://u:SECRETPW@127.0.0.1:notaport/db' }, 'DATABASE_URL must be a file path, a file: URL, or a postgres://user:password@host:5432/db URL'],
    [{ DATABASE_URL: 'postgresql://u:SECRETPW@127.0.0.1:99999/db' }, 'DATABASE_URL must be a file path, a file: URL, or a postgres://user:password@host:5432/db URL'],
    [{ DATABASE_URL: 'postgres://tierbot:12345/abcSECRET@127.0.0.1:5432/tierbot' }, 'DATABASE_URL must have any / # ? or @ in its password percent-encoded (%2F, %23, %3F, %40)'],
    [{ DATABASE_URL: 'postgres://tierbot:12?SECRET@127.0.0.1:5432/tierbot' }, 'DATABASE_URL must have any / # ? or @ in its password percent-encoded (%2F, %23, %3F, %40)'],
    [{ DATABASE_URL: 'postgres://tierbot:12#SECRET@127.0.0.1:5432/tierbot' }, 'DATABASE_URL must have any / # ? or @ in its password percent-encoded (%2F, %23, %3F, %40)'],
    // A password that does not start with digits: the host part would not parse as host:port either.
    [{ DATABASE_URL: 'postgres://tierbot:pa/ssSECRET@127.0.0.1:5432/tierbot' }, 'DATABASE_URL must have any / # ? or @ in its password percent-encoded (%2F, %23, %3F, %40)'],
    [{ DATABASE_URL: 'postgres://tierbot:pa#ssSECRET@127.0.0.1:5432/tierbot' }, 'DATABASE_URL must have any / # ? or @ in its password percent-encoded (%2F, %23, %3F, %40)'],
    [{ DATABASE_URL: 'postgres://tierbot:pa?ssSECRET@127.0.0.1:5432/tierbot' }, 'DATABASE_URL must have any / # ? or @ in its password percent-encoded (%2F, %23, %3F, %40)'],
  ])('says %j is wrong once, in plain words, without its value', (env, reason) => {
    expect(parseConfig(env)).toEqual({ ok: false, reason: `Invalid configuration: ${reason}` });
  });

  it.each(['0.0.0.0', '127.0.0.1', '::', '::1', 'localhost', 'tierbot-http-1', 'api.internal.example'])('accepts HOST %s', (host) => {
    expect(parseConfig({ HOST: host })).toMatchObject({ ok: true, config: { host } });
  });

  it.each(['./data/tierbot.sqlite', '/var/lib/tierbot/db.sqlite', 'file:./data/t.sqlite', 'postgres://tierbot:pw@127.0.0.1:5432/tierbot', 'postgresql://db.internal/tierbot', 'postgres://tierbot:a%2Fb%40c@127.0.0.1:5432/tierbot'])(
    'accepts DATABASE_URL %s',
    (url) => {
      expect(parseConfig({ DATABASE_URL: url })).toMatchObject({ ok: true, config: { databaseUrl: url } });
    },
  );

  it('never echoes a value in its reason: neither the token nor a database password', () => {
    const r = parseConfig({ DISCORD_TOKEN: `${TOKEN} with spaces`, DATABASE_URL: 'mysql://root:hunter2@db/tierbot' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).not.toContain(TOKEN);
      expect(r.reason).not.toContain('hunter2');
    }
  });
});
