/**
 * End to end, under pressure: cooldowns, a handler that throws, slow work that must be deferred,
 * and registering the commands only when Discord's copy differs. Each test starts its own bot.
 */
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags, Routes } from 'discord.js';
import { COMMANDS } from '../../commands/index.ts';
import { slashCommand, type Command } from '../../src/discord/command.ts';
import { MESSAGES } from '../../src/discord/messages.ts';
import type { DiscordStandIn } from '../support/discord-stand-in/index.ts';
import { perTestBots, someone, startBot } from './bot.ts';

const { bot, standIn } = perTestBots();

const ask = (s: DiscordStandIn, question: string, user = someone('100000000000000001')) =>
  s.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }], user });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Commands that misbehave on purpose, served beside the real ones. */
const boom: Command = slashCommand({
  data: { name: 'boom', description: 'Always fails' },
  execute: () => {
    throw new Error('kaboom');
  },
});
const slow: Command = slashCommand({
  data: { name: 'slow', description: 'Takes its time' },
  execute: async () => {
    await sleep(150);
    return { embeds: [{ title: 'Worth the wait' }] };
  },
});
const slowPrivate: Command = slashCommand({
  data: { name: 'slow-private', description: 'Takes its time, then answers privately' },
  execute: async () => {
    await sleep(150);
    return { content: 'Only for you', ephemeral: true };
  },
});

