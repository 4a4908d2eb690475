/**
 * End to end: who may curate, and everything after an article is in — /corpus update, remove, undo,
 * reload, list, history and synonyms — through the real discord.js client and the stand-in, with
 * the bot started by `main` on a temporary copy of the fixture corpus. The last test undoes every
 * change made here and finds the corpus exactly as it started.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, ButtonStyle, ComponentType, InteractionResponseType, MessageFlags } from 'discord.js';
import { REPLY_OPTIONS } from '../../src/discord/limits.ts';
import { MESSAGES } from '../../src/discord/messages.ts';
import { EVERYONE_PERMISSIONS, makeButton, makeSlashCommand } from '../support/discord-stand-in/payloads.ts';
import { someone } from './bot.ts';
import { buttonIds, DISCORD_JS_DEFAULTS, file, integer, MODERATOR_ROLE_ID, NO_MENTIONS, startCurationBot, text, USER_ID, type CurationBot, confirmPreview, firstAnswer as firstAnswerOf } from './curation-support.ts';

let bot: CurationBot;
let initial: [string, string][];
beforeAll(async () => {
  bot = await startCurationBot();
  initial = bot.snapshot();
});
afterAll(async () => {
  await bot?.close();
});

const privately = (content: string) => ({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...DISCORD_JS_DEFAULTS, content, flags: MessageFlags.Ephemeral, ...NO_MENTIONS } });
const replacing = (content: string) => ({ type: InteractionResponseType.UpdateMessage, data: { ...DISCORD_JS_DEFAULTS, content, embeds: [], components: [], ...NO_MENTIONS } });
/** A member without Manage Server or a moderator role. */
const MEMBER = { user: someone('400000000000000002'), memberPermissions: EVERYONE_PERMISSIONS };
const unchanged = () => ({ files: bot.snapshot(), audit: bot.audit(), pending: bot.running.curation.pending.size });

const confirm = (preview: ReturnType<CurationBot['corpus']>) => confirmPreview(bot, preview);
const firstAnswer = (question: string) => firstAnswerOf(bot, question);

