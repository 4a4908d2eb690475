/** `/help` — what Verbatim does, and that it only ever quotes. */
import type { CommandContext, SlashCommandData } from '../src/discord/command.ts';
import { renderHelp } from '../src/discord/render.ts';

export const data = {
  name: 'help',
  description: 'What Verbatim does and how to ask it',
} as const satisfies SlashCommandData;

export const ephemeral = true;

export function execute(ctx: CommandContext) {
  return renderHelp(ctx.index);
}
