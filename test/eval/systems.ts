import MiniSearch from 'minisearch';
import { answerQuestion, type AnswerOptions } from '../../src/core/answer.ts';
import { buildIndex, loadCorpus, BUNDLED_CORPUS_DIR } from '../../src/core/load-corpus.ts';
import type { PassageIndex } from '../../src/core/search-index.ts';
import type { System } from './metrics.ts';

/** Verbatim's own answers, five deep so MRR@5 can be computed. */
export const verbatimSystem =
  (index: PassageIndex, options: Partial<AnswerOptions> = {}): System =>
  (q) => ({ texts: answerQuestion(index, q, { top: 5, ...options }).results.map((r) => r.passage.text) });

/** The bar to beat: MiniSearch with default options over the same passages; it abstains only when nothing matches. */
export function plainMiniSearchSystem(index: PassageIndex): System {
  const plain = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: ['text'] });
  for (const article of index.articles()) plain.addAll(index.passagesOf(article.id).map((p) => ({ id: p.id, text: p.text })));
  return (q) => ({ texts: plain.search(q).slice(0, 5).map((r) => String(r['text'])) });
}

/**
 * The same, over the raw seed paragraphs (boilerplate included), as a first user would set it up.
 * Shown so the effect of cleaning is visible apart from the effect of ranking.
 */
export function plainMiniSearchOverRawParagraphs(index: PassageIndex): System {
  const plain = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: ['text'] });
  for (const article of index.articles()) {
    const paragraphs = article.body.split(/\n+/).map((t) => t.trim()).filter(Boolean);
    plain.addAll(paragraphs.map((text, i) => ({ id: `${article.id}:${i}`, text })));
  }
  return (q) => ({ texts: plain.search(q).slice(0, 5).map((r) => String(r['text'])) });
}

export const loadBundledIndex = (dir = BUNDLED_CORPUS_DIR): PassageIndex => buildIndex(loadCorpus(dir));
