/**
 * End to end: Verbatim started by its own start-up code, the real discord.js client, a local
 * Discord stand-in. Each test sends what Discord would (INTERACTION_CREATE over the gateway) and
 * asserts the exact REST body Discord would receive: callback type, flags, embeds, components,
 * allowed_mentions. One bot serves the whole file; every assertion waits on its own interaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, ButtonStyle, ComponentType, InteractionResponseType, MessageFlags, type APIMessage } from 'discord.js';
import { REPLY_OPTIONS } from '../../src/discord/limits.ts';
import { MESSAGES } from '../../src/discord/messages.ts';
import type { InteractionTarget, RecordedRequest, SentInteraction, SlashCommandInput } from '../support/discord-stand-in/index.ts';
import { makeAutocomplete, makeButton, makeSlashCommand } from '../support/discord-stand-in/payloads.ts';
import { registerInteraction } from '../support/discord-stand-in/routes-interactions.ts';
import { startBot, type BotUnderTest } from './bot.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot?.close();
});

const { String: Text, Integer, Boolean: Flag } = ApplicationCommandOptionType;
type OptionInput = NonNullable<SlashCommandInput['options']>[number];
const ask = (question: string, more: OptionInput[] = [], target: InteractionTarget = {}) =>
  bot.standIn.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: Text, value: question }, ...more], ...target });
const callback = (sent: SentInteraction) => bot.standIn.waitForCallback(sent);
/** The message an interaction's first response created (or, for an update, the message it changed). */
const replyTo = (sent: SentInteraction): APIMessage => {
  const message = bot.standIn.originalResponse(sent.id);
  if (!message) throw new Error(`no response message for ${sent.id}`);
  return message;
};
const press = (customId: string, message: APIMessage | string) => bot.standIn.sendButton({ customId, message });
const button = (label: string, customId: string, style = ButtonStyle.Secondary) => ({ type: ComponentType.Button, style, label, custom_id: customId });
/** The footer holds the time taken, the one part of a body that is not deterministic. */
const footer = (summary: string, question: string) => ({ text: expect.stringMatching(new RegExp(`^${summary} · \\d+ ms · Asked: “${question.replace(/[?.*()]/g, '\\$&')}”$`)) });
/** What discord.js adds to every message body it sends. */
const DISCORD_JS_DEFAULTS = { tts: false, enforce_nonce: false };
const NO_MENTIONS = { allowed_mentions: { parse: [] } };
const ephemeralNotice = (content: string) => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data: { ...DISCORD_JS_DEFAULTS, content, flags: MessageFlags.Ephemeral, ...NO_MENTIONS },
});

