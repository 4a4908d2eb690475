/**
 * Builders for realistic Discord API v10 payloads: users, guilds (GUILD_CREATE),
 * READY, messages and INTERACTION_CREATE data. Shapes follow discord-api-types
 * (re-exported by discord.js), so `tsc` checks required fields for us.
 */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIActionRowComponent,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIButtonComponent,
  APIChannel,
  APIChatInputApplicationCommandInteraction,
  APIComponentInMessageActionRow,
  APIGuildMember,
  APIInteractionDataResolved,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIModalSubmissionComponent,
  APIModalSubmitInteraction,
  APIRole,
  APIUser,
  ApplicationFlags,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  MessageFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import type { ChannelFixture, GuildFixture, GuildSpec, RoleFixture } from './types.ts';
import { isoTimestamp, randomToken, snowflake } from './util.ts';

// ---------------------------------------------------------------------------
// Permissions

function bits(...flags: bigint[]): string {
  return flags.reduce((acc, flag) => acc | flag, 0n).toString();
}

/** Roughly what @everyone gets in a new server. */
export const EVERYONE_PERMISSIONS = bits(
  PermissionFlagsBits.CreateInstantInvite,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.Stream,
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.MentionEveryone,
  PermissionFlagsBits.UseExternalEmojis,
  PermissionFlagsBits.Connect,
  PermissionFlagsBits.Speak,
  PermissionFlagsBits.UseVAD,
  PermissionFlagsBits.ChangeNickname,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.SendMessagesInThreads,
);

/** The managed role a bot gets from its install link (typical "send messages" scope). */
export const BOT_ROLE_PERMISSIONS = bits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseExternalEmojis,
  PermissionFlagsBits.UseApplicationCommands,
);

export function combinePermissions(...values: string[]): string {
  return values.reduce((acc, value) => acc | BigInt(value), 0n).toString();
}

// ---------------------------------------------------------------------------
// Users, roles, channels, members

export function makeUser(partial: Partial<APIUser> = {}): APIUser {
  return {
    id: partial.id ?? snowflake(),
    username: partial.username ?? 'tester',
    discriminator: partial.discriminator ?? '0',
    global_name: partial.global_name ?? null,
    avatar: partial.avatar ?? null,
    avatar_decoration_data: null,
    banner: null,
    accent_color: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    ...partial,
  };
}

export function makeBotUser(partial: Partial<APIUser> & { id: string }): APIUser {
  return {
    username: 'Verbatim',
    discriminator: '4821',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
    email: null,
    flags: 0 as UserFlags,
    public_flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    ...partial,
  };
}

/** Fill in ids and defaults for a guild spec. */
export function resolveGuild(spec: GuildSpec, botUser: APIUser, user: APIUser, index: number): GuildFixture {
  const id = spec.id ?? snowflake();
  const channels: ChannelFixture[] = (spec.channels ?? [{ name: 'general' }]).map((channel, position) => ({
    id: channel.id ?? snowflake(),
    name: channel.name,
    type: channel.type ?? ChannelType.GuildText,
    parentId: channel.parentId ?? null,
    topic: channel.topic ?? null,
    position: channel.position ?? position,
  }));
  const roles: RoleFixture[] = [
    { id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 },
    { id: snowflake(), name: botUser.username, permissions: BOT_ROLE_PERMISSIONS, position: 1, managed: true, botId: botUser.id },
    ...(spec.roles ?? []).map((role, i) => ({
      id: role.id ?? snowflake(),
      name: role.name,
      permissions: role.permissions ?? '0',
      position: role.position ?? i + 2,
      ...(role.managed === undefined ? {} : { managed: role.managed }),
      ...(role.botId === undefined ? {} : { botId: role.botId }),
    })),
  ];
  const members = [user, ...(spec.members ?? []).filter((m) => m.id !== user.id)];
  return {
    id,
    name: spec.name ?? (index === 0 ? 'Verbatim Test Server' : `Verbatim Test Server ${index + 1}`),
    ownerId: spec.ownerId ?? snowflake(),
    locale: spec.locale ?? Locale.EnglishUS,
    channels,
    roles,
    members,
    joinedAt: isoTimestamp(),
  };
}

