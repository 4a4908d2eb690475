/**
 * Proves the local Discord stand-in against the real discord.js Client:
 * login (REST + gateway), interaction responses of every kind, rate limits and
 * server errors, RESUME after a dropped socket, RECONNECT, INVALID_SESSION.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  type ClientOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  GatewayOpcodes,
  type Interaction,
  MessageFlags,
  type TextChannel,
} from 'discord.js';
import {
  type DiscordStandIn,
  type RecordedRequest,
  type StandInOptions,
  instantIdentifyThrottler,
  startDiscordStandIn,
} from './support/discord-stand-in/index.ts';

let standIn: DiscordStandIn | undefined;
let client: Client | undefined;
let handler: (interaction: Interaction) => Promise<void> = async () => {};
const handlerErrors: unknown[] = [];

afterEach(async () => {
  if (client) {
    // Safety net: @discordjs/ws 1.2.3 can hang forever in destroy() if a shard is still
    // waiting for HELLO/READY. Never let that hang the suite; closing the stand-in ends the socket.
    let timer: NodeJS.Timeout | undefined;
    const destroyed = await Promise.race([
      client.destroy().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), 3_000);
      }),
    ]);
    clearTimeout(timer);
    if (!destroyed) console.warn('discord.js client.destroy() did not settle within 3 s');
  }
  await standIn?.close();
  client = undefined;
  standIn = undefined;
  handler = async () => {};
  handlerErrors.length = 0;
});

/** Start a stand-in and log a real discord.js Client in to it. */
async function setup(
  options: StandInOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<{ s: DiscordStandIn; c: Client }> {
  const s = await startDiscordStandIn(options);
  standIn = s;
  const c = new Client({ intents: [GatewayIntentBits.Guilds], ...clientOptions, rest: { api: s.apiUrl, ...clientOptions.rest } });
  client = c;
  c.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  // v14.28 emits 'clientReady' (Events.ClientReady); 'ready' is its deprecated alias.
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login(s.token);
  await ready;
  return { s, c };
}

const callbacksOf = (s: DiscordStandIn, id: string): RecordedRequest[] =>
  s.requests.filter((r) => r.method === 'POST' && r.route.startsWith(`/interactions/${id}/`) && r.route.endsWith('/callback'));

describe('discord stand-in with a real discord.js Client', () => {
  it('logs in over REST + gateway and caches the guild, channels, roles and members', async () => {
    const { s, c } = await setup();
    const guild = s.guilds[0]!;
    const channel = guild.channels[0]!;

    expect(c.user?.id).toBe(s.botUser.id);
    expect(c.application?.id).toBe(s.applicationId);
    const cached = c.guilds.cache.get(guild.id);
    expect(cached?.name).toBe(guild.name);
    expect(cached?.available).toBe(true);
    expect(cached?.channels.cache.get(channel.id)?.name).toBe('general');
    expect(cached?.roles.everyone.id).toBe(guild.id);
    expect(cached?.members.me?.id).toBe(s.botUser.id);
    expect(cached?.members.cache.has(s.user.id)).toBe(true);

    const gatewayBot = s.requests.find((r) => r.route === '/gateway/bot');
    expect(gatewayBot).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot', status: 200 });
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${s.token}`);

    expect(s.gatewayConnections[0]?.url).toBe('/gateway?v=10&encoding=json');
    const identify = await s.waitForIdentify();
    expect(identify.d).toMatchObject({ token: s.token, intents: GatewayIntentBits.Guilds, shard: [0, 1], compress: false });
    expect(s.unhandledRequests()).toEqual([]);
  });

  it('records the exact body of interaction.reply()', async () => {
    const { s } = await setup();
    handler = async (i) => {
      if (i.isChatInputCommand() && i.commandName === 'ping') {
        await i.reply({ content: 'pong', allowedMentions: { parse: [] } });
      }
    };
    const sent = s.sendSlashCommand({ name: 'ping' });
    const callback = await s.waitForCallback(sent);

    // discord.js v14.28 always sends tts and enforce_nonce alongside the content.
    expect(callback.body).toEqual({
      type: 4,
      data: { content: 'pong', tts: false, enforce_nonce: false, allowed_mentions: { parse: [] } },
    });
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.status).toBe(204);
    expect(callback.receivedAt).toBeGreaterThanOrEqual(sent.sentAt);
    expect(s.originalResponse(sent.id)?.content).toBe('pong');
    expect(handlerErrors).toEqual([]);
  });

  it('passes options, member and permissions through to the handler; withResponse gets a callback response', async () => {
    const { s } = await setup();
    const seen: Record<string, unknown> = {};
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.question = i.options.getString('question', true);
      seen.memberId = i.member?.user.id;
      seen.inGuild = i.inCachedGuild();
      seen.canSend = i.appPermissions.has('SendMessages');
      seen.locale = i.locale;
      const response = await i.reply({ content: 'ok', withResponse: true });
      seen.responseMessageId = response.resource?.message?.id;
    };
    const sent = s.sendSlashCommand({
      name: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Who won?' }],
      locale: 'en-GB',
    });
    const callback = await s.waitForCallback(sent);
    expect(callback.query).toEqual({ with_response: 'true' });
    expect(callback.status).toBe(200);
    await expect.poll(() => seen.responseMessageId).toBe(s.originalResponse(sent.id)?.id);
    expect(seen).toMatchObject({ question: 'Who won?', memberId: s.user.id, inGuild: true, canSend: true, locale: 'en-GB' });
    expect(handlerErrors).toEqual([]);
  });

  it('deferReply then editReply: type 5, then PATCH @original', async () => {
    const { s } = await setup();
    let edited: string | undefined;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const message = await i.editReply({ content: 'done', allowedMentions: { parse: [] } });
      edited = message.content;
    };
    const sent = s.sendSlashCommand({ name: 'ask' });
    const callback = await s.waitForCallback(sent);
    expect(callback.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });

    const patch = await s.waitForRequest((r) => r.method === 'PATCH' && r.route.endsWith('/messages/@original'));
    expect(patch.route).toBe(`/webhooks/${s.applicationId}/${sent.token}/messages/@original`);
    expect(patch.body).toEqual({ content: 'done', tts: false, enforce_nonce: false, allowed_mentions: { parse: [] } });
    expect(patch.status).toBe(200);
    await expect.poll(() => edited).toBe('done');

    const original = s.originalResponse(sent.id);
    expect(original?.content).toBe('done');
    expect(original?.flags).toBe(MessageFlags.Ephemeral); // Loading flag cleared, ephemeral kept
    expect(handlerErrors).toEqual([]);
  });

  it('autocomplete: respond() sends type 8 with choices', async () => {
    const { s } = await setup();
    handler = async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = String(i.options.getFocused());
      await i.respond([{ name: `Story about ${typed}`, value: `story-${typed}` }]);
    };
    const sent = s.sendAutocomplete({
      name: 'ask',
      options: [{ name: 'story', type: ApplicationCommandOptionType.String, value: 'elec', focused: true }],
    });
    const callback = await s.waitForCallback(sent);
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'Story about elec', value: 'story-elec' }] } });
    expect(handlerErrors).toEqual([]);
  });

  it('button on the bot reply: update() sends type 7 and edits that message', async () => {
    const { s } = await setup();
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
        );
        await i.reply({ content: 'first', components: [row] });
      } else if (i.isButton() && i.customId === 'more') {
        expect(i.message.content).toBe('first');
        await i.update({ content: 'second', components: [] });
      }
    };
    const command = s.sendSlashCommand({ name: 'ask' });
    await s.waitForCallback(command);
    const reply = s.originalResponse(command.id);
    expect(reply?.components).toHaveLength(1);

    const click = s.sendButton({ customId: 'more', message: reply!.id });
    const callback = await s.waitForCallback(click);
    expect(callback.body).toEqual({ type: 7, data: { content: 'second', tts: false, enforce_nonce: false, components: [] } });
    expect(s.message(reply!.id)).toMatchObject({ content: 'second', components: [] });
    expect(handlerErrors).toEqual([]);
  });

  it('modal submit (label and legacy action-row layouts) and message context menu', async () => {
    const { s } = await setup();
    handler = async (i) => {
      if (i.isModalSubmit()) {
        await i.reply({ content: `You asked: ${i.fields.getTextInputValue('question')}`, flags: MessageFlags.Ephemeral });
      } else if (i.isMessageContextMenuCommand()) {
        await i.reply({ content: `Quoted: ${i.targetMessage.content}` });
      }
    };
    const modal = s.sendModalSubmit({ customId: 'ask-modal', fields: { question: 'Who?' } });
    expect((await s.waitForCallback(modal)).body).toEqual({
      type: 4,
      data: { content: 'You asked: Who?', tts: false, enforce_nonce: false, flags: MessageFlags.Ephemeral },
    });

    const legacy = s.sendModalSubmit({ customId: 'ask-modal', fields: { question: 'Why?' }, legacyActionRows: true });
    expect((await s.waitForCallback(legacy)).body).toMatchObject({ type: 4, data: { content: 'You asked: Why?' } });

    const menu = s.sendMessageContextMenu({ name: 'Check this', targetContent: 'The sky is green.' });
    expect((await s.waitForCallback(menu)).body).toMatchObject({ type: 4, data: { content: 'Quoted: The sky is green.' } });
    expect(handlerErrors).toEqual([]);
  });

  it('429 on the callback: discord.js waits retry_after and retries', async () => {
    const { s, c } = await setup();
    // Interaction callbacks go through @discordjs/rest's BurstHandler, which only reports 429s via restDebug.
    const debug: string[] = [];
    c.rest.on('restDebug', (message) => debug.push(message));
    s.failNext({ method: 'POST', pathPattern: '/interactions/:id/:token/callback', status: 429, body: { retry_after: 0.2 } });
    handler = async (i) => {
      if (i.isRepliable()) await i.reply({ content: 'after the limit' });
    };
    const sent = s.sendSlashCommand({ name: 'ask' });
    const ok = await s.waitForCallback(sent);

    const attempts = callbacksOf(s, sent.id);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.injected).toBe(true);
    expect(attempts[0]?.responseBody).toEqual({ message: 'You are being rate limited.', retry_after: 0.2, global: false });
    expect(ok.body).toEqual(attempts[0]?.body);
    expect(ok.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(200);
    // retry_after (0.2 s) + @discordjs/rest's 50 ms offset
    expect(debug.some((m) => m.includes('Encountered unexpected 429') && /Retry After\s*: 250ms/.test(m))).toBe(true);
    expect(handlerErrors).toEqual([]);
  });

  it('500 once on POST /channels/:id/messages: discord.js retries', async () => {
    const { s, c } = await setup();
    const channelId = s.guilds[0]!.channels[0]!.id;
    s.failNext({ method: 'POST', pathPattern: '/channels/:id/messages', status: 500 });
    const channel = c.channels.cache.get(channelId) as TextChannel;
    const message = await channel.send({ content: 'hello', allowedMentions: { parse: [] } });
    expect(message.content).toBe('hello');
    const posts = s.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${channelId}/messages`);
    expect(posts.map((r) => r.status)).toEqual([500, 200]);
    expect(posts[1]?.body).toMatchObject({ content: 'hello', allowed_mentions: { parse: [] } });
  });

  it('dropped connection: the client RESUMEs, missed interactions are replayed, new ones handled', async () => {
    const { s } = await setup();
    const handled: string[] = [];
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      handled.push(i.commandName);
      await i.reply({ content: i.commandName });
    };
    const ready = await s.waitForReady();
    const sessionId = (ready.d as { session_id: string }).session_id;
    const lastSeq = Math.max(...s.gatewayEvents.filter((e) => e.direction === 'sent' && e.s !== null).map((e) => e.s!));

    s.dropConnection();
    const missed = s.sendSlashCommand({ name: 'missed' }); // queued while the socket is down
    const resume = await s.waitForResume();
    expect(resume.d).toEqual({ token: s.token, session_id: sessionId, seq: lastSeq });
    await s.waitForResumed();
    expect(s.gatewayConnections.at(-1)?.url).toBe('/gateway-resume?v=10&encoding=json');
    expect(s.gatewayConnections[0]?.closeCode).toBe(1006);

    await s.waitForCallback(missed);
    const after = s.sendSlashCommand({ name: 'after' });
    await s.waitForCallback(after);
    expect(handled).toEqual(['missed', 'after']);
    expect(s.gatewayEvents.filter((e) => e.op === GatewayOpcodes.Identify)).toHaveLength(1);
    expect(handlerErrors).toEqual([]);
  });

  it('RECONNECT (op 7): the client closes, reconnects to resume_gateway_url and RESUMEs', async () => {
    const { s } = await setup();
    handler = async (i) => {
      if (i.isRepliable()) await i.reply({ content: 'still here' });
    };
    s.requestReconnect();
    await s.waitForResumed();
    expect(s.gatewayConnections[0]?.closeCode).toBe(4200);
    const sent = s.sendSlashCommand({ name: 'ask' });
    await s.waitForCallback(sent);
    expect(handlerErrors).toEqual([]);
  });

  it('INVALID_SESSION non-resumable: the client re-IDENTIFYs and keeps handling interactions', async () => {
    const { s } = await setup({}, { ws: { buildIdentifyThrottler: instantIdentifyThrottler } });
    handler = async (i) => {
      if (i.isRepliable()) await i.reply({ content: 'new session' });
    };
    const first = (await s.waitForReady(1)).d as { session_id: string };
    s.invalidateSession(false);
    await s.waitForIdentify(2);
    const second = (await s.waitForReady(2)).d as { session_id: string };
    expect(second.session_id).not.toBe(first.session_id);
    expect(s.gatewayEvents.some((e) => e.op === GatewayOpcodes.Resume)).toBe(false);
    expect(s.gatewayConnections.at(-1)?.url).toBe('/gateway?v=10&encoding=json');

    const sent = s.sendSlashCommand({ name: 'ask' });
    await s.waitForCallback(sent);
    expect(handlerErrors).toEqual([]);
  });

  it('INVALID_SESSION resumable: the client RESUMEs on the same connection', async () => {
    const { s } = await setup();
    handler = async (i) => {
      if (i.isRepliable()) await i.reply({ content: 'resumed' });
    };
    s.invalidateSession(true);
    const resume = await s.waitForResume();
    await s.waitForResumed();
    expect(resume.connectionId).toBe(1);
    const sent = s.sendSlashCommand({ name: 'ask' });
    await s.waitForCallback(sent);
    expect(handlerErrors).toEqual([]);
  });

  it('multipart replies (payload_json + files) and the CDN attachment route', async () => {
    const { s } = await setup();
    handler = async (i) => {
      if (i.isRepliable()) await i.reply({ content: 'see file', files: [{ attachment: Buffer.from('hello file'), name: 'note.txt' }] });
    };
    const sent = s.sendSlashCommand({ name: 'ask' });
    const callback = await s.waitForCallback(sent);
    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(callback.body).toEqual({
      type: 4,
      data: { content: 'see file', tts: false, enforce_nonce: false, attachments: [{ id: '0' }] },
    });
    expect(callback.files.map((f) => [f.fieldName, f.filename, f.data.toString()])).toEqual([['files[0]', 'note.txt', 'hello file']]);

    const uploaded = s.originalResponse(sent.id)?.attachments[0];
    expect(uploaded?.filename).toBe('note.txt');
    expect(await (await fetch(uploaded!.url)).text()).toBe('hello file');

    const registered = s.addAttachment('article.html', 'text/html', '<p>Hi</p>');
    const response = await fetch(registered.url);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<p>Hi</p>');
    expect(registered).toMatchObject({ filename: 'article.html', size: 9, content_type: 'text/html' });
  });

  it('stores commands registered by the bot and uses their ids for interactions', async () => {
    const { s, c } = await setup();
    const guildId = s.guilds[0]!.id;
    const global = await c.application!.commands.set([{ name: 'ask', description: 'Ask a question' }]);
    const inGuild = await c.application!.commands.set([{ name: 'admin', description: 'Admin tools' }], guildId);
    expect(s.commands().map((cmd) => cmd.name)).toEqual(['ask']);
    expect(s.commands(guildId).map((cmd) => cmd.name)).toEqual(['admin']);
    expect(s.requests.find((r) => r.method === 'PUT')?.route).toBe(`/applications/${s.applicationId}/commands`);

    const again = await c.application!.commands.set([{ name: 'ask', description: 'Ask a question (v2)' }]);
    expect(again.first()?.id).toBe(global.first()?.id); // same name keeps its id

    let commandId: string | undefined;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      commandId = i.commandId;
      await i.reply({ content: 'ok' });
    };
    await s.waitForCallback(s.sendSlashCommand({ name: 'ask' }));
    expect(commandId).toBe(global.first()?.id);
    await s.waitForCallback(s.sendSlashCommand({ name: 'admin' }));
    expect(commandId).toBe(inGuild.first()?.id);
  });

  it('rejects bad tokens and unknown routes, enforces the 3 s-style callback deadline', async () => {
    const { s, c } = await setup({ interactionCallbackDeadlineMs: 100 });
    const me = `${s.apiUrl}/v10/users/@me`;
    expect((await fetch(me)).status).toBe(401);
    expect((await fetch(me, { headers: { authorization: 'Bot nope' } })).status).toBe(401);
    expect((await fetch(me, { headers: { authorization: `Bot ${s.token}` } })).status).toBe(200);
    const unknown = await fetch(`${s.apiUrl}/v10/nothing/here`, { headers: { authorization: `Bot ${s.token}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(s.unhandledRequests().map((r) => r.route)).toEqual(['/nothing/here']);
    expect(c.isReady()).toBe(true);

    handler = async (i) => {
      if (!i.isRepliable()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await i.reply({ content: 'too late' });
    };
    s.sendSlashCommand({ name: 'ask' });
    await expect.poll(() => handlerErrors.length).toBe(1);
    expect(handlerErrors[0]).toBeInstanceOf(DiscordAPIError);
    expect((handlerErrors[0] as DiscordAPIError).code).toBe(10062);
    handlerErrors.length = 0;
  });
});
