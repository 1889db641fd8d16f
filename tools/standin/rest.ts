/**
 * The stand-in's REST API under /api/v10: what discord.js calls to log in, answer interactions
 * and register commands, and the attachments it serves under /attachments as Discord's CDN does.
 * Bodies are checked against Discord's documented limits with the stand-in's own checks
 * (./limits.ts, independent of the bot's) and refused the way Discord refuses them.
 */

import busboy from 'busboy';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIApplication, APIAttachment, APIMessage } from 'discord.js';
import { autocompleteProblems, invalidFormBody as formBody, isEmptyMessage, messageProblems, modalProblems, registrationProblems, type FormProblem, type ProblemPath } from './limits';
import { botUser, messageObject, snowflake, type InteractionPlace } from './payloads';
import type { Arrival, CapturedFile, InteractionRecord } from './server';

/** Interaction tokens stay valid this long for edits and follow-ups. */
export const TOKEN_LIFETIME_MS = 15 * 60 * 1000;
/** MessageFlags the stand-in cares about. */
const EPHEMERAL = 64;
const LOADING = 128;
/** Follow-ups Discord allows per interaction of a user-installed app that is not in the server. */
export const USER_INSTALL_FOLLOW_UPS = 5;

/** A file the stand-in serves at /attachments/…: an attachment option's upload or a bot's. */
export interface StoredFile {
  filename: string;
  data: Buffer;
  contentType?: string | undefined;
}

/** The stand-in's memory of one interaction, beyond the public record. */
export interface TrackedInteraction {
  record: InteractionRecord;
  createdAt: number;
  place: InteractionPlace;
  acknowledged: boolean;
  /** The original response: the reply, the "thinking" message, or the component's message. */
  original?: APIMessage | undefined;
  /** The message a component sits on (component interactions only). */
  componentMessage?: APIMessage;
  followUps: Map<string, APIMessage>;
  /** Discord forces every reply ephemeral (flags 64), as where USE_EXTERNAL_APPS is denied. */
  forcedEphemeral?: boolean;
  /** Follow-ups are capped at 5: a user-installed app answering where it is not installed. */
  followUpCap?: number;
  /** Ids of the files served for this interaction, dropped with it. */
  fileIds: string[];
  /** The MessageType of its reply when not the default (20 for a slash command, 0 for a component): 23 for a context menu. */
  replyType?: number;
  /** While an HTTP delivery is under way: webhook calls wait for its response to be recorded. */
  delivery?: Promise<void> | undefined;
}

export type Fault = { pathIncludes: string } & (
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'fail'; status: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' }
);

/** One REST request the stand-in saw: method, path under /api/v10, status, the client's User-Agent. */
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  userAgent: string;
}

export interface RestContext {
  token: string;
  applicationId: string;
  guildIds: string[];
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  gatewayUrl: string;
  ackTimeoutMs: number;
  keepUploads: boolean;
  interactions: Map<string, TrackedInteraction>;
  byToken: Map<string, TrackedInteraction>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- command JSON as registered, any shape
  registrations: Map<string, any[]>;
  requests: RequestRecord[];
  faults: Fault[];
  /** Files served under /attachments (shared by every application of one stand-in). */
  files: Map<string, StoredFile>;
  /** The application's Ed25519 public key, hex (its `verify_key`). */
  publicKey: string;
  /** Called after a record gained a callback, an edit or a follow-up. */
  changed(tracked: TrackedInteraction): void;
  log(line: string): void;
}

