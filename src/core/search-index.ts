import MiniSearch from 'minisearch';
import type { Article } from './article.ts';
import { cleanBody, type CleanedBody, type DropReason } from './clean.ts';
import { splitWords, stemWord } from './analyze.ts';
import { indexTerms, isAllCapitals, joinedHyphenWords, lowerCaseWords, surfaceWords, termPositions } from './index-terms.ts';
import { DEFAULT_PASSAGE_OPTIONS, splitIntoPassages, type Passage, type PassageOptions } from './passages.ts';
import { EMPTY_SYNONYMS, type SynonymTable } from './synonyms.ts';

/** A passage as the index holds it: with its article's label and its analysed terms. */
export type IndexedPassage = Passage & {
  readonly title: string;
  readonly publisher?: string | undefined;
  readonly url?: string | undefined;
  /** Terms of the passage text (not the title). */
  readonly terms: ReadonlySet<string>;
  /** Terms of each sentence, in the order of `sentences`, with their positions in the sentence. */
  readonly sentenceTerms: readonly ReadonlyMap<string, readonly number[]>[];
  /** Terms of the article's title and publisher, shared by all its passages ("midroll monday says…" is about its every passage). */
  readonly titleTerms: ReadonlySet<string>;
};

type IndexedDocument = { id: string; title: string; text: string };

// Lines cleaning leaves out that still say whose article it is.
const SOURCE_LINES: ReadonlySet<DropReason> = new Set(['masthead', 'byline', 'credit', 'page-furniture']);

/** The lower-case words that name an article's source, each once. */
function sourceWords(article: Article, { dropped }: CleanedBody): Set<string> {
  const lines = dropped.filter((line) => SOURCE_LINES.has(line.reason)).map((line) => article.body.slice(line.start, line.end));
  return new Set([article.title, article.publisher ?? '', siteNameOf(article.url), ...lines].flatMap(surfaceWords));
}

/** The site a link is on, as members name it: "packetyard" of "https://www.packetyard.example/2026/…". */
function siteNameOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    const labels = new URL(url).hostname.split('.').filter((label) => !/^(?:www\d?|m|amp|news|edition)$/.test(label));
    // The registered name: the label before the top-level domain (and before a short second level, as in "co.uk").
    const tail = labels.length >= 3 && (labels.at(-2) ?? '').length <= 3 ? 3 : 2;
    return labels.at(-tail) ?? '';
  } catch {
    return '';
  }
}

/** Counts that go up and down as documents come and go. */
class Counter {
  private readonly counts = new Map<string, number>();
  add(keys: Iterable<string>, delta: 1 | -1): void {
    for (const key of keys) {
      const next = (this.counts.get(key) ?? 0) + delta;
      if (next <= 0) this.counts.delete(key);
      else this.counts.set(key, next);
    }
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  keys(): IterableIterator<string> {
    return this.counts.keys();
  }
}

/**
 * The searchable corpus: articles split into passages, indexed in MiniSearch (BM25) with the
 * project's analyser. Articles are added, replaced and removed one at a time — no full rebuild —
 * so a moderator's change is visible to the next question at once.
 */
export class PassageIndex {
  private readonly articlesById = new Map<string, Article>();
  private readonly passagesByArticle = new Map<string, IndexedPassage[]>();
  private readonly passagesById = new Map<string, IndexedPassage>();
  /** In how many passages each term occurs (text only), for weighting query words. */
  private readonly termPassageCounts = new Counter();
  /** In how many passages each lower-case word occurs, for spelling correction. */
  private readonly wordPassageCounts = new Counter();
  /** Hyphenated words of the corpus written as one, for spelling correction only. */
  private readonly joinedWordCounts = new Counter();
  /** In how many passages each word also appears written in lower case: names never do. */
  private readonly lowerCasePassageCounts = new Counter();
  /** In how many passages each word appears where case tells something: not in text set all in capitals. */
  private readonly casedPassageCounts = new Counter();
  /** In how many articles each word names the source: in the title, the publisher, or a masthead, byline or credit line. */
  private readonly sourceWordCounts = new Counter();
  private readonly sourceWordsByArticle = new Map<string, ReadonlySet<string>>();
  private search: MiniSearch<IndexedDocument>;
  /** For `hasPhrase`; replaced passages drop out with their objects. */
  private readonly stemSequences = new WeakMap<IndexedPassage, readonly string[]>();
  private synonymTable: SynonymTable;
  private vocabularyChanges = 0;

