import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load-corpus.ts';
import { FileCorpusStore } from '../../../src/core/store/file-corpus-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

const KILLS = 200;
let bundle: string;

beforeAll(() => {
  bundle = join(tempDir('crash-bundle'), 'writer.mjs');
  buildSync({ entryPoints: [new URL('./crash-writer.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
});

/**
 * Starts the writer, lets it run a random while after it is ready (or, with `afterFirstWrite`, after
 * its first completed write), and kills it with SIGKILL. Waiting for a completed write matters on a
 * slow disk, where a write can take longer than any of the delays.
 */
function runAndKill(dir: string, delayMs: number, afterFirstWrite: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let armed = false;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (armed || !stdout.includes(afterFirstWrite ? 'wrote\n' : 'ready\n')) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

describe('a writer killed at random moments', () => {
  it(`leaves the corpus loadable, in the old or the new state, after each of ${KILLS} SIGKILLs`, { timeout: 180_000 }, async () => {
    const dir = tempDir('crash');
    await new FileCorpusStore(dir).writeArticle({ id: 'contested', title: 'The old title', body: 'The old version.\n' }, { userName: 'setup' });
    // Deterministic "random" delays, so a failure can be replayed.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const titles = new Set<string>();
    for (let kill = 0; kill < KILLS; kill++) {
      await runAndKill(dir, Math.floor(next() * 40), kill % 2 === 1);
      const corpus = loadCorpus(dir);
      expect(corpus.errors, `after kill ${kill}`).toEqual([]);
      expect(corpus.articles, `after kill ${kill}`).toHaveLength(1);
      const contested = corpus.articles[0];
      expect(['The old title', 'The new title']).toContain(contested?.title);
      expect(contested?.body).toMatch(new RegExp(`^(${contested?.title === 'The old title' ? 'The old version' : 'The new version'}.*\\n)|^The old version\\.\\n$`, 's'));
      titles.add(contested?.title ?? '');
      expect(corpus.warnings, `after kill ${kill}`).toEqual([]);
    }
    // The kills landed at different moments: both states were seen.
    expect(titles.size).toBe(2);
    // No kill left the lock stuck: a new writer gets in at once.
    const after = await new FileCorpusStore(dir).writeArticle({ id: 'contested', title: 'The last title', body: 'The last version.\n' }, { userName: 'after' });
    expect(after.ok).toBe(true);
    expect(readdirSync(join(dir, '.verbatim')).filter((f) => f.endsWith('.new'))).toEqual([]);
    // Left-over temporary files never count as articles.
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual(expect.arrayContaining(['contested.md']));
    expect(readFileSync(join(dir, 'contested.md'), 'utf8')).toMatch(/^---\ntitle: The last title\n---\n/);
  });
});
