import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS_DIR } from '../../src/core/read-corpus.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const CORPUS = new URL('../../src/cli/corpus.ts', import.meta.url).pathname;
const ASK = new URL('../../src/cli/ask.ts', import.meta.url).pathname;
const PAGE = new URL('../fixtures/pages/news-article.html', import.meta.url).pathname;

async function cli(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, [script, ...args], { timeout: 30_000, env: { ...process.env, ...env } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** A copy of the bundled corpus to change freely, and a directory for input files. */
function workspace(): { corpus: string; files: string } {
  const corpus = tempDir('cli-corpus');
  cpSync(BUNDLED_CORPUS_DIR, corpus, { recursive: true });
  return { corpus, files: tempDir('cli-files') };
}

/** The corpus files and their contents, to prove a refused command changed nothing. */
const snapshot = (dir: string) => readdirSync(dir).sort().map((f) => [f, f.startsWith('.') ? '' : readFileSync(join(dir, f), 'utf8')]);

const NEW_ARTICLE = `Lighthouse keepers return to Skerry Island
The last lighthouse keeper left Skerry Island in 1987, when the light was automated.

This spring the island trust hired two keepers again, to look after the tower and guide visitors through the summer.

Leave a Reply
You are commenting using your Twitter account. Log Out /  Change )
`;

describe('corpus CLI', () => {
  it('adds a .txt file (first line as title) and the next question is answered from it', async () => {
    const { corpus, files } = workspace();
    writeFileSync(join(files, 'keepers.txt'), NEW_ARTICLE);
    const added = await cli(CORPUS, ['add', join(files, 'keepers.txt'), '--corpus', corpus]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^added lighthouse-keepers-return-to-skerry-island: Lighthouse keepers return to Skerry Island — 1 passage\n$/);
    const answer = JSON.parse((await cli(ASK, ['--json', '--corpus', corpus, 'when was the skerry lighthouse automated?'])).stdout);
    expect(answer.results[0].source).toEqual({ id: 'lighthouse-keepers-return-to-skerry-island', title: 'Lighthouse keepers return to Skerry Island' });
    expect(answer.results[0].text).toContain('1987');
  });

  it('takes --title, --publisher, --url and --published over what the file says', async () => {
    const { corpus, files } = workspace();
    writeFileSync(join(files, 'k.txt'), NEW_ARTICLE);
    const added = await cli(CORPUS, ['add', join(files, 'k.txt'), '--title', 'Keepers are back', '--publisher', 'Island Times', '--url', 'https://example.org/keepers', '--published', '2024-04-02', '--corpus', corpus]);
    expect(added.code).toBe(0);
    const listed = JSON.parse((await cli(CORPUS, ['list', '--json', '--corpus', corpus])).stdout) as { id: string }[];
    expect(listed.find((a) => a.id === 'keepers-are-back')).toEqual({ id: 'keepers-are-back', title: 'Keepers are back', publisher: 'Island Times', url: 'https://example.org/keepers', published: '2024-04-02', passages: 1 });
    // With --title, the whole file is the body: its first line is kept as text.
    expect(readFileSync(join(corpus, 'keepers-are-back.md'), 'utf8')).toContain('\nLighthouse keepers return to Skerry Island\n');
  });

  it('adds a Markdown file with front-matter', async () => {
    const { corpus, files } = workspace();
    writeFileSync(join(files, 'k.md'), `---\ntitle: Keepers in Markdown\npublisher: Island Times\n---\n${NEW_ARTICLE}`);
    const added = await cli(CORPUS, ['add', join(files, 'k.md'), '--corpus', corpus]);
    expect(added.stdout).toMatch(/^added keepers-in-markdown: Keepers in Markdown · Island Times/);
  });

  it('adds an .html page: the article text without the page furniture, metadata from the page', async () => {
    const { corpus } = workspace();
    const added = await cli(CORPUS, ['add', PAGE, '--corpus', corpus]);
    expect(added.code).toBe(0);
    const file = readFileSync(join(corpus, 'riverside-council-approves-flood-barrier-after-a-decade-of.md'), 'utf8');
    expect(file).toMatch(/^---\ntitle: Riverside council approves flood barrier after a decade of delays\npublisher: The Harbor Gazette\nurl: >-?\n?\s*https:\/\/www\.harborgazette\.example\/news\/2024\/03\/14\/riverside-flood-barrier-approved\npublished: '?2024-03-14'?\n/);
    expect(file).not.toMatch(/cookies|Accept all|Related|Leave a comment|Subscribe/i);
  });

  it('adds a link served by a local server, only when the address is explicitly allowed', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(PAGE));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { corpus } = workspace();
      const link = `http://127.0.0.1:${port}/story`;
      const refused = await cli(CORPUS, ['add', link, '--corpus', corpus]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/127\.0\.0\.1/);
      const added = await cli(CORPUS, ['add', link, '--corpus', corpus], { FETCH_ALLOW_PRIVATE_ADDRESSES: '127.0.0.1' });
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/^added riverside-council-approves-flood-barrier-after-a-decade-of: Riverside council approves flood barrier after a decade of delays · The Harbor Gazette/);
      const answer = JSON.parse((await cli(ASK, ['--json', '--corpus', corpus, 'who will pay for the riverside flood barrier?'])).stdout);
      expect(answer.results[0]?.source.id).toBe('riverside-council-approves-flood-barrier-after-a-decade-of');
    } finally {
      server.close();
    }
  });

  it('removes an article and lists what is left', async () => {
    const { corpus } = workspace();
    const before = JSON.parse((await cli(CORPUS, ['list', '--json', '--corpus', corpus])).stdout) as { id: string }[];
    const removed = await cli(CORPUS, ['remove', before[0]?.id ?? '', '--corpus', corpus]);
    expect(removed.code).toBe(0);
    const after = JSON.parse((await cli(CORPUS, ['list', '--json', '--corpus', corpus])).stdout) as { id: string }[];
    expect(after.map((a) => a.id)).toEqual(before.slice(1).map((a) => a.id));
  });

  const refusals: [string, (files: string) => string[], RegExp][] = [
    ['a binary file', (f) => (writeFileSync(join(f, 'x.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])), ['add', join(f, 'x.txt')]), /binary/],
    ['an empty file', (f) => (writeFileSync(join(f, 'x.txt'), ''), ['add', join(f, 'x.txt')]), /title is required|no text/i],
    ['a file of boilerplate only', (f) => (writeFileSync(join(f, 'x.txt'), 'A title\nLeave a Reply\nPrevious Post Next Post\n'), ['add', join(f, 'x.txt')]), /no text left/],
    ['an oversize file', (f) => (writeFileSync(join(f, 'x.txt'), `Big\n${'word '.repeat(50_000)}`), ['add', join(f, 'x.txt')]), /at most 200 KB/],
    ['invalid UTF-8', (f) => (writeFileSync(join(f, 'x.txt'), Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xc3, 0x28, 0x41, 0x42])), ['add', join(f, 'x.txt')]), /not valid UTF-8/],
    ['an unsupported file type', (f) => (writeFileSync(join(f, 'x.pdf'), 'Title\nText.'), ['add', join(f, 'x.pdf')]), /not a \.txt, \.md, \.html or \.eml file/],
    ['a missing file', (f) => ['add', join(f, 'nope.txt')], /cannot be read/],
    ['a bad --url', (f) => (writeFileSync(join(f, 'x.txt'), NEW_ARTICLE), ['add', join(f, 'x.txt'), '--url', 'javascript:alert(1)']), /not an http\(s\) link/],
    ['a bad --published', (f) => (writeFileSync(join(f, 'x.txt'), NEW_ARTICLE), ['add', join(f, 'x.txt'), '--published', 'last tuesday']), /published/],
    ['an exact duplicate of an article', (f) => (writeFileSync(join(f, 'x.txt'), `Another title\n${readFileSync(join(BUNDLED_CORPUS_DIR, 'tiktok-oracle-deal-back-on-track-to-keep-users-data-in-us.md'), 'utf8').split('---\n')[2]}`), ['add', join(f, 'x.txt')]), /already in the corpus/],
    ['an id that walks a path', () => ['remove', '../package'], /no article with the id "\.\.\/package"/],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what} with a clear message, exit code 1, and the corpus untouched`, async () => {
      const { corpus, files } = workspace();
      const before = snapshot(corpus);
      const result = await cli(CORPUS, [...args(files), '--corpus', corpus]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
      expect(snapshot(corpus)).toEqual(before);
    });
  }

  // One test per case, each its own process and its own time budget on a loaded machine.
  it.each([[[]], [['frobnicate']], [['add']], [['remove']], [['list', 'extra']], [['list', '--corpus', '/nonexistent-dir']], [['add', 'x', '--bogus']]])(
    'rejects bad arguments (%j) with exit code 2',
    async (args: string[]) => {
      const result = await cli(CORPUS, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^corpus: /);
    },
  );
});
