import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeArticleBytes, DEFAULT_ARTICLE_LIMITS, type ArticleInput, type ArticleLimits, type ArticleProblem } from '../new-article.ts';
import { err, ok, type Result } from '../result.ts';
import { extractArticle } from './extract-article.ts';
import { decodePage } from './decode-page.ts';
import { readRawMessage, type RawMessage } from './from-email.ts';
import { articleInputFromMarkdown, articleInputFromPlainText, type MetadataOverrides } from './from-text.ts';

/** File kinds an article can come in, by extension. A file with no extension is read by its content. */
export const ARTICLE_FILE_KINDS = ['.txt', '.md', '.markdown', '.html', '.htm', '.eml'] as const;

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
    return err({ code: 'unsupported-file', message: `"${basename(fileName)}" is not a .txt, .md, .html or .eml file.` });
  }
  if (kind === '.html' || kind === '.htm') {
    // A page names its own encoding (<meta charset>); decodePage honours it.
    const checked = decodeArticleBytes(bytes, limits);
    if (!checked.ok && checked.error.code !== 'not-utf8') return checked;
    return articleInputFromHtml(decodePage(bytes).text, overrides);
  }
  const text = decodeArticleBytes(bytes, limits);
  if (!text.ok) return text;
  // A mail saved as it arrived, whether named .eml or .txt: its headers and encoding are not the article.
  const message = kind === '.eml' || kind === '.txt' ? readRawMessage(text.value) : undefined;
  if (message) return articleInputFromMessage(message, overrides);
  if (kind === '.eml') return err({ code: 'unreadable', message: `"${basename(fileName)}" is not an e-mail message (it has no From header).` });
  if (kind === '.txt') return ok(articleInputFromPlainText(text.value, overrides, titleOfFileName(fileName)));
  return ok(articleInputFromMarkdown(text.value, overrides));
}

/** Words a message's plain-text part must have to be read instead of its HTML part. */
const MIN_PLAIN_TEXT_WORDS = 50;

/** An article from a raw message: its plain-text part (else its HTML part), titled by its subject, from its list or sender. */
function articleInputFromMessage(message: RawMessage, overrides: MetadataOverrides): Result<ArticleInput, SourceProblem> {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
  const fromHeaders: MetadataOverrides = {
    ...(message.subject ? { title: message.subject } : {}),
    ...(message.sender ? { publisher: message.sender } : {}),
    ...(message.sent ? { published: message.sent } : {}),
  };
  const words = (message.text ?? '').split(/\s+/).filter(Boolean).length;
  if (message.html !== undefined && words < MIN_PLAIN_TEXT_WORDS) return articleInputFromHtml(message.html, { ...fromHeaders, ...given });
  if (message.text === undefined || words === 0) return err({ code: 'empty', message: 'The message has no text part to read.' });
  return ok(articleInputFromPlainText(message.text, { ...fromHeaders, ...given }));
}

/** `.html` or `.txt` for a file with no extension, by how its first bytes read. */
function kindByContent(bytes: Uint8Array): string {
  const opening = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  return LOOKS_LIKE_HTML.test(opening) ? '.html' : '.txt';
}

/** An article from the main text of an HTML page, its metadata from the page unless overridden. */
export function articleInputFromHtml(html: string, overrides: MetadataOverrides = {}, pageUrl?: string): Result<ArticleInput, SourceProblem> {
  const extracted = extractArticle(html, pageUrl, overrides.title);
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

/** A file's name read as words ("news9_at_six_captions.txt" → "news9 at six captions"), for a text with no title of its own. */
const titleOfFileName = (fileName: string): string | undefined => {
  const words = basename(fileName, extname(fileName)).replace(/[_\s-]+/g, ' ').trim();
  return /\p{L}{2,}/u.test(words) ? words : undefined;
};
