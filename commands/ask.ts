/** `/ask question [count] [source] [private]` — the passages that answer a question, quoted verbatim. */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { answerQuestion } from '../src/core/answer.ts';
import { findArticle } from '../src/core/lookup.ts';
import { articleChoices, questionChoices } from '../src/discord/choices.ts';
import type { CommandContext, Focused, OptionsOf, SlashCommandData } from '../src/discord/command.ts';
import { REPLY_OPTIONS } from '../src/discord/limits.ts';
import { articleNotice } from '../src/discord/messages.ts';
import { renderAnswer } from '../src/discord/render.ts';

export const data = {
  name: 'ask',
  description: 'Ask about the story; Verbatim answers with passages quoted word for word from the articles',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'question', description: 'Your question', required: true, max_length: REPLY_OPTIONS.maxQuestionChars, autocomplete: true },
    { type: ApplicationCommandOptionType.Integer, name: 'count', description: `How many passages (1–${REPLY_OPTIONS.maxCount}, default ${REPLY_OPTIONS.defaultCount})`, min_value: 1, max_value: REPLY_OPTIONS.maxCount },
    { type: ApplicationCommandOptionType.String, name: 'source', description: 'Only quote this article', autocomplete: true },
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the answer' },
  ],
} as const satisfies SlashCommandData;

type Options = OptionsOf<typeof data>;

export const ephemeral = (options: Options): boolean => options.private === true;

export function execute(ctx: CommandContext, options: Options) {
  const article = options.source === undefined ? undefined : findArticle(ctx.index, options.source);
  if (article && !article.ok) return articleNotice(article.error);
  const view = { question: options.question, offset: 0, count: options.count ?? REPLY_OPTIONS.defaultCount, articleId: article?.value.id };
  const answer = answerQuestion(ctx.index, view.question, { top: view.count, articleId: view.articleId });
  return renderAnswer(answer, { ...view, elapsedMs: ctx.elapsedMs() }, ctx.index);
}

export function autocomplete(ctx: CommandContext, focused: Focused) {
  return focused.name === 'source' ? articleChoices(ctx.index, focused.value) : questionChoices(ctx.index, focused.value);
}
