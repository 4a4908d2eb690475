import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';

/**
 * Turns a news page's HTML into the article's own words plus the metadata the page states about
 * itself. Readability picks the article out of the page furniture; we only decide how its blocks
 * become plain-text paragraphs. Nothing is summarized or reworded: every word of `text` is a word of
 * the page, and metadata the page does not state is left out rather than guessed.
 */

/** The article found in a page. `text` is paragraphs separated by a blank line. */
export type ExtractedArticle = {
  readonly title: string;
  readonly publisher?: string;
  /** The page's canonical http(s) URL, else the URL it was fetched from. */
  readonly url?: string;
  /** Publication date as YYYY-MM-DD. */
  readonly published?: string;
  readonly text: string;
};

/** Why no article came out of a page. */
export type ExtractError = {
  /** 'no-article': nothing article-like in the page; 'no-title': article text found, but the page states no title. */
  readonly code: 'no-article' | 'no-title';
  readonly message: string;
};

// The DOM types are not in this project's lib (Node only); linkedom's are structural enough for us.
type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;
type DomNode = { readonly nodeType: number; readonly childNodes: ArrayLike<DomNode>; readonly textContent: string | null; readonly tagName?: string };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Extracts the main article from an HTML page: its text as plain paragraphs (headings and list items
 * are paragraphs of their own; navigation, ads, share widgets, related links and comments left out)
 * and its title, publisher, publication date and canonical URL when the page states them.
 *
 * @param html the page's markup, already decoded to a string
 * @param pageUrl the URL the page came from: resolves a relative canonical link and is the fallback `url`
 * @param givenTitle the title the operator gives, for a page that states none (a mail's HTML part)
 */
export function extractArticle(html: string, pageUrl?: string, givenTitle?: string): Result<ExtractedArticle, ExtractError> {
  const document = parseDocument(html);
  // Metadata first: Readability rewrites the document it is given.
  const meta = readMetadata(document, pageUrl);
  const hydrated = hydratedBodyOf(document);
  revealCollapsedText(document);
  removeFurniture(document);
  // Readability keeps one container and rewrites the document; a second, untouched copy (same
  // elements, numbered alike) lets us find the containers like it that it left behind.
  const untouched = parseDocument(html);
  revealCollapsedText(untouched);
  removeFurniture(untouched);
  numberElements(document);
  numberElements(untouched);
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    // Hand back the article element itself instead of an HTML string we would have to parse again.
    serializer: (element) => element,
  }).parse();
  const content = parsed?.content as unknown as El | null | undefined;
  if (content === undefined || content === null) {
    return err({ code: 'no-article', message: 'no article text was found in the page (it may be an index, a login wall or a page that needs JavaScript)' });
  }
  const title = meta.title ?? (cleanTitle(parsed?.title ?? '', meta.publisher) || givenTitle?.trim());
  restoreDroppedSiblings(content, untouched);
  const paragraphs = withHydratedBody(dropRepeatedTitle(withRepeatedContainers(content, untouched).flatMap(paragraphsOf), title), hydrated);
  const problem = notArticleLike(paragraphs, content);
  if (problem !== undefined) return err({ code: 'no-article', message: problem });
  if (title === undefined || title === '') {
    return err({ code: 'no-title', message: 'the page has article text but states no title (no og:title, <h1> or <title>); give the title yourself' });
  }
  return ok({
    title,
    ...(meta.publisher !== undefined ? { publisher: meta.publisher } : {}),
    ...(meta.url !== undefined ? { url: meta.url } : {}),
    ...(meta.published !== undefined ? { published: meta.published } : {}),
    text: paragraphs.join('\n\n'),
  });
}

// ---------------------------------------------------------------------------------------------------
// Parsing

/**
 * Parses markup into a document with a proper <head> and <body>. linkedom does not build the implied
 * <html>/<head>/<body> a browser would: without <html> the first element becomes the document
 * element, and loose <title>/<p> elements end up beside <head> and <body> where neither
 * document.title nor Readability (which reads document.body) finds them. So we wrap and re-home.
 */
function parseDocument(html: string): Doc {
  const markup = /<html[\s>]/i.test(html) ? html : `<html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`;
  const { document } = parseHTML(markup);
  rehomeStrayChildren(document);
  return document;
}