describe('/ask', () => {
  it('answers at once (type 4) with the quoted passage, its linked source label, "also reported by", buttons and no mentions', async () => {
    const sent = ask('How much did the bridge repairs cost?');
    const response = await callback(sent);
    expect(response.query).toEqual({ with_response: 'false' });
    expect(response.status).toBe(204);
    expect(response.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        ...DISCORD_JS_DEFAULTS,
        embeds: [
          {
            title: '1. Harbour bridge reopens after repairs · Example Gazette · ¶2',
            url: 'https://example.com/news/harbour-bridge',
            description:
              '> **The repairs cost 12 million dollars, the city council said on Monday.** Traffic across the bridge returned to normal by the evening rush hour. Buses that had been sent the long way round went back to their usual routes.\n\n' +
              '*Also reported by:* Ferry service ends as the bridge reopens · ¶1',
            color: REPLY_OPTIONS.color,
            footer: footer('Passage 1 of 1', 'How much did the bridge repairs cost?'),
          },
        ],
        components: [{ type: ComponentType.ActionRow, components: [button('Context 1', 'ctx:harbour-bridge-reopens#2'), button('Article 1', 'art:harbour-bridge-reopens')] }],
        ...NO_MENTIONS,
      },
    });
  });

  it('answers privately (flag 64) with the count asked for, and offers More when more passages answer', async () => {
    const sent = ask('bridge', [
      { name: 'count', type: Integer, value: 1 },
      { name: 'private', type: Flag, value: true },
    ]);
    const { body } = await callback(sent);
    expect(body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral, ...NO_MENTIONS } });
    const data = (body as { data: { embeds: unknown[]; components: { components: { label: string; custom_id: string }[] }[] } }).data;
    expect(data.embeds).toHaveLength(1);
    expect(data.components.flatMap((r) => r.components).at(-1)).toEqual(button('More', 'mq:1:1::bridge', ButtonStyle.Primary));
  });

  it('escapes markdown and mention syntax from the corpus, so nothing renders or pings', async () => {
    const { body } = await callback(ask('What did the banner read?', [{ name: 'count', type: Integer, value: 1 }]));
    expect(body).toMatchObject({
      data: {
        embeds: [
          {
            description:
              '> Residents celebrated with a \\*small\\* parade along the waterfront. **One banner read "@everyone welcome back" and another thanked \\<@123456789012345678\\> for the new paint.** Local bands played on the promenade until dusk.',
          },
        ],
        ...NO_MENTIONS,
      },
    });
  });

  it('answers "no good match" helpfully: what was searched, the articles to try, no passages, no buttons', async () => {
    const { body } = await callback(ask('pizza recipe'));
    expect(body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        ...DISCORD_JS_DEFAULTS,
        embeds: [
          {
            title: 'No good match',
            description: [
              'Nothing in the 2 articles answers “pizza recipe”.',
              '',
              'Not in any article: pizza, recipe.',
              '',
              'Try other words, or one of these articles (/sources lists them all):',
              '• Ferry service ends as the bridge reopens',
              '• [Harbour bridge reopens after repairs · Example Gazette](https://example.com/news/harbour-bridge)',
            ].join('\n'),
            color: REPLY_OPTIONS.color,
            footer: footer('No match', 'pizza recipe'),
          },
        ],
        ...NO_MENTIONS,
      },
    });
  });

  it('limits the answer to the chosen source, and says privately when no article matches it', async () => {
    const filtered = await callback(ask('How much did the repairs cost?', [{ name: 'source', type: Text, value: 'ferry-service-ends' }]));
    expect(filtered.body).toMatchObject({ data: { embeds: [{ title: '1. Ferry service ends as the bridge reopens · ¶1' }] } });
    const unknown = await callback(ask('cost?', [{ name: 'source', type: Text, value: 'weather' }]));
    expect(unknown.body).toEqual(ephemeralNotice(MESSAGES['unknown-article']({ typed: 'weather' })));
  });

  it('works in a DM, where the interaction has no guild', async () => {
    const sent = ask('When did the bridge reopen?', [], { guildId: null });
    expect(sent.payload.guild_id).toBeUndefined();
    expect((await callback(sent)).body).toMatchObject({ type: 4, data: { embeds: [{ title: '1. Harbour bridge reopens after repairs · Example Gazette · ¶1' }] } });
  });
});

describe('autocomplete', () => {
  const complete = (name: 'question' | 'source', value: string) =>
    bot.standIn.sendAutocomplete({
      name: 'ask',
      options:
        name === 'question'
          ? [{ name: 'question', type: Text, value, focused: true }]
          : [
              { name: 'question', type: Text, value: 'cost' },
              { name: 'source', type: Text, value, focused: true },
            ],
    });

  it('completes the question from the corpus words (type 8)', async () => {
    expect((await callback(complete('question', 'when did the bri'))).body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        choices: [
          { name: 'when did the bri', value: 'when did the bri' },
          { name: 'when did the bridge', value: 'when did the bridge' },
        ],
      },
    });
  });

  it('offers article titles for source, with the article id as value', async () => {
    expect((await callback(complete('source', 'ferr'))).body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Ferry service ends as the bridge reopens', value: 'ferry-service-ends' }] },
    });
  });

  it('completes /source article too, and answers an empty list for a command without autocomplete', async () => {
    const source = bot.standIn.sendAutocomplete({ name: 'source', options: [{ name: 'article', type: Text, value: 'harb', focused: true }] });
    expect((await callback(source)).body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Harbour bridge reopens after repairs · Example Gazette', value: 'harbour-bridge-reopens' }] },
    });
    const none = bot.standIn.sendAutocomplete({ name: 'unknown', options: [{ name: 'x', type: Text, value: 'a', focused: true }] });
    expect((await callback(none)).body).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  });
});

