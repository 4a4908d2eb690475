/**
 * What moderators see: the preview of an article before it is saved (title and metadata found,
 * passage count, the first passages, exact or near-duplicates), the prompt before a removal, and
 * the lists (articles, history, synonyms). Every piece of text from an article, a page, a file or a
 * member is escaped here as it is composed; the reply module adds `allowed_mentions: { parse: [] }`.
 * (Pure.)
 */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Article } from '../../core/article.ts';
import { paragraphLabel } from '../../core/render-text.ts';
import type { PreparedArticle } from '../../core/new-article.ts';
import type { PassageIndex } from '../../core/search-index.ts';
import type { AuditEntry } from '../../core/store/corpus-store.ts';
import { encodeButton } from '../custom-id.ts';
import { DISCORD_LIMITS, REPLY_OPTIONS } from '../limits.ts';
import { escapeMarkdown, maskedLink, truncateAtWord } from '../markdown.ts';
import { MESSAGES } from '../messages.ts';
import { renderQuote } from '../quote.ts';
import { buttonRows, type Reply } from '../reply.ts';

/** Knobs of the moderators' views. */
export const CURATION_VIEW = {
  /** Passages a preview quotes. */
  previewPassages: 3,
  /** Characters each previewed passage is cut to. */
  previewQuoteChars: 900,
  /** Articles per page of /corpus list. */
  articlesPerPage: 15,
  /** Changes /corpus history shows by default, and at most. */
  historyDefault: 10,
  historyMax: 25,
} as const;

const NONE = '—';
const inline = (text: string): string => escapeMarkdown(truncateAtWord(text, REPLY_OPTIONS.maxInlineTitleChars));
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
const field = (name: string, value: string, inlineField = true): APIEmbedField => ({ name, value: value || NONE, inline: inlineField });

/** Confirm and Cancel for a pending change; Confirm is red when it deletes. */
function confirmButtons(nonce: string, options: { danger?: boolean } = {}) {
  return buttonRows([
    { label: 'Confirm', customId: encodeButton({ kind: 'confirm', nonce }), ...(options.danger ? { danger: true } : { primary: true }) },
    { label: 'Cancel', customId: encodeButton({ kind: 'cancel', nonce }) },
  ]);
}

/**
 * The preview of an article about to be added (or to replace `replacing`): the article as it
 * would be saved, its first passages quoted, and its likeness to articles already there.
 */
export function renderPreview(prepared: PreparedArticle, nonce: string, replacing?: Article): Reply {
  const { article, passages, nearDuplicates } = prepared;
  const quotes = passages.slice(0, CURATION_VIEW.previewPassages).map((p) => `**${paragraphLabel(p.paragraph, p.paragraphEnd)}**\n${renderQuote(p, undefined, CURATION_VIEW.previewQuoteChars).markdown}`);
  const more = passages.length - quotes.length;
  const similar = nearDuplicates.map((d) => `• “${inline(d.title)}” (\`${d.id}\`) — ${Math.round(d.similarity * 100)}% shared wording`);
  const fields: APIEmbedField[] = [
    field('Id', `\`${article.id}\``),
    field('Passages', String(passages.length)),
    field('Publisher', article.publisher ? escapeMarkdown(article.publisher) : NONE),
    field('Published', article.published ? escapeMarkdown(article.published) : NONE),
    field('Link', article.url ? maskedLink(truncateAtWord(article.url, 200), article.url) : NONE, false),
    ...(replacing ? [field('Replaces', `“${inline(replacing.title)}”`, false)] : []),
    field('Similar articles', similar.length > 0 ? similar.join('\n') : 'None: no article in the corpus shares much of its wording.', false),
  ];
  const embed: APIEmbed = {
    title: escapeMarkdown(article.title),
    ...(article.url ? { url: article.url } : {}),
    description: truncateAtWord([...quotes, ...(more > 0 ? [`*…and ${plural(more, 'more passage')}.*`] : [])].join('\n\n'), DISCORD_LIMITS.embedDescription),
    color: REPLY_OPTIONS.color,
    fields,
    footer: { text: 'Nothing is saved until you press Confirm.' },
  };
  const content = replacing ? MESSAGES['preview-update']({ title: replacing.title }) : MESSAGES['preview-add']({});
  return { content, embeds: [embed], components: confirmButtons(nonce), ephemeral: true };
}

