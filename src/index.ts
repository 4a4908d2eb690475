/**
 * Verbatim's entry point (`npm start`). The flow: read the config → open the corpus (its store and
 * the live index of its passages, which moderators' changes update in place) → with a
 * DISCORD_TOKEN, serve Discord; without one, open the local console.
 *
 * `main` is the whole start-up, so tests (and `npm run bench`) start the bot exactly as `npm start`
 * does, pointed at a local Discord stand-in by DISCORD_API_URL.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import type { ClientOptions } from 'discord.js';
import type { DestinationStream } from 'pino';
import { COMMANDS } from '../commands/index.ts';
import type { Command } from './discord/command.ts';
import type { DiscordBot } from './discord/client.ts';
import { configErrorMessage, parseConfig } from './config.ts';
import { runConsole } from './console/console.ts';
import { answerQuestion } from './core/answer.ts';
import { CorpusService } from './core/corpus-service.ts';
import { BUNDLED_CORPUS_DIR } from './core/load-corpus.ts';
import { FileCorpusStore } from './core/store/file-corpus-store.ts';
import { warmUpLanguageData } from './core/warm-up.ts';
import { articleLimitsFrom, createCuration, type Curation } from './discord/curation/context.ts';
import { createLogger, type Logger } from './logger.ts';
import { endProcess } from './end-process.ts';

/** What tests and the bench may change about start-up; `npm start` uses none of it. */
export type StartOverrides = {
  /** Where log lines go (default stderr). */
  readonly logDestination?: DestinationStream;
  /** Extra discord.js Client options (tests: an instant identify throttler). */
  readonly clientOptions?: Partial<ClientOptions>;
  /** Console streams (default stdin/stdout). */
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  /** Defer an interaction whose work runs longer than this (default `REPLY_OPTIONS.deferAfterMs`). */
  readonly deferAfterMs?: number;
  /** The commands to serve (default `COMMANDS`; tests add one that fails). */
  readonly commands?: readonly Command[];
};

/** A started Verbatim: `stop` shuts it down gracefully; `done` settles when it ends by itself. */
export type Running = {
  readonly mode: 'discord' | 'console';
  readonly logger: Logger;
  readonly stop: () => Promise<void>;
  readonly done: Promise<void>;
  /** The Discord client and its start-up registration, in Discord mode. */
  readonly discord?: DiscordBot;
  /** The corpus as moderators change it (its `service.index` answers every question). */
  readonly curation: Curation;
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(configErrorMessage(problems));
    this.name = 'ConfigError';
  }
}

export async function main(env: NodeJS.ProcessEnv, overrides: StartOverrides = {}): Promise<Running> {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  const { config } = parsed;
  const logger = createLogger({ level: config.LOG_LEVEL ?? (config.DISCORD_TOKEN ? 'info' : 'warn'), secrets: config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : [], destination: overrides.logDestination });

  const corpusDir = config.CORPUS_DIR ?? BUNDLED_CORPUS_DIR;
  // One index for the life of the process: every command answers from it, and curation changes it
  // in place (no rebuild), so the next question sees a change at once.
  const { service, corpus } = await CorpusService.open(new FileCorpusStore(corpusDir), articleLimitsFrom(config));
  for (const problem of corpus.errors) logger.warn({ file: problem.file, field: problem.field }, `corpus: skipped ${problem.file}: ${problem.field} ${problem.message}`);
  for (const problem of corpus.warnings) logger.warn({ file: problem.file, field: problem.field }, `corpus: ${problem.file}: ${problem.field} ${problem.message}`);
  const { index } = service;
  const curation = createCuration(service, config);
  // Word lists load on first use; pay that now, not on someone's first question.
  const warmStart = performance.now();
  warmUpLanguageData();
  answerQuestion(index, 'Where is the data stored?');
  logger.info({ articles: index.articleCount, passages: index.passageCount, warmUpMs: Math.round(performance.now() - warmStart) }, 'corpus indexed');

  const commands = overrides.commands ?? COMMANDS;
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import('./discord/client.ts'); // discord.js loads only when it is needed
    if (config.CURATOR_GUILD_IDS.length === 0) logger.info('CURATOR_GUILD_IDS is not set: /corpus is registered nowhere, and nobody can change the corpus from Discord');
    const bot = await startDiscord({ config, token: config.DISCORD_TOKEN, index, commands, logger, clientOptions: overrides.clientOptions, deferAfterMs: overrides.deferAfterMs, curation });
    return { mode: 'discord', logger, stop: bot.stop, done: bot.done, discord: bot, curation };
  }
  if (env.DISCORD_API_URL) logger.warn('DISCORD_API_URL is set but DISCORD_TOKEN is not: opening the local console');
  const console = runConsole(index, commands, { input: overrides.input, output: overrides.output, curation });
  return { mode: 'console', logger, stop: async () => console.close(), done: console.done, curation };
}

/** Stops on SIGINT/SIGTERM (graceful: the gateway is closed, then the process exits). */
function stopOnSignals(running: Running): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    running.logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => endProcess(0),
      (error: unknown) => {
        running.logger.error({ err: error }, 'shutdown failed');
        endProcess(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A promise nobody awaited must not take the bot down with it: log it and keep serving.
  process.on('unhandledRejection', (reason) => running.logger.error({ err: reason }, 'unhandled rejection'));
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  const env = { ...process.env };
  loadDotenv({ quiet: true, processEnv: env }); // .env fills what the environment leaves unset
  try {
    const running = await main(env);
    stopOnSignals(running);
    await running.done;
    endProcess(0);
  } catch (error) {
    process.stderr.write(error instanceof ConfigError ? error.message : `Verbatim could not start: ${(error as Error).stack ?? String(error)}\n`);
    endProcess(1);
  }
}
