/**
 * `npm run corpus -- <command>`: the operators' side of corpus curation, on the same code path as
 * the Discord commands (CorpusService → FileCorpusStore → the index).
 *
 *   add FILE_OR_URL [--title T] [--publisher P] [--url U] [--published DATE] [--corpus DIR]
 *   remove ID [--corpus DIR]
 *   list [--json] [--corpus DIR]
 *
 * Exit codes: 0 done, 1 refused (the message says why; the corpus is untouched), 2 bad arguments.
 */
import { existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusService } from '../core/corpus-service.ts';
import { articleInputFromPath } from '../core/ingest/from-file.ts';
import type { MetadataOverrides } from '../core/ingest/from-text.ts';
import { BUNDLED_CORPUS_DIR } from '../core/load-corpus.ts';
import type { ArticleProblem } from '../core/new-article.ts';
import { sourceLabel } from '../core/render-text.ts';
import { FileCorpusStore } from '../core/store/file-corpus-store.ts';
import { endProcess } from '../end-process.ts';

const USAGE = `usage: npm run corpus -- <command> [options]
  add FILE_OR_URL [--title T] [--publisher P] [--url U] [--published YYYY-MM-DD] [--corpus DIR]
      FILE: .txt (first line is the title unless --title), .md (front-matter or "# Title"), .html;
      with no extension, read as a page or as text by how it opens
  remove ID [--corpus DIR]
  list [--json] [--corpus DIR]`;

function usage(message: string): never {
  process.stderr.write(`corpus: ${message}\n${USAGE}\n`);
  endProcess(2);
}

function refuse(message: string): never {
  process.stderr.write(`corpus: ${message}\nThe corpus was not changed.\n`);
  endProcess(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      published: { type: 'string' },
      corpus: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  endProcess(0);
}
const [command, ...rest] = positionals;
const dir = resolve(values.corpus ?? BUNDLED_CORPUS_DIR);
if (!existsSync(dir) || !statSync(dir).isDirectory()) usage(`--corpus: "${values.corpus}" is not a directory`);
const actor = { userName: `cli:${safeUserName()}` };

const { service, corpus } = await CorpusService.open(new FileCorpusStore(dir));
for (const problem of corpus.errors) process.stderr.write(`corpus: skipped ${problem.file}: ${problem.field} ${problem.message}\n`);

switch (command) {
  case 'add': {
    if (rest.length !== 1) usage('add takes exactly one FILE_OR_URL');
    const overrides: MetadataOverrides = { title: values.title, publisher: values.publisher, url: values.url, published: values.published };
    const input = await articleInputFromPath(rest[0] as string, overrides);
    if (!input.ok) refuse(input.error.message);
    const prepared = service.preview(input.value);
    if (!prepared.ok) refuse(describeProblems(prepared.error));
    const written = await service.write(prepared.value, actor);
    if (!written.ok) refuse(written.error.message);
    const { article, passages, nearDuplicates } = prepared.value;
    process.stdout.write(`added ${article.id}: ${sourceLabel(article)} — ${plural(passages.length, 'passage')}\n`);
    for (const near of nearDuplicates) process.stderr.write(`corpus: note: much like "${near.title}" (${near.id}), ${Math.round(near.similarity * 100)}% shared wording\n`);
    break;
  }
  case 'remove': {
    if (rest.length !== 1) usage('remove takes exactly one article ID');
    const removed = await service.remove(rest[0] as string, actor);
    if (!removed.ok) refuse(removed.error.message);
    process.stdout.write(`removed ${rest[0]}\n`);
    break;
  }
  case 'list': {
    if (rest.length !== 0) usage('list takes no arguments');
    const articles = service.index.articles().map((a) => ({
      id: a.id,
      title: a.title,
      ...(a.publisher ? { publisher: a.publisher } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.published ? { published: a.published } : {}),
      passages: service.index.passagesOf(a.id).length,
    }));
    if (values.json) process.stdout.write(`${JSON.stringify(articles)}\n`);
    else for (const a of articles) process.stdout.write(`${a.id}\t${plural(a.passages, 'passage')}\t${sourceLabel(a)}\n`);
    break;
  }
  case undefined:
    usage('a command is required');
  default:
    usage(`unknown command "${command}"`);
}

function describeProblems(problems: readonly ArticleProblem[]): string {
  return problems.map((p) => p.message).join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

