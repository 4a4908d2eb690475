/**
 * The one reply module. Every message Verbatim sends — on Discord or printed by the console — is a
 * `Reply`, and passes through `prepareReply`, which:
 *   - sets `allowed_mentions: { parse: [] }`, so nothing in a quote or a question can ping anyone;
 *   - holds every part to Discord's limits (content, embeds, the 6,000-character total, buttons);
 *   - turns `ephemeral` into the message flag.
 * Renderers escape text they did not write with `escapeMarkdown` (markdown.ts) as they compose it.
 * (Pure: Discord's JSON types and enums only, no discord.js.)
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { DISCORD_LIMITS } from './limits.ts';
import { truncateAtWord } from './markdown.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** A reply, independent of the transport. Discord sends it; the console prints it. */
export type Reply = {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly ButtonRow[];
  /** Only the person who asked sees it. */
  readonly ephemeral?: boolean;
};

/** The JSON body Discord receives for a message (interaction response data, or an edit). */
export type MessageBody = {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  flags?: number;
  allowed_mentions: { parse: [] };
};

/** A button Verbatim offers; its state lives in `customId` (see custom-id.ts). `danger` for one that deletes. */
export type ButtonSpec = { readonly label: string; readonly customId: string; readonly primary?: boolean; readonly danger?: boolean; readonly disabled?: boolean };

/** One text field of a form: a label (and a line of help) around a text input. */
export type FormField = {
  readonly customId: string;
  readonly label: string;
  readonly description?: string;
  readonly paragraph?: boolean;
  readonly required: boolean;
  /** Prefilled text; must fit `maxLength` (a prefilled value is never cut: that would change what is saved). */
  readonly value?: string | undefined;
  readonly placeholder?: string;
  readonly maxLength?: number;
};

/** A form to fill in (Discord's modal, interaction response type 9). Its submission comes back by `customId`. */
export type Form = { readonly form: { readonly customId: string; readonly title: string; readonly fields: readonly FormField[] } };

export const isForm = (outcome: Reply | Form): outcome is Form => 'form' in outcome;

/**
 * Turns a form into the modal Discord receives: each field a label component (type 18) around a
 * text input, within Discord's limits. A custom_id, a prefilled value or a field count over the
 * limit is a bug in Verbatim, so it throws rather than lose state or text.
 */
export function prepareForm({ form }: Form): APIModalInteractionResponseCallbackData {
  if (form.customId.length > DISCORD_LIMITS.customId) throw new Error(`form custom_id longer than ${DISCORD_LIMITS.customId}: ${form.customId}`);
  if (form.fields.length < 1 || form.fields.length > DISCORD_LIMITS.formFields) throw new Error(`a form has 1 to ${DISCORD_LIMITS.formFields} fields, not ${form.fields.length}`);
  return {
    custom_id: form.customId,
    title: truncateAtWord(form.title, DISCORD_LIMITS.formTitle),
    components: form.fields.map((field) => {
      const maxLength = Math.min(field.maxLength ?? DISCORD_LIMITS.textInputValue, DISCORD_LIMITS.textInputValue);
      if (field.value !== undefined && field.value.length > maxLength) throw new Error(`form field ${field.customId} prefilled with ${field.value.length} characters, over ${maxLength}`);
      return {
        type: ComponentType.Label,
        label: truncateAtWord(field.label, DISCORD_LIMITS.formLabel),
        ...(field.description ? { description: truncateAtWord(field.description, DISCORD_LIMITS.formLabelDescription) } : {}),
        component: {
          type: ComponentType.TextInput,
          custom_id: field.customId,
          style: field.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: field.required,
          max_length: maxLength,
          ...(field.value ? { value: field.value } : {}),
          ...(field.placeholder ? { placeholder: truncateAtWord(field.placeholder, DISCORD_LIMITS.formPlaceholder) } : {}),
        },
      };
    }),
  };
}

/** Builds action rows of buttons, at most five to a row. */
export function buttonRows(...groups: readonly (readonly ButtonSpec[])[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i += DISCORD_LIMITS.buttonsPerRow) {
      rows.push({
        type: ComponentType.ActionRow,
        components: group.slice(i, i + DISCORD_LIMITS.buttonsPerRow).map((b) => ({
          type: ComponentType.Button,
          style: b.danger ? ButtonStyle.Danger : b.primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
          label: b.label,
          custom_id: b.customId,
          ...(b.disabled ? { disabled: true } : {}),
        })),
      });
    }
  }
  return rows.filter((row) => row.components.length > 0);
}

