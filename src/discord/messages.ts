/**
 * Every notice Verbatim words for a user, in one table keyed by code. The core and the handlers
 * return codes; this is the only place that turns them into sentences. Notices are ephemeral:
 * only the person concerned sees them. (Pure.)
 */
import type { Article } from '../core/article.ts';
import type { FileProblem } from '../core/corpus-format.ts';
import type { SourceProblem } from '../core/ingest/from-file.ts';
import type { FindArticleError } from '../core/lookup.ts';
import type { ArticleProblem } from '../core/new-article.ts';
import type { AuditEntry, StoreError } from '../core/store/corpus-store.ts';
import type { DownloadProblem } from './curation/attachment.ts';
import { escapeMarkdown, truncateAtWord } from './markdown.ts';
import { REPLY_OPTIONS } from './limits.ts';
import type { Reply } from './reply.ts';

/** Anything that can stop an article from being saved: the core's checks, reading a file or link, downloading an attachment. */
export type RefusalProblem = ArticleProblem | SourceProblem | DownloadProblem;

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
  'unknown-form': Record<string, never>;
  // Corpus curation (/corpus, its buttons and forms)
  'curation-off': Record<string, never>;
  'curation-wrong-guild': Record<string, never>;
  'curation-no-permission': Record<string, never>;
  'curation-console-read-only': Record<string, never>;
  'article-refused': { readonly problems: readonly RefusalProblem[] };
  'no-link-to-fetch': { readonly title: string };
  'preview-add': Record<string, never>;
  'preview-update': { readonly title: string };
  'preview-remove': { readonly article: Article; readonly passages: number };
  'preview-expired': Record<string, never>;
  'preview-not-yours': Record<string, never>;
  'change-cancelled': Record<string, never>;
  'store-refused': { readonly error: StoreError };
  'article-written': { readonly article: Article; readonly passages: number; readonly replaced: boolean };
  'article-removed': { readonly article: Pick<Article, 'id' | 'title'> };
  'change-undone': { readonly undone: AuditEntry | undefined; readonly restored: Pick<Article, 'id' | 'title'> | undefined };
  'corpus-reloaded': { readonly articles: number; readonly passages: number; readonly synonymGroups: number; readonly skipped: readonly FileProblem[] };
  'synonyms-added': { readonly group: readonly string[]; readonly number: number };
  'synonyms-removed': { readonly group: readonly string[] };
  'synonyms-refused': { readonly message: string };
  'no-such-synonym-group': { readonly number: number; readonly count: number };
};

export type NoticeCode = keyof NoticeParams;

const PREVIEW_MINUTES = 15;
const inline = (text: string): string => escapeMarkdown(truncateAtWord(text, REPLY_OPTIONS.maxInlineTitleChars));
const named = (article: Pick<Article, 'id' | 'title'>): string => `“${inline(article.title)}” (\`${article.id}\`)`;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
const UNCHANGED = 'Nothing was changed.';

/** Why an article could not be taken, one line per problem, worded by code (details from the core, escaped). */
export function problemText(problem: RefusalProblem): string {
  switch (problem.code) {
    case 'not-utf8':
      return 'The file is not UTF-8 text. Save it as UTF-8 and try again.';
    case 'binary':
      return 'The file is binary, not text. Attach a .txt, .md, .html or .eml file.';
    case 'empty':
      return 'No article text is left once page furniture (menus, ads, comments, share buttons) is set aside.';
    case 'duplicate':
      return `The same text is already in the corpus as \`${problem.articleId}\`.`;
    case 'not-found':
      return 'That article is no longer in the corpus.';
    case 'fetch-failed':
      return `The link could not be fetched: ${escapeMarkdown(problem.message)}`;
    case 'invalid-field':
      // The core's message names the field more often than not ("A title is required.").
      return problem.message.toLowerCase().includes(problem.field.toLowerCase()) ? escapeMarkdown(problem.message) : `${escapeMarkdown(problem.field)}: ${escapeMarkdown(problem.message)}`;
    default:
      return escapeMarkdown(problem.message);
  }
}

/** One problem per field: the core may find the same field wrong by two rules (a title's length). */
const firstPerField = (problems: readonly RefusalProblem[]): RefusalProblem[] =>
  problems.filter((p, i) => p.code !== 'invalid-field' || problems.findIndex((q) => q.code === 'invalid-field' && q.field === p.field) === i);

const storeErrorText = (error: StoreError): string => {
  switch (error.code) {
    case 'busy':
      return 'Another change to the corpus is under way; please try again in a moment.';
    case 'nothing-to-undo':
      return 'There is no change left to undo.';
    default:
      return escapeMarkdown(error.message);
  }
};

