import { doubleMetaphone } from 'double-metaphone';
import { isStopWord } from './analyze.ts';
import { isCalendarWord } from './background.ts';
import { perIndex } from './per-index.ts';
import type { PassageIndex } from './search-index.ts';
import { allowedEdits, correctSpelling, editDistance } from './spelling.ts';
import { isCommonWord } from './thesaurus.ts';

/**
 * Voice-to-text on a phone writes what it hears: a name as the everyday words it sounds like ("bite
 * dance", "a rackle", "tick tock"), an acronym as its letters ("u s d s"), and the punctuation said
 * aloud ("… question mark"). These are read back as the corpus's words before anything else.
 */
export type DictationRepair = { readonly text: string; readonly corrections: readonly { from: string; to: string }[] };

/** The corpus's names (words it writes capitalized, all but now and then) by how they sound, kept per index. */
class CorpusNamesBySound {
  private version = -1;
  private readonly bySound = new Map<string, string[]>();
  names: readonly string[] = [];

  sync(index: PassageIndex): void {
    if (index.vocabularyVersion === this.version) return;
    this.bySound.clear();
    this.names = [...index.words()].filter((w) => w.length >= MIN_NAME_LENGTH && /^\p{L}+$/u.test(w) && !isCalendarWord(w) && writtenAsName(w, index));
    for (const name of this.names) {
      for (const code of new Set(doubleMetaphone(name))) if (code.length >= MIN_CODE_LENGTH) this.bySound.set(code, [...(this.bySound.get(code) ?? []), name]);
    }
    this.version = index.vocabularyVersion;
  }

  soundingLike(word: string): readonly string[] {
    return [...new Set(doubleMetaphone(word).flatMap((code) => this.bySound.get(code) ?? []))];
  }
}
const corpusNamesBySoundOf = perIndex(() => new CorpusNamesBySound());

/** A name, even if a web address or an e-mail writes it in lower case now and then ("oracle.com"). */
const writtenAsName = (word: string, index: PassageIndex): boolean => index.passagesWithLowerCaseWord(word) <= index.passagesWithWord(word) * 0.1;

/** Names shorter than this ("Ohio") are too easily heard in two everyday words. */
const MIN_NAME_LENGTH = 5;
/** A sound code of fewer consonants matches too many word pairs. */
const MIN_CODE_LENGTH = 3;

/** "…, question mark" said at the end of a dictated question. */
const SPOKEN_END_MARK = /[\s,]*\b(?:question mark|exclamation (?:mark|point))\s*[?.!]*\s*$/iu;

/** Letters said one by one: "u s d s", "c f i u s" (single letters, space apart, at least two). */
const SPELLED_LETTERS = /(?<![\p{L}\p{N}'’])\p{L}(?:\s\p{L}){1,}(?![\p{L}\p{N}'’])/gu;

