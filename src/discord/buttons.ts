/**
 * What each button does. The state comes from the custom_id (custom-id.ts) and, for "More", the
 * question on the message the button is on; nothing is kept in memory, so buttons keep working
 * after a restart, and say so politely when what they point at is gone. The exception is a
 * moderator's Confirm / Cancel, whose preview waits in memory (curation/pending.ts) and says it
 * expired after a restart. (Pure; the console presses the same buttons.)
 */
import { answerQuestion } from '../core/answer.ts';
import type { CommandContext } from './command.ts';
import { cancelChange, confirmChange, pendingGuard } from './curation/actions.ts';
import type { ButtonKind, ButtonState } from './custom-id.ts';
import { notice } from './messages.ts';
import { questionOf, renderAnswer, renderArticlePage, renderContext, renderSources, type SourceMessage } from './render.ts';
import type { Reply } from './reply.ts';

export type ButtonHandler<K extends ButtonKind> = {
  /**
   * Paging buttons replace the message they are on when only the clicker sees it (an ephemeral
   * reply); on a message everyone sees, they answer with a new ephemeral message instead, so one
   * reader's click never changes what the others read.
   */
  readonly updatesInPlace: boolean;
  /**
   * Checked first: a refusal to send as a new ephemeral message (the message the button is on is
   * left as it was), or undefined to go on.
   */
  readonly guard?: (ctx: CommandContext, state: Extract<ButtonState, { kind: K }>) => Reply | undefined;
  readonly run: (ctx: CommandContext, state: Extract<ButtonState, { kind: K }>, message: SourceMessage) => Reply | Promise<Reply>;
};

export const BUTTONS: { readonly [K in ButtonKind]: ButtonHandler<K> } = {
  more: {
    updatesInPlace: true,
    run: (ctx, state, message) => {
      const question = state.question ?? questionOf(message);
      if (!question) return notice('question-gone', {});
      if (state.articleId && !ctx.index.article(state.articleId)) return notice('article-gone', {});
      const answer = answerQuestion(ctx.index, question, { top: state.count, offset: state.offset, articleId: state.articleId });
      if (answer.results.length === 0) return notice('no-more', {});
      return { ...renderAnswer(answer, { question, ...state, elapsedMs: ctx.elapsedMs() }, ctx.index), ephemeral: true };
    },
  },
  context: {
    updatesInPlace: false,
    run: (ctx, state) => {
      const passage = ctx.index.passage(state.passageId);
      return passage ? renderContext(ctx.index, passage) : notice('passage-gone', {});
    },
  },
  article: {
    updatesInPlace: false,
    run: (ctx, state) => {
      const article = ctx.index.article(state.articleId);
      return article ? renderArticlePage(ctx.index, article, 1) : notice('article-gone', {});
    },
  },
  read: {
    updatesInPlace: true,
    run: (ctx, state) => {
      const article = ctx.index.article(state.articleId);
      return article ? renderArticlePage(ctx.index, article, state.ordinal) : notice('article-gone', {});
    },
  },
  sources: {
    updatesInPlace: true,
    run: (ctx, state) => renderSources(ctx.index, state.page),
  },
  // The result replaces the preview, so its buttons cannot be pressed twice.
  confirm: { updatesInPlace: true, guard: (ctx, state) => pendingGuard(ctx, state.nonce), run: (ctx, state) => confirmChange(ctx, state.nonce) },
  cancel: { updatesInPlace: true, guard: (ctx, state) => pendingGuard(ctx, state.nonce), run: (ctx, state) => cancelChange(ctx, state.nonce) },
};

/** The refusal a button's guard gives, if any. */
export function buttonRefusal(ctx: CommandContext, state: ButtonState): Reply | undefined {
  return (BUTTONS[state.kind] as ButtonHandler<ButtonKind>).guard?.(ctx, state as never);
}

/** Runs the handler for a decoded button (its guard first). */
export function pressButton(ctx: CommandContext, state: ButtonState, message: SourceMessage): Reply | Promise<Reply> {
  const handler = BUTTONS[state.kind] as ButtonHandler<ButtonKind>;
  return handler.guard?.(ctx, state as never) ?? handler.run(ctx, state as never, message);
}
