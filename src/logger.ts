import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

const REDACTED = '[redacted]';

/**
 * Object paths that may hold a secret. pino replaces their values before a line is written.
 * discord.js never logs the token itself, but a config object or request headers might end up in a log call.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
];

export type LoggerOptions = {
  readonly level: LevelWithSilent;
  /** Secrets scrubbed from every string logged (the bot token), wherever they appear. */
  readonly secrets?: readonly string[];
  /** Where lines go; default stderr, so the console's stdout stays clean. */
  readonly destination?: DestinationStream;
};

/**
 * The one logger: JSON lines (pino) on stderr, token redacted both by key and by value.
 * Pipe through `pino-pretty` to read them comfortably while developing.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const scrub = (text: string): string => secrets.reduce((t, secret) => t.replaceAll(secret, REDACTED), text);
  return pino(
    {
      name: 'verbatim',
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      hooks: {
        // Messages are free text (discord.js debug lines, error messages): scrub the secret's value itself.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
      serializers: {
        err: (error: unknown) => {
          const serialized = pino.stdSerializers.err(error as Error);
          return secrets.length === 0 ? serialized : JSON.parse(scrub(JSON.stringify(serialized)));
        },
      },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