describe('who may curate', () => {
  it('registers /corpus only in the curator guild, for Manage Server by default (default_member_permissions "32"), beside the global commands', () => {
    expect(bot.standIn.commands().map((c) => c.name)).toEqual(['ask', 'sources', 'source', 'help', 'Find sources']);
    expect(bot.standIn.commands(bot.otherGuildId)).toEqual([]);
    const [corpus, ...others] = bot.standIn.commands(bot.curatorGuildId);
    expect(others).toEqual([]);
    expect(corpus).toMatchObject({ name: 'corpus', default_member_permissions: '32', guild_id: bot.curatorGuildId });
    expect(corpus?.options?.map((o) => `${o.type}:${o.name}`)).toEqual(['1:add', '1:update', '1:remove', '1:list', '1:history', '1:undo', '1:reload', '2:synonym']);
    expect(corpus?.options?.[0]).toMatchObject({ options: [{ type: ApplicationCommandOptionType.String, name: 'url' }, { type: ApplicationCommandOptionType.Attachment, name: 'file' }, { name: 'title' }, { name: 'publisher' }, { name: 'published' }] });
  });

  it('refuses, privately and changing nothing: another guild, a DM, and a member without Manage Server or a moderator role', async () => {
    const before = unchanged();
    const add = [text('url', 'http://127.0.0.1:9/never-fetched')];
    expect((await bot.callback(bot.corpus('add', add, { guildId: bot.otherGuildId }))).body).toEqual(privately(MESSAGES['curation-wrong-guild']({})));
    expect((await bot.callback(bot.corpus('undo', [], { guildId: null }))).body).toEqual(privately(MESSAGES['curation-wrong-guild']({})));
    expect((await bot.callback(bot.corpus('add', add, MEMBER))).body).toEqual(privately(MESSAGES['curation-no-permission']({})));
    expect((await bot.callback(bot.corpus('remove', [text('article', 'ferry-service-ends')], MEMBER))).body).toEqual(privately(MESSAGES['curation-no-permission']({})));
    expect((await bot.callback(bot.corpus('list', [], MEMBER))).body).toEqual(privately(MESSAGES['curation-no-permission']({})));
    // Even bad options are refused as such first: nothing about the command is revealed.
    expect((await bot.callback(bot.corpus('history', [integer('count', 99)], MEMBER))).body).toEqual(privately(MESSAGES['curation-no-permission']({})));
    const suggestions = bot.standIn.sendAutocomplete({ name: 'corpus', options: [{ type: 1, name: 'remove', options: [{ type: 3, name: 'article', value: 'fer', focused: true }] }], ...MEMBER });
    expect((await bot.callback(suggestions)).body).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
    expect(unchanged()).toEqual(before);
  });

  it('lets a member with a configured moderator role curate without Manage Server', async () => {
    const ctx = bot.standIn.interactionContext({ user: someone('400000000000000003'), memberPermissions: EVERYONE_PERMISSIONS });
    const payload = makeSlashCommand(ctx, { name: 'corpus', options: [{ type: 1, name: 'list', options: [] }] });
    if (!payload.member) throw new Error('no member');
    payload.member.roles = [MODERATOR_ROLE_ID];
    const { body } = await bot.callback(bot.standIn.sendInteraction(payload));
    expect(body).toMatchObject({ data: { embeds: [{ title: 'Corpus — 2 articles, 6 passages' }], flags: MessageFlags.Ephemeral } });
  });

  it('guards the buttons and forms too: a refused Confirm is a new private message, and the preview stays as it was', async () => {
    const preview = bot.corpus('remove', [text('article', 'ferry-service-ends')]);
    await bot.callback(preview);
    const message = bot.replyTo(preview);
    const ids = buttonIds(message);
    const before = unchanged();
    expect((await bot.callback(bot.press(ids.Confirm as string, message, MEMBER))).body).toEqual(privately(MESSAGES['curation-no-permission']({})));
    expect((await bot.callback(bot.press(ids.Confirm as string, message, { guildId: bot.otherGuildId }))).body).toEqual(privately(MESSAGES['curation-wrong-guild']({})));
    expect((await bot.callback(bot.submit('form:add', { title: 'Sneaky', text: 'Text that must not be added.' }, MEMBER))).body).toEqual(privately(MESSAGES['curation-no-permission']({})));
    expect(bot.standIn.message(message.id)).toEqual(message);
    expect(unchanged()).toEqual(before);
    // Another curator (by role) may not use someone else's preview either; its owner still can.
    const ctx = bot.standIn.interactionContext({ user: someone('400000000000000003'), memberPermissions: EVERYONE_PERMISSIONS });
    const payload = makeButton(ctx, { customId: ids.Confirm as string, message });
    if (!payload.member) throw new Error('no member');
    payload.member.roles = [MODERATOR_ROLE_ID];
    expect((await bot.callback(bot.standIn.sendInteraction(payload))).body).toEqual(privately(MESSAGES['preview-not-yours']({})));
    expect(unchanged()).toEqual(before);
    expect((await bot.callback(bot.press(ids.Cancel as string, message))).body).toEqual(replacing(MESSAGES['change-cancelled']({})));
  });

  it('never takes an article id or a custom_id that walks a path ("../")', async () => {
    const before = unchanged();
    expect((await bot.callback(bot.corpus('remove', [text('article', '../../etc/passwd')]))).body).toEqual(privately(MESSAGES['unknown-article']({ typed: '../../etc/passwd' })));
    expect((await bot.callback(bot.corpus('update', [text('article', '../harbour-bridge-reopens'), text('title', 'x')]))).body).toEqual(
      privately(MESSAGES['unknown-article']({ typed: '../harbour-bridge-reopens' })),
    );
    expect((await bot.callback(bot.submit('form:upd:../../etc/passwd', { title: 'x', text: 'y' }))).body).toEqual(privately(MESSAGES['unknown-form']({})));
    expect((await bot.callback(bot.standIn.sendButton({ customId: 'conf:../../../etc/passwd' }))).body).toEqual(privately(MESSAGES['unknown-button']({})));
    expect(unchanged()).toEqual(before);
  });
});

