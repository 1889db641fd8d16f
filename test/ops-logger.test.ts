/**
 * The logger's safety net: whatever error reaches it, an interaction's token (in a webhook or
 * callback URL) and the body of the request that failed (a user's answer, a file's bytes) are
 * never written.
 */

import { DiscordAPIError, HTTPError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger';
import { DiscordRefusal } from '../src/interactions/responder';

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';
const WEBHOOK_URL = `https://discord.com/api/v10/webhooks/100000000000000001/${TOKEN}/messages/%40original`;
const REQUEST = { body: { embeds: [{ title: 'Team secret tier names' }] }, files: [{ name: 'chart.png', data: Buffer.alloc(50_000, 7) }] };

function logged() {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines };
}

describe('the logger', () => {
  it('writes a REST client error without the interaction token or the request it sent', () => {
    const { log, lines } = logged();
    log.error({ err: new HTTPError(500, 'Internal Server Error', 'PATCH', WEBHOOK_URL, REQUEST) }, 'edit failed');
    log.error(new DiscordAPIError({ code: 50035, message: 'Invalid Form Body', errors: {} }, 50035, 400, 'POST', WEBHOOK_URL, REQUEST));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('Team secret tier names');
      expect(line).not.toContain('requestBody');
      expect(line.length).toBeLessThan(3000);
      expect(line).toContain('/webhooks/100000000000000001/[redacted]/messages/%40original');
    }
    // What an operator needs stays: the status, and Discord's own error body.
    expect(JSON.parse(lines[0]!).err).toMatchObject({ status: 500, method: 'PATCH' });
    expect(JSON.parse(lines[1]!).err).toMatchObject({ status: 400, code: 50035, rawError: { message: 'Invalid Form Body' } });
  });

  it('hides a token in a callback URL in any field or message, and keeps routes already without one', () => {
    const { log, lines } = logged();
    log.warn({ url: `https://discord.com/api/v10/interactions/200000000000000001/${TOKEN}/callback` }, `POST /webhooks/1/${TOKEN} failed`);
    log.warn({ route: '/webhooks/100000000000000001/:token/messages/@original' }, 'kept');
    expect(lines[0]).not.toContain(TOKEN);
    expect(JSON.parse(lines[0]!)).toMatchObject({ url: 'https://discord.com/api/v10/interactions/200000000000000001/[redacted]/callback', msg: 'POST /webhooks/1/[redacted] failed' });
    expect(JSON.parse(lines[1]!).route).toBe('/webhooks/100000000000000001/:token/messages/@original');
  });

  it('keeps the whole per-field errors of a refusal, down to the code and message of each field, with no token or reply text', () => {
    // What Discord answers when one embed's description is too long: the field's path is the nesting.
    const invalidFormBody = {
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        data: {
          embeds: {
            0: {
              description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] },
              fields: { 2: { value: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } } },
            },
          },
          components: { 0: { components: { 1: { options: { 3: { label: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] } } } } } } },
        },
      },
    };
    const { log, lines } = logged();
    const refusal = new DiscordRefusal({ request: 'interaction callback', method: 'POST', route: '/interactions/200000000000000001/:token/callback' }, 400, 50035, invalidFormBody);
    log.error({ err: refusal, errorId: 'e1' }, '/tier failed');
    log.error(new DiscordAPIError(invalidFormBody, 50035, 400, 'PATCH', WEBHOOK_URL, REQUEST));
    expect(JSON.parse(lines[0]!).err).toMatchObject({ status: 400, code: 50035, route: '/interactions/200000000000000001/:token/callback', body: invalidFormBody });
    expect(JSON.parse(lines[1]!).err).toMatchObject({ status: 400, rawError: invalidFormBody });
    expect(lines[1]).not.toContain(TOKEN);
    expect(lines[1]).not.toContain('Team secret tier names');
  });
});
