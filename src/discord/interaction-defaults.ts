/**
 * Fills in the INTERACTION_CREATE fields discord.js reads without checking, when a sender left
 * them out. Discord always sends them, but discord.js 14 throws while building the interaction
 * if `entitlements` or `authorizing_integration_owners` is missing (or a button's `message`),
 * and then the interaction is never answered. Filling them costs nothing and keeps Verbatim
 * answering whatever sends the event. Runs on the raw packet, before discord.js reads it.
 */
import { InteractionType } from 'discord-api-types/v10';

type RawInteraction = Record<string, unknown> & { type?: number; id?: string; channel_id?: string; channel?: { id?: string } };

export function fillInteractionDefaults(interaction: RawInteraction): void {
  interaction.entitlements ??= [];
  interaction.authorizing_integration_owners ??= {};
  if (interaction.type === InteractionType.MessageComponent && !interaction.message) {
    // A message with nothing on it: buttons that need its content will say so politely.
    interaction.message = { id: interaction.id, channel_id: interaction.channel_id ?? interaction.channel?.id ?? '0', embeds: [], components: [], content: '' };
  }
}
