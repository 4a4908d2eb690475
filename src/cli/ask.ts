/**
 * `npm run --silent ask -- [--json | --jsonl] [--top N] [--corpus DIR] "question"`
 * Answers from the corpus with verbatim passages. In --json/--jsonl modes only JSON goes to stdout;
 * diagnostics go to stderr. Bad arguments: a message and exit code 2.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerQuestion } from '../core/answer.ts';
import { answerToJson } from '../core/answer-json.ts';
import { openCorpus } from './open-corpus.ts';
import { renderAnswerText } from '../core/render-text.ts';
import { endProcess } from '../end-process.ts';

const USAGE = `usage: npm run --silent ask -- [--json | --jsonl] [--top N] [--corpus DIR] "question"
  --json        print one JSON object: {"query", "results": [...], "related"?: [...]}
  --jsonl       read one question per line from stdin, write one JSON object per line
  --top N       how many results (1–20, default 3)
  --corpus DIR  answer from another corpus directory (default: the bundled corpus/)`;

function fail(message: string): never {
  process.stderr.write(`ask: ${message}\n${USAGE}\n`);
  endProcess(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      top: { type: 'string' },
      corpus: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  endProcess(0);
}
if (values.json && values.jsonl) fail('--json and --jsonl cannot be used together');
const top = values.top === undefined ? 3 : Number(values.top);
if (!Number.isInteger(top) || top < 1 || top > 20) fail(`--top must be a whole number from 1 to 20, not "${values.top}"`);
const question = positionals.join(' ').trim();
if (values.jsonl && question) fail('--jsonl reads questions from stdin; do not also give one as an argument');
if (!values.jsonl && !question) fail('a question is required');

const index = openCorpus(values.corpus, fail);

if (values.jsonl) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(answerToJson(answerQuestion(index, line.trim(), { top })))}\n`);
  }
} else {
  const answer = answerQuestion(index, question, { top });
  process.stdout.write(values.json ? `${JSON.stringify(answerToJson(answer))}\n` : `${renderAnswerText(answer)}\n`);
}
