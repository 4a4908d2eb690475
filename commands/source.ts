/** `/source article [paragraph]` — read an article passage by passage. */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findArticle, passageAtParagraph } from '../src/core/lookup.ts';
import { articleChoices } from '../src/discord/choices.ts';
import type { CommandContext, Focused, OptionsOf, SlashCommandData } from '../src/discord/command.ts';
import { articleNotice, notice } from '../src/discord/messages.ts';
import { renderArticlePage } from '../src/discord/render.ts';

export const data = {
  name: 'source',
  description: 'Read an article passage by passage',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'article', description: 'The article (start typing its title)', required: true, autocomplete: true },
    { type: ApplicationCommandOptionType.Integer, name: 'paragraph', description: 'Start at this paragraph (default 1)', min_value: 1 },
  ],
} as const satisfies SlashCommandData;

export const ephemeral = true;

export function execute(ctx: CommandContext, options: OptionsOf<typeof data>) {
  const article = findArticle(ctx.index, options.article);
  if (!article.ok) return articleNotice(article.error);
  const start = passageAtParagraph(ctx.index, article.value.id, options.paragraph ?? 1);
  if (!start.ok) return notice('paragraph-out-of-range', { ...start.error, title: article.value.title });
  return renderArticlePage(ctx.index, article.value, ctx.index.passagesOf(article.value.id).indexOf(start.value) + 1);
}

export function autocomplete(ctx: CommandContext, focused: Focused) {
  return articleChoices(ctx.index, focused.value);
}