  constructor(
    synonyms: SynonymTable = EMPTY_SYNONYMS,
    private readonly passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS,
  ) {
    this.synonymTable = synonyms;
    this.search = this.newMiniSearch();
  }

  private newMiniSearch(): MiniSearch<IndexedDocument> {
    const synonyms = () => this.synonymTable;
    return new MiniSearch<IndexedDocument>({
      fields: ['title', 'text'],
      // All analysis happens in `indexTerms`; MiniSearch only stores and scores the terms.
      tokenize: (text) => indexTerms(text, synonyms()),
      processTerm: (term) => term,
      searchOptions: { tokenize: (query) => query.split(' ').filter(Boolean), processTerm: (term) => term },
    });
  }

  get synonyms(): SynonymTable {
    return this.synonymTable;
  }

  /** Swaps the synonym table; every passage is analysed again, since its concept terms change. */
  setSynonyms(synonyms: SynonymTable): void {
    this.reset(synonyms, [...this.articlesById.values()]);
  }

  /** Replaces everything: these articles, analysed with these synonyms, in one pass. */
  reset(synonyms: SynonymTable, articles: readonly Article[]): void {
    this.clear();
    this.synonymTable = synonyms;
    for (const article of articles) this.add(article);
  }

  private clear(): void {
    for (const id of [...this.articlesById.keys()]) this.remove(id);
    this.search = this.newMiniSearch();
  }

  /** Adds an article, or replaces the article with the same id. */
  add(article: Article): readonly IndexedPassage[] {
    if (this.articlesById.has(article.id)) this.remove(article.id);
    const titleTerms = new Set(indexTerms(`${article.title}\n${article.publisher ?? ''}`, this.synonymTable));
    const cleaned = cleanBody(article.body, article.title);
    const passages = splitIntoPassages(article, this.passageOptions, cleaned).map((passage) => this.withTerms(passage, article, titleTerms));
    const sources = sourceWords(article, cleaned);
    this.articlesById.set(article.id, article);
    this.passagesByArticle.set(article.id, passages);
    this.vocabularyChanges++;
    this.sourceWordsByArticle.set(article.id, sources);
    this.sourceWordCounts.add(sources, 1);
    for (const passage of passages) {
      this.passagesById.set(passage.id, passage);
      this.termPassageCounts.add(passage.terms, 1);
      this.wordPassageCounts.add(new Set(surfaceWords(passage.text)), 1);
      this.joinedWordCounts.add(new Set(joinedHyphenWords(passage.text)), 1);
      this.lowerCasePassageCounts.add(new Set(lowerCaseWords(passage.text)), 1);
      if (!isAllCapitals(passage.text)) this.casedPassageCounts.add(new Set(surfaceWords(passage.text)), 1);
      this.search.add({ id: passage.id, title: article.title, text: passage.text });
    }
    return passages;
  }

  /** Removes an article and its passages; false when there was none with that id. */
  remove(articleId: string): boolean {
    const passages = this.passagesByArticle.get(articleId);
    if (!passages) return false;
    for (const passage of passages) {
      this.search.discard(passage.id);
      this.passagesById.delete(passage.id);
      this.termPassageCounts.add(passage.terms, -1);
      this.wordPassageCounts.add(new Set(surfaceWords(passage.text)), -1);
      this.joinedWordCounts.add(new Set(joinedHyphenWords(passage.text)), -1);
      this.lowerCasePassageCounts.add(new Set(lowerCaseWords(passage.text)), -1);
      if (!isAllCapitals(passage.text)) this.casedPassageCounts.add(new Set(surfaceWords(passage.text)), -1);
    }
    this.sourceWordCounts.add(this.sourceWordsByArticle.get(articleId) ?? [], -1);
    this.sourceWordsByArticle.delete(articleId);
    this.passagesByArticle.delete(articleId);
    this.articlesById.delete(articleId);
    this.vocabularyChanges++;
    return true;
  }

  private withTerms(passage: Passage, article: Article, titleTerms: ReadonlySet<string>): IndexedPassage {
    return {
      ...passage,
      title: article.title,
      publisher: article.publisher,
      url: article.url,
      terms: new Set(indexTerms(passage.text, this.synonymTable)),
      sentenceTerms: passage.sentences.map((s) => termPositions(passage.text.slice(s.start, s.end), this.synonymTable)),
      titleTerms,
    };
  }

