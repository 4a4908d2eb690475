import matter from 'gray-matter';
import { ArticleIdSchema, ArticleMetaSchema, type Article, type ArticleMeta } from './article.ts';
import { err, ok, type Result } from './result.ts';

/** A problem with one corpus file, named by field so a moderator can fix it. */
export type FileProblem = { readonly file: string; readonly field: string; readonly message: string };

export const ARTICLE_FILE_EXTENSION = '.md';

/**
 * Parses one corpus file (Markdown with YAML front-matter) into an article.
 * The id is the file name without `.md`; the body is kept byte for byte except that
 * Windows line ends become `\n`, so passage offsets mean the same on every machine.
 */
export function parseArticleFile(fileName: string, content: string): Result<Article, FileProblem[]> {
  const id = fileName.endsWith(ARTICLE_FILE_EXTENSION) ? fileName.slice(0, -ARTICLE_FILE_EXTENSION.length) : fileName;
  const problems: FileProblem[] = [];
  const idCheck = ArticleIdSchema.safeParse(id);
  if (!idCheck.success) problems.push({ file: fileName, field: 'id (file name)', message: idCheck.error.issues[0]?.message ?? 'invalid' });

  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---\n/.test(text)) {
    problems.push({ file: fileName, field: 'front-matter', message: 'the file must start with a --- front-matter block holding at least a title' });
    return err(problems);
  }
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    // Passing options turns off gray-matter's cache, which would share parsed objects between calls.
    parsed = matter(text, {}) as { data: Record<string, unknown>; content: string };
  } catch (error) {
    problems.push({ file: fileName, field: 'front-matter', message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return err(problems);
  }
  const meta = ArticleMetaSchema.safeParse(parsed.data);
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      problems.push({ file: fileName, field: issue.path.join('.') || 'front-matter', message: issue.message });
    }
  }
  if (parsed.content.trim() === '') problems.push({ file: fileName, field: 'body', message: 'the article has no text' });
  if (problems.length > 0 || !meta.success) return err(problems);
  return ok({ ...meta.data, id, body: parsed.content });
}

/** Writes an article back in the corpus format; optional fields that are absent are left out. */
export function serializeArticle(article: ArticleMeta & { body: string }): string {
  const data: Record<string, string> = {};
  for (const key of ['title', 'publisher', 'url', 'published', 'added_by', 'added_at'] as const) {
    const value = article[key];
    if (value !== undefined) data[key] = value;
  }
  const body = article.body.endsWith('\n') ? article.body : `${article.body}\n`;
  return matter.stringify(body, data);
}
