/**
 * A local Discord stand-in for end-to-end tests: REST API v10 + Gateway v10 on
 * 127.0.0.1 that the real discord.js Client logs in to.
 *
 *   const standIn = await startDiscordStandIn();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiUrl } });
 *   await client.login(standIn.token);
 *   const sent = standIn.sendSlashCommand({ name: 'ask', options: [...] });
 *   const callback = await standIn.waitForCallback(sent);
 */
import { performance } from 'node:perf_hooks';
import { ChannelType, GatewayDispatchEvents, GatewayOpcodes, MessageType } from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteInteraction,
  APIAttachment,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIModalSubmitInteraction,
  APIUser,
  Locale,
} from 'discord.js';
import { GATEWAY_PATH, GatewayServer, RESUME_PATH } from './gateway.ts';
import {
  type InteractionContext,
  type ModalSubmitInput,
  type SlashCommandInput,
  makeAutocomplete,
  makeBotUser,
  makeButton,
  makeButtonMessage,
  makeMessage,
  makeMessageContextMenu,
  makeModalSubmit,
  makeSlashCommand,
  makeUser,
  resolveGuild,
} from './payloads.ts';
import { RestServer } from './rest.ts';
import { interactionRoutes, registerInteraction } from './routes-interactions.ts';
import { botRoutes } from './routes.ts';
import { cdnHandler, startHttpServer } from './server.ts';
import { type InteractionRecord, StandInState } from './state.ts';
import type {
  FailureRule,
  GatewayConnectionInfo,
  GatewayLogEntry,
  GuildFixture,
  RecordedRequest,
  SentInteraction,
  StandInOptions,
} from './types.ts';
import { Waiters, fakeBotToken, snowflake } from './util.ts';

export type * from './types.ts';
export type { InteractionRecord } from './state.ts';
export type { InteractionContext, ModalSubmitInput, SlashCommandInput } from './payloads.ts';
export { routeMatches, snowflake } from './util.ts';
export { API_PREFIX } from './rest.ts';

const DEFAULT_TIMEOUT_MS = 5_000;

/** Where and by whom an interaction is sent. Defaults: first guild, its first text channel, the default user. */
export interface InteractionTarget {
  /** Guild id; null sends the interaction from a DM with the bot. */
  guildId?: string | null;
  channelId?: string;
  user?: APIUser;
  locale?: Locale | `${Locale}`;
  /** Invoking member's permission bitfield (string). */
  memberPermissions?: string;
  /** The bot's permission bitfield in the channel (string). */
  appPermissions?: string;
}

export interface ButtonInput extends InteractionTarget {
  customId: string;
  /** The message carrying the button: an object, or the id of a message the stand-in knows (e.g. the bot's reply). */
  message?: APIMessage | string;
}

export interface MessageContextMenuInput extends InteractionTarget {
  name: string;
  commandId?: string;
  /** Target message (object or known id); default: a message by the invoking user with `targetContent`. */
  target?: APIMessage | string;
  targetContent?: string;
}

export interface ModalInput extends InteractionTarget, Omit<ModalSubmitInput, 'message'> {
  message?: APIMessage | string;
}

export interface DiscordStandIn {
  /** Pass as `rest.api` to discord.js: 'http://127.0.0.1:PORT/api'. */
  readonly apiUrl: string;
  /** 'http://127.0.0.1:PORT' (CDN-like attachment URLs live under it). */
  readonly baseUrl: string;
  /** What GET /gateway/bot returns: 'ws://127.0.0.1:PORT/gateway'. */
  readonly gatewayUrl: string;
  /** resume_gateway_url sent in READY: 'ws://127.0.0.1:PORT/gateway-resume'. */
  readonly resumeGatewayUrl: string;
  readonly port: number;
  /** The bot token the stand-in accepts (REST `Authorization: Bot <token>` and IDENTIFY/RESUME). */
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** The default human user who invokes interactions. */
  readonly user: APIUser;
  readonly guilds: readonly GuildFixture[];
  /** Every HTTP request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Every gateway payload sent and received, in order. */
  readonly gatewayEvents: readonly GatewayLogEntry[];
  readonly gatewayConnections: readonly GatewayConnectionInfo[];
  /** Low-level state (messages, commands, interactions) for assertions. */
  readonly state: StandInState;