export function makeRole(role: RoleFixture): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position ?? 0,
    permissions: role.permissions,
    managed: role.managed ?? false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function makeGuildChannel(guildId: string, channel: ChannelFixture): APIChannel {
  const base = {
    id: channel.id,
    guild_id: guildId,
    name: channel.name,
    position: channel.position ?? 0,
    permission_overwrites: [],
    parent_id: channel.parentId ?? null,
    flags: 0,
  };
  switch (channel.type) {
    case ChannelType.GuildCategory:
      return { ...base, type: ChannelType.GuildCategory, parent_id: null };
    case ChannelType.GuildVoice:
      return {
        ...base,
        type: ChannelType.GuildVoice,
        bitrate: 64000,
        user_limit: 0,
        rtc_region: null,
        nsfw: false,
        rate_limit_per_user: 0,
        last_message_id: null,
      };
    case ChannelType.GuildAnnouncement:
      return {
        ...base,
        type: ChannelType.GuildAnnouncement,
        topic: channel.topic ?? null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        last_pin_timestamp: null,
        default_auto_archive_duration: 1440,
        default_thread_rate_limit_per_user: 0,
      };
    default:
      return {
        ...base,
        type: ChannelType.GuildText,
        topic: channel.topic ?? null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        last_pin_timestamp: null,
        default_auto_archive_duration: 1440,
        default_thread_rate_limit_per_user: 0,
      };
  }
}

export function makeMember(user: APIUser, roleIds: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: roleIds,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** Role ids (excluding @everyone) a guild member has. */
function memberRoleIds(guild: GuildFixture, userId: string): string[] {
  return guild.roles.filter((role) => role.id !== guild.id && role.botId === userId).map((role) => role.id);
}

/** Effective guild-level permissions of a member (@everyone + their roles; owner = all). */
export function memberPermissions(guild: GuildFixture, userId: string): string {
  if (guild.ownerId === userId) return (PermissionFlagsBits.Administrator | allPermissions()).toString();
  const roleIds = new Set([guild.id, ...memberRoleIds(guild, userId)]);
  const permissions = guild.roles.filter((role) => roleIds.has(role.id)).map((role) => role.permissions);
  const combined = BigInt(combinePermissions(...permissions));
  if (combined & PermissionFlagsBits.Administrator) return allPermissions().toString();
  return combined.toString();
}

function allPermissions(): bigint {
  return Object.values(PermissionFlagsBits).reduce((acc, flag) => acc | flag, 0n);
}

// ---------------------------------------------------------------------------
// Gateway payloads

/** GatewayMessageContentLimited (1 << 19): what a new, unverified bot without the privileged intent has. */
export const APPLICATION_FLAGS = (1 << 19) as ApplicationFlags;

export function makeReady(options: {
  botUser: APIUser;
  applicationId: string;
  guilds: GuildFixture[];
  sessionId: string;
  resumeGatewayUrl: string;
  shard: [number, number];
}): GatewayReadyDispatchData {
  return {
    v: 10,
    user: options.botUser,
    guilds: options.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
    session_id: options.sessionId,
    resume_gateway_url: options.resumeGatewayUrl,
    shard: options.shard,
    application: { id: options.applicationId, flags: APPLICATION_FLAGS, flags_new: String(APPLICATION_FLAGS) },
  };
}

export function makeGuildCreate(guild: GuildFixture, botUser: APIUser): GatewayGuildCreateDispatchData {
  const memberUsers = [botUser, ...guild.members];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: guild.roles.map(makeRole),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels.find((c) => c.type === ChannelType.GuildText)?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.locale as Locale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    // GUILD_CREATE extras
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: memberUsers.length,
    voice_states: [],
    members: memberUsers.map((user) => makeMember(user, memberRoleIds(guild, user.id), guild.joinedAt)),
    channels: guild.channels.map((channel) => makeGuildChannel(guild.id, channel)) as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

// ---------------------------------------------------------------------------
// Messages

export function makeMessage(partial: Partial<APIMessage> & { channel_id: string; author: APIUser }): APIMessage {
  return {
    id: snowflake(),
    type: MessageType.Default,
    content: '',
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    timestamp: isoTimestamp(),
    edited_timestamp: null,
    flags: 0 as MessageFlags,
    components: [],
    tts: false,
    mention_everyone: false,
    pinned: false,
    ...partial,
  };
}

/** A bot message with one row of buttons, as a component interaction's `message`. */
export function makeButtonMessage(options: {
  channelId: string;
  botUser: APIUser;
  applicationId: string;
  customId: string;
  content?: string;
}): APIMessage {
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: 1, label: 'Button', custom_id: options.customId } satisfies APIButtonComponent],
  };
  return makeMessage({
    channel_id: options.channelId,
    author: options.botUser,
    content: options.content ?? '',
    components: [row],
    application_id: options.applicationId,
    webhook_id: options.applicationId,
    type: MessageType.ChatInputCommand,
  });
}

