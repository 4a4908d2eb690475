/**
 * The Discord side of start-up: a discord.js client with the Guilds intent only (interactions
 * carry everything Verbatim reads, so no privileged intent such as MessageContent), the router on
 * every interaction, logs for the connection's life, registration once ready, graceful shutdown.
 */
import { Client, Events, GatewayIntentBits, Routes, type ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';
import type { PassageIndex } from '../core/search-index.ts';
import type { Logger } from '../logger.ts';
import type { Command } from './command.ts';
import { Cooldown } from './cooldown.ts';
import type { Curation } from './curation/context.ts';
import { fillInteractionDefaults } from './interaction-defaults.ts';
import { registerCommands, registrationPlan } from './registration.ts';
import { createRouter } from './router.ts';

/** How long `stop` waits for discord.js to close the gateway before giving up on it. */
const DESTROY_TIMEOUT_MS = 3000;

export type DiscordBot = {
  readonly client: Client<true>;
  /** Settles when registration at start-up is over (tests wait on it). */
  readonly registered: Promise<void>;
  readonly stop: () => Promise<void>;
  /** Settles after `stop`. */
  readonly done: Promise<void>;
};

export type StartDiscordOptions = {
  readonly config: Config;
  readonly token: string;
  readonly index: PassageIndex;
  readonly commands: readonly Command[];
  readonly logger: Logger;
  readonly clientOptions?: Partial<ClientOptions> | undefined;
  readonly deferAfterMs?: number | undefined;
  /** Corpus curation: /corpus is registered in CURATOR_GUILD_IDS and served from this. */
  readonly curation?: Curation | undefined;
};

/** Registers the commands if they changed; never throws (a failure is logged, the bot keeps answering). */
async function registerAtStartUp(client: Client<true>, options: StartDiscordOptions): Promise<void> {
  try {
    // READY carries the application; ask the API only if it did not.
    const applicationId = client.application?.id ?? ((await client.rest.get(Routes.currentApplication())) as { id: string }).id;
    await registerCommands(client.rest, applicationId, registrationPlan(options.commands, { devGuildId: options.config.DISCORD_GUILD_ID, configuredGuildIds: options.config.CURATOR_GUILD_IDS }), options.logger);
  } catch (error) {
    options.logger.error({ err: error }, 'command registration failed; the bot keeps answering the commands Discord already has');
  }
}

/** Logs in, waits until ready, registers the commands if they changed, and serves interactions. */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const { config, logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Every reply sets allowed_mentions itself; this is the safety net for anything that would not.
    allowedMentions: { parse: [] },
    ...options.clientOptions,
    rest: { ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), ...options.clientOptions?.rest },
  });

  const cooldowns = new Map([['ask', new Cooldown(config.ASK_COOLDOWN_SECONDS * 1000)]]);
  const route = createRouter({ commands: options.commands, index: options.index, logger, cooldowns, deferAfterMs: options.deferAfterMs, curation: options.curation });
  client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
    if (packet.t === 'INTERACTION_CREATE' && packet.d && typeof packet.d === 'object') fillInteractionDefaults(packet.d as Record<string, unknown>);
  });
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.Debug, (message) => logger.trace(message));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway session resumed'));
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, 'gateway session ready'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited by Discord'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(options.token);
  const readyClient = await ready;
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'connected to Discord');

  const registered = config.REGISTER_COMMANDS ? registerAtStartUp(readyClient, options) : Promise.resolve();

  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), DESTROY_TIMEOUT_MS);
      });
      const destroyed = await Promise.race([client.destroy().then(() => true), timedOut]);
      clearTimeout(timer);
      if (!destroyed) logger.warn('the gateway did not close in time; stopping anyway');
      logger.info('disconnected from Discord');
      finish();
    })();
    return stopping;
  };
  return { client: readyClient, registered, stop, done };
}