const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);

function rehomeStrayChildren(document: Doc): void {
  const root = document.documentElement;
  const { head, body } = document;
  let inBody = body.childNodes.length > 0;
  for (const node of Array.from(root.childNodes as ArrayLike<DomNode>)) {
    if (node === head || node === body) continue;
    const tag = node.nodeType === ELEMENT_NODE ? (node as unknown as El).tagName.toUpperCase() : '';
    const blank = node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() === '';
    if (blank) continue;
    if (!inBody && HEAD_TAGS.has(tag)) head.appendChild(node);
    else {
      inBody = true;
      body.appendChild(node);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Metadata

type PageMetadata = { title?: string; publisher?: string; url?: string; published?: string };

function readMetadata(document: Doc, pageUrl: string | undefined): PageMetadata {
  const metas = metaValues(document);
  const jsonLd = readJsonLd(document);
  const heading = headlineOf(document);
  const headline = firstPresent(metas.get('og:title'), metas.get('twitter:title'), heading);
  const pageTitle = textOf(document.querySelector('title'));
  // The site's name trails the headline in <title>, or in og:title itself ("Sablewood Data Campus - Civipedia", whose <h1> is bare).
  const publisher = firstPresent(metas.get('og:site_name'), jsonLd.publisher, siteNameAfter(headline, pageTitle), siteNameAfter(heading, headline), siteNameAfter(heading, pageTitle));
  // An old page's <title> strings the site, its section and the headline ("The Ledger :: Local News ::
  // Council OKs…"); the page shows the headline alone, in bold or a heading.
  const shown = headline === undefined ? headlineShownFrom(document, pageTitle) : undefined;
  const rawTitle = firstPresent(headline, shown?.headline, pageTitle, leadHeadingOf(document));
  const title = rawTitle === undefined ? undefined : cleanTitle(rawTitle, publisher);
  const published = firstDate(metas.get('article:published_time'), jsonLd.datePublished, metas.get('datepublished'), timeOf(document));
  const url = firstPresent(absoluteHttpUrl(canonicalHref(document), pageUrl), absoluteHttpUrl(metas.get('og:url'), pageUrl), absoluteHttpUrl(pageUrl, undefined), absoluteHttpUrl(sourceLinkOf(document), undefined));
  const site = publisher ?? shown?.site;
  return { ...(title ? { title } : {}), ...(site ? { publisher: site } : {}), ...(url ? { url } : {}), ...(published ? { published } : {}) };
}

/** The part of a <title> made of several that the page shows alone as its headline, and the site's name, the title's first part. */
function headlineShownFrom(document: Doc, pageTitle: string | undefined): { headline: string; site?: string } | undefined {
  if (pageTitle === undefined) return undefined;
  const parts = collapse(pageTitle).split(/\s+(?:::|[|–—»])\s+/).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  const shownAlone = new Set(all(document.body, 'b, strong, font, h2, h3, [class*="headline"], [class*="title"]').map((e) => comparable(e.textContent ?? '')));
  const at = parts.findIndex((part, i) => i > 0 && part.split(' ').length >= 4 && shownAlone.has(comparable(part)));
  if (at < 0) return undefined;
  return { headline: parts[at] as string, ...(at > 0 && (parts[0] as string).length <= 80 ? { site: parts[0] } : {}) };
}

/** <meta property|name|itemprop=… content=…> by lower-cased key; the first one of each key wins. */
function metaValues(document: Doc): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of all(document, 'meta')) {
    const content = collapse(meta.getAttribute('content') ?? '');
    if (content === '') continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

/** The article's <h1>: the one inside <article>/<main>, else the page's only <h1> (several usually means a logo is one). */
function headlineOf(document: Doc): string | undefined {
  const inArticle = document.querySelector('article h1') ?? document.querySelector('main h1');
  if (inArticle) return textOf(inArticle);
  const all = document.querySelectorAll('h1');
  if (all.length === 1) return textOf(all[0] ?? null);
  // A word processor's export marks the document's title by style, not by <h1> (Google Docs: <p class="title">).
  return all.length === 0 ? textOf(document.querySelector('p.title')) : undefined;
}

/** For a page with no title, <h1> or og:title: the lesser heading that opens its text, before any paragraph. */
function leadHeadingOf(document: Doc): string | undefined {
  if (document.querySelector('h1')) return undefined;
  const heading = document.querySelector('h2, h3');
  const firstParagraph = document.querySelector('p');
  return heading && (!firstParagraph || heading.compareDocumentPosition(firstParagraph) & 4) ? textOf(heading) : undefined;
}

/** A <time datetime> that marks publication: itemprop first, then one inside the article, then any. */
function timeOf(document: Doc): string | undefined {
  const time =
    document.querySelector('time[itemprop="datePublished"][datetime]') ?? document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? undefined;
}

function canonicalHref(document: Doc): string | undefined {
  for (const link of all(document, 'link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return link.getAttribute('href') ?? undefined;
  }
  return undefined;
}

/** A reading app's export names the page it saved: "Source: <a href=…>", "Original: …". */
function sourceLinkOf(document: Doc): string | undefined {
  for (const block of all(document.body, 'p, div, span, li')) {
    if (!/^\s*(?:source|original|saved from|original article)\s*:/i.test(block.textContent ?? '') || block.children.length > 3) continue;
    const href = block.querySelector('a[href]')?.getAttribute('href');
    if (href && /^https?:\/\//i.test(href)) return href;
  }
  return undefined;
}

/** An absolute http(s) URL from an href (relative ones resolved against the page), else undefined. */
function absoluteHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  try {
    const url = base === undefined ? new URL(href.trim()) : new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+/g;

/**
 * "Headline | Site Name" in <title> when the page also states the headline alone: the tail is the
 * site's name. Without the bare headline to compare, a tail may be part of the headline.
 */
function siteNameAfter(headline: string | undefined, pageTitle: string | undefined): string | undefined {
  if (headline === undefined || pageTitle === undefined) return undefined;
  const title = collapse(pageTitle);
  const bare = collapse(headline);
  if (!title.toLowerCase().startsWith(bare.toLowerCase())) return undefined;
  const separator = title.slice(bare.length).match(/^\s+[|\-–—:·•»]\s+/);
  if (!separator) return undefined;
  // A blog platform's title names the author, the blog and the month before the platform ("Headline |
  // by Fenna Oyelowo | Cold Aisle | Jan, 2026 | Inkwell"): the site is the last part that is none of those.
  const parts = title.slice(bare.length + separator[0].length).split(/\s+[|·•»]\s+/).map((part) => part.trim());
  const site = parts.filter((part) => !/^by\s/i.test(part) && !/\d{4}$/.test(part)).at(-1) ?? '';
  // A site's name is short and is no sentence.
  return site !== '' && site.length <= 80 && !/[.?!]$/.test(site) ? site : undefined;
}

/**
 * "Headline | Site Name" → "Headline", but only when the tail is the site's own name: a headline
 * with a dash in it ("Council - the vote explained") keeps its words.
 */
export function cleanTitle(raw: string, siteName: string | undefined): string {
  // A social post's page title ends with its counts ("… | 1,847 reactions"): no words of the post.
  const title = collapse(raw).replace(/\s+[|·•–—-]\s+[\d.,]+\s?[KkMm]?\s+(?:reactions?|likes?|comments?|views?|shares?|reposts?|followers?)$/i, '');
  if (siteName === undefined) return title;
  const matches = Array.from(title.matchAll(TITLE_SEPARATOR));
  const last = matches.at(-1);
  if (last?.index === undefined) return title;
  const tail = title.slice(last.index + last[0].length);
  const head = title.slice(0, last.index).trim();
  return tail.toLowerCase() === collapse(siteName).toLowerCase() && head !== '' ? head : title;
}

// JSON-LD: validate just the fields we read; everything else in the graph may be any shape.
const NamedSchema = z.looseObject({ name: z.string().optional(), '@id': z.string().optional() });
const JsonLdNodeSchema = z.looseObject({
  '@type': z.union([z.string(), z.array(z.string())]).optional(),
  '@id': z.string().optional(),
  name: z.string().optional(),
  datePublished: z.string().optional(),
  publisher: z.unknown().optional(),
});
type JsonLdNode = z.infer<typeof JsonLdNodeSchema>;

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|LiveBlogPosting)$/;

/** datePublished and publisher.name of the page's article node in JSON-LD, if any. */
function readJsonLd(document: Doc): { datePublished?: string; publisher?: string } {
  const nodes = all(document, 'script[type="application/ld+json"]').flatMap((script) => jsonLdNodes(script.textContent ?? ''));
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  if (article === undefined) return {};
  const publisher = publisherName(article.publisher, nodes);
  return { ...(article.datePublished ? { datePublished: article.datePublished } : {}), ...(publisher ? { publisher } : {}) };
}

/** Every object in a JSON-LD script, through arrays and @graph; a broken script yields nothing. */
function jsonLdNodes(source: string): JsonLdNode[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return [];
  }
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const node = JsonLdNodeSchema.safeParse(value);
      if (node.success) nodes.push(node.data);
      const graph = (value as Record<string, unknown>)['@graph'];
      if (graph !== undefined) visit(graph);
    }
  };
  visit(data);
  return nodes;
}

const typesOf = (node: JsonLdNode): string[] => (node['@type'] === undefined ? [] : [node['@type']].flat());

/** publisher.name, following an {"@id": …} reference into the graph when that is all the article gives. */
function publisherName(value: unknown, nodes: readonly JsonLdNode[]): string | undefined {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  const publisher = NamedSchema.safeParse(first);
  if (!publisher.success) return undefined;
  if (publisher.data.name?.trim()) return collapse(publisher.data.name);
  const id = publisher.data['@id'];
  const referenced = id === undefined ? undefined : nodes.find((node) => node['@id'] === id && node.name?.trim());
  return referenced?.name === undefined ? undefined : collapse(referenced.name);
}

// ---------------------------------------------------------------------------------------------------
// The story in the page's data

/** Words a paragraph of a data-held body has, at least, for most of them. */
const MIN_DATA_PARAGRAPH_WORDS = 8;
/** A body from the page's data replaces the shown text when it is this much longer, and at least this long. */
const HYDRATED_LONGER = 1.5;
const MIN_HYDRATED_WORDS = 150;

/**
 * The story as the page's own data holds it: JSON-LD's `articleBody`, or a list of paragraphs in a
 * framework's JSON (Next.js's `__NEXT_DATA__`), which a browser renders but the HTML sent does not
 * show (a teaser and "Continue reading" where the story should be). Undefined when the page has none.
 */
function hydratedBodyOf(document: Doc): string[] | undefined {
  const candidates: string[][] = [];
  for (const node of all(document, 'script[type="application/ld+json"]').flatMap((script) => jsonLdNodes(script.textContent ?? ''))) {
    const body = (node as Record<string, unknown>)['articleBody'];
    if (typeof body === 'string') candidates.push(paragraphsOfDataText(body));
  }
  for (const script of all(document, 'script[type="application/json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const visit = (value: unknown, depth: number): void => {
      if (depth > 12) return;
      if (Array.isArray(value)) {
        const texts = value.filter((item): item is string => typeof item === 'string');
        if (texts.length >= 3 && texts.length === value.length) {
          const paragraphs = texts.flatMap(paragraphsOfDataText);
          if (paragraphs.filter((p) => wordCount(p) >= MIN_DATA_PARAGRAPH_WORDS).length >= paragraphs.length * 0.6) candidates.push(paragraphs);
        } else value.forEach((item) => visit(item, depth + 1));
      } else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => visit(item, depth + 1));
      else if (typeof value === 'string' && wordCount(value) >= MIN_HYDRATED_WORDS && /<p[\s>]|\n\s*\n/i.test(value)) candidates.push(paragraphsOfDataText(value));
    };
    visit(data, 0);
  }
  const best = candidates.sort((a, b) => wordCount(b.join(' ')) - wordCount(a.join(' ')))[0];
  return best && best.length > 0 ? best : undefined;
}

/** Paragraphs of a text held as data: HTML ("<p>…</p>") read as a page's paragraphs, plain text split at line breaks. */
function paragraphsOfDataText(text: string): string[] {
  if (/<\/?(?:p|br|div|h[1-6]|li)\b[^>]*>/i.test(text)) {
    const { document } = parseHTML(`<html><body>${text}</body></html>`);
    return paragraphsOf(document.body as unknown as El);
  }
  return text.split(/\n+/).map(collapse).filter(Boolean);
}

/**
 * The shown paragraphs, or the page data's body when that is much longer (the shown text is a
 * teaser): then the shown paragraphs the body does not hold (a standfirst) stay before it.
 */
function withHydratedBody(shown: string[], hydrated: string[] | undefined): string[] {
  if (!hydrated) return shown;
  const hydratedWords = wordCount(hydrated.join(' '));
  if (hydratedWords < MIN_HYDRATED_WORDS || hydratedWords < HYDRATED_LONGER * wordCount(shown.join(' '))) return shown;
  const held = comparable(hydrated.join(' '));
  return [...shown.filter((paragraph) => !held.includes(comparable(paragraph))), ...hydrated];
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** The first candidate that reads as a date, as YYYY-MM-DD. */
function firstDate(...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const date = candidate === undefined ? undefined : normalizeDate(candidate);
    if (date !== undefined) return date;
  }
  return undefined;
}

/**
 * A date as YYYY-MM-DD. An ISO date keeps the calendar day it was written with (converting
 * "2024-03-14T23:30-05:00" to UTC would move it to the 15th); other formats go through Date.parse.
 */
export function normalizeDate(value: string): string | undefined {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return check.getUTCMonth() === Number(m) - 1 && check.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : undefined;
  }
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  // With an explicit zone the instant is known, so report its UTC day; without one, Date.parse used local time.
  const zoned = /(?:\bGMT\b|\bUTC\b|Z$|[+-]\d{2}:?\d{2}$)/i.test(text);
  const [y, m, d] = zoned ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()] : [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Cleaning and text

/** Class or id words of the rest of a text a page folds away behind "…see more". */
const COLLAPSED_NAME = /(?:^|[\s_-])(?:expanded|expandable|collapsed|collapsible|truncated|more|rest|full)(?:$|[\s_-])/i;
const MORE_BUTTON = /^\W*(?:see|read|show|view) (?:more|full (?:post|story|article))\b|^\W*continue reading\b/i;

/**
 * A post folded behind "…see more" holds most of its text in a hidden element, which Readability,
 * like a reader who never clicks, leaves out. The hidden rest of a text (named so, or right after a
 * "see more" button) is shown; other hidden elements (templates, dialogs) stay hidden.
 */
function revealCollapsedText(document: Doc): void {
  for (const element of all(document.body, '[hidden], [style*="display:none"], [style*="display: none"]')) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    let previous = element.previousElementSibling;
    while (previous && collapse(previous.textContent ?? '') === '') previous = previous.previousElementSibling;
    const afterMoreButton = previous !== null && previous !== undefined && MORE_BUTTON.test(collapse(previous.textContent ?? ''));
    if (!COLLAPSED_NAME.test(names) && !afterMoreButton) continue;
    element.removeAttribute('hidden');
    element.removeAttribute('style');
  }
}

