import { z } from 'zod';
import { ArticleMetaSchema, HttpUrlSchema, type Article } from './article.ts';
import { splitWords } from './analyze.ts';
import { splitIntoPassages, type Passage } from './passages.ts';
import { slugify } from './plain-text.ts';
import { err, ok, type Result } from './result.ts';
import type { PassageIndex } from './search-index.ts';

/** Limits on what moderators may add. Defaults in `DEFAULT_ARTICLE_LIMITS`. */
export type ArticleLimits = { readonly maxBytes: number; readonly maxTitleLength: number };
export const DEFAULT_ARTICLE_LIMITS: ArticleLimits = { maxBytes: 200 * 1024, maxTitleLength: 300 };

/** Why an article cannot be added; each code has one wording at the edges. */
export type ArticleProblem =
  | { code: 'too-large'; message: string }
  | { code: 'not-utf8'; message: string }
  | { code: 'binary'; message: string }
  | { code: 'empty'; message: string }
  | { code: 'invalid-field'; field: string; message: string }
  | { code: 'duplicate'; articleId: string; message: string }
  | { code: 'not-found'; message: string };

/** What a moderator hands in: text plus optional metadata (from options, a page, or a file). */
export const ArticleInputSchema = z.object({
  title: z.string().optional(),
  body: z.string(),
  publisher: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
  addedBy: z.string().optional(),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

/** An article checked and ready to write, with what a preview shows. */
export type PreparedArticle = {
  readonly article: Article;
  readonly passages: readonly Passage[];
  /** Existing articles that say much the same (flagged, not refused). */
  readonly nearDuplicates: readonly { id: string; title: string; similarity: number }[];
  /** True when the article replaces one with the same id. */
  readonly replaces: boolean;
};

/**
 * Decodes uploaded bytes as UTF-8 text: refused when over the size limit, not valid UTF-8, or
 * binary (NUL bytes or many control characters).
 */
export function decodeArticleBytes(bytes: Uint8Array, limits: ArticleLimits = DEFAULT_ARTICLE_LIMITS): Result<string, ArticleProblem> {
  if (bytes.length > limits.maxBytes) {
    return err({ code: 'too-large', message: `The file is ${formatKb(bytes.length)}; articles may be at most ${formatKb(limits.maxBytes)}.` });
  }
  if (bytes.includes(0)) return err({ code: 'binary', message: 'The file is binary (it contains NUL bytes), not text.' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err({ code: 'not-utf8', message: 'The file is not valid UTF-8 text.' });
  }
  const controls = text.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length / 100)) return err({ code: 'binary', message: 'The file looks binary (many control characters), not text.' });
  return ok(text.replace(/^\uFEFF/, ''));
}

const formatKb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** A title as one clean line: control characters and line breaks become spaces. */
const tidyLine = (value: string): string => value.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Words of a text, lower case, for comparing articles. */
const wordsOf = (passages: readonly Passage[]): string[] => passages.flatMap((p) => splitWords(p.text).map((w) => w.norm));

function shingles(words: readonly string[], size = 5): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) set.add(words.slice(i, i + size).join(' '));
  if (set.size === 0 && words.length > 0) set.add(words.join(' '));
  return set;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Share of 5-word runs two articles have in common above which they are flagged as near-duplicates. */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;

/**
 * Checks a new or updated article against the limits and the current corpus and gives it an id:
 * metadata by the same schema as corpus files, text non-empty after cleaning, exact duplicates of
 * another article refused, near-duplicates flagged. Nothing is written.
 */
export function prepareArticle(
  input: ArticleInput,
  index: PassageIndex,
  options: { limits?: ArticleLimits; replaceId?: string; now?: Date } = {},
): Result<PreparedArticle, ArticleProblem[]> {
  const limits = options.limits ?? DEFAULT_ARTICLE_LIMITS;
  const problems: ArticleProblem[] = [];
  if (Buffer.byteLength(input.body, 'utf8') > limits.maxBytes) {
    problems.push({ code: 'too-large', message: `The text is ${formatKb(Buffer.byteLength(input.body, 'utf8'))}; articles may be at most ${formatKb(limits.maxBytes)}.` });
  }
  const title = tidyLine(input.title ?? '');
  if (title.length > limits.maxTitleLength) problems.push({ code: 'invalid-field', field: 'title', message: `The title is ${title.length} characters; at most ${limits.maxTitleLength}.` });
  if (input.url !== undefined && input.url.trim() !== '' && !HttpUrlSchema.safeParse(input.url).success) {
    problems.push({ code: 'invalid-field', field: 'url', message: `"${input.url}" is not an http(s) link.` });
  }
  const replaced = options.replaceId !== undefined ? index.article(options.replaceId) : undefined;
  const meta = ArticleMetaSchema.safeParse({
    title,
    ...(input.publisher?.trim() ? { publisher: tidyLine(input.publisher) } : {}),
    ...(input.url?.trim() ? { url: input.url.trim() } : {}),
    ...(input.published?.trim() ? { published: input.published.trim() } : {}),
    // An update keeps who added the article and when; the audit log records who changed it.
    ...(replaced?.added_by ? { added_by: replaced.added_by } : input.addedBy?.trim() ? { added_by: tidyLine(input.addedBy) } : {}),
    added_at: replaced?.added_at ?? (options.now ?? new Date()).toISOString().slice(0, 10),
  });
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      const field = issue.path.join('.');
      // One problem per field: the checks above already worded the url and the title length.
      if (problems.some((p) => p.code === 'invalid-field' && p.field === field)) continue;
      problems.push({ code: 'invalid-field', field, message: field === 'title' && !title ? 'A title is required.' : `${field} ${issue.message}.` });
    }
  }

  let id = options.replaceId;
  if (id !== undefined && !index.article(id)) problems.push({ code: 'not-found', message: `There is no article with the id "${id}".` });
  id ??= uniqueId(slugify(title || 'article'), index);
  const body = input.body.replace(/\r\n?/g, '\n');
  const passages = splitIntoPassages({ id, title, body });
  if (body.trim() === '' || passages.length === 0) problems.push({ code: 'empty', message: 'The article has no text left once page furniture is removed.' });
  if (problems.length > 0 || !meta.success) return err(problems);

  const mine = shingles(wordsOf(passages));
  const nearDuplicates: { id: string; title: string; similarity: number }[] = [];
  for (const other of index.articles()) {
    if (other.id === id) continue;
    const similarity = jaccard(mine, shingles(wordsOf(index.passagesOf(other.id))));
    if (similarity >= 0.999) {
      return err([{ code: 'duplicate', articleId: other.id, message: `This text is already in the corpus as "${other.title}" (${other.id}).` }]);
    }
    if (similarity >= NEAR_DUPLICATE_SIMILARITY) nearDuplicates.push({ id: other.id, title: other.title, similarity: Math.round(similarity * 100) / 100 });
  }
  nearDuplicates.sort((a, b) => b.similarity - a.similarity);
  return ok({ article: { ...meta.data, id, body }, passages, nearDuplicates, replaces: options.replaceId !== undefined });
}

/** The slug, or the slug with -2, -3… when an article already has it. */
function uniqueId(slug: string, index: PassageIndex): string {
  if (!index.article(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug.slice(0, 76)}-${n}`;
    if (!index.article(candidate)) return candidate;
  }
}
