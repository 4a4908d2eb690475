/**
 * Every notice Verbatim words for a user, in one table keyed by code. The core and the handlers
 * return codes; this is the only place that turns them into sentences. Notices are ephemeral:
 * only the person concerned sees them. (Pure.)
 */
import type { Article } from '../core/article.ts';
import type { FindArticleError } from '../core/lookup.ts';
import { escapeMarkdown, truncateAtWord } from './markdown.ts';
import { REPLY_OPTIONS } from './limits.ts';
import type { Reply } from './reply.ts';

type NoticeParams = {
  'cooldown': { readonly retryAfterMs: number };
  'unknown-button': Record<string, never>;
  'passage-gone': Record<string, never>;
  'article-gone': Record<string, never>;
  'question-gone': Record<string, never>;
  'no-more': Record<string, never>;
  'unknown-article': { readonly typed: string };
  'ambiguous-article': { readonly typed: string; readonly candidates: readonly Article[] };
  'paragraph-out-of-range': { readonly paragraph: number; readonly last: number; readonly title: string };
  'empty-message': Record<string, never>;
  'invalid-options': { readonly problems: readonly string[] };
  'unknown-command': { readonly name: string };
  'internal-error': { readonly errorId: string };
};

export type NoticeCode = keyof NoticeParams;

const quoted = (text: string): string => `“${escapeMarkdown(truncateAtWord(text, REPLY_OPTIONS.maxQuestionChars))}”`;
const titleList = (articles: readonly Article[]): string =>
  articles.map((a) => `• ${escapeMarkdown(truncateAtWord(a.title, REPLY_OPTIONS.maxInlineTitleChars))}`).join('\n');

export const MESSAGES: { readonly [K in NoticeCode]: (params: NoticeParams[K]) => string } = {
  'cooldown': ({ retryAfterMs }) =>
    `You're asking quickly! Please wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s before your next /ask.`,
  'unknown-button': () => 'This button belongs to an older version of Verbatim and no longer works. Please run the command again.',
  'passage-gone': () => 'That passage is no longer in the corpus — its article may have been updated or removed. Please ask again with /ask.',
  'article-gone': () => 'That article is no longer in the corpus. /sources lists the articles there are now.',
  'question-gone': () => 'This reply no longer shows its question, so there is nothing more to fetch. Please ask again with /ask.',
  'no-more': () => 'There are no more passages that answer this question.',
  'unknown-article': ({ typed }) => `No article matches ${quoted(typed)}. Pick one from the list as you type, or see /sources.`,
  'ambiguous-article': ({ typed, candidates }) =>
    `Several articles match ${quoted(typed)}; pick one from the list as you type:\n${titleList(candidates)}`,
  'paragraph-out-of-range': ({ paragraph, last, title }) =>
    `“${escapeMarkdown(truncateAtWord(title, REPLY_OPTIONS.maxInlineTitleChars))}” has paragraphs 1 to ${last}; there is no paragraph ${paragraph}.`,
  'empty-message': () => 'That message has no text to look up.',
  'invalid-options': ({ problems }) => `That command needs fixing:\n${problems.map((p) => `• ${escapeMarkdown(p)}`).join('\n')}`,
  'unknown-command': ({ name }) => `Verbatim has no command ${quoted(name)}. Type /help for the commands.`,
  'internal-error': ({ errorId }) =>
    `Sorry — something went wrong on Verbatim's side while answering. It has been logged as error \`${errorId}\`; please try again.`,
};

/** An ephemeral notice, worded by the table. */
export function notice<K extends NoticeCode>(code: K, params: NoticeParams[K]): Reply {
  return { content: MESSAGES[code](params), ephemeral: true };
}

/** The notice for an article that could not be found from what was typed. */
export function articleNotice(error: FindArticleError): Reply {
  return error.code === 'unknown-article' ? notice('unknown-article', error) : notice('ambiguous-article', error);
}
