import { createInterface } from 'node:readline';
import { answerQuestion } from '../core/answer.ts';
import { renderAnswerText, sourceLabel } from '../core/render-text.ts';
import type { PassageIndex } from '../core/search-index.ts';

const HELP = `Verbatim answers questions about the news story in its corpus with the articles' own words:
every line it shows is quoted verbatim from an article, with its source. It never paraphrases.

  /ask <question>   the passages that answer it (or just type the question)
  /sources          the articles in the corpus
  /help             this text
  /quit             leave (Ctrl-D works too)`;

/** Answers one console line; returns the text to print. */
export function runConsoleLine(index: PassageIndex, line: string): string {
  const text = line.trim();
  if (!text) return '';
  const [command, ...rest] = text.split(/\s+/);
  const argument = rest.join(' ');
  switch (command) {
    case '/help':
      return HELP;
    case '/sources':
      return index
        .articles()
        .map((a, i) => `${i + 1}. ${sourceLabel(a)} — ${index.passagesOf(a.id).length} passages (${a.id})`)
        .join('\n');
    case '/ask':
      return argument ? renderAnswerText(answerQuestion(index, argument)) : 'Usage: /ask <question>';
    default:
      if (command?.startsWith('/')) return `Unknown command ${command}. Type /help for the commands.`;
      return renderAnswerText(answerQuestion(index, text));
  }
}

/** The local console: a prompt that answers the same commands as the bot, against the loaded corpus. */
export async function runConsole(index: PassageIndex, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output, terminal: interactive, prompt: 'verbatim> ' });
  if (interactive) {
    output.write(`Verbatim console — ${index.articleCount} articles, ${index.passageCount} passages. Type a question, or /help.\n`);
    rl.prompt();
  }
  for await (const line of rl) {
    if (line.trim() === '/quit' || line.trim() === '/exit') break;
    const reply = runConsoleLine(index, line);
    if (reply) output.write(`${reply}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
