/**
 * Gateway v10 half of the stand-in: HELLO / IDENTIFY / READY / GUILD_CREATE,
 * heartbeats, RESUME with replay of missed dispatches, and test controls to
 * drop the socket, invalidate the session or ask the client to reconnect.
 *
 * Transport: JSON text frames (`?v=10&encoding=json`). discord.js only asks for
 * `compress=zlib-stream` when the optional `zlib-sync` package is installed
 * (it is not here); then it would fall back to identify-payload compression,
 * which is supported (`compress: true` in IDENTIFY -> zlib-deflated binary frames).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { deflateSync } from 'node:zlib';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import type { GatewayIdentifyData, GatewayRequestGuildMembersData, GatewayResumeData } from 'discord.js';
import { makeGuildCreate, makeMember, makeReady } from './payloads.ts';
import type { StandInState } from './state.ts';
import type { GatewayConnectionInfo, GatewayLogEntry } from './types.ts';
import { randomSessionId } from './util.ts';

export const GATEWAY_PATH = '/gateway';
export const RESUME_PATH = '/gateway-resume';

interface BufferedDispatch {
  s: number;
  t: string;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  seq: number;
  buffer: BufferedDispatch[];
  connection: Connection | null;
  resumable: boolean;
  shard: [number, number];
  intents: number;
}

interface Connection {
  info: GatewayConnectionInfo;
  ws: WebSocket;
  session: GatewaySession | null;
  compress: boolean;
}

export interface GatewayServerOptions {
  state: StandInState;
  heartbeatIntervalMs: number;
  gatewayUrl: string;
  resumeGatewayUrl: string;
  notify: () => void;
  verbose: boolean;
}

/** Dispatches that are never replayed on RESUME. */
const NOT_REPLAYED = new Set<string>([GatewayDispatchEvents.Ready, GatewayDispatchEvents.Resumed]);

export class GatewayServer {
  readonly log: GatewayLogEntry[] = [];
  readonly connections: GatewayConnectionInfo[] = [];
  /** Reply to heartbeats with HEARTBEAT_ACK (turn off to simulate a zombie connection). */
  ackHeartbeats = true;

  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #open = new Set<Connection>();
  readonly #sessions = new Map<string, GatewaySession>();
  #current: GatewaySession | null = null;
  #nextConnectionId = 1;

  constructor(private readonly options: GatewayServerOptions) {}

  /** The most recently identified session, if it is still resumable. */
  get currentSession(): GatewaySession | null {
    return this.#current;
  }

