/**
 * Registering the commands with Discord, only when what Discord has differs from the definitions.
 * `registrationPlan` says which commands go where (global; moderator commands only in configured
 * guilds; everything in one guild while developing); `commandDifferences` compares one scope's
 * definitions with what Discord returns; `registerCommands` reads, compares and PUTs. A failure is
 * logged and never stops the bot from answering.
 */
import { Routes, type REST } from 'discord.js';
import type { Logger } from '../logger.ts';
import type { Command, CommandData } from './command.ts';

/** One PUT: a list of commands for the global scope or one guild. */
export type RegistrationTarget = { readonly guildId: string | null; readonly commands: readonly CommandData[] };

/**
 * Where each command is registered. With `devGuildId`, everything goes to that guild (instant
 * while developing). Otherwise global commands go global, and `configured-guilds` commands (issue 5's
 * moderator commands) go to each of `configuredGuildIds`.
 */
export function registrationPlan(commands: readonly Command[], options: { devGuildId?: string | undefined; configuredGuildIds?: readonly string[] } = {}): RegistrationTarget[] {
  if (options.devGuildId) return [{ guildId: options.devGuildId, commands: commands.map((c) => c.data) }];
  const global: RegistrationTarget = { guildId: null, commands: commands.filter((c) => c.scope === 'global').map((c) => c.data) };
  const guildOnly = commands.filter((c) => c.scope === 'configured-guilds').map((c) => c.data);
  return [global, ...(guildOnly.length > 0 ? (options.configuredGuildIds ?? []).map((guildId) => ({ guildId, commands: guildOnly })) : [])];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An option as compared: Discord's defaults filled in, fields it adds (localizations…) left out. */
function normalizeOption(option: Record<string, unknown>): Json {
  const normalized: Record<string, Json> = {
    type: Number(option.type),
    name: String(option.name),
    description: String(option.description ?? ''),
    required: option.required === true,
    autocomplete: option.autocomplete === true,
  };
  for (const key of ['min_length', 'max_length', 'min_value', 'max_value', 'channel_types'] as const) {
    if (option[key] !== undefined && option[key] !== null) normalized[key] = option[key] as Json;
  }
  if (Array.isArray(option.choices) && option.choices.length > 0) {
    normalized.choices = option.choices.map((c: Record<string, unknown>) => ({ name: String(c.name), value: c.value as Json }));
  }
  if (Array.isArray(option.options) && option.options.length > 0) normalized.options = option.options.map(normalizeOption);
  return normalized;
}

/** A command as compared; `contexts` and `integration_types` only when Verbatim sets them. */
function normalizeCommand(command: Record<string, unknown>, compareScopes: { contexts: boolean; integrationTypes: boolean }): Json {
  const normalized: Record<string, Json> = {
    type: Number(command.type ?? 1),
    name: String(command.name),
    description: String(command.description ?? ''),
    options: Array.isArray(command.options) ? command.options.map(normalizeOption) : [],
    default_member_permissions: (command.default_member_permissions as string | null | undefined) ?? null,
    nsfw: command.nsfw === true,
  };
  if (compareScopes.contexts) normalized.contexts = (command.contexts as Json) ?? null;
  if (compareScopes.integrationTypes) normalized.integration_types = (command.integration_types as Json) ?? null;
  return normalized;
}

const keyOf = (command: Record<string, unknown>): string => `${Number(command.type ?? 1)}:${String(command.name)}`;
const shown = (command: Record<string, unknown>): string => (Number(command.type ?? 1) === 1 ? `/${String(command.name)}` : `“${String(command.name)}”`);

/**
 * What differs between the definitions and what Discord has for one scope, one line per command
 * ("/ask changed", "/old removed"); empty when registering would change nothing.
 */
export function commandDifferences(desired: readonly CommandData[], existing: readonly unknown[]): string[] {
  const current = new Map(existing.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null).map((c) => [keyOf(c), c]));
  const differences: string[] = [];
  for (const command of desired as readonly Record<string, unknown>[]) {
    const scopes = { contexts: command.contexts !== undefined, integrationTypes: command.integration_types !== undefined };
    const have = current.get(keyOf(command));
    current.delete(keyOf(command));
    if (!have) differences.push(`${shown(command)} added`);
    else if (JSON.stringify(normalizeCommand(command, scopes)) !== JSON.stringify(normalizeCommand(have, scopes))) differences.push(`${shown(command)} changed`);
  }
  for (const left of current.values()) differences.push(`${shown(left)} removed`);
  return differences;
}

/** What registering did for one target. */
export type RegistrationOutcome = {
  readonly scope: string;
  readonly status: 'unchanged' | 'registered' | 'failed';
  readonly differences: readonly string[];
};

/** Reads each target's commands from Discord and PUTs the definitions where they differ (all, with `force`). Never throws. */
export async function registerCommands(rest: REST, applicationId: string, plan: readonly RegistrationTarget[], logger: Logger, options: { force?: boolean } = {}): Promise<RegistrationOutcome[]> {
  const outcomes: RegistrationOutcome[] = [];
  for (const target of plan) {
    const route = target.guildId ? Routes.applicationGuildCommands(applicationId, target.guildId) : Routes.applicationCommands(applicationId);
    const scope = target.guildId ? `guild ${target.guildId}` : 'global';
    let differences: string[];
    try {
      const existing = (await rest.get(route)) as unknown[];
      differences = commandDifferences(target.commands, Array.isArray(existing) ? existing : []);
    } catch (error) {
      logger.warn({ err: error, scope }, 'could not read the registered commands; registering them anyway');
      differences = ['unknown'];
    }
    if (differences.length === 0 && !options.force) {
      logger.info({ scope, commands: target.commands.length }, 'commands already registered');
      outcomes.push({ scope, status: 'unchanged', differences });
      continue;
    }
    try {
      await rest.put(route, { body: target.commands });
      logger.info({ scope, differences }, 'commands registered');
      outcomes.push({ scope, status: 'registered', differences });
    } catch (error) {
      logger.error({ err: error, scope }, 'command registration failed; the bot keeps answering the commands Discord already has');
      outcomes.push({ scope, status: 'failed', differences });
    }
  }
  return outcomes;
}
