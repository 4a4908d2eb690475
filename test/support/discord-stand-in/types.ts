/**
 * Public types of the Discord stand-in.
 */
import type { APIUser, ChannelType, GatewayOpcodes } from 'discord.js';
import type { RoutePattern } from './util.ts';

/** A text (or other guild) channel in a guild fixture. */
export interface ChannelFixture {
  id: string;
  name: string;
  type: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildCategory | ChannelType.GuildVoice;
  parentId?: string | null;
  topic?: string | null;
  position?: number;
}

export interface RoleFixture {
  id: string;
  name: string;
  /** Permission bitfield as a decimal string. */
  permissions: string;
  position?: number;
  managed?: boolean;
  botId?: string;
}

/** What the caller may pass for a guild; everything is optional. */
export interface GuildSpec {
  id?: string;
  name?: string;
  ownerId?: string;
  locale?: string;
  channels?: Array<Partial<ChannelFixture> & { name: string }>;
  /** Extra roles besides @everyone and the bot's managed role. */
  roles?: Array<Partial<RoleFixture> & { name: string }>;
  /** Extra human members (the default interaction user is always a member). */
  members?: APIUser[];
}

/** A fully resolved guild fixture (all ids filled in). */
export interface GuildFixture {
  id: string;
  name: string;
  ownerId: string;
  locale: string;
  channels: ChannelFixture[];
  roles: RoleFixture[];
  members: APIUser[];
  joinedAt: string;
}

export interface StandInOptions {
  applicationId?: string;
  /** Partial bot user; id defaults to applicationId (as for real bots). */
  botUser?: Partial<APIUser>;
  /** The human who "invokes" interactions by default. */
  user?: Partial<APIUser>;
  /** Defaults to one guild with a #general text channel. */
  guilds?: GuildSpec[];
  /** Token the server accepts; generated when omitted. */
  token?: string;
  /** HELLO heartbeat_interval in ms (Discord uses 41250). */
  heartbeatIntervalMs?: number;
  /**
   * Discord rejects an initial interaction response that arrives more than 3 s
   * after the interaction was created (10062 Unknown interaction). Set to null
   * to disable. Default 3000.
   */
  interactionCallbackDeadlineMs?: number | null;
  /** Port to listen on (127.0.0.1 only). Default 0 = random free port. */
  port?: number;
  /** Log every request/gateway payload to stderr. */
  verbose?: boolean;
}

export interface RecordedFile {
  fieldName: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  /** 1-based order of arrival. */
  index: number;
  method: string;
  /** Raw request path as sent, e.g. '/api/v10/webhooks/1/abc/messages/%40original'. */
  path: string;
  /** URL-decoded path below '/api/v10' (full path for non-API routes), e.g. '/webhooks/1/abc/messages/@original'. */
  route: string;
  query: Record<string, string>;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the parsed payload_json of a multipart body; undefined if no body. */
  body: unknown;
  /** Uploaded files of a multipart body. */
  files: RecordedFile[];
  /** performance.now() when the request arrived (same clock as the test process). */
  receivedAt: number;
  /** Response status sent back. */
  status: number;
  /** JSON body sent back (undefined for 204 / binary). */
  responseBody: unknown;
  /** True when the response came from failNext(). */
  injected: boolean;
  /** True when no stand-in route handled the request (catch-all 404). */
  unhandled: boolean;
}

export interface FailureRule {
  /** HTTP method to match (any if omitted). */
  method?: string;
  /** Route below /api/v10, e.g. '/interactions/:id/:token/callback' or a RegExp. */
  pathPattern: RoutePattern;
  status: number;
  /** JSON body; a sensible Discord-like default is used per status. */
  body?: unknown;
  /** Extra/overriding response headers. */
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export type GatewayDirection = 'received' | 'sent';

export interface GatewayLogEntry {
  index: number;
  direction: GatewayDirection;
  connectionId: number;
  op: GatewayOpcodes | number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
}

export interface GatewayConnectionInfo {
  id: number;
  /** Request URL of the WebSocket upgrade, e.g. '/gateway?v=10&encoding=json'. */
  url: string;
  query: Record<string, string>;
  openedAt: number;
  closedAt: number | null;
  /** Close code as seen by the server (1006 for an abrupt drop). */
  closeCode: number | null;
}

export interface SentInteraction<P = unknown> {
  id: string;
  token: string;
  applicationId: string;
  /** The INTERACTION_CREATE `d` payload. */
  payload: P;
  /** Gateway sequence number assigned to the dispatch. */
  seq: number;
  /** performance.now() when the dispatch was queued/sent. */
  sentAt: number;
}