/** Page furniture Readability sometimes keeps; removed before it scores the page. */
const FURNITURE_SELECTORS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'nav', 'aside', 'footer', 'form', 'button', 'input', 'select', 'textarea', 'dialog',
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="dialog"]', '[role="alertdialog"]', '.comments', '#comments',
];
/** Class or id words of consent banners and ad slots (as whole hyphen/underscore-separated words). */
const FURNITURE_NAME = /(?:^|[\s_-])(?:cookies?|consent|gdpr|ad|ads|advert|advertisement|adslot|newsletter|share|sharing|social-share)(?:$|[\s_-])/i;

const MAX_FURNITURE_CHARS = 400;

function removeFurniture(document: Doc): void {
  const body = document.body;
  for (const selector of FURNITURE_SELECTORS) {
    for (const element of all(body, selector)) element.remove();
  }
  for (const element of all(body, '[class], [id]')) {
    // Never remove the page's main containers on a name alone ("ad-free-article" is still the article).
    if (/^(?:ARTICLE|MAIN|BODY)$/.test(element.tagName.toUpperCase())) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    // Only small boxes: a wrapper named "body has-ads" still holds the story.
    if (FURNITURE_NAME.test(names) && collapse(element.textContent ?? '').length <= MAX_FURNITURE_CHARS) element.remove();
  }
}

