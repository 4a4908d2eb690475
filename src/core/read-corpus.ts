import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from './article.ts';
import { ARTICLE_FILE_EXTENSION, parseArticleFile, type FileProblem } from './corpus-format.ts';
import { parseSynonymLines, SYNONYMS_FILE } from './synonyms-file.ts';

/** What reading a corpus directory found: the good articles, and every problem by file and field. */
export type LoadedCorpus = {
  readonly articles: Article[];
  readonly synonymGroups: string[][];
  /** Problems that made a file be skipped. */
  readonly errors: FileProblem[];
  /** Problems that did not (a bad synonyms line, a fallback). */
  readonly warnings: FileProblem[];
};

/** The bundled corpus: `corpus/` at the project's root. */
export const BUNDLED_CORPUS_DIR = new URL('../../corpus/', import.meta.url).pathname;

/**
 * Reads every `*.md` article of a directory and its `synonyms.txt`. A bad file is reported and
 * skipped; it never stops the others from loading. A directory without synonyms uses the bundled ones.
 * Reads only: no language tools are loaded, so writers and the crash test start fast.
 */
export function loadCorpus(dir: string): LoadedCorpus {
  const errors: FileProblem[] = [];
  const warnings: FileProblem[] = [];
  const articles: Article[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith(ARTICLE_FILE_EXTENSION) && !f.startsWith('.')).sort();
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      errors.push({ file, field: 'file', message: `could not be read: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseArticleFile(file, content);
    if (parsed.ok) articles.push(parsed.value);
    else errors.push(...parsed.error);
  }
  const synonymsPath = existsSync(join(dir, SYNONYMS_FILE)) ? join(dir, SYNONYMS_FILE) : join(BUNDLED_CORPUS_DIR, SYNONYMS_FILE);
  let synonymGroups: string[][] = [];
  if (existsSync(synonymsPath)) {
    const parsed = parseSynonymLines(readFileSync(synonymsPath, 'utf8'));
    synonymGroups = parsed.groups;
    for (const p of parsed.problems) warnings.push({ file: SYNONYMS_FILE, field: `line ${p.line}`, message: p.message });
  }
  return { articles, synonymGroups, errors, warnings };
}
