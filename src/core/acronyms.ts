import { contentWords, isStopWord, splitWords, type Word } from './analyze.ts';
import { perIndex } from './per-index.ts';
import { isAllCapitals } from './index-terms.ts';
import type { PassageIndex } from './search-index.ts';
import { hasAdjectiveSense, hasNounSense, isNoun, isNounOrAdjective, isVerbForm } from './thesaurus.ts';

/**
 * Acronyms a reader forms from the names an article uses: "DoC" for "Department of Commerce",
 * "NSC" for "National Security Council", "TT" for "TikTok". The synonym list holds the ones
 * moderators know of; these are found in the text itself, so an article added tomorrow brings
 * its own. Only a question word the corpus does not know is read as one of them.
 */

/** Small words a name may hold between its capitalized words ("Department *of* Commerce"). */
const JOINERS = new Set(['of', 'on', 'for', 'the', 'and', 'in', 'to', '&']);
/** Longest name, in words, that acronyms are formed from. */
const MAX_NAME_WORDS = 8;

const isCapitalized = (raw: string): boolean => /^\p{Lu}/u.test(raw);
const CALENDAR_WORD = /^(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** "TikTok", "ByteDance", "WeChat": a capital inside a word that is not all capitals. */
const humpsOf = (raw: string): string[] => (/^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u.test(raw) ? (raw.match(/\p{Lu}/gu) ?? []) : []);

/**
 * Acronym (lower case) → the names in `text` it can stand for. A name is a run of capitalized words,
 * possibly joined by small words; each stretch of it that starts and ends with a capitalized word
 * gives the initials of its capitalized words ("CFIUS") and of all its words ("DoC"). A word with
 * capitals inside gives its humps ("TT").
 */
export function acronymsIn(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (acronym: string, name: string) => {
    if (acronym.length < 2) return;
    const key = acronym.toLowerCase();
    const names = found.get(key) ?? new Set<string>();
    names.add(name);
    found.set(key, names);
  };
  const words = splitWords(text).map((w) => ({ ...w, raw: text.slice(w.start, w.end) }));
  // Runs of capitalized words and joiners, not across sentence punctuation.
  const runs: (typeof words)[] = [];
  let run: typeof words = [];
  words.forEach((word, i) => {
    const gap = i > 0 ? text.slice((words[i - 1] as (typeof words)[number]).end, word.start) : '';
    // Sentence punctuation ends a name, and so do a menu's bars, dots and wide gaps ("Arts | Podcasts").
    if (/[.,;:!?()“”"\n|·•/]|\s{2,}/.test(gap)) {
      runs.push(run);
      run = [];
    }
    // A month or a weekday is a date, not a word of a name ("Drennan on January 9").
    if ((isCapitalized(word.raw) && !CALENDAR_WORD.test(word.norm)) || (run.length > 0 && JOINERS.has(word.norm))) run.push(word);
    else {
      runs.push(run);
      run = [];
    }
    const humps = humpsOf(word.raw);
    if (humps.length >= 2) add(humps.join(''), word.raw);
  });
  runs.push(run);
  for (const r of runs) {
    for (let from = 0; from < r.length; from++) {
      // A sentence's capitalized first word is no part of a name ("The Commerce Department").
      if (!isCapitalized(r[from]?.raw ?? '') || isStopWord(r[from]?.norm ?? '')) continue;
      for (let to = from + 2; to <= Math.min(r.length, from + MAX_NAME_WORDS); to++) {
        const span = r.slice(from, to);
        if (!isCapitalized(span[span.length - 1]?.raw ?? '') || isStopWord(span[span.length - 1]?.norm ?? '')) continue;
        const name = text.slice(span[0]?.start, span[span.length - 1]?.end);
        add(span.filter((w) => isCapitalized(w.raw)).map((w) => w.raw[0]).join(''), name);
        add(span.map((w) => w.raw[0]).join(''), name);
      }
    }
  }
  return found;
}

/** Shortest acronym read from a phrase in lower case: shorter ones match some phrase by chance. */
const MIN_PHRASE_ACRONYM = 4;

/**
 * Acronyms of phrases in lower case ("EBITDA" for "earnings before interest, taxes, depreciation
 * and amortization", "IPO" is too short): the initials of four to eight words in a row, small words
 * skipped, within a sentence. Only a question word written in capitals is read as one of them.
 */
export function phraseAcronymsIn(text: string, { threeWordTerms = true } = {}): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const words = splitWords(text);
  for (let from = 0; from < words.length; from++) {
    if (JOINERS.has((words[from] as (typeof words)[number]).norm)) continue;
    let initials = '';
    // The same with the letters of the small words that acronyms often keep ("software bill of materials": SBOM).
    let withJoiners = '';
    let joined = false;
    const add = (key: string, end: number) => {
      const names = found.get(key) ?? new Set<string>();
      names.add(text.slice((words[from] as (typeof words)[number]).start, end));
      found.set(key, names);
    };
    for (let to = from; to < Math.min(words.length, from + MAX_NAME_WORDS); to++) {
      const word = words[to] as (typeof words)[number];
      const gap = to > from ? text.slice((words[to - 1] as (typeof words)[number]).end, word.start) : '';
      if (/[.;:!?()“”"]/.test(gap) || (gap.includes('\n') && !isWrap(gap, text.slice(word.start, word.end)))) break;
      if (JOINERS.has(word.norm)) {
        joined = true;
        if (LETTERED_JOINERS.has(word.norm)) withJoiners += word.norm[0];
        continue;
      }
      initials += word.norm[0];
      withJoiners += word.norm[0];
      const term = words.slice(from, to + 1);
      // Terms of two or three words in lower case ("executive orders" for "EOs") match by chance less often than any such words.
      const isTerm = threeWordTerms && !joined && ((initials.length === 3 && isTermOfThree(text, term)) || (initials.length === 2 && isTermOfTwo(text, term)));
      if (withJoiners !== initials && withJoiners.length >= MIN_PHRASE_ACRONYM) add(withJoiners, word.end);
      if (initials.length < MIN_PHRASE_ACRONYM && !isTerm) continue;
      add(initials, word.end);
    }
    // "requests per second" (RPS), "million gallons a day" (MGD), "earnings per share" (EPS): a rate, its "per" unlettered.
    if (threeWordTerms) for (const [initials, end] of rateTermsAt(text, words, from)) add(initials, end);
    // "request for proposals" (RFP), "proof of concept" (POC): a noun, a small word, a noun; the small word's letter counts.
    const term = words.slice(from, from + 3);
    if (threeWordTerms && isJoinedTermOfThree(text, term)) {
      const initials = term.map((w) => w.norm[0]).join('');
      const names = found.get(initials) ?? new Set<string>();
      names.add(text.slice((term[0] as Word).start, (term[2] as Word).end));
      found.set(initials, names);
    }
  }
  return found;
}

const TERM_JOINERS = new Set(['of', 'for', 'and', 'to', 'on', 'in']);
/** Small words whose letter an acronym keeps now and then ("DoD", "SBOM"); never "the". */
const LETTERED_JOINERS = new Set(['of', 'for', 'and', 'to', 'on', 'in']);

const TIME_UNIT = /^(?:second|minute|hour|day|week|month|year)$/;
const RATE_LEAD = /^(?:thousand|million|billion|trillion)$/;
/** A count before a rate is no word of its name ("seventy miles an hour"). */
const SPOKEN_NUMBER = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\p{L}+teen|\p{L}+ty|hundred|dozen)$/u;

/**
 * A rate said in lower case from word `from` on: "requests per second", "gallons per day", "miles
 * an hour", with a number word or a noun before it ("million gallons a day"). "a"/"an" only before a
 * unit of time; "per" before any noun ("earnings per share"). Gives each acronym and where it ends.
 */
function rateTermsAt(text: string, words: readonly Word[], from: number): [string, number][] {
  const raw = (i: number) => (words[i] ? text.slice((words[i] as Word).start, (words[i] as Word).end) : '');
  const spaced = (i: number) => text.slice((words[i - 1] as Word).end, (words[i] as Word).start) === ' ';
  const rateAt = (at: number): boolean => {
    const [thing, by, unit] = [raw(at), raw(at + 1), raw(at + 2)];
    if (!/^\p{Ll}{3,}$/u.test(thing) || !/^\p{Ll}{3,}$/u.test(unit) || !spaced(at + 1) || !spaced(at + 2)) return false;
    if (by === 'per') return isNoun(thing) && isNoun(unit) && !isStopWord(unit);
    return (by === 'a' || by === 'an') && TIME_UNIT.test(unit) && isNoun(thing);
  };
  const found: [string, number][] = [];
  // "per" is lettered or not ("RPS", "MGD"); "a" never is.
  const add = (initials: string, by: string, end: number) => {
    found.push([initials, end]);
    if (by === 'per') found.push([`${initials.slice(0, -1)}p${initials.slice(-1)}`, end]);
  };
  const end = (at: number) => (words[at + 2] as Word).end;
  if (rateAt(from)) add(raw(from)[0]! + raw(from + 2)[0]!, raw(from + 1), end(from));
  const lead = raw(from);
  if (words[from + 1] && spaced(from + 1) && /^\p{Ll}{3,}$/u.test(lead) && (RATE_LEAD.test(lead) || (!SPOKEN_NUMBER.test(lead) && isNounOrAdjective(lead) && !isVerbForm(lead) && !isStopWord(lead))) && rateAt(from + 1)) {
    add(lead[0]! + raw(from + 1)[0]! + raw(from + 3)[0]!, raw(from + 2), end(from + 1));
  }
  return found;
}

/** Three lower-case words, a noun, a joining word and a noun, spaces between ("request for proposals", "terms of service"). */
function isJoinedTermOfThree(text: string, words: readonly Word[]): boolean {
  if (words.length !== 3 || !TERM_JOINERS.has((words[1] as Word).norm)) return false;
  const raw = words.map((w) => text.slice(w.start, w.end));
  if (!/^\p{Ll}{3,}$/u.test(raw[0] as string) || !/^\p{Ll}{3,}$/u.test(raw[2] as string) || raw[1] !== (words[1] as Word).norm) return false;
  if (words.slice(1).some((w, i) => text.slice((words[i] as Word).end, w.start) !== ' ')) return false;
  // "understanding" is a noun as written, though WordNet files its base under the verb.
  return [raw[0], raw[2]].every((w) => !isStopWord(w as string) && !NUMBER_WORDS.test(w as string) && (isNoun(w as string) || hasNounSense(w as string)));
}

/** A hard-wrapped text's line break inside a sentence: one line end, the next line going on in lower case. */
const isWrap = (gap: string, next: string): boolean => /^[ \t]*\n[ \t]*$/.test(gap) && /^\p{Ll}/u.test(next);

/**
 * Three lower-case words in a row, only spaces (or a wrapped line's end) between them, that name a thing ("software
 * development kit", "virtual private network"): nouns and adjectives, a noun last, none a verb. Three
 * initials match some words by chance; a term of three such words rarely does.
 */
const NUMBER_WORDS = /^(?:four|five|seven|eight|nine|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|every|each|several|single|double|first|second|third|fourth)$/;

function isTermOfThree(text: string, words: readonly Word[]): boolean {
  if (words.length !== 3) return false;
  const raw = words.map((w) => text.slice(w.start, w.end));
  // Cheap checks first: this runs on every three words of every article.
  if (raw.some((w) => !/^\p{Ll}{3,}$/u.test(w) || isStopWord(w) || NUMBER_WORDS.test(w))) return false;
  // Only the last word is a plural; an "-s" word before it is most often a verb ("teaches digital media"),
  // unless it is a field's name ("graphics processing units").
  if (raw.slice(0, 2).some((w) => /[^s]s$/.test(w) && !/ics$/.test(w))) return false;
  const gaps = words.slice(1).map((w, i) => text.slice((words[i] as Word).end, w.start));
  // Spaces between the words, or a hyphen making the first two one adjective ("computer-aided dispatch").
  if (gaps.some((gap, i) => gap !== ' ' && !isWrap(gap, raw[i + 1] as string) && !(i === 0 && gap === '-'))) return false;
  // A verb form is no part of a term, except an "-ing" noun in the middle ("graphics processing units"),
  // a participle that qualifies the rest ("individualized education program") and one hyphenated to
  // the word before it ("computer-aided"). After a participle, an "-ing" word names a process
  // whether or not the dictionary lists it as a noun ("advanced metering infrastructure").
  const termWord = (w: string, i: number): boolean => {
    if (i === 1 && gaps[0] === '-' && /ed$/.test(w)) return true;
    // The first half of a hyphenated modifier is no word to judge alone ("full-time", "multi-factor").
    if (i === 0 && gaps[0] === '-') return !SPOKEN_NUMBER.test(w);
    // After an adjective, an "-ing" word names what the thing does ("temporary restraining order").
    if (i === 1 && /ing$/.test(w)) return hasNounSense(w) || /[^e]ed$/.test(raw[0] as string) || hasAdjectiveSense(raw[0] as string);
    if (i === 0 && /[^e]ed$/.test(w)) return isVerbForm(w);
    return !isVerbForm(w) && isNounOrAdjective(w);
  };
  return raw.every(termWord) && isNoun(raw[2] as string);
}

/**
 * Two lower-case words that name a thing ("executive orders"): an adjective or noun, then a noun,
 * neither a verb form, a number nor shorter than four letters. Only a question word written in
 * capitals ("EOs") is read as their acronym, and one standing for many is a weak clue to each.
 */
function isTermOfTwo(text: string, words: readonly Word[]): boolean {
  if (words.length !== 2) return false;
  const raw = words.map((w) => text.slice(w.start, w.end));
  if (raw.some((w) => !/^\p{Ll}{4,}$/u.test(w) || isStopWord(w) || NUMBER_WORDS.test(w))) return false;
  const gap = text.slice((words[0] as Word).end, (words[1] as Word).start);
  if (gap !== ' ' && !isWrap(gap, raw[1] as string)) return false;
  if (/[^s]s$/.test(raw[0] as string)) return false;
  return raw.every((w) => !isVerbForm(w) && isNounOrAdjective(w)) && isNoun(raw[1] as string);
}

/** The acronyms of the names in an index's articles, kept up to date article by article. */
export class CorpusAcronyms {
  /** Article id (or the synonym list) → what it was read from (compared by identity) and what it gave. */
  private readonly perSource = new Map<string, { readonly from: object; readonly found: Map<string, Set<string>>; readonly phrases: Map<string, Set<string>> }>();
  private syncedVersion = -1;

  sync(index: PassageIndex): void {
    if (index.vocabularyVersion === this.syncedVersion) return;
    // The synonym list's spellings are names too ("Department of Commerce" → "DoC").
    // Read from the passages, not the whole body: a menu or a byline left out of them names nothing.
    // Text set all in capitals (captions) has no names to tell by their capitals: its phrases are read in lower case.
    const textsOf = (a: { id: string; title: string }) => {
      const passages = index.passagesOf(a.id).map((p) => p.text);
      return { cased: [a.title, ...passages.filter((t) => !isAllCapitals(t))].join('\n'), all: [a.title, ...passages.map((t) => (isAllCapitals(t) ? t.toLowerCase() : t))].join('\n') };
    };
    const sources = new Map<string, { from: object; text: () => { cased: string; all: string } }>(index.articles().map((a) => [a.id, { from: a, text: () => textsOf(a) }]));
    const groups = index.synonyms.groups;
    sources.set(SYNONYMS_SOURCE, { from: groups, text: () => ({ cased: groups.flat().join('\n'), all: groups.flat().join('\n') }) });
    // Articles are replaced, never changed in place: only new or replaced ones are read again.
    for (const [id, { from, text }] of sources) {
      if (this.perSource.get(id)?.from === from) continue;
      const read = text();
      // The synonym list states its acronyms outright ("CEO | chief executive officer"): a three-letter
      // one read from its words again would make the phrase's loose words ("executive") stand for it.
      this.perSource.set(id, { from, found: acronymsIn(read.cased), phrases: phraseAcronymsIn(read.all, { threeWordTerms: id !== SYNONYMS_SOURCE }) });
    }
    for (const id of [...this.perSource.keys()]) if (!sources.has(id)) this.perSource.delete(id);
    this.syncedVersion = index.vocabularyVersion;
  }

  /** The names (and, for an acronym written in capitals, the phrases) an acronym stands for in the corpus, in a stable order. */
  namesFor(acronym: string, writtenInCapitals = false): string[] {
    const names = new Set<string>();
    const key = acronym.toLowerCase();
    for (const { found, phrases } of this.perSource.values()) {
      for (const name of found.get(key) ?? []) names.add(name);
      if (writtenInCapitals) for (const phrase of phrases.get(key) ?? []) names.add(phrase);
    }
    return [...names].sort();
  }
}

/** Not an article id: ids are file names, which never hold a NUL. */
const SYNONYMS_SOURCE = '\u0000synonyms';

/** The corpus acronyms of an index, up to date with its current articles. */
export const corpusAcronymsOf = perIndex(() => new CorpusAcronyms());

/**
 * The index terms an acronym finds: for each name it stands for, the synonym concept that covers
 * the whole name if there is one, else the name's rarest word (the one that tells it apart:
 * "commerce" of "Department of Commerce").
 */
export function acronymTerms(acronym: string, index: PassageIndex, writtenInCapitals = false): string[] {
  const terms = new Set<string>();
  for (const name of corpusAcronymsOf(index).namesFor(acronym, writtenInCapitals)) {
    const stems = contentWords(name).map((w) => w.stem);
    if (stems.length === 0) continue;
    const whole = index.synonyms.match(stems).find((m) => m.from === 0 && m.to === stems.length);
    if (whole && index.passagesWithTerm(whole.concept) > 0) {
      terms.add(whole.concept);
      continue;
    }
    const known = stems.filter((s) => index.passagesWithTerm(s) > 0);
    const rarest = known.sort((a, b) => index.passagesWithTerm(a) - index.passagesWithTerm(b) || a.localeCompare(b))[0];
    if (rarest) terms.add(rarest);
  }
  return [...terms];
}
