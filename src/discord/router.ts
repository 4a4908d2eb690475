/**
 * Routes each interaction by kind to its handler and sends the reply. The handlers are the same the
 * console runs; this file is the Discord transport around them:
 *   - slash and context-menu commands → `Command.invoke` (per-user cooldown first, where configured);
 *   - autocomplete → the command's `autocomplete`, held to Discord's limits;
 *   - buttons → `BUTTONS`, by the state in the custom_id (a guarded button's refusal comes as a new
 *     ephemeral message, leaving the message it is on as it was);
 *   - modal submits → `FORMS`, by the state in the form's custom_id, guarded the same way.
 * A command may answer with a form to fill in (a modal, response type 9) instead of a message.
 * Every interaction is acknowledged at once when the work is quick (it is: the core answers in
 * milliseconds), or deferred if it is still running after `REPLY_OPTIONS.deferAfterMs`. A failure
 * is logged with its stack and an error id, and the user gets an ephemeral apology naming that id.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { PassageIndex } from '../core/search-index.ts';
import type { Logger } from '../logger.ts';
import { BUTTONS, buttonRefusal, pressButton } from './buttons.ts';
import { limitChoices } from './choices.ts';
import type { AttachmentRef, Command, CommandContext, Invoker, Outcome, RawOptions } from './command.ts';
import type { Cooldown } from './cooldown.ts';
import type { Curation } from './curation/context.ts';
import { decodeButton, decodeForm } from './custom-id.ts';
import { submitForm } from './forms.ts';
import { REPLY_OPTIONS } from './limits.ts';
import { notice } from './messages.ts';
import type { SourceMessage } from './render.ts';
import { isForm, prepareForm, prepareReply, type MessageBody } from './reply.ts';

export type RouterOptions = {
  readonly commands: readonly Command[];
  readonly index: PassageIndex;
  readonly logger: Logger;
  /** Cooldowns by command name (e.g. `ask`). */
  readonly cooldowns?: ReadonlyMap<string, Cooldown>;
  /** Defer when the work is still running after this long. */
  readonly deferAfterMs?: number;
  /** Corpus curation (/corpus), when this deployment has it. */
  readonly curation?: Curation | undefined;
};

/** How a reply is delivered: a new message (`ephemeral` or not), or replacing the message a button is on. */
type Delivery = { readonly update: boolean; readonly ephemeral: boolean };

/** The parts of a prepared body every kind of send takes (allowed_mentions included: nothing pings). */
function messageParts(body: MessageBody) {
  return {
    ...(body.content !== undefined ? { content: body.content } : {}),
    ...(body.embeds ? { embeds: body.embeds } : {}),
    ...(body.components ? { components: body.components } : {}),
    allowedMentions: body.allowed_mentions,
  };
}

/** discord.js options for an edit or a button update (the ephemeral flag cannot change there). */
const toEdit = (body: MessageBody): InteractionEditReplyOptions & InteractionUpdateOptions => messageParts(body);

/** discord.js options for a new message, with the ephemeral flag. */
const toDiscord = (body: MessageBody): InteractionReplyOptions => ({ ...messageParts(body), ...(body.flags !== undefined ? { flags: body.flags } : {}) });

/** An attachment option as the handlers see it: what Discord resolved, as plain data. */
const attachmentRef = (option: CommandInteractionOption): AttachmentRef | undefined =>
  option.attachment
    ? { id: option.attachment.id, url: option.attachment.url, filename: option.attachment.name, size: option.attachment.size, ...(option.attachment.contentType ? { contentType: option.attachment.contentType } : {}) }
    : undefined;

/**
 * Option values by name. A subcommand becomes `subcommand` (with its group: `synonym add`) plus its
 * options; an attachment becomes the `AttachmentRef` the interaction resolved.
 */
function flattenOptions(options: readonly CommandInteractionOption[], group = ''): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) Object.assign(values, flattenOptions(option.options ?? [], `${option.name} `));
    else if (option.type === ApplicationCommandOptionType.Subcommand) Object.assign(values, { subcommand: `${group}${option.name}` }, flattenOptions(option.options ?? []));
    else if (option.type === ApplicationCommandOptionType.Attachment) values[option.name] = attachmentRef(option);
    else if (option.value !== undefined) values[option.name] = option.value;
  }
  return values;
}

/** Who sent the interaction: guild, user, the member's permissions and roles (for the curation guard and the audit log). */
function invokerOf(interaction: Interaction): Invoker {
  const member = interaction.member;
  const roleIds = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    via: 'discord',
    guildId: interaction.guildId ?? undefined,
    userId: interaction.user.id,
    userName: interaction.user.username,
    permissions: interaction.memberPermissions?.bitfield.toString(),
    roleIds,
  };
}

/** What a log line says about an interaction (no tokens, no message text). */
function describe(interaction: Interaction): Record<string, unknown> {
  return {
    id: interaction.id,
    type: interaction.type,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() || interaction.isModalSubmit() ? { customId: interaction.customId } : {}),
    user: interaction.user.id,
    guild: interaction.guildId ?? null,
  };
}