  clearRequests(): void;
  /** Requests no route handled (catch-all 404). */
  unhandledRequests(): RecordedRequest[];
  /** First recorded request matching `predicate` (already received or arriving within the timeout). */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** The accepted (2xx) initial-response callback of an interaction. */
  waitForCallback(interaction: { id: string } | string, timeoutMs?: number): Promise<RecordedRequest>;
  waitForGatewayEvent(predicate: (entry: GatewayLogEntry) => boolean, timeoutMs?: number): Promise<GatewayLogEntry>;
  /** Resolves with the `count`-th IDENTIFY the client sent. */
  waitForIdentify(count?: number, timeoutMs?: number): Promise<GatewayLogEntry>;
  /**
   * Resolves with the `count`-th READY the stand-in *sent* — the client may not have
   * processed it yet. Don't `client.destroy()` right after: @discordjs/ws 1.2.3 hangs
   * in destroy() while a shard still awaits READY/HELLO. Wait on the client
   * (e.g. an interaction round trip, or Events.ClientReady for the first login).
   */
  waitForReady(count?: number, timeoutMs?: number): Promise<GatewayLogEntry>;
  /** Resolves with the `count`-th RESUME the client sent. */
  waitForResume(count?: number, timeoutMs?: number): Promise<GatewayLogEntry>;
  /** Resolves with the `count`-th RESUMED the stand-in sent. */
  waitForResumed(count?: number, timeoutMs?: number): Promise<GatewayLogEntry>;

  /** Send any dispatch event on the current session (replayed on RESUME if disconnected). Returns its seq. */
  dispatch(t: string, d: unknown): number;
  /** Dispatch a raw INTERACTION_CREATE payload (registers its id/token for the callback routes). */
  sendInteraction<P extends APIInteraction>(payload: P): SentInteraction<P>;
  sendSlashCommand(input: SlashCommandInput & InteractionTarget): SentInteraction<APIChatInputApplicationCommandInteraction>;
  sendAutocomplete(input: SlashCommandInput & InteractionTarget): SentInteraction<APIApplicationCommandAutocompleteInteraction>;
  sendButton(input: ButtonInput): SentInteraction<APIMessageComponentButtonInteraction>;
  sendMessageContextMenu(input: MessageContextMenuInput): SentInteraction<APIMessageApplicationCommandInteraction>;
  sendModalSubmit(input: ModalInput): SentInteraction<APIModalSubmitInteraction>;
  /** Build the context for custom payloads (see payloads.ts builders). */
  interactionContext(target?: InteractionTarget): InteractionContext;

  interaction(id: string): InteractionRecord | undefined;
  /** The message created/updated by an interaction's initial response (after edits). */
  originalResponse(interactionId: string): APIMessage | undefined;
  followUps(interactionId: string): APIMessage[];
  message(id: string): APIMessage | undefined;
  /** Registered commands: global when guildId is omitted/null. */
  commands(guildId?: string | null): APIApplicationCommand[];

  /** Make the next matching request(s) fail, e.g. { pathPattern: '/interactions/:id/:token/callback', status: 429, body: { retry_after: 0.2 } }. */
  failNext(rule: FailureRule): void;
  clearFailures(): void;

  /** Terminate the gateway socket without a close frame (client should RESUME). */
  dropConnection(): void;
  /** Close the gateway socket with a close frame (e.g. 4000 -> resume, 1000 -> re-identify). */
  closeConnection(code: number, reason?: string): void;
  /** Send INVALID_SESSION (op 9). resumable=false discards the session (client re-IDENTIFYs). */
  invalidateSession(resumable: boolean): void;
  /** Send RECONNECT (op 7). */
  requestReconnect(): void;
  /** Send HEARTBEAT (op 1); the client must answer at once. */
  requestHeartbeat(): void;
  /** Stop/start acknowledging heartbeats (zombie connection simulation). */
  setHeartbeatAck(enabled: boolean): void;

  /** Serve bytes under a CDN-like URL; returns the attachment object to put in payloads. */
  addAttachment(filename: string, contentType: string, data: Buffer | Uint8Array | string, options?: { channelId?: string; description?: string }): APIAttachment;

  close(): Promise<void>;
}

/**
 * For discord.js Client options `ws.buildIdentifyThrottler`: @discordjs/ws spaces
 * IDENTIFYs 5 s apart (+ up to 1.5 s jitter) per Discord's rules, which makes a
 * re-IDENTIFY after INVALID_SESSION slow in tests. The stand-in doesn't rate-limit identify.
 */
export function instantIdentifyThrottler(): { waitForIdentify: () => Promise<void> } {
  return { waitForIdentify: async () => {} };
}

