/** `/sources` — the articles Verbatim quotes from, with their passage counts, page by page. */
import type { CommandContext, SlashCommandData } from '../src/discord/command.ts';
import { renderSources } from '../src/discord/render.ts';

export const data = {
  name: 'sources',
  description: 'List the articles Verbatim quotes from',
} as const satisfies SlashCommandData;

export const ephemeral = true;

export function execute(ctx: CommandContext) {
  return renderSources(ctx.index, 1);
}