const ELEMENT_NUMBER = 'data-verbatim-element';

/** Numbers every element of the body in document order, so that two parses of a page can be matched. */
function numberElements(document: Doc): void {
  all(document.body, '*').forEach((element, i) => element.setAttribute(ELEMENT_NUMBER, String(i)));
}

const classesOf = (element: El): Set<string> => new Set((element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
const numberOf = (element: El): number => Number.parseInt(element.getAttribute(ELEMENT_NUMBER) ?? '', 10);
/** Text a repeated container must hold to be a post or a part of the story, not a label. */
const MIN_REPEATED_CHARS = 80;
/** A list beside the story that is part of it: at least three items that are sentences, few links. */
const MIN_LIST_SENTENCES = 3;
const MIN_LIST_SENTENCE_WORDS = 6;
const MAX_LIST_LINK_SHARE = 0.25;

/**
 * The containers the article's text is in, in page order. Readability keeps one: on a forum or
 * Q&A page that is a single post, and on a page whose story is cut into several blocks of the same
 * kind (between ads, one block per answer) the rest is lost. Containers of the same tag and class
 * as the one kept, elsewhere in the page, with real text that is not mostly links, come back.
 */
function withRepeatedContainers(content: El, untouched: Doc): El[] {
  const kept = Array.from((content as unknown as DomNode).childNodes)
    .filter((n): n is DomNode & El => n.nodeType === ELEMENT_NODE)
    .flatMap((page) => (Number.isFinite(numberOf(page)) ? [page] : Array.from((page as unknown as DomNode).childNodes).filter((n): n is DomNode & El => n.nodeType === ELEMENT_NODE)));
  const keptNumbers = new Set(kept.map(numberOf).filter(Number.isFinite));
  const originals = [...keptNumbers].map((n) => untouched.body.querySelector(`[${ELEMENT_NUMBER}="${n}"]`)).filter((e): e is El => e !== null);
  const added: El[] = [];
  for (const original of originals) {
    const classes = classesOf(original);
    if (classes.size === 0) continue;
    for (const other of all(untouched.body, original.tagName.toLowerCase())) {
      // The same kind of block: one's classes are all the other's ("answer" and "answer accepted-answer").
      const others = classesOf(other);
      const sameKind = others.size > 0 && ([...others].every((c) => classes.has(c)) || [...classes].every((c) => others.has(c)));
      if (!sameKind || keptNumbers.has(numberOf(other))) continue;
      if ([...originals, ...added].some((e) => e.contains(other) || other.contains(e))) continue;
      const text = collapse(other.textContent ?? '');
      const linkText = linkTextLength(other);
      if (text.length >= MIN_REPEATED_CHARS && linkText / text.length <= MAX_LINK_SHARE) added.push(other);
    }
  }
  // Beside a kept container, a block whose text is mostly list items of whole sentences (a recipe
  // card's steps, a "key points" box): Readability scores paragraphs only, and leaves it out.
  for (const original of originals) {
    for (const sibling of Array.from((original as unknown as { parentNode?: El | null }).parentNode?.children ?? []) as El[]) {
      if (keptNumbers.has(numberOf(sibling)) || [...originals, ...added].some((e) => e.contains(sibling) || sibling.contains(e))) continue;
      const text = collapse(sibling.textContent ?? '');
      const linkText = linkTextLength(sibling);
      const items = all(sibling, 'li').map((item) => collapse(item.textContent ?? ''));
      const itemText = items.reduce((sum, item) => sum + item.length, 0);
      const sentences = items.filter((item) => item.split(' ').length >= MIN_LIST_SENTENCE_WORDS && /[.!?]$/.test(item)).length;
      if (text.length >= MIN_REPEATED_CHARS && linkText / text.length <= MAX_LIST_LINK_SHARE && itemText / text.length >= 0.5 && sentences >= MIN_LIST_SENTENCES) added.push(sibling);
    }
  }
  // Readability has not tidied these: a post's score ("▲ 12 ▼") and its rows of links ("Share Follow") go.
  for (const container of added) {
    for (const block of all(container, '*').filter((e) => BLOCK_TAGS.has(e.tagName.toUpperCase()))) {
      const text = collapse(block.textContent ?? '');
      const linkText = linkTextLength(block);
      if (text !== '' && (/^[^\p{L}]{1,12}$/u.test(text) || (text.length <= 60 && linkText >= text.replace(/\s/g, '').length))) block.remove();
    }
  }
  if (added.length === 0) return [content];
  const wrapped = kept.filter((e) => Number.isFinite(numberOf(e)));
  // Kept blocks Readability made up itself (no number) stay first; then every container in page order.
  const unnumbered = kept.filter((e) => !Number.isFinite(numberOf(e)));
  return [...unnumbered, ...[...wrapped, ...added].sort((a, b) => numberOf(a) - numberOf(b))];
}

/** Text of its own (outside links) a block Readability dropped must hold to come back. */
const MIN_RESTORED_OWN_CHARS = 120;

/**
 * Readability drops a block inside the story it keeps when links or a picture weigh on it: a
 * thread's post that ends with a link card and hashtags. A block of the same kind (tag and classes)
 * as a kept block beside it, mostly text of its own, comes back in its place, its parts that are
 * wholly links (the card, the author's name) left out.
 */
function restoreDroppedSiblings(content: El, untouched: Doc): void {
  const keptNumbers = new Set(all(content, '*').map(numberOf).filter(Number.isFinite));
  const inContent = (n: number) => content.querySelector(`[${ELEMENT_NUMBER}="${n}"]`);
  // Looked up by number once, not searched for each kept element.
  const originals = new Map(all(untouched.body, '*').map((e) => [numberOf(e), e] as const));
  // Each parent's blocks of one kind are weighed once, whichever kept block of that kind leads to them.
  const weighed = new Set<string>();
  for (const kept of all(content, '*')) {
    const original = originals.get(numberOf(kept));
    const parent = (original as unknown as { parentNode?: El | null } | undefined)?.parentNode;
    if (!original || !parent) continue;
    const classes = classesOf(original);
    if (classes.size === 0) continue;
    const kind = `${numberOf(parent)} ${original.tagName} ${[...classes].sort().join(' ')}`;
    if (weighed.has(kind)) continue;
    weighed.add(kind);
    const siblings = Array.from(parent.children ?? []) as El[];
    siblings.forEach((sibling, at) => {
      if (sibling === original || sibling.tagName !== original.tagName || keptNumbers.has(numberOf(sibling))) return;
      const others = classesOf(sibling);
      if (others.size !== classes.size || ![...others].every((c) => classes.has(c))) return;
      if (all(sibling, '*').some((e) => keptNumbers.has(numberOf(e)))) return;
      const restored = sibling.cloneNode(true) as El;
      for (const part of all(restored, '*')) {
        const partText = collapse(part.textContent ?? '');
        const isBlock = BLOCK_TAGS.has(part.tagName.toUpperCase());
        // A block that is only links (the author's row), or a link holding blocks (a link card).
        const wholeLink = isBlock ? linkTextLength(part) >= partText.replace(/\s/g, '').length : part.tagName.toUpperCase() === 'A' && all(part, '*').some((e) => BLOCK_TAGS.has(e.tagName.toUpperCase()));
        if (partText !== '' && wholeLink) part.remove();
      }
      // Judged by what would come back: its own text, and links no more than half of it.
      const text = collapse(restored.textContent ?? '').length;
      const linkText = linkTextLength(restored);
      if (text - linkText < MIN_RESTORED_OWN_CHARS || linkText / text > MAX_LINK_SHARE) return;
      // In page order: after the nearest kept sibling before it, else before the nearest after it.
      const before = siblings.slice(0, at).reverse().map((e) => inContent(numberOf(e))).find((e) => e !== null);
      const after = siblings.slice(at + 1).map((e) => inContent(numberOf(e))).find((e) => e !== null);
      const anchor = before ?? after;
      const home = (anchor as unknown as { parentNode?: El | null } | null | undefined)?.parentNode;
      if (!anchor || !home) return;
      home.insertBefore(restored, before ? (before as unknown as { nextSibling: El | null }).nextSibling : anchor);
      for (const e of [restored, ...all(restored, '*')]) keptNumbers.add(numberOf(e));
    });
  }
}

/** Elements that start and end a paragraph of their own. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION', 'CENTER',
]);
/** Elements whose words are not the article's: captions describe pictures, not the story. */
const SKIPPED_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'PICTURE', 'IMG', 'VIDEO', 'AUDIO', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SVG']);
/** Cells run into each other without whitespace in the markup; keep them apart. */
const SPACED_TAGS = new Set(['TD', 'TH']);

/** The plain-text paragraphs of an element: one per block, whitespace collapsed, words untouched. */
function paragraphsOf(root: El): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = collapse(buffer);
    if (text !== '') paragraphs.push(text);
    buffer = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) buffer += child.textContent ?? '';
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child.tagName ?? '').toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      // A <br> inside a paragraph marks a line the author broke on purpose (often a poor man's paragraph).
      if (tag === 'BR') flush();
      else if (tag === 'PRE') {
        // Preformatted text (a hearing transcript, a filing) keeps its own paragraphs, set apart by blank lines.
        flush();
        for (const block of (child.textContent ?? '').split(/\n[ \t]*\n/)) {
          buffer = block;
          flush();
        }
      } else if (tag === 'LI') {
        // A list item keeps the bullet or number a reader sees, so that it reads as an entry, not a heading.
        flush();
        buffer = listMarkerOf(child);
        walk(child);
        flush();
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(child);
        flush();
      } else if (SPACED_TAGS.has(tag)) {
        buffer += ' ';
        walk(child);
        buffer += ' ';
      } else walk(child);
    }
  };
  walk(root as unknown as DomNode);
  flush();
  return paragraphs;
}

