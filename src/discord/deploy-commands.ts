/**
 * `npm run deploy-commands [-- --guild ID] [--force]` — registers Verbatim's commands with Discord:
 * globally (they may take a while to appear everywhere), or in one guild (at once; for development).
 * Only what differs from Discord's copy is sent, unless --force. Reads DISCORD_TOKEN (and
 * DISCORD_API_URL) from the environment or `.env`. Exit code 0 when done, 1 when Discord refused,
 * 2 for bad arguments or settings.
 */
import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { COMMANDS } from '../../commands/index.ts';
import { configErrorMessage, parseConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { registerCommands, registrationPlan } from './registration.ts';
import { endProcess } from '../end-process.ts';

const USAGE = `usage: npm run deploy-commands -- [--guild ID] [--force]
  --guild ID   register in this guild only (shows at once; for development)
  --force      register even when Discord already has the same definitions`;

function fail(message: string): never {
  process.stderr.write(`deploy-commands: ${message}\n${USAGE}\n`);
  endProcess(2);
}

let args;
try {
  args = parseArgs({ options: { guild: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  endProcess(0);
}
if (args.guild !== undefined && !/^\d{17,20}$/.test(args.guild)) fail(`--guild must be a guild id (17–20 digits), not "${args.guild}"`);

const env = { ...process.env };
loadDotenv({ quiet: true, processEnv: env });
const parsed = parseConfig(env);
if (!parsed.ok) {
  process.stderr.write(configErrorMessage(parsed.problems));
  endProcess(2);
}
const { config } = parsed;
if (!config.DISCORD_TOKEN) fail('DISCORD_TOKEN is not set (environment or .env)');

const logger = createLogger({ level: config.LOG_LEVEL ?? 'info', secrets: [config.DISCORD_TOKEN] });
const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
let applicationId: string;
try {
  applicationId = ((await rest.get(Routes.currentApplication())) as { id: string }).id;
} catch (error) {
  logger.error({ err: error }, 'could not read the application (is DISCORD_TOKEN right?)');
  endProcess(1);
}

const guildId = args.guild ?? config.DISCORD_GUILD_ID;
// The moderators' /corpus goes to CURATOR_GUILD_IDS only (or, while developing, with the rest to --guild).
const plan = registrationPlan(COMMANDS, { devGuildId: guildId, configuredGuildIds: config.CURATOR_GUILD_IDS });
const outcomes = await registerCommands(rest, applicationId, plan, logger, { force: args.force });
for (const [i, outcome] of outcomes.entries()) {
  const what = outcome.scope === 'global' ? 'globally' : `in ${outcome.scope}`;
  const line = {
    unchanged: `Commands already up to date ${what}.`,
    registered: `Registered ${plan[i]?.commands.length ?? 0} commands ${what}${outcome.scope === 'global' ? ' (Discord may take a while to show changes everywhere)' : ''}.`,
    failed: `Discord refused the commands ${what}; see the log above.`,
  }[outcome.status];
  process.stdout.write(`${line}\n`);
}
endProcess(outcomes.some((o) => o.status === 'failed') ? 1 : 0);
