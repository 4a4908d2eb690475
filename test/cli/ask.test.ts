import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AnswerJsonSchema } from '../../src/core/answer-json.ts';
import { article, tempCorpus } from '../support/fixtures.ts';

const run = promisify(execFile);
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const ASK = new URL('../../src/cli/ask.ts', import.meta.url).pathname;

async function ask(args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const child = run(TSX, [ASK, ...args], { timeout: 30_000 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('ask CLI', () => {
  it('--json prints exactly one JSON object of the contract', async () => {
    const { stdout, code } = await ask(['--json', 'Where is the US user data backed up?']);
    expect(code).toBe(0);
    const parsed = AnswerJsonSchema.strict().parse(JSON.parse(stdout));
    expect(parsed.query).toBe('Where is the US user data backed up?');
    expect(parsed.results.length).toBeGreaterThan(0);
    expect(parsed.results[0]?.text).toContain('Singapore');
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('--top limits the number of results', async () => {
    const { stdout } = await ask(['--json', '--top', '1', 'TikTok Oracle deal']);
    expect(JSON.parse(stdout).results).toHaveLength(1);
  });

  it('--jsonl answers one question per line, in order, in one process', async () => {
    const { stdout, code } = await ask(['--jsonl'], 'what is CFIUS\nhow do I bake bread\n\nwho owns TikTok\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => AnswerJsonSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => l.query)).toEqual(['what is CFIUS', 'how do I bake bread', '', 'who owns TikTok']);
    expect(lines[1]?.results).toEqual([]);
  });

  it('--corpus DIR answers from another directory in the same format', async () => {
    const dir = tempCorpus([article('harbour', 'Harbour news', 'The new harbour crane lifts forty containers an hour, the port authority said on Tuesday.')]);
    const { stdout, code } = await ask(['--json', '--corpus', dir, 'how many containers does the crane lift']);
    expect(code).toBe(0);
    const parsed = AnswerJsonSchema.parse(JSON.parse(stdout));
    expect(parsed.results[0]?.source).toEqual({ id: 'harbour', title: 'Harbour news' });
    expect(parsed.results[0]?.passage).toBe('harbour#1');
  });

  // One test per case, each its own process and its own time budget on a loaded machine.
  it.each([[['--json']], [['--top', 'zero', 'q']], [['--bogus', 'q']], [['--json', '--jsonl', 'q']], [['--corpus', '/nonexistent-dir', 'q']]])(
    'rejects bad arguments (%j) with a message on stderr, nothing on stdout and a non-zero exit',
    async (args) => {
      const { stdout, stderr, code } = await ask(args, '');
      expect(code, args.join(' ')).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^ask: /);
    },
  );

  it('reports a bad corpus file on stderr and still answers from the rest', async () => {
    const dir = tempCorpus([article('good', 'Good', 'The lighthouse keeper retired after forty years of service on the island.')]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/broken.md`, '---\npublisher: Nobody\n---\nNo title here.\n');
    const { stdout, stderr, code } = await ask(['--json', '--corpus', dir, 'lighthouse keeper retired']);
    expect(code).toBe(0);
    expect(stderr).toContain('broken.md: title');
    expect(JSON.parse(stdout).results[0].source.id).toBe('good');
  });
});
