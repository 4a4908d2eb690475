import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_CORPUS_DIR, buildIndex, loadCorpus } from '../core/load-corpus.ts';
import type { PassageIndex } from '../core/search-index.ts';

/** Loads a corpus directory for a CLI, reporting skipped files on stderr; `fail` ends the process. */
export function openCorpus(dir: string | undefined, fail: (message: string) => never): PassageIndex {
  const path = resolve(dir ?? BUNDLED_CORPUS_DIR);
  if (!existsSync(path) || !statSync(path).isDirectory()) fail(`--corpus: "${dir}" is not a directory`);
  const corpus = loadCorpus(path);
  for (const problem of [...corpus.errors, ...corpus.warnings]) {
    process.stderr.write(`corpus: ${problem.file}: ${problem.field} ${problem.message}\n`);
  }
  return buildIndex(corpus);
}