describe('buttons', () => {
  const buttonsOn = (message: APIMessage) =>
    (message.components ?? []).flatMap((row) => ('components' in row ? (row.components as unknown[]) : [])) as { label: string; custom_id: string }[];

  it('More on a public answer opens the next passages privately; More on that private reply pages in place (type 7)', async () => {
    const first = ask('bridge', [{ name: 'count', type: Integer, value: 1 }]);
    await callback(first);
    const answer = replyTo(first);

    const more = press('more:1:1', answer);
    const second = await callback(more);
    expect(second.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral, ...NO_MENTIONS } });
    const page2 = replyTo(more);
    expect(page2.embeds[0]?.title).toMatch(/^2\. /);
    expect(page2.embeds.at(-1)?.footer?.text).toMatch(/^Passages? 2 of \d+ · \d+ ms · Asked: “bridge”$/);
    expect(buttonsOn(page2).at(-1)).toMatchObject({ label: 'More', custom_id: 'mq:2:1::bridge' });

    const again = press('more:2:1', page2);
    const third = await callback(again);
    expect(third.body).toMatchObject({ type: InteractionResponseType.UpdateMessage, data: { content: '', components: expect.any(Array), ...NO_MENTIONS } });
    expect((third.body as { data: { embeds: { title: string }[] } }).data.embeds[0]?.title).toMatch(/^3\. /);
    expect(bot.standIn.message(page2.id)?.embeds[0]?.title).toMatch(/^3\. /);
    expect(bot.standIn.message(answer.id)?.embeds[0]?.title).toMatch(/^1\. /); // the public answer is untouched
  });

  it('Context shows the passages around the quoted one, privately', async () => {
    const { body } = await callback(press('ctx:harbour-bridge-reopens#2', replyToAny()));
    expect(body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        flags: MessageFlags.Ephemeral,
        embeds: [
          { title: 'Harbour bridge reopens after repairs · Example Gazette · ¶1' },
          { title: '▶ Harbour bridge reopens after repairs · Example Gazette · ¶2' },
          { title: 'Harbour bridge reopens after repairs · Example Gazette · ¶3', footer: { text: 'Passages 1–3 of 4 in this article · ▶ the quoted passage' } },
        ],
        components: [{ type: ComponentType.ActionRow, components: [button('Read on', 'read:harbour-bridge-reopens:1')] }],
        ...NO_MENTIONS,
      },
    });
  });

  it('Article opens the article privately; Next pages it in place', async () => {
    const open = press('art:harbour-bridge-reopens', replyToAny());
    const opened = await callback(open);
    expect(opened.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const reader = replyTo(open);
    expect(reader.embeds.map((e) => e.title)).toEqual([1, 2, 3].map((n) => `Harbour bridge reopens after repairs · Example Gazette · ¶${n}`));

    const next = press('read:harbour-bridge-reopens:4', reader);
    expect((await callback(next)).body).toEqual({
      type: InteractionResponseType.UpdateMessage,
      data: {
        ...DISCORD_JS_DEFAULTS,
        content: '',
        embeds: [
          {
            title: 'Harbour bridge reopens after repairs · Example Gazette · ¶4',
            url: 'https://example.com/news/harbour-bridge',
            description: '> The council said the bridge will be inspected every two years from now on, and that a second crossing is not planned before 2030. Engineers expect the new cables to last for at least forty years or more.',
            color: REPLY_OPTIONS.color,
            footer: { text: 'Passage 4 of 4' },
          },
        ],
        components: [{ type: ComponentType.ActionRow, components: [button('Previous', 'read:harbour-bridge-reopens:1')] }],
        ...NO_MENTIONS,
      },
    });
  });

  it('keeps working after a restart: a button from a previous run answers from its custom_id alone', async () => {
    // A message as an earlier process left it: no bot state is needed to answer its buttons.
    const { body } = await callback(press('ctx:ferry-service-ends#2', replyToAny()));
    expect(body).toMatchObject({ data: { embeds: [{ title: 'Ferry service ends as the bridge reopens · ¶1' }, { title: '▶ Ferry service ends as the bridge reopens · ¶2' }] } });
  });

  it('says so politely when a button is stale', async () => {
    expect((await callback(press('ctx:harbour-bridge-reopens#9', replyToAny()))).body).toEqual(ephemeralNotice(MESSAGES['passage-gone']({})));
    expect((await callback(press('art:old-article', replyToAny()))).body).toEqual(ephemeralNotice(MESSAGES['article-gone']({})));
    expect((await callback(press('v0:more', replyToAny()))).body).toEqual(ephemeralNotice(MESSAGES['unknown-button']({})));
    // A message that does not show its question (here the stand-in's own button message).
    const orphan = bot.standIn.sendButton({ customId: 'more:3:3' });
    expect((await callback(orphan)).body).toEqual(ephemeralNotice(MESSAGES['question-gone']({})));
  });

  it('More that carries its question works even on a message that does not show it', async () => {
    const bare = bot.standIn.sendButton({ customId: 'mq:1:1::bridge' });
    const { body } = await callback(bare);
    expect(body).toMatchObject({ data: { embeds: [{ title: expect.stringMatching(/^2\. /), footer: { text: expect.stringMatching(/Asked: “bridge”$/) } }], ...NO_MENTIONS } });
  });
});