/** The question before a removal, with Confirm (red) and Cancel. */
export function renderRemovePrompt(article: Article, passages: number, nonce: string): Reply {
  return { content: MESSAGES['preview-remove']({ article, passages }), components: confirmButtons(nonce, { danger: true }), ephemeral: true };
}

/** The articles with their ids (what /corpus update and remove take) and passage counts, a page at a time. */
export function renderCorpusList(index: PassageIndex, page: number): Reply {
  const articles = index.articles();
  const perPage = CURATION_VIEW.articlesPerPage;
  const pages = Math.max(1, Math.ceil(articles.length / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const lines = articles.slice((current - 1) * perPage, current * perPage).map((a) => {
    const label = [inline(a.title), a.publisher ? inline(a.publisher) : undefined].filter(Boolean).join(' · ');
    return `\`${a.id}\` — ${label} — ${plural(index.passagesOf(a.id).length, 'passage')}`;
  });
  return {
    embeds: [
      {
        title: `Corpus — ${plural(index.articleCount, 'article')}, ${plural(index.passageCount, 'passage')}`,
        description: lines.length > 0 ? lines.join('\n') : 'The corpus is empty. Add an article with /corpus add.',
        color: REPLY_OPTIONS.color,
        footer: { text: `Page ${current} of ${pages}${current < pages ? ` · next: /corpus list page:${current + 1}` : ''}` },
      },
    ],
    ephemeral: true,
  };
}

const WHAT: Record<AuditEntry['action'], string> = { add: 'added', update: 'updated', remove: 'removed', synonyms: 'changed the synonyms', undo: 'undid', reload: 'reloaded the corpus from disk' };

/** "2025-01-02 14:03 UTC" from an ISO time (the log's). */
const when = (iso: string): string => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : escapeMarkdown(iso));

/** One line of history: number, time, what was done to what, by whom. */
export function historyLine(entry: AuditEntry): string {
  const target = entry.action === 'undo' ? `#${entry.undoes ?? '?'}${entry.articleId ? ` (\`${entry.articleId}\`)` : ''}` : entry.articleId ? `\`${entry.articleId}\`` : '';
  return `**#${entry.seq}** · ${when(entry.time)} · ${WHAT[entry.action]}${target ? ` ${target}` : ''} · by ${escapeMarkdown(entry.userName)}`;
}

/** The latest changes, newest first: who changed what, when. */
export function renderHistory(entries: readonly AuditEntry[]): Reply {
  return {
    embeds: [
      {
        title: entries.length > 0 ? `Corpus history — the latest ${plural(entries.length, 'change')}` : 'Corpus history',
        description: entries.length > 0 ? truncateAtWord(entries.map(historyLine).join('\n'), DISCORD_LIMITS.embedDescription) : 'No change has been made through Verbatim yet.',
        color: REPLY_OPTIONS.color,
        footer: { text: 'Newest first · /corpus undo reverts the latest change' },
      },
    ],
    ephemeral: true,
  };
}

/** The synonym groups, numbered as /corpus synonym remove takes them. */
export function renderSynonyms(groups: readonly (readonly string[])[]): Reply {
  const lines = groups.map((g, i) => `**${i + 1}.** ${g.map(escapeMarkdown).join(' | ')}`);
  return {
    embeds: [
      {
        title: `Synonym groups — ${groups.length}`,
        description: lines.length > 0 ? truncateAtWord(lines.join('\n'), DISCORD_LIMITS.embedDescription) : 'There are no synonym groups yet.',
        color: REPLY_OPTIONS.color,
        footer: { text: 'Every spelling in a group finds the others · add: /corpus synonym add · remove: /corpus synonym remove number:N' },
      },
    ],
    ephemeral: true,
  };
}
