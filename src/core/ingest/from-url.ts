import { DEFAULT_ARTICLE_LIMITS, type ArticleInput, type ArticleLimits } from '../new-article.ts';
import { err, ok, type Result } from '../result.ts';
import { fetchPage, type FetchPageOptions } from './fetch-page.ts';
import { articleInputFromHtml, type SourceProblem } from './from-file.ts';
import { articleInputFromPlainText, type MetadataOverrides } from './from-text.ts';

/**
 * Exact non-public addresses a deployment allows links to reach, from FETCH_ALLOW_PRIVATE_ADDRESSES
 * (comma-separated, e.g. "127.0.0.1" for tests). Unset — the default — allows public addresses only.
 */
export function allowedPrivateAddresses(env: NodeJS.ProcessEnv = process.env): FetchPageOptions['allowPrivateAddresses'] {
  const listed = (env.FETCH_ALLOW_PRIVATE_ADDRESSES ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return listed.length === 0 ? false : (address: string) => listed.includes(address);
}

/** An article from a link: the page is fetched under the guards of `fetchPage`, its main text extracted. */
export async function articleInputFromUrl(
  url: string,
  overrides: MetadataOverrides = {},
  limits: ArticleLimits = DEFAULT_ARTICLE_LIMITS,
  fetchOptions: FetchPageOptions = { allowPrivateAddresses: allowedPrivateAddresses() },
): Promise<Result<ArticleInput, SourceProblem>> {
  const page = await fetchPage(url, fetchOptions);
  if (!page.ok) return err({ code: 'fetch-failed', message: page.error.message });
  if (page.value.contentType === 'text/plain') {
    if (Buffer.byteLength(page.value.text, 'utf8') > limits.maxBytes) return err({ code: 'too-large', message: `The page's text is over ${Math.ceil(limits.maxBytes / 1024)} KB.` });
    return ok({ url: page.value.url, ...articleInputFromPlainText(page.value.text, overrides) });
  }
  return articleInputFromHtml(page.value.text, overrides, page.value.url);
}
