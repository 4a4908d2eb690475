import type { Article } from './article.ts';
import { cleanBody, sentencesOf, type Block, type CleanedBody } from './clean.ts';
import type { Span } from './sentences.ts';

/** How passages are cut. Defaults in `DEFAULT_PASSAGE_OPTIONS`. */
export type PassageOptions = {
  /** A paragraph shorter than this joins a neighbour when they fit together. */
  readonly minChars: number;
  /** Paragraphs joined that way stay within this length, so a run of one-line paragraphs stays a few sentences. */
  readonly maxJoinedChars: number;
  /** A paragraph longer than this is split at sentence boundaries. */
  readonly maxChars: number;
  /** At most this many sentences in a passage cut from a long paragraph. */
  readonly maxSentences: number;
};

// News writes many one-sentence paragraphs; alone such a line often lacks what it is about ("If the
// rules are passed, …"), so a paragraph under two short sentences joins its neighbour.
export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = { minChars: 200, maxJoinedChars: 450, maxChars: 700, maxSentences: 4 };

/** One quotable piece of an article: a substring of its body, with where it came from. */
export type Passage = {
  /** Stable id: the article id and the passage's ordinal, e.g. `tiktok-oracle-deal#3`. */
  readonly id: string;
  readonly articleId: string;
  readonly ordinal: number;
  /** Paragraph number (1-based, among the article's kept paragraphs) where the passage starts, and where it ends. */
  readonly paragraph: number;
  readonly paragraphEnd: number;
  /** Offsets in the article body (end exclusive): `text === article.body.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Sentences, as offsets into `text`. */
  readonly sentences: readonly Span[];
};

