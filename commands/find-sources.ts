/** Message context menu **Find sources** — the passages that support what a message says. */
import { ApplicationCommandType } from 'discord-api-types/v10';
import { answerQuestion } from '../src/core/answer.ts';
import type { CommandContext, MessageCommandData } from '../src/discord/command.ts';
import { REPLY_OPTIONS } from '../src/discord/limits.ts';
import { truncateAtWord } from '../src/discord/markdown.ts';
import { notice } from '../src/discord/messages.ts';
import { renderAnswer } from '../src/discord/render.ts';

export const data = {
  type: ApplicationCommandType.Message,
  name: 'Find sources',
} as const satisfies MessageCommandData;

export const ephemeral = true;

export function execute(ctx: CommandContext, target: { readonly content: string }) {
  // The message is the question; cut like a question so "More" can read it back from the footer.
  const text = target.content.replace(/\s+/g, ' ').trim();
  const question = text.length <= REPLY_OPTIONS.maxQuestionChars ? text : truncateAtWord(text, REPLY_OPTIONS.maxQuestionChars + 1).slice(0, -1);
  if (!question) return notice('empty-message', {});
  const answer = answerQuestion(ctx.index, question, { top: REPLY_OPTIONS.defaultCount });
  return renderAnswer(answer, { question, offset: 0, count: REPLY_OPTIONS.defaultCount, elapsedMs: ctx.elapsedMs() }, ctx.index);
}
