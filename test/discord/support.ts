/** Shared fixtures for the Discord tests: the small fixture corpus and hand-made answers. */
import { fileURLToPath } from 'node:url';
import type { Answer, RankedPassage } from '../../src/core/answer.ts';
import { buildIndex, loadCorpus } from '../../src/core/load-corpus.ts';
import type { ParsedQuery, QueryConcept } from '../../src/core/query.ts';
import type { PassageIndex } from '../../src/core/search-index.ts';

/** Two short articles about a bridge: one with a publisher and URL, one without; markdown and mentions in ¶3. */
export const FIXTURE_CORPUS_DIR = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));

export const fixtureIndex = (): PassageIndex => buildIndex(loadCorpus(FIXTURE_CORPUS_DIR));

/** A result made by hand from a passage (so render tests do not depend on ranking). */
export function ranked(index: PassageIndex, passageId: string, options: { sentence?: number; alsoIn?: string[] } = {}): RankedPassage {
  const passage = index.passage(passageId);
  if (!passage) throw new Error(`no passage ${passageId}`);
  const sourceOf = (id: string) => {
    const p = index.passage(id);
    if (!p) throw new Error(`no passage ${id}`);
    return { id: p.articleId, title: p.title, publisher: p.publisher, url: p.url };
  };
  return {
    passage,
    source: sourceOf(passageId),
    score: 1,
    coverage: 1,
    highlight: passage.sentences[options.sentence ?? 0] ?? { start: 0, end: passage.text.length },
    alsoIn: (options.alsoIn ?? []).map((id) => {
      const other = index.passage(id);
      return { source: sourceOf(id), passageId: id, paragraph: other?.paragraph ?? 1, paragraphEnd: other?.paragraphEnd ?? 1 };
    }),
  };
}

/** A parsed question made by hand; only the fields the renderers read are filled in. */
export function query(text: string, words: { word: string; known: boolean }[] = [], corrections: { from: string; to: string }[] = []): ParsedQuery {
  const concepts = words.map((w) => ({ word: w.word, alternatives: new Map<string, number>(), weight: 1, known: w.known }) as unknown as QueryConcept);
  return { text, concepts, corrections, searched: words.map((w) => w.word), unknown: words.filter((w) => !w.known).map((w) => w.word), answerType: 'any' } as unknown as ParsedQuery;
}

export function answer(results: RankedPassage[], options: { more?: number; related?: RankedPassage[]; query?: ParsedQuery } = {}): Answer {
  return { query: options.query ?? query('question'), results, related: options.related ?? [], more: options.more ?? 0 };
}
