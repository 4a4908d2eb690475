/**
 * The local console (`npm start` without a DISCORD_TOKEN): the same commands, the same handlers,
 * the same replies as on Discord, printed as text. Only the transport differs — a line typed here
 * is what an interaction is on Discord, and a button is pressed by typing its label (`/more`).
 */
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { PassageIndex } from '../core/search-index.ts';
import { pressButton } from '../discord/buttons.ts';
import { subcommandsOf, type Command, type CommandContext, type Invoker, type LeafOptionData, type Outcome, type RawOptions, type SlashCommandData } from '../discord/command.ts';
import type { Curation } from '../discord/curation/context.ts';
import { decodeButton } from '../discord/custom-id.ts';
import { notice } from '../discord/messages.ts';
import { isForm, prepareReply, type MessageBody, type Reply } from '../discord/reply.ts';
import { buttonCommand, replyToText } from './text.ts';

const CONSOLE_HELP = `In this console: type a question (or /ask <question> count:2 source:<article-id> private:true),
/sources, /source <article-id> paragraph:3, /find <text> (Find sources), /help, /quit.
Buttons are typed as commands: [More] is /more, [Context 1] is /context 1.
The corpus: /corpus list, /corpus history, /corpus synonym list (change it with npm run corpus, or on Discord).`;

/** A message context-menu command is typed as `/find <text>` here. */
const MESSAGE_COMMAND_ALIASES: Readonly<Record<string, string>> = { find: 'Find sources' };

export type ConsoleOptions = {
  /** ANSI bold and dim (on for a terminal). */
  readonly styled?: boolean;
  /** The clock for "time taken" (tests pin it). */
  readonly now?: () => number;
  /** Corpus curation: the console may list the articles and show the history (`/corpus list`, `/corpus history`). */
  readonly curation?: Curation | undefined;
};

/** Whoever types at the console: the operator, on their own machine; curation lets it read, not write. */
const CONSOLE_INVOKER: Invoker = { via: 'console', userName: 'console', roleIds: [] };

function coerce(option: LeafOptionData, text: string): unknown {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case ApplicationCommandOptionType.Boolean:
      return /^(true|yes|1)$/i.test(text) ? true : /^(false|no|0)$/i.test(text) ? false : text;
    default:
      return text;
  }
}

/**
 * Options from a console line, by the command's definition: `name:value` words set that option,
 * the other words make up the first text option (the question, the article). A command with
 * subcommands takes its subcommand first: `/corpus list page:2`, `/corpus synonym list`.
 */
export function parseConsoleOptions(data: SlashCommandData, text: string): RawOptions {
  const subcommands = subcommandsOf(data);
  if (subcommands.length > 0) {
    const words = text.split(/\s+/).filter(Boolean);
    const chosen = subcommands.find((s) => words.slice(0, s.path.split(' ').length).join(' ') === s.path);
    if (!chosen) return { subcommand: words.slice(0, 2).join(' ') };
    const rest = words.slice(chosen.path.split(' ').length).join(' ');
    return { subcommand: chosen.path, ...parseConsoleOptions({ name: data.name, description: data.description, options: chosen.data.options ?? [] }, rest) };
  }
  const options = (data.options ?? []) as readonly LeafOptionData[];
  const values: Record<string, unknown> = {};
  const free: string[] = [];
  // As in Discord's own box, a text option's value runs on to the next option ("question:who owns
  // it top:5"), and "name: value" with a space reads like "name:value".
  let open: LeafOptionData | undefined;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const named = /^([a-z_]+):(.*)$/.exec(word);
    const option = named ? options.find((o) => o.name === named[1]) : undefined;
    if (named && option) {
      const value = named[2] ?? '';
      if (value) values[option.name] = coerce(option, value);
      else delete values[option.name];
      open = option.type === ApplicationCommandOptionType.String || !value ? option : undefined;
    } else if (open && open.type === ApplicationCommandOptionType.String) {
      values[open.name] = values[open.name] === undefined ? word : `${String(values[open.name])} ${word}`;
    } else if (open) {
      values[open.name] = coerce(open, word);
      open = undefined;
    } else free.push(word);
  }
  const textOption = options.find((o) => o.type === ApplicationCommandOptionType.String && o.required) ?? options.find((o) => o.type === ApplicationCommandOptionType.String);
  if (textOption && free.length > 0 && values[textOption.name] === undefined) values[textOption.name] = free.join(' ');
  return values;
}