// ---------------------------------------------------------------------------
// Interactions

/** Where/by whom an interaction is sent. */
export interface InteractionContext {
  applicationId: string;
  botUser: APIUser;
  user: APIUser;
  /** null for a DM with the bot. */
  guild: GuildFixture | null;
  /** Guild channel (ignored for DMs). */
  channel: ChannelFixture | null;
  locale?: Locale | `${Locale}`;
  /** Invoking member's permissions (guild only); computed from roles when omitted. */
  memberPermissions?: string;
  /** The bot's permissions in the channel; computed from its role when omitted. */
  appPermissions?: string;
}

type BaseFields = Pick<
  APIChatInputApplicationCommandInteraction,
  | 'id'
  | 'application_id'
  | 'token'
  | 'version'
  | 'locale'
  | 'app_permissions'
  | 'entitlements'
  | 'authorizing_integration_owners'
  | 'context'
  | 'attachment_size_limit'
  | 'channel'
  | 'channel_id'
  | 'guild_id'
  | 'guild'
  | 'guild_locale'
  | 'member'
  | 'user'
>;

export function baseInteraction(ctx: InteractionContext): BaseFields {
  const id = snowflake();
  const token = Buffer.from(`interaction:${id}:${randomToken(48)}`).toString('base64url');
  const locale = (ctx.locale ?? Locale.EnglishUS) as Locale;
  const common = {
    id,
    application_id: ctx.applicationId,
    token,
    version: 1 as const,
    locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (!ctx.guild) {
    const dmChannelId = snowflake();
    return {
      ...common,
      app_permissions: combinePermissions(BOT_ROLE_PERMISSIONS, PermissionFlagsBits.MentionEveryone.toString()),
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
      context: InteractionContextType.BotDM,
      user: ctx.user,
      channel: { id: dmChannelId, type: ChannelType.DM, last_message_id: null, flags: 0 as ChannelFlags, recipients: [ctx.user] },
      channel_id: dmChannelId,
    };
  }
  const guild = ctx.guild;
  const channel = ctx.channel ?? guild.channels.find((c) => c.type === ChannelType.GuildText) ?? guild.channels[0];
  if (!channel) throw new Error(`guild ${guild.id} has no channels`);
  const permissions = ctx.memberPermissions ?? memberPermissions(guild, ctx.user.id);
  const member: APIInteractionGuildMember = {
    ...makeMember(ctx.user, memberRoleIds(guild, ctx.user.id), guild.joinedAt),
    user: ctx.user,
    permissions,
  };
  const apiChannel = makeGuildChannel(guild.id, channel);
  return {
    ...common,
    app_permissions: ctx.appPermissions ?? memberPermissions(guild, ctx.botUser.id),
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
    context: InteractionContextType.Guild,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.locale as Locale, features: [] },
    guild_locale: guild.locale as Locale,
    member,
    // Interaction payloads carry the channel with the invoker's computed permissions.
    channel: { ...apiChannel, permissions } as unknown as BaseFields['channel'],
    channel_id: channel.id,
  };
}

