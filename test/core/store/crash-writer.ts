/**
 * A writer for the crash test: replaces one article with alternating versions as fast as it can,
 * until it is killed. Bundled and run with plain node so each restart is quick.
 */
import { FileCorpusStore } from '../../../src/core/store/file-corpus-store.ts';

const [dir] = process.argv.slice(2);
const store = new FileCorpusStore(dir as string);
const versions = ['old', 'new'].map((tag) => ({
  id: 'contested',
  title: `The ${tag} title`,
  body: `${`The ${tag} version of this article says the same thing many times over. `.repeat(400)}\n`,
}));
// Start with the version that is not on disk, so every completed write changes the state.
const current = (await store.load()).articles[0]?.title;
process.stdout.write('ready\n');
for (let i = current === 'The old title' ? 1 : 0; ; i++) {
  const wrote = await store.writeArticle(versions[i % 2] as (typeof versions)[number], { userName: 'crash-test' });
  // A refused write (a lock nobody can take over, say) must fail the test, not stall it.
  if (!wrote.ok) throw new Error(`write refused: ${wrote.error.message}`);
  process.stdout.write('wrote\n');
  if (i % 3 === 0) {
    const synonyms = await store.writeSynonyms([[`alpha${i % 2}`, 'beta']], { userName: 'crash-test' });
    if (!synonyms.ok) throw new Error(`synonyms refused: ${synonyms.error.message}`);
  }
}
