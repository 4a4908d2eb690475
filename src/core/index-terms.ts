import { contentWords, splitWords } from './analyze.ts';
import type { SynonymTable } from './synonyms.ts';

/** "18%" and "18 per cent" say "percent", the word a question uses ("what percent of revenue"). */
export const withPercentSpelt = (text: string): string => text.replace(/%/g, ' percent').replace(/\bper\s+cent\b/giu, 'percent');

/**
 * The index terms of a text: the stems of its content words, the joined form of hyphenated words
 * ("cyber-security" also gives "cybersecur"), and the concept term of every synonym phrase in it.
 */
export function indexTerms(text: string, synonyms: SynonymTable): string[] {
  const words = contentWords(withPercentSpelt(text));
  const stems = words.map((w) => w.stem);
  const terms = [...stems];
  for (const { concept } of synonyms.match(stems)) terms.push(concept);
  for (const joined of hyphenJoins(text)) terms.push(joined);
  return terms;
}

/**
 * Where each term stands in a text, counted in content words (a synonym concept stands where its
 * phrase starts): for telling whether the question's words stand together.
 */
export function termPositions(text: string, synonyms: SynonymTable): ReadonlyMap<string, readonly number[]> {
  const stems = contentWords(withPercentSpelt(text)).map((w) => w.stem);
  const positions = new Map<string, number[]>();
  const note = (term: string, at: number) => {
    const list = positions.get(term);
    if (list) list.push(at);
    else positions.set(term, [at]);
  };
  stems.forEach((stem, at) => note(stem, at));
  for (const { concept, from } of synonyms.match(stems)) note(concept, from);
  return positions;
}

/** Hyphenated words of a text written as one, lower case ("TikTok-Oracle" → "tiktokoracle"). */
const hyphenatedWordsJoined = (text: string): string[] =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)].map((match) => splitWords(match[0])).filter((words) => words.length > 1).map((words) => words.map((w) => w.norm).join(''));

/** Stems of hyphenated words written as one ("TikTok-Oracle" → "tiktokoracl"), so either spelling finds the other. */
const hyphenJoins = (text: string): string[] => hyphenatedWordsJoined(text).map((joined) => contentWords(joined)[0]?.stem ?? '').filter(Boolean);

/** The lower-case words of a text (stop words included), for the spelling vocabulary. */
export const surfaceWords = (text: string): string[] => splitWords(text).map((w) => w.norm);

/** Hyphenated words written as one ("co-sponsors" → "cosponsors"), so that a misspelling of the joined form is corrected too. */
export const joinedHyphenWords = (text: string): string[] => hyphenatedWordsJoined(text).filter((word) => word.length >= 4);

/** The lower-case words of a text that it also writes in lower case somewhere (not only as a name). */
export const lowerCaseWords = (text: string): string[] =>
  splitWords(text)
    .filter((w) => !/\p{Lu}/u.test(text.slice(w.start, w.end)))
    .map((w) => w.norm);

/** Text set all in capitals, as broadcast captions and some wire copy are: at least 20 letters, nine in ten capitals. */
export function isAllCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 20 && capitals >= letters * 0.9;
}
