/**
 * Finding what someone refers to by what they typed: an article by id, title or part of it, and the
 * passage that holds a paragraph. Errors are values; the edges word them. Pure, no Discord.
 */
import type { Article } from './article.ts';
import { err, ok, type Result } from './result.ts';
import type { IndexedPassage, PassageIndex } from './search-index.ts';
import { matchArticles } from './suggest.ts';

export type FindArticleError =
  | { readonly code: 'unknown-article'; readonly typed: string }
  | { readonly code: 'ambiguous-article'; readonly typed: string; readonly candidates: readonly Article[] };

/**
 * The article someone means: its id (what autocomplete submits), its exact title, or the only
 * article matching what they typed.
 */
export function findArticle(index: PassageIndex, typed: string): Result<Article, FindArticleError> {
  const text = typed.trim();
  const byId = index.article(text);
  if (byId) return ok(byId);
  const lower = text.toLowerCase();
  const byTitle = index.articles().find((a) => a.title.toLowerCase() === lower);
  if (byTitle) return ok(byTitle);
  const matches = text ? matchArticles(index, text, 6) : [];
  if (matches.length === 1) return ok(matches[0] as Article);
  if (matches.length === 0) return err({ code: 'unknown-article', typed: text });
  return err({ code: 'ambiguous-article', typed: text, candidates: matches });
}

/** The passage of an article that holds paragraph `paragraph` (1-based), or how many paragraphs there are. */
export function passageAtParagraph(
  index: PassageIndex,
  articleId: string,
  paragraph: number,
): Result<IndexedPassage, { readonly code: 'paragraph-out-of-range'; readonly paragraph: number; readonly last: number }> {
  const passages = index.passagesOf(articleId);
  const found = passages.find((p) => p.paragraph <= paragraph && paragraph <= p.paragraphEnd);
  if (found) return ok(found);
  return err({ code: 'paragraph-out-of-range', paragraph, last: passages.at(-1)?.paragraphEnd ?? 0 });
}