/** "- " for an item of a bulleted list, "3. " for the third of a numbered one. */
function listMarkerOf(item: El): string {
  const list = (item as unknown as { parentNode?: El | null }).parentNode;
  if (!list || (list.tagName ?? '').toUpperCase() !== 'OL') return '- ';
  const items = Array.from((list as unknown as DomNode).childNodes).filter((n) => n.nodeType === ELEMENT_NODE && ((n as unknown as El).tagName ?? '').toUpperCase() === 'LI');
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  return `${(Number.isFinite(start) ? start : 1) + items.indexOf(item as unknown as DomNode)}. `;
}

/** Readability keeps the headline when it differs slightly from <title>; it is metadata, not body text. */
function dropRepeatedTitle(paragraphs: string[], title: string | undefined): string[] {
  if (title === undefined) return paragraphs;
  const key = comparable(title);
  let start = 0;
  while (start < paragraphs.length && start < 3 && comparable(paragraphs[start] ?? '') === key) start += 1;
  return paragraphs.slice(start);
}

const MIN_WORDS = 20;
const MIN_LONGEST_PARAGRAPH_WORDS = 15;
const MAX_LINK_SHARE = 0.5;

/**
 * Readability always returns its best candidate, even for a section front or an error page. An
 * article has at least one real paragraph, some length, and is mostly not link text.
 */
