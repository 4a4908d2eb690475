/**
 * A passage as a Discord block quote: escaped, the matched sentence in bold, and — when it does
 * not fit — cut to whole sentences around the match, with an ellipsis where text was left out.
 * Only a single sentence longer than the room is cut inside, and then at a space, never mid-word.
 * (Pure.)
 */
import { ELLIPSIS, escapeMarkdown } from './markdown.ts';

export type Span = { readonly start: number; readonly end: number };
export type QuotablePassage = { readonly text: string; readonly sentences: readonly Span[] };

/** The rendered quote and whether anything of the passage was left out. */
export type Quote = { readonly markdown: string; readonly cut: boolean };

/** Renders `text[from, to)` as `> ` lines, the part inside `bold` in bold, ellipses where it was cut. */
function quoteLines(text: string, from: number, to: number, bold: Span | undefined, cutBefore: boolean, cutAfter: boolean): string {
  const lines: string[] = [];
  let offset = from;
  const body = text.slice(from, to);
  for (const line of body.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    if (bold && bold.start < end && bold.end > start) {
      const boldStart = Math.max(start, bold.start);
      const boldEnd = Math.min(end, bold.end);
      // Whitespace stays outside the ** markers.
      const [, lead = '', inner = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text.slice(boldStart, boldEnd)) ?? [];
      lines.push(
        `${escapeMarkdown(text.slice(start, boldStart))}${lead}${inner ? `**${escapeMarkdown(inner)}**` : ''}${trail}${escapeMarkdown(text.slice(boldEnd, end))}`,
      );
    } else {
      lines.push(escapeMarkdown(line));
    }
  }
  // A hard-wrapped copy (a wire or an email at 70 characters) breaks lines inside sentences: those
  // breaks are shown as the spaces they stand for, so the quote reads as prose. The text is unchanged.
  const raw = body.split('\n');
  const joined: string[] = [];
  lines.forEach((line, i) => {
    const previous = (joined[joined.length - 1] ?? '').trimEnd();
    const next = line.trimStart();
    if (i === 0 || !isSoftWrap(raw[i - 1] ?? '', raw[i] ?? '')) joined.push(line);
    // One bold run across the wrap, not two.
    else joined[joined.length - 1] = previous.endsWith('**') && next.startsWith('**') ? `${previous.slice(0, -2)} ${next.slice(2)}` : `${previous} ${next}`;
  });
  if (cutBefore) joined[0] = `${ELLIPSIS} ${joined[0] ?? ''}`;
  if (cutAfter) joined[joined.length - 1] = `${joined[joined.length - 1] ?? ''} ${ELLIPSIS}`;
  return joined.map((line) => `> ${line.trimEnd()}`).join('\n');
}

/** A line break inside a paragraph that only wraps it: the line before is long and ends mid-sentence, or the next goes on in lower case. */
function isSoftWrap(before: string, after: string): boolean {
  const [previous, next] = [before.trim(), after.trim()];
  if (previous === '' || next === '' || /^(?:[-*•–]|\d+[.)])\s/.test(next) || /^(?:[-*•–]|\d+[.)])\s/.test(previous)) return false;
  return (previous.length >= 50 && !/[.!?:;]["”’)]?$/.test(previous)) || /^\p{Ll}/u.test(next);
}

/**
 * The passage as a quote of at most `maxChars` characters. The sentence holding `highlight` is
 * kept (and bold); whole sentences after and before it are added while they fit.
 */
export function renderQuote(passage: QuotablePassage, highlight: Span | undefined, maxChars: number): Quote {
  const { text } = passage;
  const whole = quoteLines(text, 0, text.length, highlight, false, false);
  if (whole.length <= maxChars) return { markdown: whole, cut: false };

  const sentences = passage.sentences.length > 0 ? passage.sentences : [{ start: 0, end: text.length }];
  const last = sentences.length - 1;
  const at = highlight ? sentences.findIndex((s) => s.start <= highlight.start && highlight.start < s.end) : -1;
  const centre = Math.max(0, at);
  const render = (a: number, b: number): string =>
    quoteLines(text, a === 0 ? 0 : (sentences[a] as Span).start, b === last ? text.length : (sentences[b] as Span).end, highlight, a > 0, b < last);

  let a = centre;
  let b = centre;
  if (render(a, b).length > maxChars) return { markdown: cutSentence(text, sentences[centre] as Span, highlight, maxChars, centre > 0), cut: true };
  for (let grew = true; grew; ) {
    grew = false;
    if (b < last && render(a, b + 1).length <= maxChars) {
      b++;
      grew = true;
    }
    if (a > 0 && render(a - 1, b).length <= maxChars) {
      a--;
      grew = true;
    }
  }
  return { markdown: render(a, b), cut: true };
}

/** A single sentence too long for the room: cut at the last space that fits. */
function cutSentence(text: string, sentence: Span, highlight: Span | undefined, maxChars: number, cutBefore: boolean): string {
  const spaces: number[] = [];
  for (let i = sentence.start + 1; i < sentence.end; i++) if (/\s/.test(text[i] as string) && !/\s/.test(text[i - 1] as string)) spaces.push(i);
  let best = quoteLines(text, sentence.start, sentence.start, undefined, cutBefore, true);
  let low = 0;
  let high = spaces.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = quoteLines(text, sentence.start, spaces[mid] as number, highlight, cutBefore, true);
    if (candidate.length <= maxChars) {
      best = candidate;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}
