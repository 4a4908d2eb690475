import type { LoadedCorpus } from './read-corpus.ts';
import { PassageIndex } from './search-index.ts';
import { buildSynonymTable } from './synonyms.ts';

export { BUNDLED_CORPUS_DIR, loadCorpus, type LoadedCorpus } from './read-corpus.ts';

/** Builds the index for a loaded corpus. */
export function buildIndex(corpus: Pick<LoadedCorpus, 'articles' | 'synonymGroups'>): PassageIndex {
  const index = new PassageIndex(buildSynonymTable(corpus.synonymGroups));
  for (const article of corpus.articles) index.add(article);
  return index;
}
