/**
 * What people see: answers, "no good match", the passages around a passage, an article page by
 * page, the list of sources, help. Each function returns a `Reply` (reply.ts), never sends it, so
 * every one is tested without Discord — exact text, labels, limits — and the console prints the same.
 * Text from the corpus and from users is escaped here, as it is composed. (Pure.)
 */
import type { APIEmbed } from 'discord-api-types/v10';
import type { Answer, RankedPassage, SourceLabel } from '../core/answer.ts';
import type { Article } from '../core/article.ts';
import { sourceLabel } from '../core/render-text.ts';
import type { IndexedPassage, PassageIndex } from '../core/search-index.ts';
import { encodeButton } from './custom-id.ts';
import { DISCORD_LIMITS, REPLY_OPTIONS } from './limits.ts';
import { escapeMarkdown, maskedLink, truncateAtWord } from './markdown.ts';
import { renderQuote } from './quote.ts';
import { buttonRows, embedLength, type ButtonSpec, type Reply } from './reply.ts';

/** What a button sees of the message it is on, whatever the transport. */
export type SourceMessage = {
  readonly embeds: readonly APIEmbed[];
  /** Whether only the clicker sees the message (then paging buttons update it in place). */
  readonly ephemeral: boolean;
};

/** Which page of which question an answer shows. */
export type AnswerView = {
  /** The question as asked (shown in the footer, and read back from it by "More"). */
  readonly question: string;
  readonly offset: number;
  readonly count: number;
  /** When the question was limited to one article. */
  readonly articleId?: string | undefined;
  /** Time taken, for the footer. */
  readonly elapsedMs: number;
};

/** Characters of the 6,000 per message kept spare when sharing the rest out among the quotes. */
const EMBED_BUDGET_MARGIN = 50;
/** Room kept in an embed title for a prefix such as "12. ". */
const TITLE_PREFIX_ROOM = 8;
/** Room kept in an embed description for the "also reported by" line after the quote. */
const ALSO_REPORTED_ROOM = 300;

