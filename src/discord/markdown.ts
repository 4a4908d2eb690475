/**
 * Markdown safety for text Verbatim did not write (corpus passages, titles, questions): escaping, so
 * a `*` in an article stays a `*`, and cutting to a length without breaking a word.
 * (Pure: the console uses `unescapeMarkdown` to print the same replies as plain text.)
 */

/** Characters Discord's markdown reads anywhere in a line: emphasis, code, strike, spoilers, quotes, links, mentions. */
const INLINE_MARKUP = /[\\*_~`|<>[\]]/g;
/** Markers Discord reads only at the start of a line: headings, `-#` subtext, bullet lists. */
const LINE_START_MARKER = /^([ \t]*)([#+-])/gm;
/** Numbered lists: "1. " at the start of a line. */
const LINE_START_NUMBER = /^([ \t]*\d+)\.(?=[ \t]|$)/gm;

/**
 * Escapes `text` so Discord shows it literally: every markdown character gets a backslash.
 * `unescapeMarkdown(escapeMarkdown(s)) === s` for every string.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&').replace(LINE_START_MARKER, '$1\\$2').replace(LINE_START_NUMBER, '$1\\.');
}

/** Removes the backslashes `escapeMarkdown` adds (a backslash before any ASCII punctuation). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters at a word boundary, marking the cut with an ellipsis.
 * Never cuts inside a word (a single word longer than `max` is the only exception) nor after a
 * lone escaping backslash.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  if (room <= 0) return ELLIPSIS.slice(0, Math.max(0, max));
  const slice = text.slice(0, room + 1);
  const lastSpace = slice.search(/\s\S*$/);
  let cut = lastSpace > 0 ? text.slice(0, lastSpace) : text.slice(0, room);
  cut = cut.replace(/\s+$/, '');
  // An odd run of trailing backslashes would escape the ellipsis.
  if (/(^|[^\\])(\\\\)*\\$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

/** A masked link `[label](url)` with the label escaped and the URL safe inside the parentheses. */
export function maskedLink(label: string, url: string): string {
  const safeUrl = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(label)}](${safeUrl})`;
}
