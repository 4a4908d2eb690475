import { isStopWord, PHRASAL_PARTICLES, stemWord } from './analyze.ts';
import { perIndex } from './per-index.ts';
import type { PassageIndex } from './search-index.ts';
import lemmatizer from 'wink-lemmatizer';
import { relatedWords, type RelatedWord } from './thesaurus.ts';

/**
 * WordNet read from the corpus side: the corpus words that list the asker's word among their own
 * related words. WordNet's relations are not symmetric once only the common senses count — "concern"
 * lists "worry", but "worry" does not list "concern" — so a question's "worried" finds the articles'
 * "concerns" only this way round. Kept per index and brought up to date word by word as articles
 * come and go, so a moderator's change costs only the words it adds.
 */
export class CorpusRelatives {
  /** Corpus word → the related words it contributed (so it can take them back), and whether as a name. */
  private readonly contributed = new Map<string, { readonly related: readonly RelatedWord[]; readonly asName: boolean }>();
  /** An asker's word or its stem → corpus words that list it, with how they relate. */
  private readonly byKey = new Map<string, Map<string, RelatedWord['relation']>>();
  private syncedVersion = -1;

  /** Takes in the corpus's words that are new since the last call and drops the ones gone. */
  sync(index: PassageIndex): void {
    if (index.vocabularyVersion === this.syncedVersion) return;
    // Word → whether it is a name; a word that turns from name to common word is taken in again.
    const current = new Map<string, boolean>();
    for (const word of index.words()) if (isRelatable(word)) current.set(word, index.isName(word));
    for (const [word, { asName }] of [...this.contributed]) if (current.get(word) !== asName) this.drop(word);
    for (const [word, isName] of current) if (!this.contributed.has(word)) this.take(word, isName);
    this.syncedVersion = index.vocabularyVersion;
  }

  /** Corpus words that list `word` (or a word of the same stem) among their related words. */
  of(word: string): RelatedWord[] {
    const found = new Map<string, RelatedWord['relation']>();
    for (const key of keysOf(word)) {
      for (const [corpusWord, relation] of this.byKey.get(key) ?? []) if (corpusWord !== word && !found.has(corpusWord)) found.set(corpusWord, relation);
    }
    return [...found].map(([w, relation]) => ({ word: w, relation }));
  }

  private take(corpusWord: string, asName: boolean): void {
    // Every part of speech of the word's base forms ("concerns" is also the verb "concern", which
    // lists "worry"); for a name only what derives from it (Chinese → China), not its senses as a
    // common word (Trump → outdo).
    const forms = new Set([corpusWord, lemmatizer.noun(corpusWord), lemmatizer.verb(corpusWord)]);
    const related = [...forms]
      .flatMap((form) => relatedWords(form))
      .filter((r) => !asName || r.relation === 'derived')
      .flatMap((r) => {
        const parts = r.word.split(/[ -]/);
        // A phrasal verb counts by its verb ("wipe off" → "wipe"): a question may split it ("wipe the data off").
        if (parts.length === 2 && PHRASAL_PARTICLES.has(parts[1] ?? '')) return [{ ...r, word: parts[0] ?? '' }];
        return parts.length === 1 ? [r] : [];
      });
    this.contributed.set(corpusWord, { related, asName });
    for (const { word, relation } of related) {
      for (const key of keysOf(word)) {
        const entry = this.byKey.get(key) ?? new Map<string, RelatedWord['relation']>();
        if (entry.get(corpusWord) !== 'derived') entry.set(corpusWord, relation);
        this.byKey.set(key, entry);
      }
    }
  }

  private drop(corpusWord: string): void {
    for (const { word } of this.contributed.get(corpusWord)?.related ?? []) {
      for (const key of keysOf(word)) {
        const entry = this.byKey.get(key);
        entry?.delete(corpusWord);
        if (entry?.size === 0) this.byKey.delete(key);
      }
    }
    this.contributed.delete(corpusWord);
  }
}

const keysOf = (word: string): string[] => [...new Set([word, stemWord(word)])];

/** Numbers, stop words and two-letter words have no relatives worth finding. */
const isRelatable = (word: string): boolean => !isStopWord(word) && !/\d/.test(word) && word.length > 2;

/** The corpus relatives of an index, up to date with its current articles. */
export const corpusRelativesOf = perIndex(() => new CorpusRelatives());
