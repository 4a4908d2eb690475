import type { LoadedCorpus } from './read-corpus.ts';
import { prepareArticle, type ArticleInput, type ArticleLimits, type ArticleProblem, type PreparedArticle } from './new-article.ts';
import { err, ok, type Result } from './result.ts';
import { PassageIndex } from './search-index.ts';
import type { Actor, AuditEntry, CorpusStore, StoreChange, StoreError } from './store/corpus-store.ts';
import { buildSynonymTable, parseSynonyms } from './synonyms.ts';

/**
 * The corpus as moderators change it: a store for persistence and the live index, kept in step.
 * Each change goes to the store first (atomic, audited) and then to the index incrementally, so the
 * next question sees it at once and nothing is in the index that is not on disk.
 */
export class CorpusService {
  private synonymGroups: string[][];

  private constructor(
    readonly store: CorpusStore,
    readonly index: PassageIndex,
    synonymGroups: string[][],
    private readonly limits?: ArticleLimits,
  ) {
    this.synonymGroups = synonymGroups;
  }

  /** Loads the store into a fresh index; problems with single files are returned, not thrown. */
  static async open(store: CorpusStore, limits?: ArticleLimits): Promise<{ service: CorpusService; corpus: LoadedCorpus }> {
    const corpus = await store.load();
    const index = new PassageIndex(buildSynonymTable(corpus.synonymGroups));
    for (const article of corpus.articles) index.add(article);
    return { service: new CorpusService(store, index, corpus.synonymGroups, limits), corpus };
  }

  /** Checks an article and shows what adding it would do; writes nothing. */
  preview(input: ArticleInput, replaceId?: string): Result<PreparedArticle, ArticleProblem[]> {
    return prepareArticle(input, this.index, { ...(this.limits ? { limits: this.limits } : {}), ...(replaceId !== undefined ? { replaceId } : {}) });
  }

  /** Writes a prepared article (new or replacing) and indexes it. */
  async write(prepared: PreparedArticle, actor: Actor): Promise<Result<StoreChange, StoreError>> {
    return this.apply(await this.store.writeArticle(prepared.article, actor));
  }

  async remove(articleId: string, actor: Actor): Promise<Result<StoreChange, StoreError>> {
    return this.apply(await this.store.removeArticle(articleId, actor));
  }

  async undo(actor: Actor): Promise<Result<StoreChange, StoreError>> {
    return this.apply(await this.store.undo(actor));
  }

  history(limit?: number): Promise<AuditEntry[]> {
    return this.store.history(limit);
  }

  get synonyms(): readonly string[][] {
    return this.synonymGroups;
  }

  /** Adds a synonym group (at least two spellings). */
  async addSynonymGroup(spellings: readonly string[], actor: Actor): Promise<Result<StoreChange, StoreError | { code: 'invalid-synonyms'; message: string }>> {
    const parsed = parseSynonyms(spellings.join(' | '));
    const group = parsed.groups[0];
    if (!group || parsed.problems.length > 0) {
      return err({ code: 'invalid-synonyms', message: parsed.problems[0]?.message ?? 'A group needs at least two spellings.' });
    }
    return this.apply(await this.store.writeSynonyms([...this.synonymGroups, group], actor));
  }

  /** Removes the synonym group at a position (0-based) of `synonyms`. */
  async removeSynonymGroup(position: number, actor: Actor): Promise<Result<StoreChange, StoreError>> {
    if (!Number.isInteger(position) || position < 0 || position >= this.synonymGroups.length) {
      return err({ code: 'not-found', message: `There is no synonym group number ${position + 1}.` });
    }
    return this.apply(await this.store.writeSynonyms(this.synonymGroups.filter((_, i) => i !== position), actor));
  }

  /**
   * Re-reads the whole store (after edits by hand or by git): only the articles that changed are
   * indexed again, unless the synonyms changed, which touches every passage. Audited when an actor is given.
   */
  async reload(actor?: Actor): Promise<LoadedCorpus> {
    if (actor) await this.store.recordReload(actor);
    const corpus = await this.store.load();
    const synonymsChanged = JSON.stringify(corpus.synonymGroups) !== JSON.stringify(this.synonymGroups);
    this.synonymGroups = corpus.synonymGroups;
    if (synonymsChanged) {
      // Every passage's concept terms change: analyse each article once, with the new groups.
      this.index.reset(buildSynonymTable(corpus.synonymGroups), corpus.articles);
      return corpus;
    }
    const ids = new Set(corpus.articles.map((a) => a.id));
    for (const article of this.index.articles()) if (!ids.has(article.id)) this.index.remove(article.id);
    for (const article of corpus.articles) {
      const current = this.index.article(article.id);
      if (!current || JSON.stringify(current) !== JSON.stringify(article)) this.index.add(article);
    }
    return corpus;
  }

  /** Makes the index follow a change the store made. */
  private apply<E>(result: Result<StoreChange, E>): Result<StoreChange, E> {
    if (!result.ok) return result;
    const change = result.value;
    switch (change.kind) {
      case 'article-written':
        this.index.add(change.article);
        break;
      case 'article-removed':
        this.index.remove(change.articleId);
        break;
      case 'synonyms-written':
        this.synonymGroups = change.groups;
        this.index.setSynonyms(buildSynonymTable(change.groups));
        break;
    }
    return ok(change);
  }
}