const WORD = /\p{L}[\p{L}'’]*/gu;

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const numberOf = (word: string | undefined, list: readonly string[], first: number, step = 1): number => (word ? list.indexOf(word.toLowerCase()) * step + first : 0);
/** Two digits said as words: "twenty one", "fifteen", "oh five". */
const TWO_DIGITS = String.raw`(?:(${TEENS.join('|')})|(${TENS.join('|')})(?:[\s-]+(${UNITS.join('|')}))?|oh[\s-]+(${UNITS.join('|')}))`;
/** A year as it is said: "twenty twenty one", "nineteen ninety", "two thousand and nine". */
const SPOKEN_YEAR = new RegExp(
  String.raw`\b(?:(nineteen|twenty)[\s-]+${TWO_DIGITS}|two thousand(?:\s+and)?\s+(?:${TWO_DIGITS.replace(/\((?!\?)/g, '(?:')}|${UNITS.join('|')}))\b(?!-)`,
  'giu',
);
const TWO_DIGIT_ALONE = new RegExp(`^(?:${TWO_DIGITS}|(${UNITS.join('|')}))$`, 'iu');
/** The value of two digits said as words. */
function twoDigits(teen?: string, ten?: string, unit?: string, ohUnit?: string): number {
  if (teen) return numberOf(teen, TEENS, 10);
  if (ten) return numberOf(ten, TENS, 20, 10) + (unit ? numberOf(unit, UNITS, 1) : 0);
  return numberOf(ohUnit, UNITS, 1);
}

/** Years said aloud written as digits, as the articles write them ("twenty twenty one" → "2021"). */
function withSpokenYearsAsDigits(text: string, corrections: { from: string; to: string }[]): string {
  return text.replace(SPOKEN_YEAR, (said: string, century?: string, teen?: string, ten?: string, unit?: string, ohUnit?: string) => {
    let year: number;
    if (century) year = (century.toLowerCase() === 'nineteen' ? 1900 : 2000) + twoDigits(teen, ten, unit, ohUnit);
    else {
      const rest = said.replace(/^two thousand(?:\s+and)?\s+/iu, '');
      const parts = TWO_DIGIT_ALONE.exec(rest);
      if (!parts) return said;
      year = 2000 + (parts[5] ? numberOf(parts[5], UNITS, 1) : twoDigits(parts[1], parts[2], parts[3], parts[4]));
    }
    corrections.push({ from: said, to: String(year) });
    return String(year);
  });
}

/** The corpus name two written words most likely are when said aloud, if any. */
function nameHeardAs(first: string, second: string, index: PassageIndex): string | undefined {
  const joined = `${first}${second}`.replace(/['’]/g, '');
  if (index.passagesWithWord(joined) > 0 || second.length < 2) return undefined;
  const unseen = (w: string) => index.passagesWithWord(w) === 0;
  // A recogniser writes words it knows: each is English or the corpus's, and not both the corpus's
  // (then they are meant as themselves: "data center"). "orcale", "vally" are typos, read elsewhere.
  const heardWord = (w: string) => !isStopWord(w) && (isCommonWord(w) || !unseen(w));
  // "a rackle": a name's first sound heard as "a", before a word neither English nor the corpus has.
  const firstSound = first === 'a' && unseen(second) && !isCommonWord(second) && correctSpelling(second, index.spellingVocabulary(), (x) => index.passagesWithWord(x)) === undefined;
  // "tic toc", "tick tok": a short name's syllables typed by ear, words the corpus has not (or only in
  // the name), one of them no English word; only
  // a name that sounds the same (below), never one merely spelt near.
  const syllables =
    [first, second].every((w) => w.length >= 2 && w.length <= 4 && !isStopWord(w) && (unseen(w) || index.isName(w))) && !(isCommonWord(first) && isCommonWord(second)) && joined.length >= MIN_NAME_LENGTH;
  if (!syllables && !firstSound && (!heardWord(first) || !heardWord(second) || (!unseen(first) && !unseen(second)))) return undefined;
  // A word that is a name already, or a possessive ("tiktok's oracle"), ends where it ends.
  if ((!syllables && (index.isName(first) || index.isName(second))) || /['’]/.test(first)) return undefined;
  const names = corpusNamesBySoundOf(index);
  // Heard, not read: sounding the same and spelt nearly the same, or spelt within a typo of it with the same first letter.
  const limit = allowedEdits(joined.length);
  const soundLimit = Math.max(limit, Math.floor(joined.length * 0.3), syllables ? 2 : 0);
  // Both words are heard in the name: a name one edit from either word alone ("good sci" → "Goods") is that word's.
  const fromBoth = (name: string) => editDistance(first, name, 1) > 1 && editDistance(second, name, 1) > 1;
  const heard = names.soundingLike(joined).filter((name) => fromBoth(name) && editDistance(joined, name, soundLimit) <= soundLimit);
  const near = heard.length > 0 || syllables ? heard : names.names.filter((name) => fromBoth(name) && name[0] === joined[0] && editDistance(joined, name, limit) <= limit);
  return near.length === 1 ? near[0] : undefined;
}

/** Reads a dictated question back as typed: spoken end marks dropped, spelled letters and names heard as words restored. */
export function withDictationRepaired(question: string, index: PassageIndex): DictationRepair {
  const corrections: { from: string; to: string }[] = [];
  let text = withSpokenYearsAsDigits(question.replace(SPOKEN_END_MARK, '?'), corrections);
  text = text.replace(SPELLED_LETTERS, (letters) => {
    const joined = letters.replace(/\s/g, '');
    const lower = joined.toLowerCase();
    // Letters the corpus writes ("usds"), or three and more ("f t c"): an acronym, known or not, which
    // is then read as one. Two the corpus lacks stay letters ("a b test", "plan b c").
    if (/^[ai]+$/i.test(joined) || (index.passagesWithWord(lower) === 0 && joined.length < 3)) return letters;
    corrections.push({ from: letters, to: joined.toUpperCase() });
    return joined.toUpperCase();
  });
  const words = [...text.matchAll(WORD)];
  const replacements: { start: number; end: number; to: string }[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i] as RegExpMatchArray, words[i + 1] as RegExpMatchArray];
    const start = a.index ?? 0;
    const bStart = b.index ?? 0;
    // Only words said one after the other: a space, nothing else, between them.
    if (text.slice(start + a[0].length, bStart) !== ' ') continue;
    const [first, second] = [a[0].toLowerCase(), b[0].toLowerCase()];
    // "tick tocks data": the name's possessive, its s heard on the last word.
    const possessive = /^\p{L}{3,}(?:s|['’]s)$/u.test(second) ? second.replace(/['’]?s$/u, '') : undefined;
    const plain = nameHeardAs(first, second, index);
    const name = plain ?? (possessive === undefined ? undefined : nameHeardAs(first, possessive, index));
    if (!name) continue;
    const to = name[0]?.toUpperCase() + name.slice(1) + (plain ? '' : "'s");
    replacements.push({ start, end: bStart + b[0].length, to });
    corrections.push({ from: `${a[0]} ${b[0]}`, to });
    i++;
  }
  for (const r of replacements.reverse()) text = text.slice(0, r.start) + r.to + text.slice(r.end);
  return { text, corrections };
}
