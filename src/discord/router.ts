/**
 * Routes each interaction by kind to its handler and sends the reply. The handlers are the same the
 * console runs; this file is the Discord transport around them:
 *   - slash and context-menu commands → `Command.invoke` (per-user cooldown first, where configured);
 *   - autocomplete → the command's `autocomplete`, held to Discord's limits;
 *   - buttons → `BUTTONS`, by the state in the custom_id;
 *   - modal submits → none yet (issue 5's moderator forms slot in here).
 * Every interaction is acknowledged at once when the work is quick (it is: the core answers in
 * milliseconds), or deferred if it is still running after `REPLY_OPTIONS.deferAfterMs`. A failure
 * is logged with its stack and an error id, and the user gets an ephemeral apology naming that id.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
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
  type RepliableInteraction,
} from 'discord.js';
import type { PassageIndex } from '../core/search-index.ts';
import type { Logger } from '../logger.ts';
import { BUTTONS, pressButton } from './buttons.ts';
import { limitChoices } from './choices.ts';
import type { Command, CommandContext, RawOptions } from './command.ts';
import type { Cooldown } from './cooldown.ts';
import { decodeButton } from './custom-id.ts';
import { REPLY_OPTIONS } from './limits.ts';
import { notice } from './messages.ts';
import type { SourceMessage } from './render.ts';
import { prepareReply, type MessageBody, type Reply } from './reply.ts';

export type RouterOptions = {
  readonly commands: readonly Command[];
  readonly index: PassageIndex;
  readonly logger: Logger;
  /** Cooldowns by command name (e.g. `ask`). */
  readonly cooldowns?: ReadonlyMap<string, Cooldown>;
  /** Defer when the work is still running after this long. */
  readonly deferAfterMs?: number;
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

/** Option values by name; a subcommand (issue 5's `/corpus add`) becomes `subcommand` plus its options. */
function flattenOptions(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, { subcommand: option.name }, flattenOptions(option.options));
    else if (option.value !== undefined) values[option.name] = option.value;
  }
  return values;
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

  /** Runs the work and delivers its reply, deferring first if the work is slow. */
  async function deliver(interaction: RepliableInteraction & { update?: ButtonInteraction['update']; deferUpdate?: ButtonInteraction['deferUpdate'] }, delivery: Delivery, work: () => Reply | Promise<Reply>): Promise<void> {
    let deferral: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      deferral =
        delivery.update && interaction.deferUpdate
          ? interaction.deferUpdate()
          : interaction.deferReply(delivery.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      deferral.catch((error: unknown) => logger.warn({ err: error, interaction: describe(interaction) }, 'could not defer'));
    }, deferAfterMs);
    let reply: Reply;
    try {
      reply = await work();
    } finally {
      clearTimeout(timer);
    }
    if (deferral) await deferral;

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
    const update = BUTTONS[state.value.kind].updatesInPlace && source.ephemeral;
    return deliver(interaction, { update, ephemeral: true }, () => pressButton(ctx, state.value, source));
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
    const ctx: CommandContext = { index, elapsedMs: () => performance.now() - received };
    try {
      if (interaction.isChatInputCommand()) await onChatInput(interaction, ctx);
      else if (interaction.isMessageContextMenuCommand()) await onMessageCommand(interaction, ctx);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction, ctx);
      else if (interaction.isButton()) await onButton(interaction, ctx);
      else if (interaction.isRepliable()) await deliver(interaction, { update: false, ephemeral: true }, () => notice('unknown-button', {}));
      logger.debug({ interaction: describe(interaction), ms: Math.round(performance.now() - received) }, 'interaction answered');
    } catch (error) {
      await apologise(interaction, error);
    }
  };
}