describe('cooldown on /ask', () => {
  it('answers a second /ask from the same member with a private "please wait", and other members normally', async () => {
    const { standIn: s } = await bot({ env: { ASK_COOLDOWN_SECONDS: '60' } });
    const ann = someone('100000000000000011');
    expect((await s.waitForCallback(ask(s, 'When did the bridge reopen?', ann))).body).toMatchObject({ type: 4, data: { embeds: [{}] } });
    const again = await s.waitForCallback(ask(s, 'How much did it cost?', ann));
    expect(again.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { tts: false, enforce_nonce: false, content: expect.stringMatching(/^You're asking quickly! Please wait \d+ s before your next \/ask\.$/), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect((await s.waitForCallback(ask(s, 'How much did it cost?', someone('100000000000000012')))).body).toMatchObject({ type: 4, data: { embeds: [{}] } });
    // Only /ask is limited: the same member can still read the sources.
    expect((await s.waitForCallback(s.sendSlashCommand({ name: 'sources', user: ann }))).body).toMatchObject({ data: { embeds: [{ title: 'Sources — 2 articles, 6 passages' }] } });
  });
});

describe('a handler that throws', () => {
  it('gets the user a private apology with an error id, is logged with its stack, and the bot keeps serving', async () => {
    const { standIn: s, logs } = await bot({ overrides: { commands: [...COMMANDS, boom] } });
    const failed = await s.waitForCallback(s.sendSlashCommand({ name: 'boom' }));
    const logged = logs.find((l) => l.msg === 'interaction failed');
    const errorId = String(logged?.errorId);
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(logged).toMatchObject({ level: 50, interaction: { command: 'boom' }, err: { message: 'kaboom', stack: expect.stringMatching(/^Error: kaboom\n\s+at /) } });
    expect(failed.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { tts: false, enforce_nonce: false, content: MESSAGES['internal-error']({ errorId }), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect((await s.waitForCallback(ask(s, 'When did the bridge reopen?'))).body).toMatchObject({ type: 4, data: { embeds: [{}] } });
  });
});

describe('slow work', () => {
  it('is deferred (type 5) and the answer edits the original response', async () => {
    const { standIn: s } = await bot({ overrides: { commands: [...COMMANDS, slow], deferAfterMs: 20 } });
    const sent = s.sendSlashCommand({ name: 'slow' });
    expect((await s.waitForCallback(sent)).body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 0 } });
    const edit = await s.waitForRequest((r) => r.method === 'PATCH' && r.route === `/webhooks/${s.applicationId}/${sent.token}/messages/@original`);
    expect(edit.body).toEqual({ tts: false, enforce_nonce: false, embeds: [{ title: 'Worth the wait' }], allowed_mentions: { parse: [] } });
    expect(s.originalResponse(sent.id)?.embeds[0]?.title).toBe('Worth the wait');
  });

  it('answers privately with a follow-up when the deferred reply turns out private, and removes the public placeholder', async () => {
    const { standIn: s } = await bot({ overrides: { commands: [...COMMANDS, slowPrivate], deferAfterMs: 20 } });
    const sent = s.sendSlashCommand({ name: 'slow-private' });
    await s.waitForCallback(sent);
    const followUp = await s.waitForRequest((r) => r.method === 'POST' && r.route === `/webhooks/${s.applicationId}/${sent.token}`);
    expect(followUp.body).toMatchObject({ content: 'Only for you', flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    await s.waitForRequest((r) => r.method === 'DELETE' && r.route === `/webhooks/${s.applicationId}/${sent.token}/messages/@original`);
  });
});

describe('registration', () => {
  // /corpus is registered only in CURATOR_GUILD_IDS (none here); see corpus.e2e.test.ts.
  const definitions = COMMANDS.filter((c) => c.scope === 'global').map((c) => c.data);

  it('registers the commands globally at start-up, exactly as defined', async () => {
    const { standIn: s, running } = await bot();
    await running.discord?.registered;
    const put = s.requests.find((r) => r.method === 'PUT');
    expect(put?.route).toBe(`/applications/${s.applicationId}/commands`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(definitions)));
    expect(s.commands().map((c) => c.name)).toEqual(['ask', 'sources', 'source', 'help', 'Find sources']);
  });

  it('does not register again when Discord already has the same definitions', async () => {
    const s = await standIn();
    const first = await startBot({ standIn: s });
    await first.running.discord?.registered;
    await first.close();
    s.clearRequests();
    const second = await bot({ standIn: s });
    await second.running.discord?.registered;
    expect(s.requests.filter((r) => r.route.endsWith('/commands')).map((r) => r.method)).toEqual(['GET']);
    expect(second.logs.some((l) => l.msg === 'commands already registered')).toBe(true);
  });

  it('registers again when a definition differs from Discord’s copy, and says what differs', async () => {
    const s = await standIn();
    await fetch(`${s.apiUrl}/v10${Routes.applicationCommands(s.applicationId)}`, {
      method: 'PUT',
      headers: { authorization: `Bot ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([...definitions.slice(1), { name: 'ask', description: 'An older /ask' }, { name: 'summarize', description: 'Gone now' }]),
    });
    const { running, logs } = await bot({ standIn: s });
    await running.discord?.registered;
    expect(logs.find((l) => l.msg === 'commands registered')?.differences).toEqual(['/ask changed', '/summarize removed']);
    expect(s.commands().map((c) => c.name).sort()).toEqual(['Find sources', 'ask', 'help', 'source', 'sources']);
  });

  it('registers in one guild only when DISCORD_GUILD_ID is set (instant, for development)', async () => {
    const s = await standIn();
    const guildId = s.guilds[0]?.id ?? '';
    const { running } = await bot({ standIn: s, env: { DISCORD_GUILD_ID: guildId } });
    await running.discord?.registered;
    expect(s.commands(guildId).map((c) => c.name)).toEqual(['ask', 'sources', 'source', 'help', 'Find sources', 'corpus']);
    expect(s.commands()).toEqual([]);
  });

  it('logs a refused registration (4xx) and keeps answering', async () => {
    const s = await standIn();
    s.failNext({ method: 'GET', pathPattern: '/applications/:app/commands', status: 403 });
    s.failNext({ method: 'PUT', pathPattern: '/applications/:app/commands', status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const { running, logs } = await bot({ standIn: s });
    await running.discord?.registered;
    expect(logs.find((l) => l.msg.startsWith('could not read the registered commands'))).toMatchObject({ level: 40 });
    expect(logs.find((l) => l.msg.startsWith('command registration failed'))).toMatchObject({ level: 50, err: { status: 400 } });
    expect((await s.waitForCallback(ask(s, 'When did the bridge reopen?'))).body).toMatchObject({ type: 4, data: { embeds: [{}] } });
  });

  it('skips registration when REGISTER_COMMANDS is false', async () => {
    const { standIn: s, running } = await bot({ env: { REGISTER_COMMANDS: 'false' } });
    await running.discord?.registered;
    await s.waitForCallback(ask(s, 'When did the bridge reopen?'));
    expect(s.requests.some((r) => r.route.endsWith('/commands'))).toBe(false);
  });
});
