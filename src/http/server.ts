/**
 * The HTTP way in (`npm run start:http`): Discord POSTs each interaction to /interactions, signed
 * with Ed25519; the first answer goes back in the HTTP response, edits and follow-ups to the
 * interaction's webhook. No gateway connection and no cache: any number of these processes can
 * run behind a load balancer, sharing one database.
 *
 * fastify rather than node:http: body limits (413), content-type parsing, graceful close of
 * keep-alive connections and request logging are what a well-kept framework already gets right.
 */

import Fastify, { type FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { InteractionResponseType, InteractionType, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import type { KeyObject } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import type { InteractionCore } from '../interactions/core';
import type { Metrics } from '../interactions/metrics';
import { webhookResponder } from '../interactions/responder';
import type { Logger } from '../config/logger';
import { isSignedByDiscord } from './verify';

/** Discord's interactions are small; anything larger is not from Discord. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export interface HttpOptions {
  core: InteractionCore;
  publicKey: KeyObject;
  rest: REST;
  logger: Logger;
  metrics: Metrics;
  /** Resolves when the database answers and migrations are done. */
  ready: () => Promise<void>;
}

export interface HttpApp {
  app: FastifyInstance;
  /** Stops taking new connections (readyz fails from now), answers what is in flight, then resolves. */
  drain(graceMs?: number): Promise<void>;
}

function isInteraction(value: unknown): value is APIInteraction {
  const v = value as (Partial<APIInteraction> & { data?: unknown }) | null;
  if (typeof v !== 'object' || v === null || typeof v.type !== 'number') return false;
  // A PING is answered from its type alone; every other interaction is answered through its id and token, with its data.
  if (v.type === InteractionType.Ping) return true;
  return typeof v.id === 'string' && typeof v.token === 'string' && typeof v.data === 'object' && v.data !== null;
}

/** What Tierbot answers: PING, commands (slash and message), buttons and menus, autocomplete. It opens no modals. */
const ANSWERED_TYPES: ReadonlySet<number> = new Set([
  InteractionType.Ping,
  InteractionType.ApplicationCommand,
  InteractionType.MessageComponent,
  InteractionType.ApplicationCommandAutocomplete,
]);

/**
 * Accepts the connections the kernel has already queued for this listener: closing it resets
 * them, and a load balancer has usually sent their requests already, which it then must not
 * resend. Node accepts one queued connection per turn of the event loop, so turns go on until one
 * accepts none, or for `limitMs` should connections keep coming faster than they are answered.
 */
async function acceptQueued(server: NetServer, limitMs: number): Promise<void> {
  let accepted = true;
  const onConnection = () => (accepted = true);
  server.on('connection', onConnection);
  const until = Date.now() + limitMs;
  // Called from a signal handler, the first turn ends before the listener is polled again.
  await nextTurn();
  while (accepted && Date.now() < until) {
    accepted = false;
    await nextTurn();
  }
  server.off('connection', onConnection);
}

export function createHttpApp({ core, publicKey, rest, logger, metrics, ready }: HttpOptions): HttpApp {
  // A request a load balancer has already sent is finished, not refused with 503, while draining.
  const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: false, return503OnClosing: false });
  let draining = false;
  const background = new Set<Promise<void>>();

  // The signature covers the exact bytes, whatever Content-Type says: every body is kept raw (no
  // built-in parser, text/plain's included, may read it first) and parsed only after verifying.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/interactions', async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = request.headers['x-signature-ed25519'];
    const timestamp = request.headers['x-signature-timestamp'];
    if (!isSignedByDiscord(publicKey, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, raw)) {
      return reply.code(401).send({ error: 'invalid request signature' });
    }
    let interaction: unknown;
    try {
      interaction = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply.code(400).send({ error: 'malformed JSON' });
    }
    // Signed, so from Discord: worth a line and a count for operators, unlike the unsigned noise above.
    if (!isInteraction(interaction)) {
      logger.warn('a signed request that is not an interaction: refused with 400');
      metrics.interactions.inc({ command: 'unknown', outcome: 'refused' });
      return reply.code(400).send({ error: 'not an interaction' });
    }
    if (!ANSWERED_TYPES.has(interaction.type)) {
      logger.warn({ type: interaction.type }, 'an interaction type Tierbot does not answer: refused with 400');
      metrics.interactions.inc({ command: 'unknown', outcome: 'refused' });
      return reply.code(400).send({ error: 'an interaction type Tierbot does not answer' });
    }
    if (interaction.type === InteractionType.Ping) return reply.send({ type: InteractionResponseType.Pong });

    // The core's first response becomes this HTTP response; it may go on afterwards (an edit).
    const first = await new Promise<APIInteractionResponse | undefined>((resolve) => {
      const webhooks = webhookResponder(rest, { id: interaction.id, token: interaction.token, applicationId: interaction.application_id });
      const handling: Promise<void> = core
        .handle(interaction, { respond: async (response) => resolve(response), ...webhooks })
        .then(() => undefined)
        .finally(() => {
          background.delete(handling);
          resolve(undefined);
        });
      background.add(handling);
    });
    if (!first) return reply.code(500).send({ error: 'no answer' });
    return reply.send(first);
  });

  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url: '/interactions',
    handler: async (_request, reply) => reply.code(405).header('allow', 'POST').send({ error: 'Discord POSTs interactions here' }),
  });

  // Requests under way per connection, so that draining closes only connections that sit idle.
  const sockets = new Map<Socket, number>();
  app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    if (!sockets.has(socket)) socket.once('close', () => sockets.delete(socket));
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    res.once('close', () => sockets.has(socket) && sockets.set(socket, sockets.get(socket)! - 1));
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (draining) return reply.code(503).send({ status: 'draining' });
    try {
      await ready();
      return { status: 'ready' };
    } catch (err) {
      logger.warn({ err }, 'not ready: the database does not answer');
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return {
    app,
    async drain(graceMs = 8000) {
      draining = true;
      await acceptQueued(app.server, graceMs / 2);
      // Stop listening, but not as http.Server#close does: it also closes connections whose first
      // request is not read yet, and a load balancer that has just connected has usually sent it
      // already; a reset then is a request it must not resend (it may have reached us). Only
      // connections that have been answered and sit idle are closed.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(app.server, () => resolve()));
      const sweep = setInterval(() => {
        for (const [socket, active] of sockets) if (active === 0) socket.destroy();
      }, 50);
      await Promise.race([closed, sleep(graceMs, undefined, { ref: false })]);
      clearInterval(sweep);
      await app.close();
      const deadline = Date.now() + graceMs;
      while (background.size > 0 && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...background]), sleep(Math.max(0, deadline - Date.now()), undefined, { ref: false })]);
      }
      if (background.size > 0) logger.warn({ unanswered: background.size }, 'stopped with interactions still in flight');
    },
  };
}