export function createRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { index, logger } = options;
  const deferAfterMs = options.deferAfterMs ?? REPLY_OPTIONS.deferAfterMs;
  const slash = new Map<string, Command & { kind: 'slash' }>();
  const message = new Map<string, Command & { kind: 'message' }>();
  for (const command of options.commands) {
    if (command.kind === 'slash') slash.set(command.name, command);
    else message.set(command.name, command);
  }

  /**
   * Runs the work and delivers its reply, deferring first if the work is slow. A form is shown
   * instead (it must be the first response, so the work that makes one never waits on anything).
   */
  async function deliver(
    interaction: RepliableInteraction & { update?: ButtonInteraction['update']; deferUpdate?: ButtonInteraction['deferUpdate']; showModal?: ChatInputCommandInteraction['showModal'] },
    delivery: Delivery,
    work: () => Outcome | Promise<Outcome>,
  ): Promise<void> {
    let deferral: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      deferral =
        delivery.update && interaction.deferUpdate
          ? interaction.deferUpdate()
          : interaction.deferReply(delivery.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      deferral.catch((error: unknown) => logger.warn({ err: error, interaction: describe(interaction) }, 'could not defer'));
    }, deferAfterMs);
    let outcome: Outcome;
    try {
      outcome = await work();
    } finally {
      clearTimeout(timer);
    }
    if (deferral) await deferral;
    if (isForm(outcome)) {
      if (interaction.deferred || !interaction.showModal) throw new Error('a form can only be the first response to a command or a button');
      await interaction.showModal(prepareForm(outcome));
      return;
    }
    const reply = outcome;

    const ephemeral = reply.ephemeral ?? delivery.ephemeral;
    if (delivery.update && interaction.update) {
      const body = toEdit(prepareReply(reply, { replace: true }));
      await (interaction.deferred ? interaction.editReply(body) : interaction.update(body));
    } else if (!interaction.deferred) {
      await interaction.reply(toDiscord(prepareReply({ ...reply, ephemeral })));
    } else if (ephemeral === delivery.ephemeral) {
      await interaction.editReply(toEdit(prepareReply(reply)));
    } else {
      // Deferred with the other visibility: the flag cannot change on an edit, so answer anew.
      await interaction.followUp(toDiscord(prepareReply({ ...reply, ephemeral })));
      await interaction.deleteReply();
    }
  }

  async function onChatInput(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
    const command = slash.get(interaction.commandName);
    if (!command) return deliver(interaction, { update: false, ephemeral: true }, () => notice('unknown-command', { name: `/${interaction.commandName}` }));
    const cooldown = options.cooldowns?.get(command.name)?.take(interaction.user.id);
    if (cooldown && !cooldown.ok) return deliver(interaction, { update: false, ephemeral: true }, () => notice('cooldown', { retryAfterMs: cooldown.retryAfterMs }));
    const invocation = command.invoke(flattenOptions(interaction.options.data) as RawOptions);
    return deliver(interaction, { update: false, ephemeral: invocation.ephemeral }, () => invocation.run(ctx));
  }

  async function onMessageCommand(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void> {
    const command = message.get(interaction.commandName);
    if (!command) return deliver(interaction, { update: false, ephemeral: true }, () => notice('unknown-command', { name: interaction.commandName }));
    const invocation = command.invoke({ content: interaction.targetMessage.content ?? '' });
    return deliver(interaction, { update: false, ephemeral: invocation.ephemeral }, () => invocation.run(ctx));
  }

  async function onAutocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
    const command = slash.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const choices = command?.autocomplete ? command.autocomplete(ctx, { name: focused.name, value: String(focused.value ?? '') }) : [];
    await interaction.respond(limitChoices(choices));
  }

  async function onButton(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
    const state = decodeButton(interaction.customId);
    if (!state.ok) return deliver(interaction, { update: false, ephemeral: true }, () => notice('unknown-button', {}));
    const source: SourceMessage = {
      embeds: interaction.message.embeds.map((embed) => embed.toJSON()),
      ephemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
    };
    const refusal = buttonRefusal(ctx, state.value);
    if (refusal) return deliver(interaction, { update: false, ephemeral: true }, () => refusal);
    const update = BUTTONS[state.value.kind].updatesInPlace && source.ephemeral;
    return deliver(interaction, { update, ephemeral: true }, () => pressButton(ctx, state.value, source));
  }

  async function onFormSubmit(interaction: ModalSubmitInteraction, ctx: CommandContext): Promise<void> {
    const state = decodeForm(interaction.customId);
    if (!state.ok) return deliver(interaction, { update: false, ephemeral: true }, () => notice('unknown-form', {}));
    const fields: Record<string, string> = {};
    for (const [customId, field] of interaction.fields.fields) if ('value' in field && typeof field.value === 'string') fields[customId] = field.value;
    return deliver(interaction, { update: false, ephemeral: true }, () => submitForm(ctx, state.value, fields));
  }

  async function apologise(interaction: Interaction, error: unknown): Promise<void> {
    const errorId = randomBytes(4).toString('hex');
    logger.error({ err: error, errorId, interaction: describe(interaction) }, 'interaction failed');
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isRepliable()) {
        const body = toDiscord(prepareReply(notice('internal-error', { errorId })));
        await (interaction.deferred || interaction.replied ? interaction.followUp(body) : interaction.reply(body));
      }
    } catch (apologyError) {
      logger.warn({ err: apologyError, errorId }, 'could not send the apology');
    }
  }

  return async (interaction) => {
    const received = performance.now();
    const ctx: CommandContext = { index, elapsedMs: () => performance.now() - received, invoker: invokerOf(interaction), curation: options.curation };
    try {
      if (interaction.isChatInputCommand()) await onChatInput(interaction, ctx);
      else if (interaction.isMessageContextMenuCommand()) await onMessageCommand(interaction, ctx);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction, ctx);
      else if (interaction.isButton()) await onButton(interaction, ctx);
      else if (interaction.isModalSubmit()) await onFormSubmit(interaction, ctx);
      else if (interaction.isRepliable()) await deliver(interaction, { update: false, ephemeral: true }, () => notice('unknown-button', {}));
      logger.debug({ interaction: describe(interaction), ms: Math.round(performance.now() - received) }, 'interaction answered');
    } catch (error) {
      await apologise(interaction, error);
    }
  };
}