describe('reading the corpus', () => {
  it('/corpus list shows every article with its id and passage count; /corpus history starts empty', async () => {
    expect((await bot.callback(bot.corpus('list'))).body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        ...DISCORD_JS_DEFAULTS,
        embeds: [
          {
            title: 'Corpus — 2 articles, 6 passages',
            description: '`ferry-service-ends` — Ferry service ends as the bridge reopens — 2 passages\n`harbour-bridge-reopens` — Harbour bridge reopens after repairs · Example Gazette — 4 passages',
            color: REPLY_OPTIONS.color,
            footer: { text: 'Page 1 of 1' },
          },
        ],
        flags: MessageFlags.Ephemeral,
        ...NO_MENTIONS,
      },
    });
    expect((await bot.callback(bot.corpus('history'))).body).toMatchObject({ data: { embeds: [{ title: 'Corpus history', description: 'No change has been made through Verbatim yet.' }] } });
  });
});

describe('/corpus update', () => {
  it('changes metadata from the options: a preview of the new version, then the update, audited with the hash before and after', async () => {
    const preview = bot.corpus('update', [text('article', 'ferry-service-ends'), text('publisher', 'Harbour Times')]);
    expect((await bot.callback(preview)).body).toMatchObject({
      data: {
        content: MESSAGES['preview-update']({ title: 'Ferry service ends as the bridge reopens' }),
        embeds: [{ title: 'Ferry service ends as the bridge reopens', fields: expect.arrayContaining([{ name: 'Publisher', value: 'Harbour Times', inline: true }, { name: 'Replaces', value: '“Ferry service ends as the bridge reopens”', inline: false }]) }],
      },
    });
    expect((await confirm(preview)).body).toEqual(replacing('Updated “Ferry service ends as the bridge reopens” (`ferry-service-ends`) — 2 passages. /ask quotes the new version from now on.'));
    expect(bot.audit().at(-1)).toEqual({
      seq: 1,
      time: expect.any(String),
      guildId: bot.curatorGuildId,
      userId: USER_ID,
      userName: 'mod_ann',
      action: 'update',
      articleId: 'ferry-service-ends',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      previousHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await firstAnswer('When did the temporary ferry service end?')).title).toBe('1. Ferry service ends as the bridge reopens · Harbour Times · ¶1');
  });

  it('with nothing to change given, opens a form holding the article (response type 9); its text, edited, becomes the new version', async () => {
    const { body } = await bot.callback(bot.corpus('update', [text('article', 'harbour-bridge-reopens')]));
    expect(body).toMatchObject({
      type: InteractionResponseType.Modal,
      data: {
        custom_id: 'form:upd:harbour-bridge-reopens',
        title: 'Update an article',
        components: [
          { type: ComponentType.Label, label: 'Title', component: { custom_id: 'title', required: true, value: 'Harbour bridge reopens after repairs' } },
          { label: 'Link (optional)', component: { custom_id: 'url', value: 'https://example.com/news/harbour-bridge' } },
          { label: 'Publisher (optional)', component: { custom_id: 'publisher', value: 'Example Gazette' } },
          { label: 'Published (optional)', component: { custom_id: 'published' } },
          { label: 'Text (empty keeps the current text)', component: { custom_id: 'text', style: 2, required: false, value: expect.stringMatching(/^The harbour bridge reopened to traffic on Monday/) } },
        ],
      },
    });
    const question = 'Who painted the bridge?';
    expect((await firstAnswer(question)).description).not.toContain('Acme Painters');
    const preview = bot.submit('form:upd:harbour-bridge-reopens', {
      title: 'Harbour bridge reopens after repairs',
      url: 'https://example.com/news/harbour-bridge',
      publisher: 'Example Gazette',
      published: '2024-04-02',
      text: 'The harbour bridge reopened to traffic on Monday after six months of repairs. The deck was repainted by Acme Painters of Dunmore.',
    });
    expect((await bot.callback(preview)).body).toMatchObject({ data: { content: MESSAGES['preview-update']({ title: 'Harbour bridge reopens after repairs' }), embeds: [{ fields: expect.arrayContaining([{ name: 'Passages', value: '1', inline: true }]) }] } });
    await confirm(preview);
    expect(bot.audit().at(-1)).toMatchObject({ action: 'update', articleId: 'harbour-bridge-reopens' });
    expect((await firstAnswer(question)).description).toContain('Acme Painters of Dunmore');
  });

  it('takes new text from a file, keeping the metadata the file does not give', async () => {
    const attachment = bot.standIn.addAttachment('ferry.md', 'text/markdown; charset=utf-8', '---\ntitle: Ferry service ends as the bridge reopens\n---\nThe temporary ferry service ended on Monday, and its two boats were sold to a firm in Oban.\n');
    const preview = bot.corpus('update', [text('article', 'ferry-service-ends'), file(attachment)], { attachments: [attachment] });
    expect((await bot.callback(preview)).body).toMatchObject({ data: { embeds: [{ fields: expect.arrayContaining([{ name: 'Publisher', value: 'Harbour Times', inline: true }]) }] } });
    await confirm(preview);
    expect((await firstAnswer('Who bought the ferry boats?')).description).toContain('sold to a firm in Oban');
  });
});