function notArticleLike(paragraphs: readonly string[], content: El): string | undefined {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const total = paragraphs.reduce((sum, paragraph) => sum + words(paragraph), 0);
  const longest = Math.max(0, ...paragraphs.map(words));
  if (total === 0) return 'the page has no article text';
  if (total < MIN_WORDS || longest < MIN_LONGEST_PARAGRAPH_WORDS) {
    return `the page's main text is only ${total} words with no full paragraph; it does not look like an article`;
  }
  const linkText = linkTextLength(content);
  const allText = collapse(content.textContent ?? '').length;
  if (allText > 0 && linkText / allText > MAX_LINK_SHARE) {
    return `the page's main text is mostly links (${Math.round((100 * linkText) / allText)}%); it looks like an index, not an article`;
  }
  return undefined;
}

/** querySelectorAll as an array (linkedom's NodeList type does not iterate without the DOM lib). */
const all = (root: { querySelectorAll(selector: string): unknown }, selector: string): El[] => Array.from(root.querySelectorAll(selector) as ArrayLike<El>);
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** How many characters of an element's text are link text. */
const linkTextLength = (element: El): number => all(element, 'a').reduce((sum, link) => sum + collapse(link.textContent ?? '').length, 0);
const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const textOf = (element: El | null | undefined): string | undefined => {
  const text = collapse(element?.textContent ?? '');
  return text === '' ? undefined : text;
};
const firstPresent = (...values: (string | undefined)[]): string | undefined => values.find((value) => value !== undefined && value.trim() !== '');