  get sessions(): GatewaySession[] {
    return [...this.#sessions.values()];
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req.url ?? '/', url));
  }

  /** Queue a dispatch on the current session; it is sent now if connected, or replayed on RESUME. */
  dispatch(t: string, d: unknown): number {
    const session = this.#current;
    if (!session) {
      throw new Error(
        'Discord stand-in: no gateway session to dispatch to (did the client log in? await standIn.waitForReady() first)',
      );
    }
    return this.#dispatchTo(session, t, d);
  }

  /** Terminate the socket without a close frame (client sees 1006 and should RESUME). */
  dropConnection(): void {
    this.#requireConnection('dropConnection').ws.terminate();
  }

  /** Close the socket with a close frame and the given code. */
  closeConnection(code: number, reason = ''): void {
    this.#requireConnection('closeConnection').ws.close(code, reason);
  }

  /** Send INVALID_SESSION (op 9). With `resumable: false` the session is discarded (client must IDENTIFY). */
  invalidateSession(resumable: boolean): void {
    const connection = this.#requireConnection('invalidateSession');
    const session = connection.session;
    if (session) {
      session.connection = null;
      if (!resumable) {
        session.resumable = false;
        if (this.#current === session) this.#current = null;
      }
    }
    connection.session = null;
    this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
  }

  /** Send RECONNECT (op 7): the client should reconnect to resume_gateway_url and RESUME. */
  requestReconnect(): void {
    this.#send(this.#requireConnection('requestReconnect'), { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  /** Send HEARTBEAT (op 1): the client must heartbeat immediately. */
  requestHeartbeat(): void {
    this.#send(this.#requireConnection('requestHeartbeat'), { op: GatewayOpcodes.Heartbeat, d: null, s: null, t: null });
  }

  async close(): Promise<void> {
    for (const connection of this.#open) connection.ws.terminate();
    this.#open.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  // -------------------------------------------------------------------------

  #requireConnection(what: string): Connection {
    const connection = this.#current?.connection ?? [...this.#open].at(-1);
    if (!connection) throw new Error(`Discord stand-in: ${what}() needs an open gateway connection`);
    return connection;
  }

  #onConnection(ws: WebSocket, rawUrl: string, url: URL): void {
    const info: GatewayConnectionInfo = {
      id: this.#nextConnectionId++,
      url: rawUrl,
      query: Object.fromEntries(url.searchParams),
      openedAt: performance.now(),
      closedAt: null,
      closeCode: null,
    };
    this.connections.push(info);
    const connection: Connection = { info, ws, session: null, compress: false };
    this.#open.add(connection);

    ws.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    ws.on('close', (code) => this.#onClose(connection, code));
    ws.on('error', () => {
      /* the close handler does the bookkeeping */
    });

    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding');
    const compress = url.searchParams.get('compress');
    if (version !== '10') {
      ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version (stand-in speaks v=10 only)');
      return;
    }
    if ((encoding !== null && encoding !== 'json') || compress !== null) {
      // Non-recoverable for discord.js, so a misconfiguration fails loudly instead of looping.
      ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Stand-in supports encoding=json without transport compression');
      return;
    }
    this.#send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["discord-stand-in",{"micros":0}]'] },
      s: null,
      t: null,
    });
    this.options.notify();
  }

  #onClose(connection: Connection, code: number): void {
    this.#open.delete(connection);
    connection.info.closedAt = performance.now();
    connection.info.closeCode = code;
    const session = connection.session;
    if (session && session.connection === connection) {
      session.connection = null;
      // Per the docs, closing with 1000/1001 invalidates the session.
      if (code === 1000 || code === 1001) {
        session.resumable = false;
        if (this.#current === session) this.#current = null;
      }
    }
    connection.session = null;
    this.options.notify();
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(rawToString(data)) as { op?: unknown; d?: unknown };
    } catch {
      connection.ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.#record('received', connection, op, null, null, payload.d);
    if (this.options.verbose) console.error(`[stand-in gw #${connection.info.id}] <- op ${op}`);

    switch (op) {
      case GatewayOpcodes.Heartbeat:
        if (this.ackHeartbeats) this.#send(connection, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        break;
      case GatewayOpcodes.Identify:
        this.#onIdentify(connection, payload.d as GatewayIdentifyData);
        break;
      case GatewayOpcodes.Resume:
        this.#onResume(connection, payload.d as GatewayResumeData);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        if (!connection.session) connection.ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        break;
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) connection.ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        else this.#onRequestGuildMembers(connection.session, payload.d as GatewayRequestGuildMembersData);
        break;
      default:
        connection.ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
    this.options.notify();
  }

  #onIdentify(connection: Connection, d: GatewayIdentifyData): void {
    if (connection.session) {
      connection.ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!d || d.token !== this.options.state.token) {
      connection.ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (typeof d.intents !== 'number') {
      connection.ws.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    connection.compress = d.compress === true;
    const session: GatewaySession = {
      id: randomSessionId(),
      seq: 0,
      buffer: [],
      connection,
      resumable: true,
      shard: d.shard ?? [0, 1],
      intents: d.intents,
    };
    this.#sessions.set(session.id, session);
    this.#current = session;
    connection.session = session;

    const { state } = this.options;
    this.#dispatchTo(
      session,
      GatewayDispatchEvents.Ready,
      makeReady({
        botUser: state.botUser,
        applicationId: state.applicationId,
        guilds: state.guilds,
        sessionId: session.id,
        resumeGatewayUrl: this.options.resumeGatewayUrl,
        shard: session.shard,
      }),
    );
    for (const guild of state.guilds) {
      this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, makeGuildCreate(guild, state.botUser));
    }
  }

  #onResume(connection: Connection, d: GatewayResumeData): void {
    if (connection.session) {
      connection.ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!d || d.token !== this.options.state.token) {
      connection.ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.#sessions.get(d.session_id);
    if (!session || !session.resumable) {
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (typeof d.seq === 'number' && d.seq > session.seq) {
      connection.ws.close(GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      previous.session = null;
      previous.ws.close(GatewayCloseCodes.SessionTimedOut, 'Session resumed elsewhere.');
    }
    session.connection = connection;
    connection.session = session;
    this.#current = session;
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const event of session.buffer) {
      if (event.s > from && !NOT_REPLAYED.has(event.t)) {
        this.#send(connection, { op: GatewayOpcodes.Dispatch, t: event.t, s: event.s, d: event.d });
      }
    }
    this.#dispatchTo(session, GatewayDispatchEvents.Resumed, { _trace: ['["discord-stand-in",{"micros":0}]'] });
  }

  #onRequestGuildMembers(session: GatewaySession, d: GatewayRequestGuildMembersData): void {
    const { state } = this.options;
    const guild = state.guilds.find((g) => g.id === d.guild_id);
    if (!guild) return;
    const users = [state.botUser, ...guild.members];
    const members = users.map((user) => makeMember(user, [], guild.joinedAt));
    this.#dispatchTo(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(d.nonce ? { nonce: d.nonce } : {}),
    });
  }

  #dispatchTo(session: GatewaySession, t: string, d: unknown): number {
    const s = ++session.seq;
    session.buffer.push({ s, t, d });
    if (session.connection) this.#send(session.connection, { op: GatewayOpcodes.Dispatch, t, s, d });
    return s;
  }

  #send(connection: Connection, payload: { op: number; d: unknown; s: number | null; t: string | null }): void {
    if (connection.ws.readyState !== connection.ws.OPEN) return;
    const text = JSON.stringify(payload);
    if (connection.compress) connection.ws.send(deflateSync(text), { binary: true });
    else connection.ws.send(text);
    this.#record('sent', connection, payload.op, payload.t, payload.s, payload.d);
    if (this.options.verbose) console.error(`[stand-in gw #${connection.info.id}] -> op ${payload.op} ${payload.t ?? ''}`);
  }

  #record(direction: 'sent' | 'received', connection: Connection, op: number, t: string | null, s: number | null, d: unknown): void {
    this.log.push({ index: this.log.length + 1, direction, connectionId: connection.info.id, op, t, s, d, at: performance.now() });
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