/** Characters an embed counts toward the 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function limitEmbed(embed: APIEmbed): APIEmbed {
  const limited: APIEmbed = { ...embed };
  if (embed.title !== undefined) limited.title = truncateAtWord(embed.title, DISCORD_LIMITS.embedTitle);
  if (embed.description !== undefined) limited.description = truncateAtWord(embed.description, DISCORD_LIMITS.embedDescription);
  if (embed.footer) limited.footer = { ...embed.footer, text: truncateAtWord(embed.footer.text, DISCORD_LIMITS.embedFooter) };
  if (embed.author) limited.author = { ...embed.author, name: truncateAtWord(embed.author.name, DISCORD_LIMITS.embedAuthorName) };
  if (embed.fields) {
    limited.fields = embed.fields.slice(0, DISCORD_LIMITS.embedFields).map((f) => ({
      ...f,
      name: truncateAtWord(f.name, DISCORD_LIMITS.embedFieldName),
      value: truncateAtWord(f.value, DISCORD_LIMITS.embedFieldValue),
    }));
  }
  return limited;
}

/** Descriptions are not shortened below this to make room; embeds at the end are dropped instead. */
const MIN_DESCRIPTION = 100;

const totalLength = (embeds: readonly APIEmbed[]): number => embeds.reduce((sum, e) => sum + embedLength(e), 0);

/**
 * Holds all embeds together to the per-message total: the longest descriptions are shortened first
 * (at a word); if that is not enough, embeds are dropped from the end (the last one's footer kept).
 */
function fitTotal(embeds: readonly APIEmbed[]): APIEmbed[] {
  const fitted = [...embeds];
  while (fitted.length > 1 && totalLength(fitted) - fitted.reduce((sum, e) => sum + Math.max(0, (e.description?.length ?? 0) - MIN_DESCRIPTION), 0) > DISCORD_LIMITS.embedTotal) {
    const dropped = fitted.pop() as APIEmbed;
    const last = fitted.length - 1;
    if (dropped.footer) fitted[last] = { ...(fitted[last] as APIEmbed), footer: dropped.footer };
  }
  for (let excess = totalLength(fitted) - DISCORD_LIMITS.embedTotal; excess > 0; excess = totalLength(fitted) - DISCORD_LIMITS.embedTotal) {
    const longest = fitted.reduce((best, e, i) => ((e.description?.length ?? 0) > (fitted[best]?.description?.length ?? 0) ? i : best), 0);
    const embed = fitted[longest] as APIEmbed;
    const description = embed.description ?? '';
    if (description.length <= 1) {
      // Only titles and footers are left: nothing more to shorten gracefully (cannot happen with Verbatim's own replies).
      fitted[longest] = { ...embed, title: truncateAtWord(embed.title ?? '', Math.max(1, (embed.title?.length ?? 0) - excess)) };
      if (totalLength(fitted) > DISCORD_LIMITS.embedTotal) fitted.length = Math.max(1, fitted.length - 1);
      break;
    }
    fitted[longest] = { ...embed, description: truncateAtWord(description, Math.max(1, description.length - excess)) };
  }
  return fitted;
}

function checkRow(row: ButtonRow): ButtonRow {
  const components = row.components.slice(0, DISCORD_LIMITS.buttonsPerRow).map((button) => {
    // A custom_id over the limit is a bug in Verbatim, not something to cut: it would lose state.
    if (button.custom_id.length > DISCORD_LIMITS.customId) throw new Error(`custom_id longer than ${DISCORD_LIMITS.customId}: ${button.custom_id}`);
    return { ...button, label: truncateAtWord(button.label ?? '', DISCORD_LIMITS.buttonLabel) };
  });
  return { ...row, components };
}

/**
 * Turns a reply into the JSON body Discord receives, within every limit, with no mentions allowed.
 * `replace`: the body replaces a message (button update, edit): empty lists are sent to clear what
 * was there, and the ephemeral flag (which cannot change) is left out.
 */
export function prepareReply(reply: Reply, options: { replace?: boolean } = {}): MessageBody {
  const body: MessageBody = { allowed_mentions: { parse: [] } };
  const content = reply.content ? truncateAtWord(reply.content, DISCORD_LIMITS.content) : undefined;
  const embeds = fitTotal((reply.embeds ?? []).slice(0, DISCORD_LIMITS.embedsPerMessage).map(limitEmbed));
  const components = (reply.components ?? []).slice(0, DISCORD_LIMITS.actionRows).map(checkRow);
  if (!content && embeds.length === 0) throw new Error('A reply needs content or an embed');
  if (content) body.content = content;
  else if (options.replace) body.content = '';
  if (embeds.length > 0 || options.replace) body.embeds = embeds;
  if (components.length > 0 || options.replace) body.components = components;
  if (reply.ephemeral && !options.replace) body.flags = MessageFlags.Ephemeral;
  return body;
}
