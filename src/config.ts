import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

/** Levels pino knows, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A comma-separated list ("a, b,c"), each item checked by `item`; empty items are ignored. */
const commaList = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item));

const Snowflake = z.string().regex(/^\d{17,20}$/, 'must be ids of 17–20 digits, separated by commas');

/** Discord's attachment hosts: an attachment is downloaded only from these. */
export const DEFAULT_DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'] as const;

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
  /**
   * REST API base as discord.js's `rest.api` takes it; the gateway URL comes from its GET /gateway/bot.
   * discord.js appends the API version itself, so a URL given with one ("…/api/v10") is taken without it.
   */
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
    .transform((url) => url.replace(/\/+$/, '').replace(/\/v\d+$/, ''))
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
  /** Guilds where moderators curate the corpus; /corpus is registered only there. Unset: nobody can. */
  CURATOR_GUILD_IDS: commaList(Snowflake).default([]),
  /** Roles whose members may curate besides those with Manage Server. */
  MODERATOR_ROLE_IDS: commaList(Snowflake).default([]),
  /** Largest article a moderator may add, in KB of UTF-8 text (and of an uploaded file). */
  MAX_ARTICLE_KB: z.coerce
    .number({ error: 'must be a number of KB' })
    .int('must be a whole number of KB')
    .min(1, 'must be at least 1')
    .max(10_240, 'must be at most 10240')
    .default(200),
  /**
   * Exact non-public addresses links and downloads may reach (tests: 127.0.0.1). Unset — the only
   * setting for a real deployment — allows public internet addresses only.
   */
  FETCH_ALLOW_PRIVATE_ADDRESSES: commaList(z.string().refine((value) => isIP(value) !== 0, 'must be IP addresses, separated by commas')).default([]),
  /** Hosts attachments are downloaded from (default Discord's CDN; tests name the stand-in's). */
  DISCORD_CDN_HOSTS: commaList(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i, 'must be host names, separated by commas').transform((host) => host.toLowerCase())).default([...DEFAULT_DISCORD_CDN_HOSTS]),
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
    // A list's item problem names the variable, not the item's position in it.
    const key = String(issue.path[0] ?? '');
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
