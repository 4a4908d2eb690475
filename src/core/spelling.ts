import { doubleMetaphone } from 'double-metaphone';

/**
 * Damerau–Levenshtein distance (adjacent swaps count as one edit), stopping early once it
 * exceeds `limit`: typos are one or two edits away, anything further is another word.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return Math.min(d[a.length]?.[b.length] ?? 0, limit + 1);
}

/**
 * Whether two words are at most one edit apart (a letter changed, added or dropped, or two
 * neighbours swapped): editDistance(a, b, 1) <= 1 in one pass, without a table, for scans of
 * whole word lists.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length) {
    // Changed at i, or i and i + 1 swapped; the rest the same.
    if (short.slice(i + 1) === long.slice(i + 1)) return true;
    return short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
  }
  // One letter more in the longer word, at i.
  return short.slice(i) === long.slice(i + 1);
}

/** How many edits a word of this length may be from its correction: none below 4 letters, two from 8. */
export const allowedEdits = (length: number): number => (length < 4 ? 0 : length < 8 ? 1 : 2);

/** First letters that sound alike, so that a name heard, not read, is spelt with either ("Calamug", "Kalamug"). */
const SOUND_ALIKE_FIRST = new Set(['ck', 'kc', 'kq', 'qk', 'cs', 'sc', 'sz', 'zs', 'iy', 'yi', 'gj', 'jg']);

/**
 * The corpus word a misspelt word most likely means: within the allowed edits, starting with the
 * same letter (people rarely mistype the first one), the fewest edits, then the most common. With
 * `soundAlikeFirst`, a word that differs only in a first letter that sounds the same is one edit
 * away too (after the words that start alike), as names are spelt by ear. With `restoreDoubled`, a
 * three-letter word may be a longer one with a doubled letter typed once (not for a word English has:
 * "ads" is no slip for "adds"). With `byEar`, a word with no correction so near may be one written as
 * it sounds, two edits off ("oracal").
 */
export function correctSpelling(
  word: string,
  vocabulary: Iterable<string>,
  frequency: (word: string) => number,
  { soundAlikeFirst = false, maxEdits = Infinity, restoreDoubled = false, byEar = false, adjacentKeysOnly = false } = {},
): string | undefined {
  const limit = Math.min(allowedEdits(word.length), maxEdits);
  // A short word takes no edit ("aps" is as likely an acronym as a slip), except, with
  // `restoreDoubled`, a doubled letter typed once, the commonest slip ("aps" for "apps").
  if (limit === 0) return restoreDoubled && word.length === 3 ? withDoubledLetterRestored(word, vocabulary, frequency) : undefined;
  type Candidate = { word: string; distance: number; sameFirst: boolean; omits: boolean; frequency: number };
  // Nearest first; then the same first letter; then a dropped letter restored, the commonest slip
  // ("thred" is "thread" before "three"); then the more frequent word; then the alphabet.
  const rank = (c: Candidate): number[] => [c.distance, c.sameFirst ? 0 : 1, c.omits ? 0 : 1, -c.frequency];
  const before = (a: Candidate, b: Candidate): boolean => {
    const [ra, rb] = [rank(a), rank(b)];
    const at = ra.findIndex((value, i) => value !== rb[i]);
    return at === -1 ? a.word < b.word : (ra[at] as number) < (rb[at] as number);
  };
  // Read twice when the word may be spelt by ear: a vocabulary handed as an iterator is read once.
  const words = byEar ? [...vocabulary] : vocabulary;
  let best: Candidate | undefined;
  for (const candidate of words) {
    if (candidate === word || candidate.length < 3) continue;
    const sameFirst = candidate[0] === word[0];
    const soundsAlike = soundAlikeFirst && SOUND_ALIKE_FIRST.has(`${word[0]}${candidate[0]}`) && candidate.slice(1) === word.slice(1);
    if (!sameFirst && !soundsAlike) continue;
    const distance = sameFirst ? editDistance(word, candidate, limit) : 1;
    if (distance > limit) continue;
    // An everyday word mistyped swaps a letter for a neighbouring key ("dara"), not any letter: "date" is no "data".
    if (adjacentKeysOnly && !isKeySlip(word, candidate)) continue;
    const current: Candidate = { word: candidate, distance, sameFirst, omits: candidate.length > word.length, frequency: frequency(candidate) };
    if (!best || before(current, best)) best = current;
  }
  if (best || !byEar || word.length < BY_EAR_MIN_LENGTH) return best?.word;
  return speltByEar(word, words, frequency);
}

/** Each letter's row and column on a QWERTY keyboard. */
const KEY_AT: ReadonlyMap<string, readonly [number, number]> = new Map(
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap((row, r) => [...row].map((key, c) => [key, [r, c]] as const)),
);
/** Whether two keys touch. */
const neighbours = (a: string, b: string): boolean => {
  const [pa, pb] = [KEY_AT.get(a), KEY_AT.get(b)];
  return pa !== undefined && pb !== undefined && Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
};

/** Whether one word becomes the other by a slip of the fingers: a letter added, dropped or swapped with the next, or one key's neighbour typed for it. */
function isKeySlip(typed: string, meant: string): boolean {
  if (typed.length !== meant.length) return true;
  const differ = [...typed].map((_, i) => i).filter((i) => typed[i] !== meant[i]);
  if (differ.length !== 1) return true;
  const i = differ[0] as number;
  return neighbours(typed[i] as string, meant[i] as string);
}

/** How long a word must be to be respelt by its sound: short words sound like too many others. */
const BY_EAR_MIN_LENGTH = 5;
/** Edits a word spelt by ear may be off: a long one writes "-tion" as "-shun" ("resolushun"), three. */
const byEarEdits = (word: string): number => (word.length >= 9 ? 3 : 2);

/**
 * A word written as it sounds ("oracal" for "oracle", two edits off): the most frequent word of
 * the vocabulary that starts alike, is about as long, at most two edits away and sounds the same
 * (Double Metaphone).
 */
function speltByEar(word: string, vocabulary: Iterable<string>, frequency: (word: string) => number): string | undefined {
  const [sound] = doubleMetaphone(word);
  // Spelt by ear, a word keeps about its length: "bylined" is not "blind".
  return mostFrequent(
    vocabulary,
    frequency,
    (candidate) =>
      candidate[0] === word[0] && candidate !== word && Math.abs(candidate.length - word.length) <= 1 && editDistance(word, candidate, byEarEdits(word)) <= byEarEdits(word) && doubleMetaphone(candidate)[0] === sound,
  );
}

/** "aps" → "apps": the most frequent vocabulary word that is this one with a letter doubled. */
function withDoubledLetterRestored(word: string, vocabulary: Iterable<string>, frequency: (word: string) => number): string | undefined {
  const doubled = new Set([...word].map((letter, i) => word.slice(0, i + 1) + letter + word.slice(i + 1)));
  return mostFrequent(vocabulary, frequency, (candidate) => doubled.has(candidate));
}

/** The most frequent word of the vocabulary that `accepts` lets through (the first of equals). */
function mostFrequent(vocabulary: Iterable<string>, frequency: (word: string) => number, accepts: (candidate: string) => boolean): string | undefined {
  let best: string | undefined;
  for (const candidate of vocabulary) if (accepts(candidate) && (best === undefined || frequency(candidate) > frequency(best))) best = candidate;
  return best;
}
