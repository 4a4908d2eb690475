/** A span of text, as offsets into the string it was cut from (end exclusive). */
export type Span = { readonly start: number; readonly end: number };

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// ICU breaks after any "X. Capital"; these endings are abbreviations, not sentence ends,
// when the next sentence-piece goes on with a name or a number ("Donald J. Trump", "Dr. Smith", "No. 5",
// "U.S. Data Security").
const ABBREVIATION_END = /(?:^|[\s(“"])(?:(?:\p{Lu}\.)*\p{Lu}|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Mt|Ft|No|Nos|Vol|Fig|vs|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/u;

/** A time mark alone on its line, as caption transcripts set them ("0:47", "1:02:13"): no sentence. */
const TIME_MARK_LINE = /^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$/;

/**
 * Sentences of `text` from `from` to `to`, as spans trimmed of surrounding white space.
 * Uses Intl.Segmenter (ICU) and mends its breaks after initials and common abbreviations, and at
 * line ends inside a paragraph that was wrapped by hand.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const slice = text.slice(from, to);
  const raw: Span[] = [];
  for (const piece of segmenter.segment(slice)) {
    const start = from + piece.index;
    const end = start + piece.segment.length;
    const previous = raw[raw.length - 1];
    const previousText = previous ? text.slice(previous.start, previous.end) : '';
    // A line that ends a quotation with a comma ('at every step,"') goes on: no sentence ends there.
    const brokenAtWrappedLine = /\n\s*$/.test(previousText) && !/[.!?…]["”’)\]]*\s*$/.test(previousText);
    // A caption transcript's time marks ("0:47" alone on a line) part its lines, which have no punctuation of their own.
    const atTimeMark = TIME_MARK_LINE.test(previousText) || TIME_MARK_LINE.test(piece.segment);
    if (previous && !atTimeMark && (ABBREVIATION_END.test(previousText) || brokenAtWrappedLine)) {
      raw[raw.length - 1] = { start: previous.start, end };
    } else {
      raw.push({ start, end });
    }
  }
  return raw
    .map(trimSpan.bind(null, text))
    .filter((span) => span.end > span.start && !TIME_MARK_LINE.test(text.slice(span.start, span.end)));
}

/** The span without the white space at either end. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