export async function startDiscordStandIn(options: StandInOptions = {}): Promise<DiscordStandIn> {
  const applicationId = options.applicationId ?? options.botUser?.id ?? snowflake();
  const botUser = makeBotUser({ ...options.botUser, id: options.botUser?.id ?? applicationId });
  const user = makeUser({ username: 'tester', global_name: 'Tester', ...options.user });
  const guildSpecs = options.guilds ?? [{}];
  const guilds = guildSpecs.map((spec, i) => resolveGuild(spec, botUser, user, i));
  const token = options.token ?? fakeBotToken(botUser.id);
  const verbose = options.verbose ?? process.env.DISCORD_STAND_IN_VERBOSE === '1';
  const state = new StandInState(applicationId, botUser, user, guilds, token);

  const http = await startHttpServer(options.port ?? 0);
  state.baseUrl = http.baseUrl;
  const wsBase = `ws://127.0.0.1:${http.port}`;
  const gatewayUrl = `${wsBase}${GATEWAY_PATH}`;
  const resumeGatewayUrl = `${wsBase}${RESUME_PATH}`;

  const waiters = new Waiters();
  const requests: RecordedRequest[] = [];

  const gateway = new GatewayServer({
    state,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    gatewayUrl,
    resumeGatewayUrl,
    notify: () => waiters.notify(),
    verbose,
  });
  const identifyCount = (): number =>
    gateway.log.filter((e) => e.direction === 'received' && e.op === GatewayOpcodes.Identify).length;

  const rest = new RestServer({
    state,
    routes: [
      ...interactionRoutes({ state, callbackDeadlineMs: options.interactionCallbackDeadlineMs === undefined ? 3_000 : options.interactionCallbackDeadlineMs }),
      ...botRoutes({ state, gatewayUrl, identifyCount }),
    ],
    staticHandler: cdnHandler(state),
    onRecord: (record) => {
      requests.push(record);
      waiters.notify();
    },
    verbose,
  });

  http.setHandlers({
    request: (req, res) => rest.handle(req, res),
    upgrade: (req, socket, head) => gateway.handleUpgrade(req, socket, head),
  });

  // ---------------------------------------------------------------------------

  const nthGatewayEntry = (
    direction: 'sent' | 'received',
    match: (e: GatewayLogEntry) => boolean,
    count: number,
    timeoutMs: number,
    description: string,
  ): Promise<GatewayLogEntry> =>
    waiters.waitFor(
      () => gateway.log.filter((e) => e.direction === direction && match(e))[count - 1],
      timeoutMs,
      description,
    );

  const context = (target: InteractionTarget = {}): InteractionContext => {
    if (target.guildId === null) {
      return { applicationId, botUser, user: target.user ?? user, guild: null, channel: null, ...optionalContext(target) };
    }
    const guild = target.guildId ? guilds.find((g) => g.id === target.guildId) : guilds[0];
    if (!guild) throw new Error(`Discord stand-in: unknown guild ${String(target.guildId)}`);
    const channel = target.channelId
      ? guild.channels.find((c) => c.id === target.channelId)
      : (guild.channels.find((c) => c.type === ChannelType.GuildText) ?? guild.channels[0]);
    if (!channel) throw new Error(`Discord stand-in: unknown channel ${String(target.channelId)} in guild ${guild.id}`);
    return { applicationId, botUser, user: target.user ?? user, guild, channel, ...optionalContext(target) };
  };

  const resolveMessage = (message: APIMessage | string | undefined): APIMessage | undefined => {
    if (typeof message !== 'string') return message;
    const found = state.messages.get(message);
    if (!found) throw new Error(`Discord stand-in: no message ${message} (pass a message object instead)`);
    return found;
  };

  const withCommand = (input: SlashCommandInput & InteractionTarget, ctx: InteractionContext): SlashCommandInput => {
    if (input.commandId) return input;
    const registered = state.commandByName(input.name, ctx.guild?.id ?? null);
    if (!registered) return input;
    return { ...input, commandId: registered.id, ...(registered.guild_id ? { commandGuildId: registered.guild_id } : {}) };
  };

  const sendInteraction = <P extends APIInteraction>(payload: P): SentInteraction<P> => {
    registerInteraction(state, payload);
    const sentAt = performance.now();
    const seq = gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return { id: payload.id, token: payload.token, applicationId, payload, seq, sentAt };
  };

  const standIn: DiscordStandIn = {
    apiUrl: `${http.baseUrl}/api`,
    baseUrl: http.baseUrl,
    gatewayUrl,
    resumeGatewayUrl,
    port: http.port,
    token,
    applicationId,
    botUser,
    user,
    guilds,
    requests,
    gatewayEvents: gateway.log,
    gatewayConnections: gateway.connections,
    state,

    clearRequests: () => {
      requests.length = 0;
    },
    unhandledRequests: () => requests.filter((r) => r.unhandled),
    waitForRequest: (predicate, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      waiters.waitFor(() => requests.find(predicate), timeoutMs, 'a matching request'),
    waitForCallback: (interaction, timeoutMs = DEFAULT_TIMEOUT_MS) => {
      const id = typeof interaction === 'string' ? interaction : interaction.id;
      return waiters.waitFor(
        () =>
          requests.find(
            (r) => r.method === 'POST' && r.route.startsWith(`/interactions/${id}/`) && r.route.endsWith('/callback') && r.status < 300,
          ),
        timeoutMs,
        `the callback of interaction ${id}`,
      );
    },
    waitForGatewayEvent: (predicate, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      waiters.waitFor(() => gateway.log.find(predicate), timeoutMs, 'a matching gateway event'),
    waitForIdentify: (count = 1, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      nthGatewayEntry('received', (e) => e.op === GatewayOpcodes.Identify, count, timeoutMs, `IDENTIFY #${count}`),
    waitForReady: (count = 1, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      nthGatewayEntry('sent', (e) => e.t === GatewayDispatchEvents.Ready, count, timeoutMs, `READY #${count}`),
    waitForResume: (count = 1, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      nthGatewayEntry('received', (e) => e.op === GatewayOpcodes.Resume, count, timeoutMs, `RESUME #${count}`),
    waitForResumed: (count = 1, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      nthGatewayEntry('sent', (e) => e.t === GatewayDispatchEvents.Resumed, count, timeoutMs, `RESUMED #${count}`),

    dispatch: (t, d) => gateway.dispatch(t, d),
    sendInteraction,
    sendSlashCommand: (input) => {
      const ctx = context(input);
      return sendInteraction(makeSlashCommand(ctx, withCommand(input, ctx)));
    },
    sendAutocomplete: (input) => {
      const ctx = context(input);
      return sendInteraction(makeAutocomplete(ctx, withCommand(input, ctx)));
    },
    sendButton: (input) => {
      const ctx = context(input);
      const message =
        resolveMessage(input.message) ??
        makeButtonMessage({
          channelId: ctx.channel?.id ?? snowflake(),
          botUser,
          applicationId,
          customId: input.customId,
        });
      return sendInteraction(makeButton(ctx, { customId: input.customId, message }));
    },
    sendMessageContextMenu: (input) => {
      const ctx = context(input);
      const target =
        resolveMessage(input.target) ??
        makeMessage({
          channel_id: ctx.channel?.id ?? snowflake(),
          author: ctx.user,
          content: input.targetContent ?? 'A message to quote.',
          type: MessageType.Default,
        });
      if (!state.messages.has(target.id)) state.messages.set(target.id, target);
      const registered = input.commandId ? undefined : state.commandByName(input.name, ctx.guild?.id ?? null);
      const commandId = input.commandId ?? registered?.id;
      return sendInteraction(makeMessageContextMenu(ctx, { name: input.name, target, ...(commandId ? { commandId } : {}) }));
    },
    sendModalSubmit: (input) => {
      const ctx = context(input);
      const message = resolveMessage(input.message);
      return sendInteraction(makeModalSubmit(ctx, { ...input, message }));
    },
    interactionContext: context,

    interaction: (id) => state.interactions.get(id),
    originalResponse: (id) => {
      const messageId = state.interactions.get(id)?.originalMessageId;
      return messageId ? state.messages.get(messageId) : undefined;
    },
    followUps: (id) =>
      (state.interactions.get(id)?.followUpIds ?? []).flatMap((mid) => {
        const message = state.messages.get(mid);
        return message ? [message] : [];
      }),
    message: (id) => state.messages.get(id),
    commands: (guildId = null) => [...state.commandsFor(guildId).values()],

    failNext: (rule) => rest.failNext(rule),
    clearFailures: () => rest.clearFailures(),

    dropConnection: () => gateway.dropConnection(),
    closeConnection: (code, reason) => gateway.closeConnection(code, reason),
    invalidateSession: (resumable) => gateway.invalidateSession(resumable),
    requestReconnect: () => gateway.requestReconnect(),
    requestHeartbeat: () => gateway.requestHeartbeat(),
    setHeartbeatAck: (enabled) => {
      gateway.ackHeartbeats = enabled;
    },

    addAttachment: (filename, contentType, data, attachmentOptions = {}) => {
      const channelId =
        attachmentOptions.channelId ?? guilds[0]?.channels.find((c) => c.type === ChannelType.GuildText)?.id ?? snowflake();
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
      return state.addAttachment(channelId, filename, contentType, bytes, attachmentOptions.description);
    },

    close: async () => {
      waiters.close();
      await gateway.close();
      await http.close();
    },
  };
  return standIn;
}

function optionalContext(target: InteractionTarget): Partial<InteractionContext> {
  return {
    ...(target.locale ? { locale: target.locale } : {}),
    ...(target.memberPermissions ? { memberPermissions: target.memberPermissions } : {}),
    ...(target.appPermissions ? { appPermissions: target.appPermissions } : {}),
  };
}