/** Some earlier public answer, for buttons whose message content does not matter. */
let anyAnswer: APIMessage | undefined;
function replyToAny(): APIMessage {
  if (anyAnswer) return anyAnswer;
  const found = [...bot.standIn.state.messages.values()].find((m) => m.author.id === bot.standIn.botUser.id && m.embeds.length > 0 && !(Number(m.flags) & MessageFlags.Ephemeral));
  if (!found) throw new Error('no public answer yet');
  anyAnswer = found;
  return found;
}

describe('Find sources (message context menu)', () => {
  it('answers privately with the passages that support the message', async () => {
    const sent = bot.standIn.sendMessageContextMenu({ name: 'Find sources', targetContent: 'Apparently the bridge repairs cost 12 million dollars!' });
    const { body } = await callback(sent);
    expect(body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        flags: MessageFlags.Ephemeral,
        embeds: [{ title: '1. Ferry service ends as the bridge reopens · ¶1', footer: footer('Passage 1 of 1', 'Apparently the bridge repairs cost 12 million dollars!') }],
        ...NO_MENTIONS,
      },
    });
  });

  it('says so when the message has no text', async () => {
    const { body } = await callback(bot.standIn.sendMessageContextMenu({ name: 'Find sources', targetContent: '' }));
    expect(body).toEqual(ephemeralNotice(MESSAGES['empty-message']({})));
  });
});