describe('/corpus remove and /corpus undo', () => {
  it('asks first (a red Confirm), removes on Confirm, and /ask no longer quotes the article; undo brings it back', async () => {
    const question = 'Who bought the ferry boats?';
    const prompt = bot.corpus('remove', [text('article', 'ferry-service-ends')]);
    const { body } = await bot.callback(prompt);
    const ids = buttonIds(bot.replyTo(prompt));
    expect(body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        ...DISCORD_JS_DEFAULTS,
        content: 'Remove “Ferry service ends as the bridge reopens” (`ferry-service-ends`) and its 1 passage from the corpus? Press **Confirm** within 15 minutes; /corpus undo brings it back.',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Confirm', custom_id: ids.Confirm },
              { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Cancel', custom_id: ids.Cancel },
            ],
          },
        ],
        flags: MessageFlags.Ephemeral,
        ...NO_MENTIONS,
      },
    });
    expect(bot.snapshot().map(([f]) => f)).toContain('ferry-service-ends.md');
    expect((await confirm(prompt)).body).toEqual(replacing('Removed “Ferry service ends as the bridge reopens” (`ferry-service-ends`). /corpus undo brings it back.'));
    expect(bot.snapshot().map(([f]) => f)).not.toContain('ferry-service-ends.md');
    const removal = bot.audit().at(-1);
    expect(removal).toMatchObject({ action: 'remove', articleId: 'ferry-service-ends', previousHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(removal).not.toHaveProperty('contentHash');
    expect((await firstAnswer(question)).title).toBe('No good match');

    expect((await bot.callback(bot.corpus('undo'))).body).toEqual(
      privately(`Undid the removal of \`ferry-service-ends\` (change #${removal?.seq}). “Ferry service ends as the bridge reopens” (\`ferry-service-ends\`) is in the corpus as it was before.`),
    );
    expect(bot.audit().at(-1)).toMatchObject({ action: 'undo', undoes: removal?.seq, articleId: 'ferry-service-ends', contentHash: removal?.previousHash });
    expect((await firstAnswer(question)).description).toContain('sold to a firm in Oban');
  });
});

