import { everydayRarity, looksLikeName } from './background.ts';
import { paraphrasesOf } from './paraphrases.ts';
import { relatedWords } from './thesaurus.ts';

/**
 * Loads the language data the first question would otherwise wait for (word frequencies, the
 * WordNet indexes, the paraphrase groups: about 80 ms), so that the first asker is answered as fast as the rest.
 */
export function warmUpLanguageData(): void {
  everydayRarity('data');
  looksLikeName('warmup');
  for (const word of ['store', 'keep', 'people', 'use']) relatedWords(word);
  paraphrasesOf('crew');
}
