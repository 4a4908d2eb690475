/**
 * The command handlers without any transport: options validated against each definition, one
 * core call, a reply. Discord's router and the console both run exactly these.
 */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { pressButton } from '../../src/discord/buttons.ts';
import { parseOptions, type Command, type CommandContext, type RawOptions } from '../../src/discord/command.ts';
import { decodeButton, type ButtonState } from '../../src/discord/custom-id.ts';
import { MESSAGES } from '../../src/discord/messages.ts';
import type { SourceMessage } from '../../src/discord/render.ts';
import { isForm, type Reply } from '../../src/discord/reply.ts';
import { fixtureIndex } from './support.ts';

const index = fixtureIndex();
const ctx: CommandContext = { index, elapsedMs: () => 4 };
const command = (name: string): Command => {
  const found = COMMANDS.find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
};
async function slash(name: string, options: RawOptions): Promise<{ ephemeral: boolean; reply: Reply }> {
  const c = command(name);
  if (c.kind !== 'slash') throw new Error(`${name} is not a slash command`);
  const invocation = c.invoke(options);
  const outcome = await invocation.run(ctx);
  if (isForm(outcome)) throw new Error(`${name} opened a form`);
  return { ephemeral: invocation.ephemeral, reply: outcome };
}
/** The members' buttons answer at once (only a moderator's Confirm waits on the disk). */
const press = (state: ButtonState, message: SourceMessage = { embeds: [], ephemeral: false }): Reply => {
  const reply = pressButton(ctx, state, message);
  if (reply instanceof Promise) throw new Error(`${state.kind} answered asynchronously`);
  return reply;
};
const buttonsOf = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components);

describe('the command definitions', () => {
  it('are the six commands, each valid for Discord (names, descriptions, option counts)', () => {
    expect(COMMANDS.map((c) => [c.kind, c.name, c.scope])).toEqual([
      ['slash', 'ask', 'global'],
      ['slash', 'sources', 'global'],
      ['slash', 'source', 'global'],
      ['slash', 'help', 'global'],
      ['message', 'Find sources', 'global'],
      ['slash', 'corpus', 'configured-guilds'],
    ]);
    type Described = { name: string; description: string; required?: boolean; options?: readonly Described[] };
    const check = (options: readonly Described[]) => {
      expect(options.length).toBeLessThanOrEqual(25);
      // Discord refuses a required option after an optional one.
      const firstOptional = options.findIndex((o) => !o.required);
      expect(firstOptional < 0 || options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const option of options) {
        expect(option.name).toMatch(/^[a-z-]{1,32}$/);
        expect(option.description.length).toBeLessThanOrEqual(100);
        check(option.options ?? []);
      }
    };
    for (const c of COMMANDS) {
      if (c.kind !== 'slash') continue;
      expect(c.name).toMatch(/^[a-z-]{1,32}$/);
      expect(c.data.description.length).toBeLessThanOrEqual(100);
      check(c.data.options ?? []);
    }
  });

  it('/ask takes a question of at most 300 characters, a count from 1 to 5, a source and private', () => {
    const ask = command('ask');
    expect(ask.data).toMatchObject({
      name: 'ask',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'question', required: true, max_length: 300, autocomplete: true },
        { type: ApplicationCommandOptionType.Integer, name: 'count', min_value: 1, max_value: 5 },
        { type: ApplicationCommandOptionType.String, name: 'source', autocomplete: true },
        { type: ApplicationCommandOptionType.Boolean, name: 'private' },
      ],
    });
  });
});

describe('parseOptions', () => {
  const ask = command('ask').data as Parameters<typeof parseOptions>[0];

  it('accepts options that fit the definition, trimming text', () => {
    expect(parseOptions(ask, { question: '  Who? ', count: 2, private: true })).toEqual({ ok: true, value: { question: 'Who?', count: 2, private: true } });
  });

  it('words every problem by option', () => {
    expect(parseOptions(ask, { count: 9, private: 'yes', question: 'x'.repeat(301) })).toEqual({
      ok: false,
      problems: ['question: must be at most 300 characters', 'count: must be at most 5', 'private: must be true or false'],
    });
    expect(parseOptions(ask, { count: 1.5 })).toEqual({ ok: false, problems: ['question: is required', 'count: must be a whole number'] });
  });
});

