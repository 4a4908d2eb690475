/**
 * Verbatim's entry point (`npm start`). The flow: read the config → load the corpus → split it into
 * passages and index them → with a DISCORD_TOKEN, serve Discord; without one, open the local console.
 */
import 'dotenv/config';
import { parseConfig } from './config.ts';
import { runConsole } from './console/console.ts';
import { BUNDLED_CORPUS_DIR, buildIndex, loadCorpus } from './core/load-corpus.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`Verbatim cannot start; fix these settings (environment or .env):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
const { config } = parsed;

const corpus = loadCorpus(config.CORPUS_DIR ?? BUNDLED_CORPUS_DIR);
for (const problem of [...corpus.errors, ...corpus.warnings]) process.stderr.write(`corpus: ${problem.file}: ${problem.field} ${problem.message}\n`);
const index = buildIndex(corpus);

if (config.DISCORD_TOKEN) {
  process.stderr.write('Discord mode is not built yet (issue 4); starting the local console instead.\n');
}
await runConsole(index);
