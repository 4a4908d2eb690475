/**
 * Turning message create/edit bodies (channel messages, interaction responses,
 * webhook follow-ups) into stored message objects, with light validation of
 * Discord's documented limits and attachment handling for multipart uploads.
 */
import { MessageFlags } from 'discord.js';
import type { APIAttachment, APIEmbed, APIMessage, APIMessageTopLevelComponent } from 'discord.js';
import { invalidFormBody } from './errors.ts';
import { makeMessage } from './payloads.ts';
import type { StandInState } from './state.ts';
import type { RecordedFile } from './types.ts';
import { isoTimestamp } from './util.ts';

/** Flags a bot may set when sending/editing. */
const SETTABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

type Body = Record<string, unknown>;

export function asBody(value: unknown): Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {};
}

/** Validate the documented limits we care about; `prefix` is the form path (e.g. 'data'). */
export function validateMessageBody(body: Body, prefix: string): void {
  const at = (field: string): string => (prefix ? `${prefix}.${field}` : field);
  if ('content' in body && body.content !== null && body.content !== undefined) {
    if (typeof body.content !== 'string') throw invalidFormBody(at('content'), 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    if ([...body.content].length > 2000) {
      throw invalidFormBody(at('content'), 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
    }
  }
  if (Array.isArray(body.embeds) && body.embeds.length > 10) {
    throw invalidFormBody(at('embeds'), 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  }
  if (Array.isArray(body.components) && body.components.length > 5 && !isComponentsV2(body)) {
    throw invalidFormBody(at('components'), 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  }
}

function isComponentsV2(body: Body): boolean {
  return typeof body.flags === 'number' && (body.flags & MessageFlags.IsComponentsV2) !== 0;
}

function fileIndex(file: RecordedFile, position: number): number {
  const match = /^files\[(\d+)\]$/.exec(file.fieldName);
  return match?.[1] !== undefined ? Number(match[1]) : position;
}

/**
 * Resolve the attachments of a message: uploaded files become stored attachments
 * (served by the CDN route); `body.attachments` names which existing ones to keep on edit.
 */
function resolveAttachments(
  state: StandInState,
  channelId: string,
  body: Body,
  files: RecordedFile[],
  existing: APIAttachment[],
): APIAttachment[] | undefined {
  const descriptors = Array.isArray(body.attachments) ? (body.attachments as Array<Record<string, unknown>>) : undefined;
  if (!descriptors && files.length === 0) return undefined;
  const kept = descriptors
    ? existing.filter((attachment) => descriptors.some((d) => String(d.id) === attachment.id))
    : existing;
  const uploaded = files.map((file, position) => {
    const index = fileIndex(file, position);
    const descriptor = descriptors?.find((d) => String(d.id) === String(index));
    const filename = typeof descriptor?.filename === 'string' ? descriptor.filename : file.filename;
    const description = typeof descriptor?.description === 'string' ? descriptor.description : undefined;
    return state.addAttachment(channelId, filename, file.contentType, file.data, description);
  });
  return [...kept, ...uploaded];
}

export interface NewMessageInput {
  channelId: string;
  body: Body;
  files: RecordedFile[];
  /** Extra fields (author, type, webhook_id, interaction_metadata, flags...). */
  extra: Partial<APIMessage> & { author: APIMessage['author'] };
}

export function createMessage(state: StandInState, input: NewMessageInput): APIMessage {
  const { body } = input;
  const flags = (typeof body.flags === 'number' ? body.flags & SETTABLE_FLAGS : 0) | (input.extra.flags ?? 0);
  const message = makeMessage({
    ...input.extra,
    channel_id: input.channelId,
    content: typeof body.content === 'string' ? body.content : '',
    embeds: Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [],
    components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
    tts: body.tts === true,
    flags,
    attachments: resolveAttachments(state, input.channelId, body, input.files, []) ?? [],
    ...(typeof body.nonce === 'string' || typeof body.nonce === 'number' ? { nonce: body.nonce } : {}),
    ...(body.message_reference ? { message_reference: body.message_reference as APIMessage['message_reference'] } : {}),
  });
  state.messages.set(message.id, message);
  return message;
}

/** Apply an edit body (PATCH semantics: only present fields change). */
export function editMessage(state: StandInState, message: APIMessage, body: Body, files: RecordedFile[]): APIMessage {
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  const updated: APIMessage = { ...message };
  if ('content' in body) updated.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) updated.embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
  if ('components' in body) {
    updated.components = Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [];
  }
  if (typeof body.flags === 'number') {
    updated.flags = ((message.flags ?? 0) & ~SETTABLE_FLAGS) | (body.flags & SETTABLE_FLAGS);
  }
  const attachments = resolveAttachments(state, message.channel_id, body, files, message.attachments);
  if (attachments) updated.attachments = attachments;
  if (wasLoading) {
    // Completing a deferred response: the loading state ends, it is not an "edit".
    updated.flags = (updated.flags ?? 0) & ~MessageFlags.Loading;
  } else {
    updated.edited_timestamp = isoTimestamp();
  }
  state.messages.set(updated.id, updated);
  return updated;
}