export interface SlashCommandInput {
  name: string;
  /** Raw API options, e.g. [{ name: 'question', type: 3, value: 'why?' }]. */
  options?: APIApplicationCommandInteractionDataOption[];
  commandId?: string;
  /** Set when the command is a guild command. */
  commandGuildId?: string;
  resolved?: APIInteractionDataResolved;
}

export function makeSlashCommand(ctx: InteractionContext, input: SlashCommandInput): APIChatInputApplicationCommandInteraction {
  return {
    ...baseInteraction(ctx),
    type: InteractionType.ApplicationCommand,
    data: {
      id: input.commandId ?? snowflake(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      ...(input.options ? { options: input.options } : {}),
      ...(input.resolved ? { resolved: input.resolved } : {}),
      ...(input.commandGuildId ? { guild_id: input.commandGuildId } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

export function makeAutocomplete(ctx: InteractionContext, input: SlashCommandInput): APIApplicationCommandAutocompleteInteraction {
  return {
    ...baseInteraction(ctx),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: input.commandId ?? snowflake(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      options: input.options ?? [],
      ...(input.commandGuildId ? { guild_id: input.commandGuildId } : {}),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

export function makeButton(ctx: InteractionContext, input: { customId: string; message: APIMessage }): APIMessageComponentButtonInteraction {
  return {
    ...baseInteraction(ctx),
    type: InteractionType.MessageComponent,
    message: input.message,
    data: { custom_id: input.customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}

export function makeMessageContextMenu(
  ctx: InteractionContext,
  input: { name: string; target: APIMessage; commandId?: string },
): APIMessageApplicationCommandInteraction {
  return {
    ...baseInteraction(ctx),
    type: InteractionType.ApplicationCommand,
    data: {
      id: input.commandId ?? snowflake(),
      name: input.name,
      type: ApplicationCommandType.Message,
      target_id: input.target.id,
      resolved: { messages: { [input.target.id]: input.target } },
    },
  } as APIMessageApplicationCommandInteraction;
}

export interface ModalSubmitInput {
  customId: string;
  /** Text input values by custom_id; rendered as label-wrapped text inputs (current Discord shape). */
  fields?: Record<string, string>;
  /** Use legacy action rows (type 1) instead of labels (type 18) for `fields`. */
  legacyActionRows?: boolean;
  /** Raw components; overrides `fields`. */
  components?: APIModalSubmissionComponent[];
  /** Set when the modal was opened from a message component. */
  message?: APIMessage;
}

export function makeModalSubmit(ctx: InteractionContext, input: ModalSubmitInput): APIModalSubmitInteraction {
  let nextId = 1;
  const components: APIModalSubmissionComponent[] =
    input.components ??
    Object.entries(input.fields ?? {}).map(([customId, value]) => {
      const textInput = { type: ComponentType.TextInput as const, id: nextId + 1, custom_id: customId, value };
      const wrapper = input.legacyActionRows
        ? { type: ComponentType.ActionRow as const, id: nextId, components: [textInput] }
        : { type: ComponentType.Label as const, id: nextId, component: textInput };
      nextId += 2;
      return wrapper;
    });
  return {
    ...baseInteraction(ctx),
    type: InteractionType.ModalSubmit,
    data: { custom_id: input.customId, components },
    ...(input.message ? { message: input.message } : {}),
  } as APIModalSubmitInteraction;
}
