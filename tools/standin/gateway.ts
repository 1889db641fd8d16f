/**
 * The stand-in's gateway: Discord's WebSocket protocol as @discordjs/ws speaks it, JSON only.
 * HELLO → IDENTIFY → READY + GUILD_CREATEs, heartbeats, RESUME with replay, and dispatches with
 * increasing sequence numbers. Sessions outlive their sockets so a dropped client can resume and
 * receive what it missed, as on Discord. Several applications may log in, each with its own token,
 * as several bots do on Discord: IDENTIFY's token says which bot a session is.
 */

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { guildCreatePayload, readyPayload } from './payloads';

export const HEARTBEAT_INTERVAL_MS = 41_250;
/** Dispatches kept per session for RESUME; older ones force a fresh IDENTIFY (op 9). */
const HISTORY_LIMIT = 1000;

/** Gateway opcodes and close codes used here (Discord's numbering). */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, VoiceStateUpdate: 4, Resume: 6, Reconnect: 7, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11, RequestSoundboardSounds: 31 } as const;
const Close = { UnknownOpcode: 4001, DecodeError: 4002, NotAuthenticated: 4003, AuthenticationFailed: 4004, AlreadyAuthenticated: 4005, InvalidShard: 4010, InvalidApiVersion: 4012, InvalidIntents: 4013 } as const;
const KNOWN_CLIENT_OPS = new Set<number>([Op.Heartbeat, Op.Identify, Op.PresenceUpdate, Op.VoiceStateUpdate, Op.Resume, Op.RequestGuildMembers, Op.RequestSoundboardSounds]);

interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  application: GatewayApplication;
  shard: [number, number];
  seq: number;
  history: Dispatch[];
  /** Null while the client is away; dispatches then wait in `history` for a RESUME. */
  socket: WebSocket | null;
}

/** A bot that may log in: the token it IDENTIFYs with, and its application's id. */
export interface GatewayApplication {
  token: string;
  applicationId: string;
  /** Called once READY and every GUILD_CREATE of a new session of this bot were sent. */
  onReady: () => void;
}

export interface GatewayOptions {
  server: Server;
  applications: GatewayApplication[];
  guildIds: string[];
  /** A guild's GUILD_CREATE extras as the given application's bot sees them. */
  guildExtras: (guildId: string, applicationId: string) => Record<string, unknown>;
  /** The loopback ws:// URL clients reach this gateway at (used as resume_gateway_url). */
  url: string;
  log: (line: string) => void;
}

/** The guilds Discord would put on a shard: (guild_id >> 22) % shard_count. */
function onShard(guildId: string, [id, count]: [number, number]): boolean {
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}