  get passageCount(): number {
    return this.passagesById.size;
  }

  get articleCount(): number {
    return this.articlesById.size;
  }

  /** Articles in id order. */
  articles(): Article[] {
    return [...this.articlesById.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  article(id: string): Article | undefined {
    return this.articlesById.get(id);
  }

  passage(id: string): IndexedPassage | undefined {
    return this.passagesById.get(id);
  }

  passagesOf(articleId: string): readonly IndexedPassage[] {
    return this.passagesByArticle.get(articleId) ?? [];
  }

  /** In how many passages a term occurs. */
  passagesWithTerm(term: string): number {
    return this.termPassageCounts.get(term);
  }

  /** In how many passages a lower-case word occurs. */
  passagesWithWord(word: string): number {
    return this.wordPassageCounts.get(word);
  }

  /** In how many passages a word is written hyphenated ("wifi" as "Wi-Fi"). */
  passagesWithHyphenatedWord(word: string): number {
    return this.joinedWordCounts.get(word);
  }

  /**
   * Whether some article names this word as part of its source (publisher, masthead, byline,
   * credit): "the Ferrowen report", "the Reuters piece" are about that article, though no passage says so.
   */
  namesSource(word: string): boolean {
    return this.sourceWordCounts.get(word) > 0;
  }

  /** In how many passages a word is written in lower case ("oracle" in a web address, "bytedance" in an e-mail). */
  passagesWithLowerCaseWord(word: string): number {
    return this.lowerCasePassageCounts.get(word);
  }

  /** Whether the corpus writes a word only capitalized, as a name ("Trump", "Oracle"), never in lower case. */
  isName(word: string): boolean {
    // Text set all in capitals (a broadcast's captions) says nothing of which words are names.
    return this.casedPassageCounts.get(word) > 0 && this.lowerCasePassageCounts.get(word) === 0;
  }

  /**
   * Whether some passage has these words side by side, in this order, in any inflection ("data
   * structures", "national park"); stop words between them break the sequence.
   */
  hasPhrase(words: readonly string[]): boolean {
    const stems = words.map((w) => stemWord(w.toLowerCase()));
    if (stems.some((stem) => this.passagesWithTerm(stem) === 0)) return false;
    for (const passages of this.passagesByArticle.values()) {
      for (const passage of passages) {
        if (!stems.every((stem) => passage.terms.has(stem))) continue;
        const sequence = this.stemSequenceOf(passage);
        if (sequence.some((_, at) => stems.every((stem, k) => sequence[at + k] === stem))) return true;
      }
    }
    return false;
  }

  /** A passage's words as stems, stop words included, worked out once per passage. */
  private stemSequenceOf(passage: IndexedPassage): readonly string[] {
    let sequence = this.stemSequences.get(passage);
    if (!sequence) {
      sequence = splitWords(passage.text).map((w) => stemWord(w.norm));
      this.stemSequences.set(passage, sequence);
    }
    return sequence;
  }

  /** Goes up whenever articles come or go: what caches of the vocabulary compare against. */
  get vocabularyVersion(): number {
    return this.vocabularyChanges;
  }

  /** Every lower-case word of the corpus. */
  words(): IterableIterator<string> {
    return this.wordPassageCounts.keys();
  }

  /** The words a misspelling may be corrected to: every lower-case word, and hyphenated words written as one ("cosponsors"). */
  *spellingVocabulary(): IterableIterator<string> {
    yield* this.wordPassageCounts.keys();
    for (const joined of this.joinedWordCounts.keys()) if (this.wordPassageCounts.get(joined) === 0) yield joined;
  }

  /** BM25 candidates for weighted terms (OR), best first. */
  candidates(weightedTerms: ReadonlyMap<string, number>, fieldBoost: { title: number; text: number }): { id: string; score: number }[] {
    if (weightedTerms.size === 0) return [];
    const query = [...weightedTerms.keys()].join(' ');
    return this.search
      .search(query, {
        boost: fieldBoost,
        boostTerm: (term) => weightedTerms.get(term) ?? 1,
        combineWith: 'OR',
        prefix: false,
        fuzzy: false,
      })
      .map((r) => ({ id: String(r.id), score: r.score }));
  }
}