interface Reply {
  /** 0 with `reset`: no answer, the connection is dropped. */
  status: number;
  reset?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Request extends Arrival {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  files: CapturedFile[];
}

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Discord-shaped errors

function error(status: number, code: number, message: string, errors?: Json): Reply {
  return { status, body: errors ? { code, message, errors } : { code, message } };
}

const unauthorized = () => error(401, 0, '401: Unauthorized');
const notFound = () => error(404, 0, '404: Not Found');
const missingAccess = () => error(403, 50001, 'Missing Access');
const unknownInteraction = () => error(404, 10062, 'Unknown interaction');
const unknownWebhook = () => error(404, 10015, 'Unknown Webhook');
const unknownMessage = () => error(404, 10008, 'Unknown Message');

/** 400 Invalid Form Body with Discord's nested `errors`, each finding under `root`. */
function invalidFormBody(problems: FormProblem[], root: ProblemPath = []): Reply {
  return { status: 400, body: formBody(problems, root) };
}

/** The one-finding form of `invalidFormBody`. */
const formError = (path: ProblemPath, code: string, message: string, root: ProblemPath = []) => invalidFormBody([{ path, code, message }], root);

/** Limit findings for a message; a file makes an otherwise empty message valid, as on Discord. */
function messageRefusal(view: Json, files: CapturedFile[], root: ProblemPath = []): Reply | undefined {
  const problems = messageProblems(view);
  if (problems.length) return invalidFormBody(problems, root);
  if (isEmptyMessage(view, files.length > 0)) return error(400, 50006, 'Cannot send an empty message');
  return undefined;
}

function rateLimitHeaders(bucket: string): Record<string, string> {
  // Generous on purpose: the stand-in never throttles unless a test injects a 429.
  return {
    'X-RateLimit-Limit': '10000',
    'X-RateLimit-Remaining': '9999',
    'X-RateLimit-Reset': (Date.now() / 1000 + 1).toFixed(3),
    'X-RateLimit-Reset-After': '1.000',
    'X-RateLimit-Bucket': bucket,
  };
}

function faultReply(fault: Exclude<Fault, { kind: 'delay' } | { kind: 'reset' }>): Reply {
  if (fault.kind === 'fail') {
    const body =
      fault.status === 400 ? { code: 50035, message: 'Invalid Form Body', errors: {} } : { code: 0, message: `${fault.status}: ${STATUS_CODES[fault.status] ?? 'Error'}` };
    return { status: fault.status, body };
  }
  const seconds = fault.retryAfterSeconds;
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
    headers: {
      // Discord sends whole seconds here; fractions are kept so tests can stay fast.
      'Retry-After': String(seconds),
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': (Date.now() / 1000 + seconds).toFixed(3),
      'X-RateLimit-Reset-After': seconds.toFixed(3),
      'X-RateLimit-Bucket': 'injected',
      'X-RateLimit-Scope': 'user',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** The URL Discord's CDN would serve a file at; the stand-in serves it there on loopback. */
export function attachmentUrl(baseUrl: string, id: string, filename: string, channelId?: string): string {
  return `${baseUrl}/attachments/${channelId ? `${channelId}/` : ''}${id}/${encodeURIComponent(filename)}`;
}

/**
 * Stores a file to be served and describes it as Discord would. A bot's uploads are served only
 * when their bytes are kept (keepUploads); files a test hands in are always served.
 */
export function storeFile(ctx: RestContext, file: StoredFile, channelId?: string, owner?: TrackedInteraction, upload = false): APIAttachment {
  const id = snowflake();
  if (!upload || ctx.keepUploads) {
    ctx.files.set(id, file);
    owner?.fileIds.push(id);
  }
  const url = attachmentUrl(ctx.baseUrl, id, file.filename, channelId);
  return { id, filename: file.filename, size: file.data.length, url, proxy_url: url, ...(file.contentType ? { content_type: file.contentType } : {}) };
}

function attachmentsFor(ctx: RestContext, tracked: TrackedInteraction, files: CapturedFile[]): APIAttachment[] {
  return files.map((file) => ({
    ...storeFile(ctx, { filename: file.name, data: file.data, contentType: file.contentType }, tracked.place.channel.id, tracked, true),
    size: file.size,
  }));
}

/** The message a PATCH would leave: unset fields keep their value, null clears them. */
function mergedView(message: APIMessage, patch: Json): Json {
  const pick = (key: 'content' | 'embeds' | 'components' | 'attachments' | 'flags', cleared: unknown) =>
    patch[key] === undefined ? message[key] : (patch[key] ?? cleared);
  return {
    content: pick('content', ''),
    embeds: pick('embeds', []),
    components: pick('components', []),
    attachments: pick('attachments', []),
    flags: message.flags,
  };
}

function edited(ctx: RestContext, tracked: TrackedInteraction, message: APIMessage, patch: Json, files: CapturedFile[]): APIMessage {
  const view = mergedView(message, patch);
  const listed = (view.attachments as { id?: unknown }[]) ?? [];
  const kept = message.attachments.filter((a) => listed.some((l) => String(l.id) === a.id));
  return {
    ...messageObject({
      id: message.id,
      channelId: message.channel_id,
      author: message.author,
      applicationId: ctx.applicationId,
      body: { ...view, flags: (message.flags ?? 0) & ~LOADING },
      attachments: [...kept, ...attachmentsFor(ctx, tracked, files)],
      type: message.type,
      editedAt: new Date().toISOString(),
    }),
    timestamp: message.timestamp,
  };
}

function newMessage(ctx: RestContext, tracked: TrackedInteraction, body: Json, files: CapturedFile[], type: number): APIMessage {
  return messageObject({
    id: snowflake(),
    channelId: tracked.place.channel.id,
    author: botUser(ctx.applicationId),
    applicationId: ctx.applicationId,
    body,
    attachments: attachmentsFor(ctx, tracked, files),
    type,
  });
}

// ---------------------------------------------------------------------------------------------
// Interaction callbacks

/** Which callback types Discord accepts for each interaction type. */
const CALLBACK_TYPES: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8] };

function interactionCallback(ctx: RestContext, id: string, token: string, req: Request): Reply {
  const tracked = ctx.interactions.get(id);
  if (!tracked || tracked.record.token !== token) return unknownInteraction();
  const accepted = acceptCallback(ctx, tracked, req.body, req.files, req.receivedAt);
  if (accepted.status !== 204) return accepted;

  if (req.query.get('with_response') !== 'true') return { status: 204 };
  const type = tracked.record.callbacks.at(-1)!.type;
  const message = tracked.original;
  const withMessage = [4, 5, 6, 7].includes(type) && message;
  return {
    status: 200,
    body: {
      interaction: {
        id,
        type: tracked.record.type,
        ...(withMessage
          ? { response_message_id: message.id, response_message_loading: type === 5, response_message_ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0 }
          : {}),
      },
      resource: { type, ...(withMessage ? { message } : {}) },
    },
  };
}

/**
 * Checks and records an interaction's first response, however it came: POSTed to
 * /interactions/{id}/{token}/callback (gateway bots) or as the body of the HTTP response to the
 * stand-in's delivery (an interactions endpoint). 204 when accepted, else Discord's refusal.
 */
export function acceptCallback(ctx: RestContext, tracked: TrackedInteraction, rawBody: unknown, files: CapturedFile[], receivedAt: number): Reply {
  // Discord forgets an interaction nobody acknowledged within 3 seconds.
  if (!tracked.acknowledged && Date.now() - tracked.createdAt > ctx.ackTimeoutMs) return unknownInteraction();
  if (tracked.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');

  const body = (typeof rawBody === 'object' && rawBody !== null ? rawBody : {}) as Json;
  const type = Number(body.type);
  let data = (body.data ?? undefined) as Json | undefined;
  const allowed = CALLBACK_TYPES[tracked.record.type] ?? [];
  if (!allowed.includes(type)) return formError(['type'], 'BASE_TYPE_CHOICES', `Value must be one of (${allowed.join(', ')}).`);

  const refusal = callbackRefusal(tracked, type, data ?? {}, files);
  if (refusal) return refusal;

  // Where Discord forces replies ephemeral, the reply is recorded as the user gets it.
  if (tracked.forcedEphemeral && (type === 4 || type === 5)) data = { ...data, flags: Number(data?.flags ?? 0) | EPHEMERAL };
  tracked.acknowledged = true;
  tracked.record.callbacks.push({ type, data, files, receivedAt });
  tracked.original = originalAfterCallback(ctx, tracked, type, data ?? {}, files);
  ctx.changed(tracked);
  return { status: 204 };
}

function callbackRefusal(tracked: TrackedInteraction, type: number, data: Json, files: CapturedFile[]): Reply | undefined {
  switch (type) {
    case 4:
      return messageRefusal(data, files, ['data']);
    case 7:
      return messageRefusal(mergedView(tracked.componentMessage!, data), files, ['data']);
    case 8: {
      const problems = autocompleteProblems(data);
      return problems.length ? invalidFormBody(problems, ['data']) : undefined;
    }
    case 9: {
      const problems = modalProblems(data);
      return problems.length ? invalidFormBody(problems, ['data']) : undefined;
    }
    default:
      return undefined; // 5 and 6 carry at most flags
  }
}

function originalAfterCallback(ctx: RestContext, tracked: TrackedInteraction, type: number, data: Json, files: CapturedFile[]): APIMessage | undefined {
  // A reply to a slash command is MessageType 20 (ChatInputCommand); to a component, 0.
  const replyType = tracked.replyType ?? (tracked.record.type === 2 ? 20 : 0);
  switch (type) {
    case 4:
      return newMessage(ctx, tracked, data, files, replyType);
    case 5: {
      const flags = LOADING | (Number(data.flags ?? 0) & EPHEMERAL);
      return newMessage(ctx, tracked, { flags }, [], replyType);
    }
    case 6:
      return tracked.componentMessage;
    case 7:
      return edited(ctx, tracked, tracked.componentMessage!, data, files);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Interaction webhooks: the original response and follow-ups

function webhookInteraction(ctx: RestContext, applicationId: string, token: string): TrackedInteraction | Reply {
  const tracked = ctx.byToken.get(token);
  // Until the interaction is acknowledged (and never for autocomplete) there is no webhook.
  if (!tracked || applicationId !== ctx.applicationId || !tracked.acknowledged || tracked.record.type === 4) return unknownWebhook();
  if (Date.now() - tracked.createdAt > TOKEN_LIFETIME_MS) return error(401, 50027, 'Invalid Webhook Token');
  return tracked;
}

function webhookMessage(ctx: RestContext, applicationId: string, token: string, messageId: string, req: Request): Reply {
  const tracked = webhookInteraction(ctx, applicationId, token);
  if (!('record' in tracked)) return tracked;
  const isOriginal = messageId === '@original';
  const message = isOriginal ? tracked.original : tracked.followUps.get(messageId);
  if (!message) return unknownMessage();
  if (req.method === 'GET') return { status: 200, body: message };
  if (req.method === 'DELETE') {
    if (isOriginal) {
      tracked.original = undefined;
      tracked.record.originalDeletedAt = req.receivedAt;
    } else {
      tracked.followUps.delete(messageId);
    }
    return { status: 204 };
  }
  const patch = (req.body ?? {}) as Json;
  const refusal = messageRefusal(mergedView(message, patch), req.files);
  if (refusal) return refusal;
  const updated = edited(ctx, tracked, message, patch, req.files);
  if (isOriginal) {
    tracked.original = updated;
    tracked.record.edits.push({ body: patch, files: req.files, receivedAt: req.receivedAt });
    ctx.changed(tracked);
  } else {
    tracked.followUps.set(messageId, updated);
  }
  return { status: 200, body: updated };
}

function followUp(ctx: RestContext, applicationId: string, token: string, req: Request): Reply {
  const tracked = webhookInteraction(ctx, applicationId, token);
  if (!('record' in tracked)) return tracked;
  let body = (req.body ?? {}) as Json;
  const refusal = messageRefusal(body, req.files);
  if (refusal) return refusal;
  if (tracked.followUpCap !== undefined && tracked.record.followUps.length >= tracked.followUpCap) {
    return error(400, 40094, 'This interaction has hit the maximum number of follow up messages');
  }
  if (tracked.forcedEphemeral) body = { ...body, flags: Number(body.flags ?? 0) | EPHEMERAL };
  let message: APIMessage;
  const original = tracked.original;
  if (original && (original.flags ?? 0) & LOADING) {
    // Discord: the first follow-up after a deferred reply edits the "thinking" message instead
    // of creating one, and keeps that message's ephemerality.
    message = edited(ctx, tracked, original, { ...body, flags: undefined }, req.files);
    tracked.original = message;
  } else {
    message = newMessage(ctx, tracked, body, req.files, 0);
    tracked.followUps.set(message.id, message);
  }
  tracked.record.followUps.push({ body, files: req.files, receivedAt: req.receivedAt });
  ctx.changed(tracked);
  return req.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
}

// ---------------------------------------------------------------------------------------------
// Command registration

function putCommands(ctx: RestContext, applicationId: string, guildId: string | undefined, body: unknown): Reply {
  if (applicationId !== ctx.applicationId) return missingAccess();
  if (guildId !== undefined && !ctx.guildIds.includes(guildId)) return missingAccess();
  const problems = registrationProblems(body);
  if (problems.length) return invalidFormBody(problems);
  const commands = body as Json[];
  const key = guildId ?? 'global';
  const previous = ctx.registrations.get(key) ?? [];
  const stored = commands.map((command) => {
    const type = Number(command.type ?? 1);
    // A bulk overwrite keeps the id of a command that already existed under the same name.
    const existing = previous.find((p) => p.name === command.name && p.type === type);
    return {
      ...command,
      id: existing?.id ?? snowflake(),
      application_id: ctx.applicationId,
      version: snowflake(),
      type,
      description: command.description ?? '',
      default_member_permissions: command.default_member_permissions ?? null,
      nsfw: command.nsfw ?? false,
      integration_types: command.integration_types ?? [0],
      contexts: command.contexts ?? null,
      ...(guildId ? { guild_id: guildId } : {}),
    };
  });
  ctx.registrations.set(key, stored);
  ctx.log(`rest: ${stored.length} commands registered (${key})`);
  return { status: 200, body: stored };
}

function getCommands(ctx: RestContext, applicationId: string, guildId: string | undefined): Reply {
  if (applicationId !== ctx.applicationId) return missingAccess();
  if (guildId !== undefined && !ctx.guildIds.includes(guildId)) return missingAccess();
  return { status: 200, body: ctx.registrations.get(guildId ?? 'global') ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Routing

function application(ctx: RestContext): Partial<APIApplication> {
  return {
    id: ctx.applicationId,
    name: 'Tierbot',
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: botUser(ctx.applicationId),
    verify_key: ctx.publicKey,
    flags: 0 as never, // no ApplicationFlags
    team: null,
    summary: '',
  };
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Routes a bot token is needed for; interaction routes authenticate by their token instead. */
  auth: boolean;
  handle(ctx: RestContext, params: string[], req: Request): Reply;
}

const SNOWFLAKE = '(\\d{1,20})';
const TOKEN = '([^/]+)';

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/gateway\/bot$/,
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: { url: ctx.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } },
    }),
  },
  { method: 'GET', pattern: /^\/gateway$/, auth: false, handle: (ctx) => ({ status: 200, body: { url: ctx.gatewayUrl } }) },
  { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: (ctx) => ({ status: 200, body: botUser(ctx.applicationId) }) },
  { method: 'GET', pattern: /^\/(?:oauth2\/)?applications\/@me$/, auth: true, handle: (ctx) => ({ status: 200, body: application(ctx) }) },
  {
    method: 'POST',
    pattern: new RegExp(`^/interactions/${SNOWFLAKE}/${TOKEN}/callback$`),
    auth: false,
    handle: (ctx, [id, token], req) => interactionCallback(ctx, id!, token!, req),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/webhooks/${SNOWFLAKE}/${TOKEN}$`),
    auth: false,
    handle: (ctx, [app, token], req) => followUp(ctx, app!, token!, req),
  },
  ...['GET', 'PATCH', 'DELETE'].map((method) => ({
    method,
    pattern: new RegExp(`^/webhooks/${SNOWFLAKE}/${TOKEN}/messages/(@original|\\d{1,20})$`),
    auth: false,
    handle: (ctx: RestContext, [app, token, messageId]: string[], req: Request) => webhookMessage(ctx, app!, token!, messageId!, req),
  })),
  { method: 'PUT', pattern: new RegExp(`^/applications/${SNOWFLAKE}/commands$`), auth: true, handle: (ctx, [app], req) => putCommands(ctx, app!, undefined, req.body) },
  {
    method: 'PUT',
    pattern: new RegExp(`^/applications/${SNOWFLAKE}/guilds/${SNOWFLAKE}/commands$`),
    auth: true,
    handle: (ctx, [app, guild], req) => putCommands(ctx, app!, guild, req.body),
  },
  { method: 'GET', pattern: new RegExp(`^/applications/${SNOWFLAKE}/commands$`), auth: true, handle: (ctx, [app]) => getCommands(ctx, app!, undefined) },
  {
    method: 'GET',
    pattern: new RegExp(`^/applications/${SNOWFLAKE}/guilds/${SNOWFLAKE}/commands$`),
    auth: true,
    handle: (ctx, [app, guild]) => getCommands(ctx, app!, guild),
  },
];

/** A request's body as it came, and when its last byte did. */
interface RawBody extends Arrival {
  raw: Buffer;
}

function readRaw(req: IncomingMessage): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve({ raw: Buffer.concat(chunks), receivedAt: performance.now() }));
    req.on('error', reject);
  });
}

/** JSON, or multipart as discord.js sends files: `payload_json` plus `files[n]` parts. */
export async function parseBody(contentType: string, raw: Buffer, keepUploads: boolean): Promise<{ body: unknown; files: CapturedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType.startsWith('multipart/form-data')) return { body: JSON.parse(raw.toString('utf8')), files: [] };
  const { fields, files } = await parseMultipart(contentType, raw, keepUploads);
  const payload = fields.get('payload_json');
  fields.delete('payload_json');
  return { body: payload === undefined ? Object.fromEntries(fields) : JSON.parse(payload), files };
}

/**
 * busboy reads the parts straight from the bytes, one copy per file. fetch's `Request.formData()`
 * took four times as long for a 100 KB chart (0.54 against 0.13 ms) and left Blobs to finalise:
 * in the bench, whose clock runs in this process, the collections after chart uploads fell
 * among the slowest text replies.
 */
function parseMultipart(contentType: string, raw: Buffer, keepUploads: boolean): Promise<{ fields: Map<string, string>; files: CapturedFile[] }> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    const files: CapturedFile[] = [];
    const parser = busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: raw.length } });
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (_name, stream, { filename, mimeType }) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (keepUploads) chunks.push(chunk);
      });
      stream.on('end', () => files.push({ name: filename ?? '', data: Buffer.concat(chunks), size, ...(mimeType ? { contentType: mimeType } : {}) }));
    });
    parser.on('close', () => resolve({ fields, files }));
    parser.on('error', reject);
    parser.end(raw);
  });
}

function decodePath(path: string): string {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return path;
  }
}

async function route(ctx: RestContext, incoming: IncomingMessage, { raw, receivedAt }: RawBody, method: string, path: string, query: URLSearchParams): Promise<Reply> {
  const faultAt = ctx.faults.findIndex((f) => path.includes(f.pathIncludes));
  const fault = faultAt >= 0 ? ctx.faults.splice(faultAt, 1)[0]! : undefined;
  // A slow network: the request is handled as usual, only later (other requests go on meanwhile).
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  else if (fault?.kind === 'reset') return { status: 0, reset: true };
  else if (fault) return faultReply(fault);

  const authorization = incoming.headers.authorization;
  if (authorization !== undefined && authorization !== `Bot ${ctx.token}`) return unauthorized();

  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match || candidate.method !== method) continue;
    if (candidate.auth && authorization === undefined) return unauthorized();
    // An edit or follow-up racing the HTTP response that acknowledged the interaction waits for
    // that response to be recorded: on Discord the acknowledgement is in before the bot moves on.
    const webhookToken = /^\/webhooks\/[^/]+\/([^/]+)/.exec(path)?.[1];
    const delivery = webhookToken ? ctx.byToken.get(webhookToken)?.delivery : undefined;
    if (delivery) await delivery;
    let parsed: { body: unknown; files: CapturedFile[] };
    try {
      parsed = await parseBody(incoming.headers['content-type'] ?? '', raw, ctx.keepUploads);
    } catch {
      return error(400, 50109, 'The request body contains invalid JSON.');
    }
    return candidate.handle(ctx, match.slice(1), { method, path, query, receivedAt, ...parsed });
  }
  const known = ROUTES.some((r) => r.pattern.test(path));
  return known ? error(405, 0, '405: Method Not Allowed') : notFound();
}

/**
 * The application a request is for, as Discord tells: by the bot token it carries, else by the
 * interaction token or application id in its path. Anything else goes to the first application,
 * whose routes then refuse what is not its own.
 */
function contextFor(contexts: readonly RestContext[], authorization: string | undefined, path: string): RestContext {
  const first = contexts[0]!;
  if (authorization !== undefined) return contexts.find((ctx) => authorization === `Bot ${ctx.token}`) ?? first;
  const interactionToken = /^\/interactions\/[^/]+\/([^/]+)\//.exec(path)?.[1];
  if (interactionToken) return contexts.find((ctx) => ctx.byToken.has(interactionToken)) ?? first;
  const applicationId = /^\/webhooks\/([^/]+)\//.exec(path)?.[1];
  if (applicationId) return contexts.find((ctx) => ctx.applicationId === applicationId) ?? first;
  return first;
}

/** GET /attachments/[channel/]id/filename: a stored file, as Discord's CDN serves it (no auth). */
function serveFile(files: Map<string, StoredFile>, method: string, pathname: string, res: ServerResponse): boolean {
  const match = /^\/attachments\/(?:\d{1,20}\/)?(\d{1,20})\/([^/]+)$/.exec(pathname);
  if (!match) return false;
  let filename: string;
  try {
    filename = decodeURIComponent(match[2]!);
  } catch {
    filename = '';
  }
  const file = files.get(match[1]!);
  if (!file || file.filename !== filename || (method !== 'GET' && method !== 'HEAD')) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
    return true;
  }
  const headers = { 'Content-Type': file.contentType ?? 'application/octet-stream', 'Content-Length': String(file.data.length) };
  if (method === 'HEAD') res.writeHead(200, headers).end();
  else res.writeHead(200, headers).end(file.data);
  return true;
}

/** The HTTP request listener for the stand-in's REST API, serving every application in `contexts`. */
export function createRestHandler(contexts: readonly RestContext[]): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (incoming: IncomingMessage, res: ServerResponse) => {
    const url = new URL(incoming.url ?? '/', contexts[0]!.baseUrl);
    const method = incoming.method ?? 'GET';
    const arrived = await readRaw(incoming);
    if (serveFile(contexts[0]!.files, method, url.pathname, res)) return;
    const versioned = /^\/api\/v10(\/.*)$/.exec(url.pathname);
    const path = versioned ? decodePath(versioned[1]!) : url.pathname;
    const ctx = contextFor(contexts, incoming.headers.authorization, path);
    const reply = versioned ? await route(ctx, incoming, arrived, method, path, url.searchParams) : notFound();
    ctx.requests.push({ method, path, status: reply.status, userAgent: incoming.headers['user-agent'] ?? '' });
    if (reply.reset) {
      // A connection reset: the request was read, and no answer comes.
      ctx.log(`rest: ${method} ${path} → connection reset`);
      incoming.socket.resetAndDestroy();
      return;
    }
    if (reply.status >= 400) ctx.log(`rest: ${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
    const headers: Record<string, string> = { ...rateLimitHeaders(`${method}:${path.split('/')[1] ?? ''}`), ...reply.headers };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    res.writeHead(reply.status, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body));
  };
  return (incoming, res) => {
    handle(incoming, res).catch((err: unknown) => {
      contexts[0]!.log(`rest: internal error ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 0, message: '500: Internal Server Error' }));
    });
  };
}
