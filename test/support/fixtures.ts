import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/core/article.ts';
import { serializeArticle } from '../../src/core/corpus-format.ts';
import { tempDir } from './temp-dir.ts';

/** A small article for tests; the body is the one given, metadata minimal. */
export const article = (id: string, title: string, body: string, extra: Partial<Article> = {}): Article => ({ id, title, body, ...extra });

/** Writes articles (and optionally a synonyms file) into a fresh temporary corpus directory. */
export function tempCorpus(articles: Article[], synonyms?: string): string {
  const dir = tempDir('corpus');
  for (const a of articles) writeFileSync(join(dir, `${a.id}.md`), serializeArticle(a));
  if (synonyms !== undefined) writeFileSync(join(dir, 'synonyms.txt'), synonyms);
  return dir;
}