describe('/corpus synonym', () => {
  it('adds a group that the next /ask uses, lists it numbered, and removes it again', async () => {
    const question = 'Who bought the water bus?';
    expect((await firstAnswer(question)).title).toBe('No good match');
    const groups = bot.running.curation.service.synonyms.length;
    expect((await bot.callback(bot.corpus('synonym add', [text('spellings', 'ferry | water bus')]))).body).toEqual(
      privately(`Added synonym group ${groups + 1}: ferry | water bus. Each spelling now finds the others.`),
    );
    expect(bot.audit().at(-1)).toMatchObject({ action: 'synonyms', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await firstAnswer(question)).title).toBe('1. Ferry service ends as the bridge reopens · Harbour Times · ¶1');
    const list = await bot.callback(bot.corpus('synonym list'));
    expect(list.body).toMatchObject({ data: { embeds: [{ title: `Synonym groups — ${groups + 1}`, description: expect.stringMatching(new RegExp(`\\n\\*\\*${groups + 1}\\.\\*\\* ferry \\| water bus$`)) }] } });

    expect((await bot.callback(bot.corpus('synonym add', [text('spellings', 'ferry')]))).body).toEqual(
      privately(expect.stringMatching(/^Those synonyms cannot be added: .+ Give two or more spellings separated by \|/)),
    );
    expect((await bot.callback(bot.corpus('synonym remove', [integer('number', groups + 5)]))).body).toEqual(privately(MESSAGES['no-such-synonym-group']({ number: groups + 5, count: groups + 1 })));
    expect((await bot.callback(bot.corpus('synonym remove', [integer('number', groups + 1)]))).body).toEqual(privately('Removed the synonym group ferry | water bus.'));
    expect((await firstAnswer(question)).title).toBe('No good match');
  });
});

describe('/corpus reload', () => {
  it('re-reads files edited by hand, reports the ones it skipped, and the next /ask quotes what was added', async () => {
    const question = 'When did the lock keeper open the canal gates?';
    expect((await firstAnswer(question)).title).toBe('No good match');
    writeFileSync(join(bot.dir, 'by-hand.md'), '---\ntitle: Canal regatta\n---\nThe lock keeper opened the canal gates at dawn for the regatta.\n');
    writeFileSync(join(bot.dir, 'broken.md'), '---\npublisher: Nobody\n---\nA file without a title.\n');
    const { body } = await bot.callback(bot.corpus('reload'));
    expect(body).toEqual(privately(expect.stringMatching(/^Reloaded the corpus: 3 articles, \d+ passages, \d+ synonym groups\.\nSkipped \(fix these files and reload again\):\n• broken\.md: title /)));
    expect((await firstAnswer(question)).title).toBe('1. Canal regatta · ¶1');

    rmSync(join(bot.dir, 'by-hand.md'));
    rmSync(join(bot.dir, 'broken.md'));
    expect((await bot.callback(bot.corpus('reload'))).body).toEqual(privately(expect.stringMatching(/^Reloaded the corpus: 2 articles, \d+ passages, \d+ synonym groups\.$/)));
    expect((await firstAnswer(question)).title).toBe('No good match');
  });
});

describe('/corpus history, then undo all the way back', () => {
  it('shows who changed what, newest first; undoing every change leaves the corpus exactly as it started', async () => {
    const { body } = await bot.callback(bot.corpus('history', [integer('count', 3)]));
    const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC';
    expect(body).toMatchObject({
      data: {
        embeds: [
          {
            title: 'Corpus history — the latest 3 changes',
            description: expect.stringMatching(
              // The two reloads of the test before are audited too, then the last synonyms change.
              new RegExp(`^\\*\\*#9\\*\\* · ${time} · reloaded the corpus from disk · by mod\\\\_ann\\n\\*\\*#8\\*\\* · ${time} · reloaded the corpus from disk · by mod\\\\_ann\\n\\*\\*#7\\*\\* · ${time} · changed the synonyms · by mod\\\\_ann$`),
            ),
            footer: { text: 'Newest first · /corpus undo reverts the latest change' },
          },
        ],
      },
    });
    for (let i = 0; i < 20; i++) {
      const undone = await bot.callback(bot.corpus('undo'));
      if ((undone.body as { data: { content: string } }).data.content === MESSAGES['store-refused']({ error: { code: 'nothing-to-undo', message: '' } })) break;
      expect(undone.body).toMatchObject({ data: { content: expect.stringMatching(/^Undid /) } });
    }
    expect(bot.snapshot()).toEqual(initial);
    expect((await firstAnswer('When did the temporary ferry service end?')).title).toBe('1. Ferry service ends as the bridge reopens · ¶1');
  });
});
