import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';

/** Levels pino knows, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Every setting, from the environment (and `.env`); `.env.example` documents each one.
 * A bad value stops start-up naming the variable; a missing `DISCORD_TOKEN` chooses the local console.
 */
export const ConfigSchema = z.object({
  /** The bot token. Unset: `npm start` opens the local console instead of connecting to Discord. */
  DISCORD_TOKEN: z
    .string()
    .trim()
    .regex(/^\S+$/, 'must be the bot token, without spaces or quotes')
    .optional(),
  /** REST API base exactly as discord.js's `rest.api` takes it; the gateway URL comes from its GET /gateway/bot. */
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Register the commands in this guild only (instant; for development) instead of globally. */
  DISCORD_GUILD_ID: z.string().regex(/^\d{17,20}$/, 'must be a guild id (17–20 digits)').optional(),
  /** Register the commands at start-up when they differ from what Discord has (default true). */
  REGISTER_COMMANDS: Flag.default(true),
  /** The corpus directory; default the bundled `corpus/`. */
  CORPUS_DIR: z
    .string()
    .trim()
    .refine((dir) => existsSync(dir) && statSync(dir).isDirectory(), 'must be an existing directory')
    .optional(),
  /** Default: info with Discord; warn in the console, so its terminal stays readable. */
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  /** Seconds a member waits between two /ask (0 turns the cooldown off). */
  ASK_COOLDOWN_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(0, 'must be 0 or more')
    .max(3600, 'must be at most 3600')
    .default(3),
});
export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses the environment; empty strings count as unset, as `.env.example` leaves them. Lists every problem. */
export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const known = new Set(Object.keys(ConfigSchema.shape));
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => known.has(k) && v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problem = (issue: z.core.$ZodIssue): string => {
    const key = issue.path.join('.');
    // The offending value helps, except for the secret.
    const shown = key === 'DISCORD_TOKEN' ? '' : ` (got "${present[key]}")`;
    return `${key}: ${issue.message}${shown}`;
  };
  return { ok: false, problems: parsed.error.issues.map(problem) };
}

/** The one message a bad configuration stops start-up with. */
export function configErrorMessage(problems: readonly string[]): string {
  return `Verbatim cannot start; fix these settings (environment or .env, see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`;
}
