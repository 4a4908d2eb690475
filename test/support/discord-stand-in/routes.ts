/**
 * The bot-token REST routes: gateway discovery, users, application + commands,
 * channels/messages. Interaction routes live in routes-interactions.ts.
 */
import { ApplicationCommandType, ApplicationIntegrationType } from 'discord.js';
import type { APIApplicationCommand, RESTGetAPIGatewayBotResult } from 'discord.js';
import {
  DiscordHttpError,
  invalidFormBody,
  unknownChannel,
  unknownCommand,
  unknownMessage,
  unknownUser,
} from './errors.ts';
import { asBody, createMessage, editMessage, validateMessageBody } from './messages.ts';
import { makeGuildChannel } from './payloads.ts';
import type { RestRequest, RestResult, RouteDefinition } from './rest.ts';
import type { StandInState } from './state.ts';
import { snowflake } from './util.ts';

export interface BotRoutesOptions {
  state: StandInState;
  gatewayUrl: string;
  /** Number of IDENTIFYs so far (for session_start_limit.remaining). */
  identifyCount: () => number;
}

const notAuthorizedForApp = (): DiscordHttpError =>
  new DiscordHttpError(403, { message: 'You are not authorized to perform this action on this application', code: 20012 });
const unknownGuild = (): DiscordHttpError => new DiscordHttpError(404, { message: 'Unknown Guild', code: 10004 });

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommand(body: Record<string, unknown>, path: string): void {
  const type = typeof body.type === 'number' ? body.type : ApplicationCommandType.ChatInput;
  const name = typeof body.name === 'string' ? body.name : '';
  if (type === ApplicationCommandType.ChatInput) {
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      throw invalidFormBody(`${path}name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    const description = typeof body.description === 'string' ? [...body.description].length : 0;
    if (description < 1 || description > 100) {
      throw invalidFormBody(`${path}description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
  } else if (name.length < 1 || name.length > 32) {
    throw invalidFormBody(`${path}name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  }
  if (Array.isArray(body.options) && body.options.length > 25) {
    throw invalidFormBody(`${path}options`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  }
}

export function botRoutes(options: BotRoutesOptions): RouteDefinition[] {
  const { state } = options;

  const application = () => ({
    id: state.applicationId,
    name: state.botUser.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: 'a'.repeat(64),
    flags: 1 << 19,
    hook: true,
    is_monetized: false,
    bot: state.botUser,
    owner: { id: state.guilds[0]?.ownerId ?? snowflake(), username: 'owner', discriminator: '0', global_name: null, avatar: null },
    team: null,
    redirect_uris: [],
    interactions_endpoint_url: null,
    integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {} },
  });

  const requireApp = (req: RestRequest): void => {
    if (req.params.app !== state.applicationId) throw notAuthorizedForApp();
  };

  const requireGuild = (req: RestRequest): string => {
    const guildId = req.params.guild ?? '';
    if (!state.guilds.some((g) => g.id === guildId)) throw unknownGuild();
    return guildId;
  };

  const buildCommand = (body: Record<string, unknown>, guildId: string | null, id: string): APIApplicationCommand => {
    const type = (typeof body.type === 'number' ? body.type : ApplicationCommandType.ChatInput) as ApplicationCommandType;
    return {
      id,
      application_id: state.applicationId,
      version: snowflake(),
      default_member_permissions: typeof body.default_member_permissions === 'string' ? body.default_member_permissions : null,
      type,
      name: String(body.name),
      name_localizations: (body.name_localizations as APIApplicationCommand['name_localizations']) ?? null,
      description: typeof body.description === 'string' ? body.description : '',
      description_localizations: (body.description_localizations as APIApplicationCommand['description_localizations']) ?? null,
      ...(guildId ? { guild_id: guildId } : {}),
      ...(Array.isArray(body.options) && body.options.length > 0
        ? { options: body.options as APIApplicationCommand['options'] }
        : {}),
      nsfw: body.nsfw === true,
      integration_types: (body.integration_types as APIApplicationCommand['integration_types']) ?? [
        ApplicationIntegrationType.GuildInstall,
      ],
      contexts: (body.contexts as APIApplicationCommand['contexts']) ?? null,
    } as APIApplicationCommand;
  };

  const commandRoutes = (prefix: string, scope: (req: RestRequest) => string | null): RouteDefinition[] => [
    {
      method: 'GET',
      pattern: prefix,
      auth: true,
      handler: (req) => {
        requireApp(req);
        return { status: 200, body: [...state.commandsFor(scope(req)).values()] };
      },
    },
    {
      method: 'PUT',
      pattern: prefix,
      auth: true,
      handler: (req) => {
        requireApp(req);
        const guildId = scope(req);
        if (!Array.isArray(req.body)) throw invalidFormBody('_root', 'BASE_TYPE_ARRAY', 'Must be an array.');
        const bodies = req.body.map(asBody);
        bodies.forEach((body, i) => validateCommand(body, `${i}.`));
        const commands = state.commandsFor(guildId);
        const previous = [...commands.values()];
        commands.clear();
        for (const body of bodies) {
          // Overwriting keeps the id of a command with the same name and type.
          const same = previous.find((c) => c.name === body.name && c.type === (body.type ?? ApplicationCommandType.ChatInput));
          const command = buildCommand(body, guildId, same?.id ?? snowflake());
          commands.set(command.id, command);
        }
        return { status: 200, body: [...commands.values()] };
      },
    },
    {
      method: 'POST',
      pattern: prefix,
      auth: true,
      handler: (req) => {
        requireApp(req);
        const guildId = scope(req);
        const body = asBody(req.body);
        validateCommand(body, '');
        const commands = state.commandsFor(guildId);
        const same = [...commands.values()].find((c) => c.name === body.name && c.type === (body.type ?? ApplicationCommandType.ChatInput));
        const command = buildCommand(body, guildId, same?.id ?? snowflake());
        commands.set(command.id, command);
        return { status: same ? 200 : 201, body: command };
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/:command`,
      auth: true,
      handler: (req) => {
        requireApp(req);
        const command = state.commandsFor(scope(req)).get(req.params.command ?? '');
        if (!command) throw unknownCommand();
        return { status: 200, body: command };
      },
    },
    {
      method: 'PATCH',
      pattern: `${prefix}/:command`,
      auth: true,
      handler: (req) => {
        requireApp(req);
        const guildId = scope(req);
        const commands = state.commandsFor(guildId);
        const existing = commands.get(req.params.command ?? '');
        if (!existing) throw unknownCommand();
        const merged = { ...existing, ...asBody(req.body) } as Record<string, unknown>;
        validateCommand(merged, '');
        const command = buildCommand(merged, guildId, existing.id);
        commands.set(command.id, command);
        return { status: 200, body: command };
      },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/:command`,
      auth: true,
      handler: (req) => {
        requireApp(req);
        if (!state.commandsFor(scope(req)).delete(req.params.command ?? '')) throw unknownCommand();
        return { status: 204 };
      },
    },
  ];

  const channelOf = (req: RestRequest): string => {
    const channelId = req.params.channel ?? '';
    if (!state.findChannel(channelId) && !state.extraChannels.has(channelId)) throw unknownChannel();
    return channelId;
  };

  const channelMessage = (req: RestRequest) => {
    const channelId = channelOf(req);
    const message = state.messages.get(req.params.message ?? '');
    if (!message || message.channel_id !== channelId) throw unknownMessage();
    return message;
  };

  const gatewayBot = (): RestResult => {
    const body: RESTGetAPIGatewayBotResult = {
      url: options.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: Math.max(0, 1000 - options.identifyCount()), reset_after: 86_400_000, max_concurrency: 1 },
    };
    return { status: 200, body };
  };

  return [
    { method: 'GET', pattern: '/gateway', auth: false, handler: () => ({ status: 200, body: { url: options.gatewayUrl } }) },
    { method: 'GET', pattern: '/gateway/bot', auth: true, handler: gatewayBot },
    { method: 'GET', pattern: '/users/@me', auth: true, handler: () => ({ status: 200, body: state.botUser }) },
    {
      method: 'GET',
      pattern: '/users/:user',
      auth: true,
      handler: (req) => {
        const user = state.findUser(req.params.user ?? '');
        if (!user) throw unknownUser();
        return { status: 200, body: user };
      },
    },
    { method: 'GET', pattern: '/applications/@me', auth: true, handler: () => ({ status: 200, body: application() }) },
    { method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handler: () => ({ status: 200, body: application() }) },
    ...commandRoutes('/applications/:app/commands', () => null),
    ...commandRoutes('/applications/:app/guilds/:guild/commands', requireGuild),
    {
      method: 'GET',
      pattern: '/channels/:channel',
      auth: true,
      handler: (req) => {
        const found = state.findChannel(channelOf(req));
        return { status: 200, body: found ? makeGuildChannel(found.guild.id, found.channel) : state.extraChannels.get(req.params.channel ?? '') };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channel/messages',
      auth: true,
      handler: (req) => {
        const channelId = channelOf(req);
        const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 50) || 50));
        const messages = [...state.messages.values()]
          .filter((m) => m.channel_id === channelId)
          .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
          .slice(0, limit);
        return { status: 200, body: messages };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/messages',
      auth: true,
      handler: (req) => {
        const channelId = channelOf(req);
        const body = asBody(req.body);
        validateMessageBody(body, '');
        const empty =
          !(typeof body.content === 'string' && body.content.length > 0) &&
          !(Array.isArray(body.embeds) && body.embeds.length > 0) &&
          !(Array.isArray(body.components) && body.components.length > 0) &&
          !(Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) &&
          body.poll === undefined &&
          req.files.length === 0;
        if (empty) throw new DiscordHttpError(400, { message: 'Cannot send an empty message', code: 50006 });
        const message = createMessage(state, { channelId, body, files: req.files, extra: { author: state.botUser } });
        return { status: 200, body: message };
      },
    },
    { method: 'GET', pattern: '/channels/:channel/messages/:message', auth: true, handler: (req) => ({ status: 200, body: channelMessage(req) }) },
    {
      method: 'PATCH',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handler: (req) => {
        const message = channelMessage(req);
        if (message.author.id !== state.botUser.id) {
          throw new DiscordHttpError(403, { message: 'Cannot edit a message authored by another user', code: 50005 });
        }
        const body = asBody(req.body);
        validateMessageBody(body, '');
        return { status: 200, body: editMessage(state, message, body, req.files) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handler: (req) => {
        state.messages.delete(channelMessage(req).id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/typing',
      auth: true,
      handler: (req) => {
        channelOf(req);
        return { status: 204 };
      },
    },
  ];
}