describe('/ask', () => {
  it('answers publicly, or privately when asked', async () => {
    const { ephemeral, reply } = await slash('ask', { question: 'How much did the bridge repairs cost?' });
    expect(ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe('1. Harbour bridge reopens after repairs · Example Gazette · ¶2');
    expect((await slash('ask', { question: 'How much did the bridge repairs cost?', private: true })).ephemeral).toBe(true);
  });

  it('limits the answer to the chosen source, by id or by title', async () => {
    for (const source of ['ferry-service-ends', 'Ferry service ends as the bridge reopens']) {
      const { reply } = await slash('ask', { question: 'How much did the repairs cost?', source });
      expect(reply.embeds?.map((e) => e.title)).toEqual(['1. Ferry service ends as the bridge reopens · ¶1']);
    }
  });

  it('says so, privately, when the source matches no article', async () => {
    const { reply } = await slash('ask', { question: 'cost?', source: 'weather report' });
    expect(reply).toEqual({ content: MESSAGES['unknown-article']({ typed: 'weather report' }), ephemeral: true });
  });

  it('answers invalid options with a private notice instead of running', async () => {
    const { ephemeral, reply } = await slash('ask', { question: 'cost?', count: 7 });
    expect(ephemeral).toBe(true);
    expect(reply).toEqual({ content: 'That command needs fixing:\n• count: must be at most 5', ephemeral: true });
  });

  it('completes the question from the corpus words, and the source from article titles', () => {
    const ask = command('ask');
    if (ask.kind !== 'slash' || !ask.autocomplete) throw new Error('no autocomplete');
    expect(ask.autocomplete(ctx, { name: 'question', value: 'when did the bri' })).toEqual([
      { name: 'when did the bri', value: 'when did the bri' },
      { name: 'when did the bridge', value: 'when did the bridge' },
    ]);
    expect(ask.autocomplete(ctx, { name: 'source', value: 'harb' })).toEqual([
      { name: 'Harbour bridge reopens after repairs · Example Gazette', value: 'harbour-bridge-reopens' },
    ]);
  });
});

describe('/sources, /source, /help', () => {
  it('/sources lists the articles privately', async () => {
    const { ephemeral, reply } = await slash('sources', {});
    expect(ephemeral).toBe(true);
    expect(reply.embeds?.[0]?.title).toBe('Sources — 2 articles, 6 passages');
  });

  it('/source opens an article at the passage holding a paragraph', async () => {
    const { reply } = await slash('source', { article: 'harbour-bridge-reopens', paragraph: 4 });
    expect(reply.embeds?.map((e) => e.title)).toEqual(['Harbour bridge reopens after repairs · Example Gazette · ¶4']);
    expect(buttonsOf(reply).map((b) => b.custom_id)).toEqual(['read:harbour-bridge-reopens:1']);
  });

  it('/source names the paragraphs there are when asked for one beyond the end', async () => {
    const { reply } = await slash('source', { article: 'ferry-service-ends', paragraph: 9 });
    expect(reply.content).toBe('“Ferry service ends as the bridge reopens” has paragraphs 1 to 2; there is no paragraph 9.');
  });

  it('/source lists the candidates when the article is ambiguous', async () => {
    const { reply } = await slash('source', { article: 'bridge' });
    expect(reply.content).toBe(
      'Several articles match “bridge”; pick one from the list as you type:\n• Ferry service ends as the bridge reopens\n• Harbour bridge reopens after repairs',
    );
  });

  it('/help is private', async () => {
    expect((await slash('help', {})).ephemeral).toBe(true);
  });
});

describe('Find sources', () => {
  const findSources = command('Find sources');
  const run = async (content: string) => {
    if (findSources.kind !== 'message') throw new Error('not a message command');
    const outcome = await findSources.invoke({ content }).run(ctx);
    if (isForm(outcome)) throw new Error('Find sources opened a form');
    return outcome;
  };

  it('answers with the passages that support the message, privately', async () => {
    if (findSources.kind !== 'message') throw new Error('not a message command');
    expect(findSources.invoke({ content: 'x' }).ephemeral).toBe(true);
    const reply = await run('I heard the bridge repairs cost 12 million dollars');
    expect(reply.embeds?.[0]?.title).toBe('1. Ferry service ends as the bridge reopens · ¶1');
    expect(reply.embeds?.at(-1)?.footer?.text).toMatch(/Asked: “I heard the bridge repairs cost 12 million dollars”$/);
  });

  it('says so when the message has no text', async () => {
    expect(await run('   ')).toEqual({ content: MESSAGES['empty-message']({}), ephemeral: true });
  });
});

describe('buttons', () => {
  it('More reads the question from the message and answers the next page privately', async () => {
    const { reply } = await slash('ask', { question: 'bridge', count: 1 });
    const more = buttonsOf(reply).find((b) => b.label === 'More');
    const state = decodeButton(more?.custom_id ?? '');
    if (!state.ok) throw new Error('no More button');
    const next = press(state.value, { embeds: reply.embeds ?? [], ephemeral: false });
    expect(next.ephemeral).toBe(true);
    expect(next.embeds?.[0]?.title).toMatch(/^2\. /);
    expect(next.embeds?.at(-1)?.footer?.text).toMatch(/^Passages? 2 of \d+ · 4 ms · Asked: “bridge”$/);
  });

  it('More says so when the message lost its question, or when nothing more answers', () => {
    expect(press({ kind: 'more', offset: 3, count: 3 })).toEqual({ content: MESSAGES['question-gone']({}), ephemeral: true });
    const message = { embeds: [{ footer: { text: 'Passage 1 of 1 · 4 ms · Asked: “How much did the bridge repairs cost?”' } }], ephemeral: false };
    expect(press({ kind: 'more', offset: 50, count: 3 }, message)).toEqual({ content: MESSAGES['no-more']({}), ephemeral: true });
  });

  it('Context and Article open the passage and the article; stale ones say so politely', () => {
    expect(press({ kind: 'context', passageId: 'ferry-service-ends#2' }).embeds?.map((e) => e.title)).toEqual([
      'Ferry service ends as the bridge reopens · ¶1',
      '▶ Ferry service ends as the bridge reopens · ¶2',
    ]);
    expect(press({ kind: 'article', articleId: 'ferry-service-ends' }).embeds).toHaveLength(2);
    expect(press({ kind: 'context', passageId: 'ferry-service-ends#9' })).toEqual({ content: MESSAGES['passage-gone']({}), ephemeral: true });
    expect(press({ kind: 'article', articleId: 'gone-article' })).toEqual({ content: MESSAGES['article-gone']({}), ephemeral: true });
    expect(press({ kind: 'read', articleId: 'gone-article', ordinal: 2 })).toEqual({ content: MESSAGES['article-gone']({}), ephemeral: true });
    expect(press({ kind: 'more', offset: 1, count: 1, articleId: 'gone-article' }, { embeds: [{ footer: { text: 'x · Asked: “q”' } }], ephemeral: false })).toEqual({
      content: MESSAGES['article-gone']({}),
      ephemeral: true,
    });
  });
});