export class Gateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  /**
   * Per application id, the session that READY'd (or RESUMED) last: that bot's interactions go
   * there, to exactly one client.
   */
  private readonly current = new Map<string, Session>();

  constructor(private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server: options.server });
    this.wss.on('connection', (socket, request) => this.accept(socket, request));
  }

  /** True when a client of the application is connected and has been sent READY and its guilds. */
  isReady(applicationId: string): boolean {
    return this.current.get(applicationId)?.socket?.readyState === WebSocket.OPEN;
  }

  /**
   * Sends an INTERACTION_CREATE to exactly one of the application's sessions: the latest one
   * whose shard holds the guild, else the current one. A session whose client is away keeps it
   * for its RESUME.
   */
  dispatchInteraction(payload: unknown, guildId: string, applicationId: string): void {
    const current = this.current.get(applicationId);
    const owners = [...this.sessions.values()].filter((s) => s.application.applicationId === applicationId && onShard(guildId, s.shard));
    const target = current && owners.includes(current) ? current : (owners.at(-1) ?? current);
    if (!target) throw new Error(`No client of application ${applicationId} has logged into the stand-in gateway`);
    this.dispatch(target, 'INTERACTION_CREATE', payload);
  }

  /** Fault injection: close the application's current socket with `code` (1006 = drop it without a close frame). */
  closeCurrent(code: number, applicationId: string): void {
    const socket = this.current.get(applicationId)?.socket;
    if (!socket) throw new Error('No gateway connection to close');
    if (code === 1006) socket.terminate();
    else socket.close(code, 'Closed by the stand-in');
  }

  /** Ends every session of one application, its sockets dropped: that bot is no longer served. */
  disconnect(applicationId: string): void {
    for (const session of [...this.sessions.values()]) {
      if (session.application.applicationId !== applicationId) continue;
      this.sessions.delete(session.id);
      session.socket?.terminate();
    }
    this.current.delete(applicationId);
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams;
    const version = query.get('v');
    if (version !== null && version !== '10') return socket.close(Close.InvalidApiVersion, 'Invalid API version');
    // Frames are always sent as uncompressed JSON text. @discordjs/ws parses text frames as JSON
    // whatever compression it asked for (zlib-stream or IDENTIFY `compress`), so both work.
    const encoding = query.get('encoding') ?? 'json';
    if (encoding !== 'json') return socket.close(Close.DecodeError, 'Only encoding=json is supported');

    let session: Session | undefined;
    const send = (op: number, d: unknown) => socket.send(JSON.stringify({ op, d, s: null, t: null }));

    send(Op.Hello, { heartbeat_interval: HEARTBEAT_INTERVAL_MS });

    socket.on('message', (raw: RawData) => {
      let payload: { op?: unknown; d?: unknown };
      try {
        payload = JSON.parse(raw.toString()) as { op?: unknown; d?: unknown };
      } catch {
        return socket.close(Close.DecodeError, 'Error while decoding payload.');
      }
      const op = typeof payload.op === 'number' ? payload.op : -1;
      const d = (payload.d ?? {}) as Record<string, unknown>;
      if (!KNOWN_CLIENT_OPS.has(op)) return socket.close(Close.UnknownOpcode, 'Unknown opcode.');
      if (op === Op.Heartbeat) return send(Op.HeartbeatAck, null);
      if (op === Op.Identify) {
        if (session) return socket.close(Close.AlreadyAuthenticated, 'Already authenticated.');
        session = this.identify(socket, d);
        return;
      }
      if (op === Op.Resume) {
        if (session) return socket.close(Close.AlreadyAuthenticated, 'Already authenticated.');
        session = this.resume(socket, d, send);
        return;
      }
      if (!session) return socket.close(Close.NotAuthenticated, 'Not authenticated.');
      // Presence, voice and member requests mean nothing here: accepted and ignored.
      this.options.log(`gateway: ignored op ${op}`);
    });

    socket.on('close', (code) => {
      if (!session || session.socket !== socket) return;
      session.socket = null;
      // A client that closes with 1000/1001 ends its session, as on Discord; others may resume.
      if (code === 1000 || code === 1001) this.forget(session);
      this.options.log(`gateway: session ${session.id} socket closed (${code})`);
    });
    socket.on('error', (error) => this.options.log(`gateway: socket error ${error.message}`));
  }

  /** The application whose bot token this is, if any. */
  private applicationOf(token: unknown): GatewayApplication | undefined {
    return this.options.applications.find((application) => application.token === token);
  }

  private identify(socket: WebSocket, d: Record<string, unknown>): Session | undefined {
    const { options } = this;
    const application = this.applicationOf(d.token);
    if (!application) {
      socket.close(Close.AuthenticationFailed, 'Authentication failed.');
      return undefined;
    }
    if (typeof d.intents !== 'number' || d.intents < 0) {
      socket.close(Close.InvalidIntents, 'Invalid intent(s).');
      return undefined;
    }
    const shard = d.shard as [number, number] | undefined;
    const valid = shard === undefined || (Array.isArray(shard) && shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1]);
    if (!valid) {
      socket.close(Close.InvalidShard, 'Invalid shard.');
      return undefined;
    }
    const session: Session = { id: randomBytes(16).toString('hex'), application, shard: shard ?? [0, 1], seq: 0, history: [], socket };
    this.sessions.set(session.id, session);
    const guildIds = options.guildIds.filter((id) => onShard(id, session.shard));
    this.dispatch(
      session,
      'READY',
      readyPayload({ applicationId: application.applicationId, guildIds, sessionId: session.id, resumeUrl: options.url, ...(shard ? { shard } : {}) }),
    );
    // discord.js waits (15 s by default) for a GUILD_CREATE for every guild READY listed.
    for (const guildId of guildIds) this.dispatch(session, 'GUILD_CREATE', guildCreatePayload(guildId, options.guildExtras(guildId, application.applicationId)));
    this.current.set(application.applicationId, session);
    options.log(`gateway: session ${session.id} ready (shard ${session.shard.join('/')}, ${guildIds.length} guilds)`);
    application.onReady();
    return session;
  }

  private resume(socket: WebSocket, d: Record<string, unknown>, send: (op: number, d: unknown) => void): Session | undefined {
    const application = this.applicationOf(d.token);
    if (!application) {
      socket.close(Close.AuthenticationFailed, 'Authentication failed.');
      return undefined;
    }
    const session = this.sessions.get(String(d.session_id));
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    // Only resumable if it is this bot's session and every dispatch after `seq` is still in the history.
    const oldest = session?.history[0]?.s;
    if (!session || session.application !== application || (oldest !== undefined && seq < oldest - 1)) {
      send(Op.InvalidSession, false);
      return undefined;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    for (const missed of session.history) if (missed.s > seq) socket.send(JSON.stringify({ op: Op.Dispatch, ...missed }));
    this.dispatch(session, 'RESUMED', {});
    this.current.set(application.applicationId, session);
    this.options.log(`gateway: session ${session.id} resumed from ${seq}`);
    return session;
  }

  private dispatch(session: Session, t: string, d: unknown): void {
    const message: Dispatch = { s: ++session.seq, t, d };
    session.history.push(message);
    if (session.history.length > HISTORY_LIMIT) session.history.shift();
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify({ op: Op.Dispatch, ...message }));
  }

  private forget(session: Session): void {
    this.sessions.delete(session.id);
    const { applicationId } = session.application;
    if (this.current.get(applicationId) !== session) return;
    const latest = [...this.sessions.values()].filter((s) => s.application === session.application).at(-1);
    if (latest) this.current.set(applicationId, latest);
    else this.current.delete(applicationId);
  }
}
