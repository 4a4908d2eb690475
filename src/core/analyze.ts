import { stemmer } from 'stemmer';
import { eng as englishStopWords } from 'stopword';
import lemmatizer from 'wink-lemmatizer';
import { isCommonWord } from './thesaurus.ts';

/**
 * Text analysis shared by the index and the query side, so both sides always agree:
 * words → lower case → irregular verbs lemmatized → Porter stems, stop words out,
 * and synonym phrases (CFIUS ↔ Committee on Foreign Investment…) mapped to one concept term.
 */

/** One word of a text, with where it stands so callers can highlight or slice. */
export type Word = {
  /** Lower-case, dots of acronyms and possessive endings removed ("U.S." → "us", "Oracle’s" → "oracle"). */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
};

// Letters and digits, allowing inner dots, apostrophes, ampersands and hyphens ("U.S.", "Oracle’s", "AT&T", "TikTok-Oracle").
// A hyphen at a line end goes on to the next line: text hyphenated at a fixed width ("require-\nments").
const WORD_PATTERN = /[\p{L}\p{N}]+(?:(?:[.'’&-]|-\r?\n[ \t]*)[\p{L}\p{N}]+)*\.?/gu;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}?\.?$/u;

/** Splits text into normalized words; hyphenated words give their parts (the joined form is added by `analyze`). */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.normalize('NFC').matchAll(WORD_PATTERN)) {
    const raw = match[0];
    const start = match.index;
    let token = raw.toLowerCase().replace(/’/g, "'");
    if (DOTTED_ACRONYM.test(token)) {
      words.push({ norm: token.replace(/\./g, ''), start, end: start + raw.length });
      continue;
    }
    token = token.replace(/\.$/, '').replace(/'s$|'$/, '');
    for (const part of wordParts(token)) {
      const clean = part.text.replace(/'/g, '');
      if (clean) words.push({ norm: clean, start: start + part.start, end: start + part.end });
    }
  }
  return words;
}

/**
 * The parts of a token between its hyphens and dots, as offsets into it. A word broken at a line
 * end ("require-\nments") is one word again when joined it is an English word; "data-\nresidency"
 * stays two, like "data-residency".
 */
function wordParts(token: string): { text: string; start: number; end: number }[] {
  const parts: { text: string; start: number; end: number }[] = [];
  let from = 0;
  let brokenAtLineEnd = false;
  const push = (end: number) => {
    const part = { text: token.slice(from, end), start: from, end };
    const previous = parts[parts.length - 1];
    if (brokenAtLineEnd && previous && isCommonWord(previous.text + part.text)) parts[parts.length - 1] = { text: previous.text + part.text, start: previous.start, end };
    else parts.push(part);
  };
  for (const separator of token.matchAll(/-\r?\n[ \t]*|[-.]/g)) {
    push(separator.index);
    brokenAtLineEnd = separator[0].length > 1;
    from = separator.index + separator[0].length;
  }
  push(token.length);
  return parts;
}

// Question words and the filler of questions carry no topic; the library's English list lacks some of them.
const EXTRA_STOP_WORDS = [
  'when', 'why', 'whom', 'whose', 'does', 'did', 'doing', 'done', 'is', 'are', 'was', 'be', 'will', 'shall',
  'tell', 'please', 'anyone', 'anybody', 'somebody', 'someone', 'something', 'anything', 'everything', 'everyone', 'everybody', 'know', 'say', 'says', 'thing', 'things',
  'hey', 'hi', 'hello', 'yo', 'thanks', 'just', 'really', 'actually', 'exactly', 'exact', 'kind', 'sort', 'happen', 'happened', 'there',
  'it', 'its', 'whats', 'wheres', 'whos', 'hows', 'whens', 'whys', 'dont', 'doesnt', 'didnt', 'isnt', 'im', 'ive',
  // Contractions typed without the apostrophe ("couldnt", "wont").
  'couldnt', 'wouldnt', 'shouldnt', 'wasnt', 'werent', 'arent', 'hasnt', 'havent', 'hadnt', 'wont', 'aint', 'youre', 'theyre', 'thats', 'theres', 'ill', 'id', 'hes', 'shes',
  'theyll', 'youll', 'itll', 'thatll', 'therell', 'wholl', 'theyve', 'youve', 'weve', 'theyd', 'youd', 'itd', 'whod', 'wouldve', 'couldve', 'shouldve', 'mightve',
  'can', 'cant', 'could', 'would', 'should', 'may', 'might', 'also', 'any', 'all', 'one', 'ones', 'off', 'else',
  'besides', 'stuff', 'so', 'ever', 'anymore', 'even', 'quite', 'literally', 'basically', 'though', 'once', 'question', 'questions', 'wondering', 'curious',
  // "per their blog", "via the app": what a question names is on either side.
  'per', 'via',
  // Chat shorthand, as people type on Discord.
  'rn', 'pls', 'plz', 'u', 'ur', 'r', 'tbh', 'idk', 'imo', 'imho', 'lol', 'btw', 'ty', 'thx', 'ya', 'yall', 'wanna',
  'gotta', 'kinda', 'sorta', 'dunno', 'lmk', 'fyi', 'afaik', 'iirc', 'ok', 'okay', 'anyways', 'wat', 'wut', 'abt',
  'bc', 'cuz', 'coz', 'tho', 'smth', 'ngl', 'fr', 'srsly', 'gona', 'gunna', 'finna', 'tryna', 'lemme', 'gimme',
  'imma', 'bout', 'thru', 'w', 'prolly', 'obv', 'esp', 'nah', 'yeah', 'yep', 'yup', 'nope', 'lmao', 'omg', 'guys', 'hmm', 'huh', 'ugh', 'til', 'guy', 'dude',
  'lowkey', 'highkey', 'deadass', 'bruh', 'fam', 'istg', 'smh', 'tbf', 'fwiw', 'iykyk', 'n', 'sumthing', 'somethin', 'smthn', 'sth',
  'xd', 'tysm', 'tyvm', 'thnx', 'thanx', 'hmu', 'oof', 'welp', 'jk', 'rofl', 'lmfao', 'haha', 'hehe', 'ikr', 'fml',
  // What voice input writes down of a pause ("um", "uh") and a speaker's apology mid-question.
  'um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'sorry', 'whatever', 'whoever',
  // Phrases of filler typed as one word.
  'aswell', 'alot', 'atleast', 'eachother', 'incase', 'inorder',
];
// Words of the library's list that carry meaning in news questions ("how long after", "never happened").
// "us" is kept too: here it is almost always the country.
const MEANINGFUL = new Set(['us', 'after', 'before', 'between', 'never', 'against', 'without', 'other', 'first']);
/** A function word kept for its meaning ("between", "against"): a question's clue only where the corpus uses it. */
export const isMeaningfulFunctionWord = (norm: string): boolean => MEANINGFUL.has(norm);
/** The words left out of every index and query. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...englishStopWords, ...EXTRA_STOP_WORDS].map((w) => w.toLowerCase().replace(/’/g, "'").replace(/'/g, '')).filter((w) => !MEANINGFUL.has(w)),
);

/** A stop word, in any inflection the lemmatizer knows ("gets", "getting" → "get"). */
export const isStopWord = (norm: string): boolean => STOP_WORDS.has(norm) || STOP_WORDS.has(lemmatizer.verb(norm));

const stemCache = new Map<string, string>();
/**
 * The index term for one normalized word: irregular verb forms are lemmatized first (kept → keep,
 * sold → sell) because Porter only strips regular endings, then the Porter stem is taken.
 */
export function stemWord(norm: string): string {
  let cached = stemCache.get(norm);
  if (cached === undefined) {
    if (/^\d/.test(norm)) cached = norm;
    else {
      // Verb forms Porter misses (kept → keep, overseen → oversee) and compared adjectives
      // (biggest → big, worse → bad); a plain "-s" is left to Porter ("news" is not "new"s).
      const verb = lemmatizer.verb(norm);
      const adjective = lemmatizer.adjective(norm);
      const plainS = (base: string) => norm === `${base}s`; // Porter strips these itself
      const lemma = verb && verb !== norm && !plainS(verb) ? verb : adjective && adjective !== norm && !plainS(adjective) ? adjective : norm;
      cached = stemmer(lemma && lemma !== norm && /^\p{L}+$/u.test(lemma) ? lemma : norm);
      // Porter turns "use" into "us", the country, and "news" into "new": keep them apart.
      if (cached === 'us' && norm !== 'us') cached = 'use';
      if (norm === 'news') cached = 'news';

    }
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(norm, cached);
  }
  return cached;
}

/**
 * Particles that end a phrasal verb ("back up", "look after", "hand over"): what the query joins into
 * nouns ("backup"), folds into the verb, or reads past in WordNet phrases, and what a synonym spelling
 * cannot rely on when analysis drops it.
 */
export const PHRASAL_PARTICLES: ReadonlySet<string> = new Set(['up', 'down', 'out', 'off', 'over', 'in', 'on', 'away', 'back', 'after', 'around', 'through']);

/** A content word of a text: its normalized form and its stem. */
export type ContentWord = Word & { readonly stem: string };

/**
 * Multi-word function phrases: their words are grammar, not topic ("in order to" is not about an
 * order, "according to" not about accord).
 */
const FUNCTION_PHRASES: readonly (readonly string[])[] = [
  ['in', 'order', 'to'], ['in', 'order', 'that'], ['as', 'well', 'as'], ['according', 'to'], ['such', 'as'],
  ['so', 'that'], ['in', 'the', 'first', 'place'], ['at', 'some', 'point'], ['at', 'all'], ['or', 'not'], ['or', 'no'], ['vis', 'a', 'vis'],
  ['going', 'to'], ['gonna'], ['how', 'long'], ['how', 'many'], ['how', 'much'], ['how', 'often'], ['how', 'far'],
  // A question's kind of answer, not its topic ("what month did…", "how much time passed…").
  ['how', 'much', 'time'], ...['what', 'which'].flatMap((wh) => ['year', 'month', 'day', 'date'].map((unit) => [wh, unit])),
  ['supposed', 'to'], ['able', 'to'], ['how', 'big'], ['how', 'large'], ['how', 'old'], ['kind', 'of'], ['sort', 'of'], ['kinds', 'of'], ['sorts', 'of'], ['type', 'of'], ['types', 'of'], ['by', 'the', 'way'], ['anyway'], ['in', 'terms', 'of'],
  // "its own servers": an intensifier, not the verb of "who owns TikTok".
  ...['its', 'their', 'his', 'her', 'our', 'my', 'your', 'whose'].map((owner) => [owner, 'own']),
  // News attributes to unnamed sources ("according to people familiar with the matter"): not about people.
  ...['people', 'person', 'sources', 'source'].flatMap((who) => [[who, 'familiar', 'with', 'the', 'matter'], [who, 'familiar', 'with']]),
  // Chat addresses the bot before asking ("hey bot, …", "quick q:"): not part of the question.
  ...['hey', 'hi', 'hello', 'yo', 'ok', 'okay', 'thanks', 'ty'].flatMap((greeting) => ['bot', 'verbatim'].map((bot) => [greeting, bot])),
  ['quick', 'q'], ['quick', 'question'],
  // "is it cap", "no cap" (a lie, no lie), "kinda sus": chat's asides, not the topic.
  ['is', 'it', 'cap'], ['no', 'cap'], ['thats', 'cap'], ['kinda', 'sus'], ['lowkey', 'sus'], ['sus', 'but'],
];

/** Marks the words of function phrases, which count as stop words. */
export function functionPhraseWords(words: readonly Word[]): Set<number> {
  const marked = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    for (const phrase of FUNCTION_PHRASES) {
      if (phrase.every((part, k) => words[i + k]?.norm === part)) for (let k = 0; k < phrase.length; k++) marked.add(i + k);
    }
  }
  return marked;
}

/** The non-stop words of a text, stemmed, in order. */
export function contentWords(text: string): ContentWord[] {
  const words = splitWords(text);
  const functional = functionPhraseWords(words);
  return words.filter((w, i) => !isStopWord(w.norm) && !functional.has(i)).map((w) => ({ ...w, stem: stemWord(w.norm) }));
}