/** A paragraph (or a sentence) that ends with a question mark, perhaps inside closing quotes or brackets. */
export const QUESTION_END = /\?["'”’)\]]*\s*$/;
const COLON_END = /\p{L}[\p{L})”’"']*:\s*$/u;

export const passageId = (articleId: string, ordinal: number): string => `${articleId}#${ordinal}`;

/** A run of sentences with the paragraphs it spans; the unit passages are made of. */
type Piece = { start: number; end: number; sentences: Span[]; paragraph: number; paragraphEnd: number; heading: boolean; leadIn?: boolean };

/** The length of an ordinary news sentence, and the length under which "sentences" are caption lines, in characters. */
const ORDINARY_SENTENCE_CHARS = 120;
const CAPTION_LINE_CHARS = 60;

/** Cuts a paragraph longer than the limit into runs of whole sentences of about equal length. */
function splitLongParagraph(body: string, block: Block, paragraph: number, options: PassageOptions): Piece[] {
  const sentences = sentencesOf(body, block);
  const length = block.end - block.start;
  const fitsWhole = length <= options.maxChars;
  if (fitsWhole || sentences.length <= 1) return [{ start: block.start, end: block.end, sentences, paragraph, paragraphEnd: paragraph, heading: false }];
  // A caption transcript's "sentences" are its lines, a few words each: the limit counts sentences of ordinary length.
  const averageLength = sentences.reduce((sum, span) => sum + span.end - span.start, 0) / sentences.length;
  const maxSentences = averageLength < CAPTION_LINE_CHARS ? Math.floor((options.maxSentences * ORDINARY_SENTENCE_CHARS) / averageLength) : options.maxSentences;
  const chunks = Math.max(Math.ceil(length / options.maxChars), Math.ceil(sentences.length / maxSentences));
  const target = length / chunks;
  const pieces: Piece[] = [];
  let current: Span[] = [];
  for (const sentence of sentences) {
    const currentLength = current.length ? sentence.end - (current[0] as Span).start : 0;
    const full = current.length >= maxSentences || currentLength > options.maxChars || (current.length > 0 && currentLength > target * 1.25);
    if (full) {
      pieces.push(pieceOf(current, paragraph));
      current = [];
    }
    current.push(sentence);
  }
  if (current.length) pieces.push(pieceOf(current, paragraph));
  return pieces;
}

/** The speaker's label that opens a transcript's turn ("HOST:", "CALEB OSTRANDER:", "Q:"). */
const SPEAKER_LABEL = /^(\p{Lu}[\p{Lu} .'’-]{0,40}):\s/u;
const speakerOf = (paragraph: string): string | undefined => SPEAKER_LABEL.exec(paragraph)?.[1];

/** The speakers of a transcript who mostly ask: at least two turns, half or more of them ending with a question. */
function interviewers(paragraphs: readonly string[]): Set<string> {
  const turns = new Map<string, { all: number; asking: number }>();
  for (const paragraph of paragraphs) {
    const speaker = speakerOf(paragraph);
    if (speaker === undefined) continue;
    const count = turns.get(speaker) ?? { all: 0, asking: 0 };
    count.all++;
    if (QUESTION_END.test(paragraph)) count.asking++;
    turns.set(speaker, count);
  }
  return new Set([...turns].filter(([, { all, asking }]) => all >= 2 && asking * 2 >= all).map(([speaker]) => speaker));
}

const pieceOf = (sentences: Span[], paragraph: number): Piece => ({
  start: (sentences[0] as Span).start,
  end: (sentences[sentences.length - 1] as Span).end,
  sentences,
  paragraph,
  paragraphEnd: paragraph,
  heading: false,
});

const joinPieces = (a: Piece, b: Piece): Piece => ({
  start: a.start,
  end: b.end,
  sentences: [...a.sentences, ...b.sentences],
  paragraph: a.paragraph,
  paragraphEnd: b.paragraphEnd,
  heading: false,
});

/**
 * Splits an article into passages: cleaned paragraphs; headings joined to what follows them; short
 * paragraphs joined to the previous one (or the next) when both fit; long ones split at sentence ends.
 * Every passage is an exact substring of the body, and passages follow the body in order.
 */
export function splitIntoPassages(
  article: Pick<Article, 'id' | 'title' | 'body'>,
  options: PassageOptions = DEFAULT_PASSAGE_OPTIONS,
  { blocks }: CleanedBody = cleanBody(article.body, article.title),
): Passage[] {
  const { body } = article;
  const pieces: Piece[] = [];
  const askers = interviewers(blocks.filter((block) => block.kind !== 'heading').map((block) => body.slice(block.start, block.end)));
  blocks.forEach((block, index) => {
    const paragraph = index + 1;
    if (block.kind === 'heading') {
      pieces.push({ start: block.start, end: block.end, sentences: [{ start: block.start, end: block.end }], paragraph, paragraphEnd: paragraph, heading: true });
    } else {
      const split = splitLongParagraph(body, block, paragraph, options);
      // A short paragraph that asks a question (an interview's "Q: …?", an explainer's "So what
      // changes for users?") introduces the paragraph after it, as a heading does; so does one that
      // ends with a colon ("…defended the cost in a written statement:"), whose words follow.
      const only = split.length === 1 ? split[0] : undefined;
      const text = only ? body.slice(only.start, only.end) : '';
      if (only && only.end - only.start < options.minChars && QUESTION_END.test(text)) only.leadIn = true;
      if (only && only.end - only.start < options.maxJoinedChars && COLON_END.test(text)) only.leadIn = true;
      // In a transcript, the interviewer's turn ("HOST: Where did Oracle fit in? …") is the question
      // the next turn answers, whether or not it ends with a question mark.
      if (only && only.end - only.start < options.maxJoinedChars && askers.has(speakerOf(text) ?? '')) only.leadIn = true;
      pieces.push(...split);
    }
  });

  // Pieces join only when nothing but white space stands between them: a passage is one substring
  // of the body, so joining across a dropped line would bring the boilerplate back in.
  const adjacent = (a: Piece, b: Piece) => body.slice(a.end, b.start).trim() === '';
  const merged: Piece[] = [];
  const isShort = (p: Piece) => p.end - p.start < options.minChars;
  /** Adds a piece: a short one joins the passage before it when they fit; whole paragraphs of normal length stay passages of their own. */
  const add = (current: Piece, mayJoin: boolean) => {
    const previous = merged[merged.length - 1];
    if (mayJoin && previous && adjacent(previous, current) && (isShort(current) || isShort(previous)) && current.end - previous.start <= options.maxJoinedChars) {
      merged[merged.length - 1] = joinPieces(previous, current);
    } else {
      merged.push(current);
    }
  };
  let pending: Piece | undefined;
  // A heading cut off from its paragraph by dropped furniture is left out: alone it says nothing. A
  // question left without its answer is text, and stays.
  const flushPending = () => {
    if (pending?.leadIn) add({ ...pending, heading: false }, true);
    pending = undefined;
  };
  for (const piece of pieces) {
    if (piece.heading || piece.leadIn) {
      // Consecutive headings (and a heading with its question) stay together and wait for their paragraph.
      if (pending && adjacent(pending, piece)) pending = { ...joinPieces(pending, piece), leadIn: Boolean(pending.leadIn || piece.leadIn) };
      else {
        flushPending();
        pending = piece;
      }
      continue;
    }
    if (pending && adjacent(pending, piece)) {
      add(joinPieces(pending, piece), false);
      pending = undefined;
      continue;
    }
    flushPending();
    add(piece, true);
  }
  flushPending();

  return merged.map((piece, index) => ({
    id: passageId(article.id, index + 1),
    articleId: article.id,
    ordinal: index + 1,
    paragraph: piece.paragraph,
    paragraphEnd: piece.paragraphEnd,
    start: piece.start,
    end: piece.end,
    text: body.slice(piece.start, piece.end),
    sentences: piece.sentences.map((s) => ({ start: s.start - piece.start, end: s.end - piece.start })),
  }));
}
