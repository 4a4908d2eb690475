/**
 * In-memory "Discord" state shared by the REST and gateway halves:
 * fixtures, interactions and their responses, messages, commands, attachments.
 */
import type {
  APIApplicationCommand,
  APIAttachment,
  APIInteraction,
  APIMessage,
  APIUser,
  InteractionResponseType,
  InteractionType,
} from 'discord.js';
import type { ChannelFixture, GuildFixture } from './types.ts';
import { randomToken, snowflake } from './util.ts';

export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  /** performance.now() when dispatched. */
  createdAt: number;
  acknowledged: boolean;
  /** The InteractionResponseType of the accepted initial callback. */
  responseType: InteractionResponseType | null;
  /** Message created by the initial response (type 4/5) or updated by type 6/7. */
  originalMessageId: string | null;
  /** Body of the accepted initial callback. */
  callbackBody: unknown;
  /** Follow-up messages sent through the interaction webhook. */
  followUpIds: string[];
}

export interface StoredAttachment {
  attachment: APIAttachment;
  data: Buffer;
  channelId: string;
}

export class StandInState {
  readonly interactions = new Map<string, InteractionRecord>();
  readonly messages = new Map<string, APIMessage>();
  readonly globalCommands = new Map<string, APIApplicationCommand>();
  readonly guildCommands = new Map<string, Map<string, APIApplicationCommand>>();
  readonly attachments = new Map<string, StoredAttachment>();
  /** Channels outside the guild fixtures that interactions came from (e.g. DMs). */
  readonly extraChannels = new Map<string, { id: string; type: number }>();
  baseUrl = '';

  constructor(
    readonly applicationId: string,
    readonly botUser: APIUser,
    readonly user: APIUser,
    readonly guilds: GuildFixture[],
    readonly token: string,
  ) {}

  interactionByToken(token: string): InteractionRecord | undefined {
    for (const record of this.interactions.values()) if (record.token === token) return record;
    return undefined;
  }

  findChannel(channelId: string): { guild: GuildFixture; channel: ChannelFixture } | undefined {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === channelId);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  findUser(userId: string): APIUser | undefined {
    if (userId === this.botUser.id) return this.botUser;
    if (userId === this.user.id) return this.user;
    for (const guild of this.guilds) {
      const member = guild.members.find((m) => m.id === userId);
      if (member) return member;
    }
    return undefined;
  }

  commandsFor(guildId: string | null): Map<string, APIApplicationCommand> {
    if (guildId === null) return this.globalCommands;
    let commands = this.guildCommands.get(guildId);
    if (!commands) {
      commands = new Map();
      this.guildCommands.set(guildId, commands);
    }
    return commands;
  }

  /** A registered command by name: guild command first, then global. */
  commandByName(name: string, guildId: string | null): APIApplicationCommand | undefined {
    const inGuild = guildId ? [...(this.guildCommands.get(guildId)?.values() ?? [])].find((c) => c.name === name) : undefined;
    return inGuild ?? [...this.globalCommands.values()].find((c) => c.name === name);
  }

  /** Register bytes under a CDN-like URL and return the attachment object. */
  addAttachment(channelId: string, filename: string, contentType: string, data: Buffer, description?: string): APIAttachment {
    const id = snowflake();
    const now = Math.floor(Date.now() / 1000);
    const signature = `ex=${(now + 86_400).toString(16)}&is=${now.toString(16)}&hm=${randomToken(32).slice(0, 64)}&`;
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    const attachment: APIAttachment = {
      id,
      filename,
      size: data.length,
      url: `${this.baseUrl}${path}?${signature}`,
      proxy_url: `${this.baseUrl}${path}?${signature}`,
      content_type: contentType,
      ...(description === undefined ? {} : { description }),
    };
    this.attachments.set(id, { attachment, data, channelId });
    return attachment;
  }
}