describe('/sources, /source, /help', () => {
  it('/sources lists the articles privately', async () => {
    expect((await callback(bot.standIn.sendSlashCommand({ name: 'sources' }))).body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        ...DISCORD_JS_DEFAULTS,
        embeds: [
          {
            title: 'Sources — 2 articles, 6 passages',
            description:
              '**1.** Ferry service ends as the bridge reopens — 2 passages\n**2.** [Harbour bridge reopens after repairs · Example Gazette](https://example.com/news/harbour-bridge) — 4 passages',
            color: REPLY_OPTIONS.color,
            footer: { text: 'Page 1 of 1 · Read one with /source' },
          },
        ],
        flags: MessageFlags.Ephemeral,
        ...NO_MENTIONS,
      },
    });
  });

  it('/source opens an article at a paragraph, and words a paragraph beyond the end', async () => {
    const at = bot.standIn.sendSlashCommand({ name: 'source', options: [{ name: 'article', type: Text, value: 'harbour-bridge-reopens' }, { name: 'paragraph', type: Integer, value: 3 }] });
    expect((await callback(at)).body).toMatchObject({ data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Harbour bridge reopens after repairs · Example Gazette · ¶3' }, { title: 'Harbour bridge reopens after repairs · Example Gazette · ¶4' }] } });
    const beyond = bot.standIn.sendSlashCommand({ name: 'source', options: [{ name: 'article', type: Text, value: 'ferry-service-ends' }, { name: 'paragraph', type: Integer, value: 5 }] });
    expect((await callback(beyond)).body).toEqual(ephemeralNotice('“Ferry service ends as the bridge reopens” has paragraphs 1 to 2; there is no paragraph 5.'));
  });

  it('/help explains, privately, that Verbatim only quotes', async () => {
    const { body } = await callback(bot.standIn.sendSlashCommand({ name: 'help' }));
    expect(body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Verbatim — the articles’ own words' }], ...NO_MENTIONS } });
  });

  it('an unknown command gets a private notice (e.g. a command Discord still has from an older version)', async () => {
    expect((await callback(bot.standIn.sendSlashCommand({ name: 'summarize' }))).body).toEqual(ephemeralNotice(MESSAGES['unknown-command']({ name: '/summarize' })));
  });
});

describe('interactions carrying only the fields Discord requires', () => {
  /** Strips what a sender might leave out: newer or optional fields (and, for a button, the message). */
  const bare = <T extends object>(payload: T, drop: string[] = []): T => {
    const copy = structuredClone(payload) as Record<string, unknown>;
    for (const key of ['entitlements', 'authorizing_integration_owners', 'app_permissions', 'locale', 'guild_locale', 'context', 'attachment_size_limit', ...drop]) delete copy[key];
    return copy as T;
  };

  it('/ask, autocomplete and a button are still answered', async () => {
    const ctx = bot.standIn.interactionContext();
    const slash = bot.standIn.sendInteraction(bare(makeSlashCommand(ctx, { name: 'ask', options: [{ name: 'question', type: Text, value: 'When did the bridge reopen?' }] })));
    expect((await callback(slash)).body).toMatchObject({ type: 4, data: { embeds: [{ title: '1. Harbour bridge reopens after repairs · Example Gazette · ¶1' }] } });
    const auto = bot.standIn.sendInteraction(bare(makeAutocomplete(ctx, { name: 'ask', options: [{ name: 'question', type: Text, value: 'brid', focused: true }] })));
    expect((await callback(auto)).body).toEqual({ type: 8, data: { choices: [{ name: 'brid', value: 'brid' }, { name: 'bridge', value: 'bridge' }] } });
    // The stand-in keeps the whole interaction (it needs the message to answer); the bot gets it without.
    const click = makeButton(ctx, { customId: 'ctx:ferry-service-ends#1', message: replyTo(slash) });
    registerInteraction(bot.standIn.state, click);
    bot.standIn.dispatch('INTERACTION_CREATE', bare(click, ['message']));
    expect((await bot.standIn.waitForCallback(click)).body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, embeds: [{ title: '▶ Ferry service ends as the bridge reopens · ¶1' }, {}] } });
  });
});

describe('every message', () => {
  it('was sent with allowed_mentions { parse: [] }, and every interaction was answered once', () => {
    const sends: RecordedRequest[] = bot.standIn.requests.filter((r) => r.method !== 'GET' && (r.route.includes('/interactions/') || r.route.includes('/webhooks/')));
    const messageBodies = sends.map((r) => (r.body as { type?: number; data?: Record<string, unknown> }).data ?? (r.body as Record<string, unknown>));
    const withMessages = messageBodies.filter((d) => d && ('embeds' in d || 'content' in d));
    expect(withMessages.length).toBeGreaterThan(20);
    for (const data of withMessages) expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(sends.every((r) => r.status < 300)).toBe(true);
  });
});