/** One console: answers lines, remembering the last reply so its buttons can be pressed. */
export class ConsoleSession {
  private last: MessageBody | undefined;
  private readonly styled: boolean;
  private readonly now: () => number;
  private readonly curation: Curation | undefined;

  constructor(
    private readonly index: PassageIndex,
    private readonly commands: readonly Command[],
    options: ConsoleOptions = {},
  ) {
    this.styled = options.styled ?? false;
    this.now = options.now ?? (() => performance.now());
    this.curation = options.curation;
  }

  /** The text to print for one line ('' for a blank line). */
  async answer(line: string): Promise<string> {
    const text = line.trim();
    if (!text) return '';
    const started = this.now();
    const ctx: CommandContext = { index: this.index, elapsedMs: () => this.now() - started, invoker: CONSOLE_INVOKER, curation: this.curation };
    const [word = '', ...rest] = text.split(/\s+/);
    const argument = rest.join(' ');
    if (!word.startsWith('/')) return this.show(await this.run(ctx, 'ask', text));
    const name = word.slice(1).toLowerCase();
    const button = this.buttonFor(text.toLowerCase());
    if (button) return this.press(ctx, button);
    const reply = await this.run(ctx, name, argument);
    const shown = this.show(reply);
    return name === 'help' ? `${shown}\n\n${CONSOLE_HELP}` : shown;
  }

  private async run(ctx: CommandContext, name: string, argument: string): Promise<Reply> {
    const messageCommand = MESSAGE_COMMAND_ALIASES[name];
    const command = this.commands.find((c) => (messageCommand ? c.name === messageCommand : c.kind === 'slash' && c.name === name));
    if (!command) return notice('unknown-command', { name: `/${name}` });
    const invocation = command.kind === 'slash' ? command.invoke(parseConsoleOptions(command.data, argument)) : command.invoke({ content: argument });
    const outcome: Outcome = await invocation.run(ctx);
    // Only the moderators' /corpus opens forms, and the console does not write to the corpus.
    return isForm(outcome) ? notice('curation-console-read-only', {}) : outcome;
  }

  private buttonFor(typed: string): string | undefined {
    const buttons = (this.last?.components ?? []).flatMap((row) => row.components);
    return buttons.find((b) => b.label && !b.disabled && buttonCommand(b.label) === typed.replace(/\s+/g, ' '))?.custom_id;
  }

  private async press(ctx: CommandContext, customId: string): Promise<string> {
    const state = decodeButton(customId);
    if (!state.ok) return this.show(notice('unknown-button', {}));
    return this.show(await pressButton(ctx, state.value, { embeds: this.last?.embeds ?? [], ephemeral: true }));
  }

  private show(reply: Reply): string {
    const body = prepareReply(reply);
    if (body.embeds && body.embeds.length > 0) this.last = body;
    return replyToText(body, this.styled);
  }
}

export type RunningConsole = {
  /** Settles when the input ends or /quit is typed. */
  readonly done: Promise<void>;
  readonly close: () => void;
};

/** The prompt: reads lines from `input`, prints replies on `output` (stdout; logs go to stderr). */
export function runConsole(
  index: PassageIndex,
  commands: readonly Command[],
  io: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; now?: () => number; curation?: Curation | undefined } = {},
): RunningConsole {
  const input = io.input ?? process.stdin;
  const output = io.output ?? process.stdout;
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const session = new ConsoleSession(index, commands, { styled: interactive && Boolean((output as NodeJS.WriteStream).isTTY), ...(io.now ? { now: io.now } : {}), curation: io.curation });
  const rl = createInterface({ input, output, terminal: interactive, prompt: 'verbatim> ' });
  rl.on('SIGINT', () => rl.close());
  const done = (async () => {
    if (interactive) {
      output.write(`Verbatim console — ${index.articleCount} articles, ${index.passageCount} passages. Type a question, or /help.\n`);
      rl.prompt();
    }
    for await (const line of rl) {
      if (/^\/(quit|exit)$/i.test(line.trim())) break;
      const reply = await session.answer(line);
      if (reply) output.write(`${reply}\n\n`);
      if (interactive) rl.prompt();
    }
    rl.close();
  })();
  return { done, close: () => rl.close() };
}
