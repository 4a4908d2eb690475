import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeArticleBytes, DEFAULT_ARTICLE_LIMITS, type ArticleInput, type ArticleLimits, type ArticleProblem } from '../new-article.ts';
import { err, ok, type Result } from '../result.ts';
import { extractArticle } from './extract-article.ts';
import { decodePage } from './decode-page.ts';
import { articleInputFromMarkdown, articleInputFromPlainText, type MetadataOverrides } from './from-text.ts';

/** File kinds an article can come in, by extension. A file with no extension is read by its content. */
export const ARTICLE_FILE_KINDS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

// Saved pages and raw copies often lose their extension on the way (downloads, `curl -o page`); what the
// text opens with says which it is.
const LOOKS_LIKE_HTML = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/i;

export type SourceProblem =
  | ArticleProblem
  | { code: 'unsupported-file'; message: string }
  | { code: 'unreadable'; message: string }
  | { code: 'fetch-failed'; message: string };

/** An article from an uploaded or local file's bytes, by its extension. */
export async function articleInputFromFile(
  fileName: string,
  bytes: Uint8Array,
  overrides: MetadataOverrides = {},
  limits: ArticleLimits = DEFAULT_ARTICLE_LIMITS,
): Promise<Result<ArticleInput, SourceProblem>> {
  const kind = extname(fileName).toLowerCase() || kindByContent(bytes);
  if (!(ARTICLE_FILE_KINDS as readonly string[]).includes(kind)) {
    return err({ code: 'unsupported-file', message: `"${basename(fileName)}" is not a .txt, .md or .html file.` });
  }
  if (kind === '.html' || kind === '.htm') {
    // A page names its own encoding (<meta charset>); decodePage honours it.
    const checked = decodeArticleBytes(bytes, limits);
    if (!checked.ok && checked.error.code !== 'not-utf8') return checked;
    return articleInputFromHtml(decodePage(bytes).text, overrides);
  }
  const text = decodeArticleBytes(bytes, limits);
  if (!text.ok) return text;
  if (kind === '.txt') return ok(articleInputFromPlainText(text.value, overrides));
  return ok(articleInputFromMarkdown(text.value, overrides));
}

/** `.html` or `.txt` for a file with no extension, by how its first bytes read. */
function kindByContent(bytes: Uint8Array): string {
  const opening = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  return LOOKS_LIKE_HTML.test(opening) ? '.html' : '.txt';
}

/** An article from the main text of an HTML page, its metadata from the page unless overridden. */
export function articleInputFromHtml(html: string, overrides: MetadataOverrides = {}, pageUrl?: string): Result<ArticleInput, SourceProblem> {
  const extracted = extractArticle(html, pageUrl);
  if (!extracted.ok) return err({ code: 'empty', message: extracted.error.message });
  const page = extracted.value;
  const pick = <K extends keyof MetadataOverrides>(key: K, fromPage: string | undefined) => (overrides[key]?.trim() ? overrides[key] : fromPage);
  const input: ArticleInput = { title: pick('title', page.title), body: page.text };
  const publisher = pick('publisher', page.publisher);
  const url = pick('url', page.url ?? pageUrl);
  const published = pick('published', page.published);
  return ok({ ...input, ...(publisher ? { publisher } : {}), ...(url ? { url } : {}), ...(published ? { published } : {}) });
}

/** An article from a local path or an http(s) link (the CLI's FILE_OR_URL). */
export async function articleInputFromPath(pathOrUrl: string, overrides: MetadataOverrides = {}, limits: ArticleLimits = DEFAULT_ARTICLE_LIMITS): Promise<Result<ArticleInput, SourceProblem>> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathOrUrl)) {
    const { articleInputFromUrl } = await import('./from-url.ts');
    return articleInputFromUrl(pathOrUrl, overrides, limits);
  }
  try {
    const info = await stat(pathOrUrl);
    if (!info.isFile()) return err({ code: 'unreadable', message: `"${pathOrUrl}" is not a file.` });
    if (info.size > limits.maxBytes) return err({ code: 'too-large', message: `"${basename(pathOrUrl)}" is ${Math.ceil(info.size / 1024)} KB; articles may be at most ${Math.ceil(limits.maxBytes / 1024)} KB.` });
    return articleInputFromFile(pathOrUrl, await readFile(pathOrUrl), overrides, limits);
  } catch (error) {
    return err({ code: 'unreadable', message: `"${pathOrUrl}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` });
  }
}
