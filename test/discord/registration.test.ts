import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { commandDifferences, registrationPlan } from '../../src/discord/registration.ts';

const definitions = COMMANDS.map((c) => c.data);

/** A command as Discord returns it: ids, versions, defaults and localizations filled in. */
function asDiscordReturns(data: Record<string, unknown>, i: number): Record<string, unknown> {
  return {
    id: String(1000 + i),
    application_id: '1',
    version: '2',
    type: data.type ?? 1,
    name: data.name,
    name_localizations: null,
    description: data.description ?? '',
    description_localizations: null,
    default_member_permissions: data.default_member_permissions ?? null,
    dm_permission: true,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    ...(Array.isArray(data.options)
      ? { options: data.options.map((o: Record<string, unknown>) => ({ ...o, name_localizations: null, description_localizations: null })) }
      : {}),
  };
}

describe('commandDifferences', () => {
  it('finds none between the definitions and what Discord returns for them', () => {
    expect(commandDifferences(definitions, definitions.map((d, i) => asDiscordReturns(d as Record<string, unknown>, i)))).toEqual([]);
  });

  it('names each command added, changed or removed', () => {
    const existing = definitions.slice(1).map((d, i) => asDiscordReturns(d as Record<string, unknown>, i));
    existing[0] = { ...existing[0], description: 'changed' };
    existing.push({ type: 1, name: 'old', description: 'Gone' }, { type: 3, name: 'Quote this', description: '' });
    expect(commandDifferences(definitions, existing)).toEqual(['/ask added', '/sources changed', '/old removed', '“Quote this” removed']);
  });

  it('sees a changed option limit and a changed option order', () => {
    const ask = asDiscordReturns(definitions[0] as Record<string, unknown>, 0);
    const options = ask.options as Record<string, unknown>[];
    expect(commandDifferences([definitions[0]!], [{ ...ask, options: [{ ...options[0], max_length: 200 }, ...options.slice(1)] }])).toEqual(['/ask changed']);
    expect(commandDifferences([definitions[0]!], [{ ...ask, options: [...options].reverse() }])).toEqual(['/ask changed']);
  });
});

describe('registrationPlan', () => {
  const members = COMMANDS.filter((c) => c.scope === 'global').map((c) => c.data);
  const moderators = COMMANDS.filter((c) => c.scope === 'configured-guilds').map((c) => c.data);

  it('registers everything globally, and guild-only commands (/corpus) only in the configured guilds', () => {
    expect(moderators.map((d) => d.name)).toEqual(['corpus']);
    expect(registrationPlan(COMMANDS, { configuredGuildIds: ['111111111111111111', '333333333333333333'] })).toEqual([
      { guildId: null, commands: members },
      { guildId: '111111111111111111', commands: moderators },
      { guildId: '333333333333333333', commands: moderators },
    ]);
    expect(registrationPlan(COMMANDS)).toEqual([{ guildId: null, commands: members }]);
  });

  it('registers everything in the development guild instead, when one is set', () => {
    expect(registrationPlan(COMMANDS, { devGuildId: '222222222222222222' })).toEqual([{ guildId: '222222222222222222', commands: definitions }]);
  });
});