const UNDONE_ACTIONS: Record<AuditEntry['action'], string> = { add: 'the addition of', update: 'the update of', remove: 'the removal of', synonyms: 'the change to the synonyms', undo: 'an undo', reload: 'a reload' };

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
  'unknown-form': () => 'This form belongs to an older version of Verbatim and no longer works. Please run the command again.',
  'curation-off': () => 'Corpus curation is not available here.',
  'curation-wrong-guild': () => `The corpus can only be changed from the servers named in Verbatim's settings. ${UNCHANGED}`,
  'curation-no-permission': () => `Only members with the Manage Server permission or a moderator role can change the corpus. ${UNCHANGED}`,
  'curation-console-read-only': () => 'In the console, /corpus can list the articles and show the history. Change the corpus on Discord, or with `npm run corpus`.',
  'article-refused': ({ problems }) => `That article cannot be saved:\n${firstPerField(problems).map((p) => `• ${problemText(p)}`).join('\n')}\n${UNCHANGED}`,
  'no-link-to-fetch': ({ title }) => `“${inline(title)}” has no link to fetch again; give one with \`url\`. ${UNCHANGED}`,
  'preview-add': () => `This is what would be added. Nothing is saved until you press **Confirm** (within ${PREVIEW_MINUTES} minutes).`,
  'preview-update': ({ title }) => `This would replace “${inline(title)}”. Nothing is saved until you press **Confirm** (within ${PREVIEW_MINUTES} minutes).`,
  'preview-remove': ({ article, passages }) =>
    `Remove ${named(article)} and its ${plural(passages, 'passage')} from the corpus? Press **Confirm** within ${PREVIEW_MINUTES} minutes; /corpus undo brings it back.`,
  'preview-expired': () => `This preview has expired or was already used (previews last ${PREVIEW_MINUTES} minutes and do not survive a restart). ${UNCHANGED} Please run the command again.`,
  'preview-not-yours': () => `Only the moderator who asked for this preview can confirm or cancel it. ${UNCHANGED}`,
  'change-cancelled': () => `Cancelled. ${UNCHANGED}`,
  'store-refused': ({ error }) => `The corpus could not be changed: ${storeErrorText(error)} ${UNCHANGED}`,
  'article-written': ({ article, passages, replaced }) =>
    `${replaced ? 'Updated' : 'Added'} ${named(article)} — ${plural(passages, 'passage')}. /ask quotes ${replaced ? 'the new version' : 'it'} from now on.`,
  'article-removed': ({ article }) => `Removed ${named(article)}. /corpus undo brings it back.`,
  'change-undone': ({ undone, restored }) => {
    const what = undone ? `${UNDONE_ACTIONS[undone.action]}${undone.articleId ? ` \`${undone.articleId}\`` : ''} (change #${undone.seq})` : 'the latest change';
    return `Undid ${what}. ${restored ? `${named(restored)} is in the corpus as it was before.` : undone?.action === 'synonyms' ? 'The synonyms are as they were before.' : 'That article is no longer in the corpus.'}`;
  },
  'corpus-reloaded': ({ articles, passages, synonymGroups, skipped }) =>
    [
      `Reloaded the corpus: ${plural(articles, 'article')}, ${plural(passages, 'passage')}, ${plural(synonymGroups, 'synonym group')}.`,
      ...(skipped.length > 0 ? ['Skipped (fix these files and reload again):', ...skipped.map((p) => `• ${escapeMarkdown(p.file)}: ${escapeMarkdown(p.field)} ${escapeMarkdown(p.message)}`)] : []),
    ].join('\n'),
  'synonyms-added': ({ group, number }) => `Added synonym group ${number}: ${group.map(escapeMarkdown).join(' | ')}. Each spelling now finds the others.`,
  'synonyms-removed': ({ group }) => `Removed the synonym group ${group.map(escapeMarkdown).join(' | ')}.`,
  'synonyms-refused': ({ message }) => `Those synonyms cannot be added: ${escapeMarkdown(message)} Give two or more spellings separated by |, such as \`CFIUS | Committee on Foreign Investment\`. ${UNCHANGED}`,
  'no-such-synonym-group': ({ number, count }) => `There is no synonym group ${number}; /corpus synonym list shows the ${plural(count, 'group')}. ${UNCHANGED}`,
};

/** An ephemeral notice, worded by the table. */
export function notice<K extends NoticeCode>(code: K, params: NoticeParams[K]): Reply {
  return { content: MESSAGES[code](params), ephemeral: true };
}

/** The notice for an article that could not be found from what was typed. */
export function articleNotice(error: FindArticleError): Reply {
  return error.code === 'unknown-article' ? notice('unknown-article', error) : notice('ambiguous-article', error);
}
