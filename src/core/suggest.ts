/**
 * Suggestions while someone types: question completions from the corpus's own words, and articles
 * found by title, publisher or id. Used by autocomplete; pure, no Discord.
 */
import type { Article } from './article.ts';
import type { PassageIndex } from './search-index.ts';

/** The word being typed at the end of a question (letters, digits, inner apostrophes and hyphens). */
const PARTIAL_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u;

export type SuggestOptions = {
  /** How many suggestions at most. */
  readonly limit: number;
  /** Suggestions longer than this are left out (they could not be submitted whole). */
  readonly maxLength: number;
};

/**
 * Completions for a question being typed: first the text as typed, then the last word completed
 * with words of the corpus, most widespread first ("where is the da" → "…the data", "…the database").
 * With nothing typed yet, the article titles, as starting points.
 */
export function suggestQuestions(index: PassageIndex, typed: string, options: SuggestOptions): string[] {
  const text = typed.replace(/\s+/g, ' ').trimStart();
  if (!text.trim()) return index.articles().map((a) => a.title).filter((t) => t.length <= options.maxLength).slice(0, options.limit);
  const suggestions = [text.trimEnd()];
  const partial = PARTIAL_WORD.exec(text)?.[0];
  if (partial && !/\s$/.test(text)) {
    const stem = partial.toLowerCase();
    const before = text.slice(0, text.length - partial.length);
    const completions = [...index.words()]
      .filter((word) => word.length > stem.length && word.startsWith(stem))
      .sort((a, b) => index.passagesWithWord(b) - index.passagesWithWord(a) || a.localeCompare(b));
    for (const word of completions) suggestions.push(`${before}${inCaseOf(partial, word)}`);
  }
  return [...new Set(suggestions)].filter((s) => s.length > 0 && s.length <= options.maxLength).slice(0, options.limit);
}

/** `word` written the way the asker started it: "US" → "USDS", "Ora" → "Oracle", "ora" → "oracle". */
function inCaseOf(partial: string, word: string): string {
  if (partial.length > 1 && partial === partial.toUpperCase() && partial !== partial.toLowerCase()) return word.toUpperCase();
  if (partial[0] !== partial[0]?.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/**
 * Articles whose title, publisher or id contains what was typed, best first: a title starting with
 * it, then a title word starting with it, then anywhere; all articles (in id order) when nothing is typed.
 */
export function matchArticles(index: PassageIndex, typed: string, limit: number): Article[] {
  const query = typed.trim().toLowerCase();
  const articles = index.articles();
  if (!query) return articles.slice(0, limit);
  const rank = (article: Article): number => {
    const title = article.title.toLowerCase();
    if (title.startsWith(query) || article.id.startsWith(query)) return 0;
    if (title.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(query))) return 1;
    if (title.includes(query) || article.id.includes(query) || (article.publisher?.toLowerCase().includes(query) ?? false)) return 2;
    const words = query.split(/\s+/);
    const haystack = `${title} ${article.id} ${article.publisher?.toLowerCase() ?? ''}`;
    return words.every((w) => haystack.includes(w)) ? 3 : -1;
  };
  return articles
    .map((article) => ({ article, rank: rank(article) }))
    .filter((m) => m.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.article.title.localeCompare(b.article.title))
    .slice(0, limit)
    .map((m) => m.article);
}