/** Article titles are cut to this inside embed titles, so the publisher and ¶ always show. */
const MAX_TITLE_IN_HEADING = 180;
const label = (source: SourceLabel, paragraph?: number): string => sourceLabel(source, paragraph);
const heading = (source: SourceLabel, paragraph?: number): string => label({ ...source, title: truncateAtWord(source.title, MAX_TITLE_IN_HEADING) }, paragraph);
const inlineTitle = (title: string): string => truncateAtWord(title, REPLY_OPTIONS.maxInlineTitleChars);
/** An embed title from corpus text: escaped, with room left for a short prefix such as "12. ". */
const titleOf = (text: string): string => truncateAtWord(escapeMarkdown(text), DISCORD_LIMITS.embedTitle - TITLE_PREFIX_ROOM);
const linked = (source: SourceLabel, paragraph?: number): string => {
  const text = label({ ...source, title: inlineTitle(source.title) }, paragraph);
  return source.url ? maskedLink(text, source.url) : escapeMarkdown(text);
};
const range = (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`);
const ms = (elapsed: number): string => `${Math.max(0, Math.round(elapsed))} ms`;

// ---------------------------------------------------------------------------------------------
// The question in the footer. Footers are plain text (no markdown), so the question is exact.

const ASKED = ' · Asked: “';

function footerWithQuestion(summary: string, question: string): string {
  return `${summary}${ASKED}${question}”`;
}

/** The question an answer was for, read back from the footer of its last embed (for "More"). */
export function questionOf(message: SourceMessage): string | undefined {
  for (const embed of [...message.embeds].reverse()) {
    const footer = embed.footer?.text;
    const at = footer?.indexOf(ASKED) ?? -1;
    if (footer && at >= 0 && footer.endsWith('”')) {
      const question = footer.slice(at + ASKED.length, -1).trim();
      if (question) return question;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Answers

/** Gives each quote the same share of what the message has left, up to `REPLY_OPTIONS.maxQuoteChars`. */
function quoteBudget(fixed: number, quotes: number): number {
  const share = Math.floor((DISCORD_LIMITS.embedTotal - fixed - EMBED_BUDGET_MARGIN) / Math.max(1, quotes));
  return Math.max(REPLY_OPTIONS.minQuoteChars, Math.min(REPLY_OPTIONS.maxQuoteChars, share, DISCORD_LIMITS.embedDescription - ALSO_REPORTED_ROOM));
}

function alsoReportedBy(result: RankedPassage, paragraphOf: (passageId: string) => number | undefined): string {
  if (result.alsoIn.length === 0) return '';
  return `\n\n*Also reported by:* ${result.alsoIn.map((a) => linked(a.source, paragraphOf(a.passageId))).join('; ')}`;
}

/**
 * An answer: one embed per passage, quoted verbatim with the matched sentence in bold, titled with
 * its source label (linked when the URL is known), "also reported by" for the same fact elsewhere,
 * and a footer with the counts, the time taken and the question. Buttons: Context and Article for
 * each passage, More when further passages answer. No results → `renderNoMatch`.
 */
export function renderAnswer(answer: Answer, view: AnswerView, index: PassageIndex): Reply {
  if (answer.results.length === 0) return renderNoMatch(answer, view, index);
  const paragraphOf = (id: string): number | undefined => index.passage(id)?.paragraph;
  const first = view.offset + 1;
  const last = view.offset + answer.results.length;
  const total = last + answer.more;
  const footer = footerWithQuestion(`${total === 1 ? 'Passage' : 'Passages'} ${range(first, last)} of ${total} · ${ms(view.elapsedMs)}`, view.question);
  const heads = answer.results.map((r, i) => ({
    title: `${first + i}. ${titleOf(heading(r.source, r.passage.paragraph))}`,
    also: alsoReportedBy(r, paragraphOf),
  }));
  const fixed = footer.length + heads.reduce((sum, h) => sum + h.title.length + h.also.length, 0);
  const budget = quoteBudget(fixed, answer.results.length);
  const embeds: APIEmbed[] = answer.results.map((r, i) => {
    const head = heads[i] as (typeof heads)[number];
    return {
      title: head.title,
      ...(r.source.url ? { url: r.source.url } : {}),
      description: `${renderQuote(r.passage, r.highlight, budget).markdown}${head.also}`,
      color: REPLY_OPTIONS.color,
      ...(i === answer.results.length - 1 ? { footer: { text: footer } } : {}),
    };
  });

  const contexts: ButtonSpec[] = answer.results.map((r, i) => ({ label: `Context ${first + i}`, customId: encodeButton({ kind: 'context', passageId: r.passage.id }) }));
  const byArticle = new Map<string, number[]>();
  answer.results.forEach((r, i) => byArticle.set(r.passage.articleId, [...(byArticle.get(r.passage.articleId) ?? []), first + i]));
  const articles: ButtonSpec[] = [...byArticle].map(([articleId, numbers]) => ({
    label: `Article ${numbers.join(', ')}`,
    customId: encodeButton({ kind: 'article', articleId }),
  }));
  const more: ButtonSpec[] =
    answer.more > 0 ? [{ label: 'More', primary: true, customId: encodeButton({ kind: 'more', offset: last, count: view.count, articleId: view.articleId, question: view.question }) }] : [];
  const fitsOneRow = contexts.length + articles.length + more.length <= DISCORD_LIMITS.buttonsPerRow;
  return { embeds, components: fitsOneRow ? buttonRows([...contexts, ...articles, ...more]) : buttonRows(contexts, articles, more) };
}

/**
 * No good match: what was searched for, which words the corpus does not know, related reading
 * (clearly not an answer) and articles to try. Never an empty embed, never passages as the answer.
 */
export function renderNoMatch(answer: Answer, view: AnswerView, index: PassageIndex): Reply {
  const { query } = answer;
  const lines = [`Nothing in the ${index.articleCount} articles answers “${escapeMarkdown(view.question)}”.`];
  const searched = query.concepts.filter((c) => c.known).map((c) => escapeMarkdown(c.word));
  const unknown = query.concepts.filter((c) => !c.known).map((c) => escapeMarkdown(c.word));
  const facts: string[] = [];
  if (searched.length > 0) facts.push(`Searched for: ${searched.join(', ')}`);
  if (query.corrections.length > 0) facts.push(`Read ${query.corrections.map((c) => `“${escapeMarkdown(c.from)}” as “${escapeMarkdown(c.to)}”`).join(', ')}`);
  if (unknown.length > 0) facts.push(`Not in any article: ${unknown.join(', ')}`);
  if (query.concepts.length === 0) facts.push('The question has no words to search for, only common ones such as “the” or “is”');
  lines.push('', `${facts.join('. ')}.`);
  if (answer.related.length > 0) {
    lines.push('', '**Related reading** — these passages share words with the question but do not answer it:');
    for (const r of answer.related) lines.push(`• ${linked(r.source, r.passage.paragraph)}`);
    lines.push('', 'Try other words, or read one of these with /source.');
  } else {
    lines.push('', 'Try other words, or one of these articles (/sources lists them all):');
    for (const a of index.articles().slice(0, REPLY_OPTIONS.suggestedArticles)) lines.push(`• ${linked({ id: a.id, title: a.title, publisher: a.publisher, url: a.url })}`);
  }
  return {
    embeds: [
      {
        title: 'No good match',
        description: truncateAtWord(lines.join('\n'), DISCORD_LIMITS.embedDescription),
        color: REPLY_OPTIONS.color,
        footer: { text: footerWithQuestion(`No match · ${ms(view.elapsedMs)}`, view.question) },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading: the passages around one, an article page by page, the list of sources.

const sourceOfArticle = (a: Article): SourceLabel => ({ id: a.id, title: a.title, publisher: a.publisher, url: a.url });

function passageEmbeds(passages: readonly IndexedPassage[], marked: string | undefined, footer: string): APIEmbed[] {
  const titles = passages.map((p) => titleOf(`${p.id === marked ? '▶ ' : ''}${heading(p, p.paragraph)}`));
  const budget = quoteBudget(footer.length + titles.reduce((sum, t) => sum + t.length, 0), passages.length);
  return passages.map((p, i) => ({
    title: titles[i] as string,
    ...(p.url ? { url: p.url } : {}),
    description: renderQuote(p, undefined, budget).markdown,
    color: REPLY_OPTIONS.color,
    ...(i === passages.length - 1 ? { footer: { text: footer } } : {}),
  }));
}

/** The passage before, the passage itself (marked ▶) and the one after, with a button to read on. */
export function renderContext(index: PassageIndex, passage: IndexedPassage): Reply {
  const all = index.passagesOf(passage.articleId);
  const at = all.findIndex((p) => p.id === passage.id);
  const from = Math.max(0, at - 1);
  const shown = all.slice(from, at + 2);
  const footer = `Passages ${range(from + 1, from + shown.length)} of ${all.length} in this article · ▶ the quoted passage`;
  return {
    embeds: passageEmbeds(shown, passage.id, footer),
    components: buttonRows([{ label: 'Read on', customId: encodeButton({ kind: 'read', articleId: passage.articleId, ordinal: from + 1 }) }]),
    ephemeral: true,
  };
}

/** A page of an article: `REPLY_OPTIONS.passagesPerPage` passages from `ordinal`, with Previous/Next. */
export function renderArticlePage(index: PassageIndex, article: Article, ordinal: number): Reply {
  const all = index.passagesOf(article.id);
  const perPage = REPLY_OPTIONS.passagesPerPage;
  const start = Math.min(Math.max(1, ordinal), Math.max(1, all.length)) - 1;
  const shown = all.slice(start, start + perPage);
  if (shown.length === 0) {
    return { embeds: [{ title: titleOf(heading(sourceOfArticle(article))), description: 'This article has no passages.', color: REPLY_OPTIONS.color }], ephemeral: true };
  }
  const footer = `${shown.length === 1 ? 'Passage' : 'Passages'} ${range(start + 1, start + shown.length)} of ${all.length}`;
  const buttons: ButtonSpec[] = [];
  if (start > 0) buttons.push({ label: 'Previous', customId: encodeButton({ kind: 'read', articleId: article.id, ordinal: Math.max(1, start + 1 - perPage) }) });
  if (start + shown.length < all.length) buttons.push({ label: 'Next', primary: true, customId: encodeButton({ kind: 'read', articleId: article.id, ordinal: start + 1 + shown.length }) });
  return { embeds: passageEmbeds(shown, undefined, footer), components: buttonRows(buttons), ephemeral: true };
}

/** The articles, `REPLY_OPTIONS.sourcesPerPage` to a page: label, link and passage count. */
export function renderSources(index: PassageIndex, page: number): Reply {
  const articles = index.articles();
  const perPage = REPLY_OPTIONS.sourcesPerPage;
  const pages = Math.max(1, Math.ceil(articles.length / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const shown = articles.slice((current - 1) * perPage, current * perPage);
  const lines = shown.map((a, i) => {
    const count = index.passagesOf(a.id).length;
    return `**${(current - 1) * perPage + i + 1}.** ${linked(sourceOfArticle(a))} — ${count} ${count === 1 ? 'passage' : 'passages'}`;
  });
  const buttons: ButtonSpec[] = [];
  if (current > 1) buttons.push({ label: 'Previous', customId: encodeButton({ kind: 'sources', page: current - 1 }) });
  if (current < pages) buttons.push({ label: 'Next', primary: true, customId: encodeButton({ kind: 'sources', page: current + 1 }) });
  const embed: APIEmbed = {
    title: `Sources — ${index.articleCount} ${index.articleCount === 1 ? 'article' : 'articles'}, ${index.passageCount} passages`,
    description: lines.length > 0 ? lines.join('\n') : 'The corpus is empty.',
    color: REPLY_OPTIONS.color,
    footer: { text: `Page ${current} of ${pages} · Read one with /source` },
  };
  return { embeds: [embed], components: buttonRows(buttons), ephemeral: true };
}

/** What Verbatim does, and that it only ever quotes. */
export function renderHelp(index: PassageIndex): Reply {
  const description = [
    `Verbatim answers questions about the news story in its ${index.articleCount} articles with the articles' **own words**. Every sentence it shows is quoted verbatim from an article, with its source: title · publisher · paragraph. It never paraphrases, summarises or makes anything up, and when the articles do not answer, it says so.`,
    '',
    '**/ask** `question` — the passages that answer it, best first; the sentence that matches is in bold. Options: `count` (1–5), `source` (one article only), `private` (only you see the answer). Buttons: **Context** (the passages around one), **Article** (read that article), **More** (further passages).',
    '**/sources** — the articles, with their passage counts.',
    '**/source** `article` `paragraph` — read an article passage by passage.',
    '**Find sources** — right-click a message → Apps → Find sources: the passages that support what it says.',
    '**/help** — this text.',
  ].join('\n');
  return { embeds: [{ title: 'Verbatim — the articles’ own words', description, color: REPLY_OPTIONS.color }], ephemeral: true };
}

/** Total embed characters of a reply (for tests and budgets). */
export const replyLength = (reply: Reply): number => (reply.embeds ?? []).reduce((sum, e) => sum + embedLength(e), 0);
