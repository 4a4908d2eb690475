/**
 * Interaction responses and the interaction webhook:
 *   POST   /interactions/:id/:token/callback           (?with_response=true|false)
 *   POST   /webhooks/:app/:token                        (follow-up; ?wait=true)
 *   GET/PATCH/DELETE /webhooks/:app/:token/messages/:id (:id may be @original)
 *
 * discord.js v14.28 always sends `?with_response=false` unless `withResponse: true`
 * is passed; then it expects 200 with an InteractionCallbackResponse, else 204.
 * None of these routes carry an Authorization header (`auth: false` in discord.js).
 */
import { performance } from 'node:perf_hooks';
import { ApplicationCommandType, InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord.js';
import type {
  APIInteraction,
  APIMessage,
  APIMessageInteractionMetadata,
  RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord.js';
import {
  DiscordHttpError,
  alreadyAcknowledged,
  invalidFormBody,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './errors.ts';
import { asBody, createMessage, editMessage, validateMessageBody } from './messages.ts';
import type { RestRequest, RestResult, RouteDefinition } from './rest.ts';
import type { InteractionRecord, StandInState } from './state.ts';
import { snowflake } from './util.ts';

export interface InteractionRoutesOptions {
  state: StandInState;
  /** ms after dispatch within which the initial response must arrive; null = no limit. */
  callbackDeadlineMs: number | null;
}

const ALLOWED_RESPONSES: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

function interactionMetadata(record: InteractionRecord): APIMessageInteractionMetadata {
  const payload = record.payload;
  const user = payload.member?.user ?? payload.user;
  if (!user) throw new Error('interaction without user');
  const base = { id: record.id, user, authorizing_integration_owners: payload.authorizing_integration_owners };
  switch (payload.type) {
    case InteractionType.MessageComponent:
      return { ...base, type: InteractionType.MessageComponent, interacted_message_id: payload.message.id };
    case InteractionType.ModalSubmit:
      return {
        ...base,
        type: InteractionType.ModalSubmit,
        triggering_interaction_metadata: payload.message
          ? { ...base, id: snowflake(), type: InteractionType.MessageComponent, interacted_message_id: payload.message.id }
          : { ...base, id: snowflake(), type: InteractionType.ApplicationCommand },
      };
    default:
      return {
        ...base,
        type: InteractionType.ApplicationCommand,
        ...(payload.type === InteractionType.ApplicationCommand && payload.data.type === ApplicationCommandType.Message
          ? { target_message_id: payload.data.target_id }
          : {}),
      };
  }
}

function responseMessageType(payload: APIInteraction): MessageType {
  if (payload.type !== InteractionType.ApplicationCommand) return MessageType.Default;
  return payload.data.type === ApplicationCommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
}

function hasSendableContent(body: Record<string, unknown>, fileCount: number): boolean {
  const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  return (
    (typeof body.content === 'string' && body.content.length > 0) ||
    nonEmpty(body.embeds) ||
    nonEmpty(body.components) ||
    nonEmpty(body.sticker_ids) ||
    body.poll !== undefined ||
    fileCount > 0
  );
}

function validateAutocomplete(data: Record<string, unknown>): void {
  const choices = data.choices;
  if (!Array.isArray(choices)) throw invalidFormBody('data.choices', 'BASE_TYPE_REQUIRED', 'This field is required');
  if (choices.length > 25) throw invalidFormBody('data.choices', 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice: unknown, i) => {
    const c = asBody(choice);
    const name = typeof c.name === 'string' ? [...c.name].length : 0;
    if (name < 1 || name > 100) {
      throw invalidFormBody(`data.choices.${i}.name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    if (typeof c.value === 'string' && [...c.value].length > 100) {
      throw invalidFormBody(`data.choices.${i}.value`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
  });
}

function validateModal(data: Record<string, unknown>): void {
  const title = typeof data.title === 'string' ? [...data.title].length : 0;
  if (title < 1 || title > 45) throw invalidFormBody('data.title', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 45 in length.');
  const customId = typeof data.custom_id === 'string' ? data.custom_id.length : 0;
  if (customId < 1 || customId > 100) {
    throw invalidFormBody('data.custom_id', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  const components = Array.isArray(data.components) ? data.components.length : 0;
  if (components < 1 || components > 5) {
    throw invalidFormBody('data.components', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
}

export function interactionRoutes(options: InteractionRoutesOptions): RouteDefinition[] {
  const { state } = options;

  const messageFor = (record: InteractionRecord, messageId: string): APIMessage => {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    if (!id || (id !== record.originalMessageId && !record.followUpIds.includes(id))) throw unknownMessage();
    const message = state.messages.get(id);
    if (!message) throw unknownMessage();
    return message;
  };

  const webhookRecord = (req: RestRequest): InteractionRecord => {
    if (req.params.app !== state.applicationId) throw unknownWebhook();
    const record = state.interactionByToken(req.params.token ?? '');
    if (!record || !record.acknowledged) throw unknownWebhook();
    return record;
  };

  const callback = (req: RestRequest): RestResult => {
    const record = state.interactions.get(req.params.id ?? '');
    if (!record || record.token !== req.params.token) throw unknownInteraction();
    if (options.callbackDeadlineMs !== null && req.receivedAt - record.createdAt > options.callbackDeadlineMs) {
      throw unknownInteraction();
    }
    if (record.acknowledged) throw alreadyAcknowledged();
    const body = asBody(req.body);
    const type = body.type as InteractionResponseType;
    if (!ALLOWED_RESPONSES[record.type]?.includes(type)) {
      throw invalidFormBody('type', 'INTERACTION_RESPONSE_TYPE_INVALID', `Interaction response type ${String(type)} is not valid here.`);
    }
    const payload = record.payload;
    const data = asBody(body.data);
    const channelId = payload.channel?.id ?? '';
    let message: APIMessage | null = null;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        validateMessageBody(data, 'data');
        if (!hasSendableContent(data, req.files.length)) {
          throw new DiscordHttpError(400, { message: 'Cannot send an empty message', code: 50006 });
        }
        message = createMessage(state, {
          channelId,
          body: data,
          files: req.files,
          extra: {
            author: state.botUser,
            webhook_id: state.applicationId,
            application_id: state.applicationId,
            type: responseMessageType(payload),
            interaction_metadata: interactionMetadata(record),
          },
        });
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = (typeof data.flags === 'number' ? data.flags & MessageFlags.Ephemeral : 0) | MessageFlags.Loading;
        message = createMessage(state, {
          channelId,
          body: {},
          files: [],
          extra: {
            author: state.botUser,
            webhook_id: state.applicationId,
            application_id: state.applicationId,
            type: responseMessageType(payload),
            interaction_metadata: interactionMetadata(record),
            flags,
          },
        });
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const source = 'message' in payload ? payload.message : undefined;
        if (!source) throw invalidFormBody('type', 'INTERACTION_RESPONSE_TYPE_INVALID', 'No message to update.');
        const existing = state.messages.get(source.id) ?? source;
        state.messages.set(existing.id, existing);
        if (type === InteractionResponseType.UpdateMessage) {
          validateMessageBody(data, 'data');
          message = editMessage(state, existing, data, req.files);
        } else {
          message = existing;
        }
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        validateAutocomplete(data);
        break;
      case InteractionResponseType.Modal:
        validateModal(data);
        break;
      default:
        break;
    }

    record.acknowledged = true;
    record.responseType = type;
    record.callbackBody = req.body;
    record.originalMessageId = message?.id ?? null;

    if (req.query.with_response !== 'true') return { status: 204 };
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: record.id,
        type: record.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(message
        ? {
            resource: {
              type: type as
                | InteractionResponseType.ChannelMessageWithSource
                | InteractionResponseType.DeferredChannelMessageWithSource
                | InteractionResponseType.UpdateMessage,
              message,
            },
          }
        : {}),
    };
    return { status: 200, body: result };
  };

  const followUp = (req: RestRequest): RestResult => {
    const record = webhookRecord(req);
    const body = asBody(req.body);
    validateMessageBody(body, '');
    if (!hasSendableContent(body, req.files.length)) {
      throw new DiscordHttpError(400, { message: 'Cannot send an empty message', code: 50006 });
    }
    const message = createMessage(state, {
      channelId: record.payload.channel?.id ?? '',
      body,
      files: req.files,
      extra: {
        author: state.botUser,
        webhook_id: state.applicationId,
        application_id: state.applicationId,
        type: MessageType.Default,
        interaction_metadata: interactionMetadata(record),
      },
    });
    record.followUpIds.push(message.id);
    return req.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
  };

  return [
    { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handler: callback },
    { method: 'POST', pattern: '/webhooks/:app/:token', auth: false, handler: followUp },
    {
      method: 'GET',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handler: (req) => ({ status: 200, body: messageFor(webhookRecord(req), req.params.message ?? '') }),
    },
    {
      method: 'PATCH',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handler: (req) => {
        const record = webhookRecord(req);
        const message = messageFor(record, req.params.message ?? '');
        const body = asBody(req.body);
        validateMessageBody(body, '');
        return { status: 200, body: editMessage(state, message, body, req.files) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handler: (req) => {
        const record = webhookRecord(req);
        const message = messageFor(record, req.params.message ?? '');
        state.messages.delete(message.id);
        return { status: 204 };
      },
    },
  ];
}

/** Register a dispatched interaction so the callback/webhook routes know it. */
export function registerInteraction(state: StandInState, payload: APIInteraction): InteractionRecord {
  const record: InteractionRecord = {
    id: payload.id,
    token: payload.token,
    type: payload.type,
    payload,
    createdAt: performance.now(),
    acknowledged: false,
    responseType: null,
    originalMessageId: null,
    callbackBody: undefined,
    followUpIds: [],
  };
  state.interactions.set(record.id, record);
  if ('message' in payload && payload.message && !state.messages.has(payload.message.id)) {
    state.messages.set(payload.message.id, payload.message);
  }
  const channel = payload.channel;
  if (channel && !state.findChannel(channel.id)) state.extraChannels.set(channel.id, { id: channel.id, type: channel.type });
  return record;
}
