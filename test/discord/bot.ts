/**
 * Starts Verbatim through its own start-up code (`main` in src/index.ts), pointed at the local
 * Discord stand-in by DISCORD_API_URL, with its log lines captured for assertions.
 */
import { afterEach } from 'vitest';
import { main, type Running, type StartOverrides } from '../../src/index.ts';
import { startDiscordStandIn, type DiscordStandIn, type StandInOptions } from '../support/discord-stand-in/index.ts';
import { FIXTURE_CORPUS_DIR } from './support.ts';

export type LogLine = { level: number; msg: string; [key: string]: unknown };

export type BotUnderTest = {
  readonly standIn: DiscordStandIn;
  readonly running: Running;
  readonly logs: LogLine[];
  /** Stops the bot, then the stand-in (always both). */
  readonly close: () => Promise<void>;
};

export type StartBotOptions = {
  readonly env?: Record<string, string>;
  readonly standIn?: StandInOptions | DiscordStandIn;
  readonly overrides?: StartOverrides;
};

const isStandIn = (value: StandInOptions | DiscordStandIn | undefined): value is DiscordStandIn => value !== undefined && 'apiUrl' in value;

/** A running bot on the fixture corpus, no cooldown, logs at debug. Pass a stand-in to reuse one. */
export async function startBot(options: StartBotOptions = {}): Promise<BotUnderTest> {
  const standIn = isStandIn(options.standIn) ? options.standIn : await startDiscordStandIn(options.standIn);
  const logs: LogLine[] = [];
  const logDestination = { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) };
  const env = {
    DISCORD_TOKEN: standIn.token,
    DISCORD_API_URL: standIn.apiUrl,
    CORPUS_DIR: FIXTURE_CORPUS_DIR,
    LOG_LEVEL: 'debug',
    ASK_COOLDOWN_SECONDS: '0',
    ...options.env,
  };
  let running: Running;
  try {
    running = await main(env, { logDestination, ...options.overrides });
  } catch (error) {
    if (!isStandIn(options.standIn)) await standIn.close();
    throw error;
  }
  return {
    standIn,
    running,
    logs,
    close: async () => {
      await running.stop();
      if (!isStandIn(options.standIn)) await standIn.close();
    },
  };
}

/** A user other than the stand-in's default, so cooldowns of one test do not touch another. */
export function someone(id: string) {
  return { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
}

/**
 * For test files that start a bot (or a bare stand-in) per test: what they start is closed after
 * each test, last started first.
 */
export function perTestBots(): {
  bot: (...args: Parameters<typeof startBot>) => Promise<BotUnderTest>;
  standIn: () => Promise<DiscordStandIn>;
  /** Anything else to undo after the test (a child process…). */
  onCleanup: (cleanup: () => Promise<void>) => void;
} {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    onCleanup: (cleanup) => {
      cleanups.push(cleanup);
    },
    bot: async (...args) => {
      const started = await startBot(...args);
      cleanups.push(started.close);
      return started;
    },
    standIn: async () => {
      const s = await startDiscordStandIn();
      cleanups.push(() => s.close());
      return s;
    },
  };
}
