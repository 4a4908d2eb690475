/**
 * End to end: a moderator adds an article with /corpus add — from a link (a local web server), from
 * a file on the stand-in's CDN, or pasted into a form — sees a preview, and confirms or cancels.
 * Nothing is written before Confirm; after it the file is on disk, the audit log has a line, and
 * the very next /ask quotes the article. Every bad input is refused privately, changing nothing.
 * One bot (started through `main`) on a temporary copy of the fixture corpus serves the whole file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags, type APIAttachment } from 'discord.js';
import { REPLY_OPTIONS } from '../../src/discord/limits.ts';
import { MESSAGES } from '../../src/discord/messages.ts';
import { buttonIds, DISCORD_JS_DEFAULTS, file, NO_MENTIONS, startCurationBot, startSite, text, USER_ID, type CurationBot, type Site, confirmPreview, firstAnswer as firstAnswerOf } from './curation-support.ts';

const PAGE = readFileSync(new URL('../fixtures/pages/news-article.html', import.meta.url));
const FERRY_TEXT = readFileSync(new URL('./fixtures/corpus/ferry-service-ends.md', import.meta.url), 'utf8').split('---\n')[2] as string;

let bot: CurationBot;
let site: Site;
beforeAll(async () => {
  site = await startSite({
    '/news/flood-barrier': (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
    '/notes.txt': (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Harbour notes\nThe harbour master counted 40 yachts in the marina on Sunday, a record for May.\n'),
    '/moved': (_request, response) => response.writeHead(302, { location: 'http://192.168.0.10/story' }).end(),
  });
  bot = await startCurationBot();
});
afterAll(async () => {
  await bot?.close();
  await site?.close();
});

const NONCE = /^[A-Za-z0-9_-]{22}$/;
const confirmButton = (id: string, style = ButtonStyle.Primary) => ({ type: ComponentType.Button, style, label: 'Confirm', custom_id: id });
const cancelButton = (id: string) => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Cancel', custom_id: id });
const privately = (content: string) => ({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...DISCORD_JS_DEFAULTS, content, flags: MessageFlags.Ephemeral, ...NO_MENTIONS } });
/** What a button's answer looks like when it replaces the preview it is on (type 7: buttons and embeds gone). */
const replacing = (content: string) => ({ type: InteractionResponseType.UpdateMessage, data: { ...DISCORD_JS_DEFAULTS, content, embeds: [], components: [], ...NO_MENTIONS } });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Sends /corpus add with an attachment the stand-in's CDN serves. */
function attach(filename: string, contentType: string, data: Buffer | string, edit: (a: APIAttachment) => APIAttachment = (a) => a) {
  const attachment = edit(bot.standIn.addAttachment(filename, contentType, data));
  return { sent: bot.corpus('add', [file(attachment)], { attachments: [attachment] }), attachment };
}

const confirm = (preview: ReturnType<CurationBot['corpus']>) => confirmPreview(bot, preview);
const firstAnswer = (question: string) => firstAnswerOf(bot, question);

describe('/corpus add from a link', () => {
  it('previews the article the page holds (no navigation, ads or comments), writes nothing before Confirm, then adds it, audited, and the next /ask quotes it', async () => {
    const question = 'How many homes will the flood barrier protect?';
    expect((await firstAnswer(question)).title).toBe('No good match');
    const before = bot.snapshot();

    const preview = bot.corpus('add', [text('url', `${site.origin}/news/flood-barrier`)]);
    const { body } = await bot.callback(preview);
    const ids = buttonIds(bot.replyTo(preview));
    expect(ids.Confirm).toMatch(/^conf:/);
    expect(NONCE.test((ids.Confirm as string).slice(5))).toBe(true);
    expect(ids.Cancel).toBe(`canc:${(ids.Confirm as string).slice(5)}`);
    expect(body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        ...DISCORD_JS_DEFAULTS,
        content: MESSAGES['preview-add']({}),
        embeds: [
          {
            title: 'Riverside council approves flood barrier after a decade of delays',
            url: 'https://www.harborgazette.example/news/2024/03/14/riverside-flood-barrier-approved',
            description: [
              '**¶1–2**',
              '> Riverside’s town council voted 7–2 on Wednesday night to build a concrete flood barrier along the east bank of the Alder, ending ten years of argument over the wall’s cost and who should pay for it.',
              '> ',
              '> The £14.2 million barrier will run for 1.3 kilometres between the railway bridge and the old tannery, protecting about 600 homes that have flooded three times since 2014.',
              '',
              '**¶3**',
              '> Councillors who opposed the plan said the town could not afford its share of the bill, which will be met partly by a national resilience grant and partly by a rise in local property tax of about 2 per cent.',
              '',
              '**¶4–6**',
              '> Residents divided',
              '> ',
              '> At a packed public meeting before the vote, residents of Mill Lane urged the council to act before next winter. Others worried that the wall would cut the town off from its river.',
              '> ',
              '> “We have bailed out our kitchens three times. We cannot do it a fourth time,” said Maria Okafor, who chairs the Mill Lane residents’ association.',
              '',
              '*…and 1 more passage.*',
            ].join('\n'),
            color: REPLY_OPTIONS.color,
            fields: [
              { name: 'Id', value: '`riverside-council-approves-flood-barrier-after-a-decade-of`', inline: true },
              { name: 'Passages', value: '4', inline: true },
              { name: 'Publisher', value: 'The Harbor Gazette', inline: true },
              { name: 'Published', value: '2024-03-14', inline: true },
              {
                name: 'Link',
                value: '[https://www.harborgazette.example/news/2024/03/14/riverside-flood-barrier-approved](https://www.harborgazette.example/news/2024/03/14/riverside-flood-barrier-approved)',
                inline: false,
              },
              { name: 'Similar articles', value: 'None: no article in the corpus shares much of its wording.', inline: false },
            ],
            footer: { text: 'Nothing is saved until you press Confirm.' },
          },
        ],
        components: [{ type: ComponentType.ActionRow, components: [confirmButton(ids.Confirm as string), cancelButton(ids.Cancel as string)] }],
        flags: MessageFlags.Ephemeral,
        ...NO_MENTIONS,
      },
    });
    expect(bot.snapshot()).toEqual(before);
    expect(bot.audit()).toEqual([]);

    const confirmed = await confirm(preview);
    const id = 'riverside-council-approves-flood-barrier-after-a-decade-of';
    expect(confirmed.body).toEqual(replacing(MESSAGES['article-written']({ article: { id, title: 'Riverside council approves flood barrier after a decade of delays' } as never, passages: 4, replaced: false })));

    // Right after the Confirm callback: the file, the audit line, and an answer from the new article.
    const saved = readFileSync(join(bot.dir, `${id}.md`), 'utf8');
    expect(saved).toContain('title: Riverside council approves flood barrier after a decade of delays\npublisher: The Harbor Gazette\n');
    expect(saved).toContain('protecting about 600 homes');
    for (const furniture of ['We use cookies', 'Breaking: Bridge closed', 'Advertisement', 'Share on Facebook', 'Get the Morning Ledger', 'About time. My neighbours', 'Leave a Reply', 'All rights reserved']) {
      expect(saved).not.toContain(furniture);
    }
    expect(bot.audit()).toEqual([
      { seq: 1, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), guildId: bot.curatorGuildId, userId: USER_ID, userName: 'mod_ann', action: 'add', articleId: id, contentHash: sha256(saved) },
    ]);
    const answer = await firstAnswer(question);
    expect(answer.title).toBe('1. Riverside council approves flood barrier after a decade of delays · The Harbor Gazette · ¶1');
    expect(answer.description).toContain('**The £14.2 million barrier will run for 1.3 kilometres between the railway bridge and the old tannery, protecting about 600 homes');
  });

  it('cancels: the preview is replaced by "Cancelled", nothing is written, and its Confirm no longer works', async () => {
    const before = { files: bot.snapshot(), audit: bot.audit() };
    const preview = bot.corpus('add', [text('url', `${site.origin}/notes.txt`)]);
    expect((await bot.callback(preview)).body).toMatchObject({
      data: {
        embeds: [
          {
            title: 'Harbour notes',
            fields: [
              { name: 'Id', value: '`harbour-notes`' },
              { name: 'Passages', value: '1' },
              { name: 'Publisher', value: '—' },
              { name: 'Published', value: '—' },
              { name: 'Link', value: `[${site.origin}/notes.txt](${site.origin}/notes.txt)` },
              { name: 'Similar articles' },
            ],
          },
        ],
      },
    });
    const message = bot.replyTo(preview);
    const ids = buttonIds(message);
    expect((await bot.callback(bot.press(ids.Cancel as string, message))).body).toEqual(replacing(MESSAGES['change-cancelled']({})));
    expect((await bot.callback(bot.press(ids.Confirm as string, message))).body).toEqual(replacing(MESSAGES['preview-expired']({})));
    expect({ files: bot.snapshot(), audit: bot.audit() }).toEqual(before);
    expect(bot.running.curation.pending.size).toBe(0);
  });

  it('refuses a bad URL, a link to a private or metadata address, and a link that redirects to one, without connecting there', async () => {
    const before = { files: bot.snapshot(), audit: bot.audit() };
    const refusal = (why: string) => privately(`That article cannot be saved:\n• The link could not be fetched: ${why}\nNothing was changed.`);
    expect((await bot.callback(bot.corpus('add', [text('url', 'ftp://example.com/story')]))).body).toEqual(refusal('only http and https links can be fetched, not ftp: (ftp://example.com/story)'));
    expect((await bot.callback(bot.corpus('add', [text('url', 'not a link')]))).body).toEqual(refusal('"not a link" is not a valid absolute URL'));
    expect((await bot.callback(bot.corpus('add', [text('url', 'http://10.0.0.7/story')]))).body).toEqual(
      refusal('refused to fetch http://10.0.0.7/story: 10.0.0.7 is a private network address; only public internet addresses can be fetched'),
    );
    expect((await bot.callback(bot.corpus('add', [text('url', 'http://169.254.169.254/latest/meta-data/')]))).body).toEqual(
      refusal('refused to fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address; only public internet addresses can be fetched'),
    );
    site.hits.length = 0;
    expect((await bot.callback(bot.corpus('add', [text('url', `${site.origin}/moved`)]))).body).toEqual(
      refusal('refused to fetch http://192.168.0.10/story: 192.168.0.10 is a private network address; only public internet addresses can be fetched'),
    );
    expect(site.hits).toEqual(['/moved']);
    expect({ files: bot.snapshot(), audit: bot.audit() }).toEqual(before);
  });
});

describe('/corpus add with a form (pasted text)', () => {
  it('opens the form (response type 9): title, link, publisher, date and the text, prefilled from the options given', async () => {
    const { body } = await bot.callback(bot.corpus('add', [text('publisher', 'Island Times')]));
    const field = (label: string, customId: string, extra: Record<string, unknown>) => ({ type: ComponentType.Label, label, component: { type: ComponentType.TextInput, custom_id: customId, style: 1, required: false, ...extra } });
    expect(body).toEqual({
      type: InteractionResponseType.Modal,
      data: {
        custom_id: 'form:add',
        title: 'Add an article',
        components: [
          field('Title', 'title', { max_length: 300, placeholder: 'Leave empty to use the first line of the text' }),
          field('Link (optional)', 'url', { max_length: 1000, placeholder: 'https://…' }),
          field('Publisher (optional)', 'publisher', { max_length: 120, value: 'Island Times' }),
          field('Published (optional)', 'published', { max_length: 32, placeholder: 'YYYY-MM-DD' }),
          {
            type: ComponentType.Label,
            label: 'Article text',
            component: { type: ComponentType.TextInput, custom_id: 'text', style: 2, required: true, max_length: 4000, placeholder: 'Paste the article as published, paragraphs separated by blank lines' },
          },
        ],
      },
    });
  });

  it('previews a pasted article whose title has mentions and markdown literally, pinging nobody, and adds it on Confirm', async () => {
    const title = '@everyone **Breaking**: keepers return to <@123456789012345678> _Skerry_';
    const pasted = 'The Skerry Island lighthouse will be staffed again from June, the island trust said on Tuesday. The light was automated in 1987, when the last keeper left.\n\nTwo keepers will look after the tower and guide visitors through the summer, the trust said.';
    const question = 'When was the Skerry lighthouse automated?';
    expect((await firstAnswer(question)).title).toBe('No good match');

    const preview = bot.submit('form:add', { title, url: 'https://islandtimes.example/skerry', publisher: 'Island Times', published: '2024-05-07', text: pasted });
    const { body } = await bot.callback(preview);
    const escaped = '@everyone \\*\\*Breaking\\*\\*: keepers return to \\<@123456789012345678\\> \\_Skerry\\_';
    expect(body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: MESSAGES['preview-add']({}),
        embeds: [
          {
            title: escaped,
            url: 'https://islandtimes.example/skerry',
            fields: [
              { name: 'Id', value: '`everyone-breaking-keepers-return-to-123456789012345678`' },
              { name: 'Passages', value: '1' },
              { name: 'Publisher', value: 'Island Times' },
              { name: 'Published', value: '2024-05-07' },
              { name: 'Link', value: '[https://islandtimes.example/skerry](https://islandtimes.example/skerry)' },
              { name: 'Similar articles' },
            ],
          },
        ],
        flags: MessageFlags.Ephemeral,
        ...NO_MENTIONS,
      },
    });

    const confirmed = await confirm(preview);
    expect(confirmed.body).toEqual(
      replacing(`Added “${escaped}” (\`everyone-breaking-keepers-return-to-123456789012345678\`) — 1 passage. /ask quotes it from now on.`),
    );
    const saved = readFileSync(join(bot.dir, 'everyone-breaking-keepers-return-to-123456789012345678.md'), 'utf8');
    expect(saved).toMatch(/^---\ntitle: '@everyone \*\*Breaking\*\*: keepers return to <@123456789012345678> _Skerry_'\n/);
    expect(bot.audit().at(-1)).toMatchObject({ action: 'add', articleId: 'everyone-breaking-keepers-return-to-123456789012345678', userId: USER_ID, contentHash: sha256(saved) });
    const answer = await firstAnswer(question);
    expect(answer.title).toBe(`1. ${escaped} · Island Times · ¶1`);
    expect(answer.description).toContain('The light was automated in 1987, when the last keeper left.');
  });

  it('refuses an exact duplicate of an article, flags a near-duplicate without refusing it, and refuses bad metadata', async () => {
    const before = { files: bot.snapshot(), audit: bot.audit() };
    expect((await bot.callback(bot.submit('form:add', { title: 'Ferry again', text: FERRY_TEXT }))).body).toEqual(
      privately('That article cannot be saved:\n• The same text is already in the corpus as `ferry-service-ends`.\nNothing was changed.'),
    );
    const near = await bot.callback(bot.submit('form:add', { title: 'Ferry service ends (updated)', text: `${FERRY_TEXT}\nThe last ferry left the quay at six in the evening.` }));
    expect(near.body).toMatchObject({ data: { embeds: [{ fields: expect.arrayContaining([{ name: 'Similar articles', value: expect.stringMatching(/^• “Ferry service ends as the bridge reopens” \(`ferry-service-ends`\) — \d+% shared wording$/), inline: false }]) }] } });
    expect((await bot.callback(bot.submit('form:add', { title: 'x'.repeat(301), url: 'javascript:alert(1)', published: 'yesterday', text: 'The harbour master counted forty yachts.' }))).body).toEqual(
      privately(
        'That article cannot be saved:\n• The title is 301 characters; at most 300.\n• url: "javascript:alert(1)" is not an http(s) link.\n• published must be a date like 2022-06-17.\nNothing was changed.',
      ),
    );
    expect({ files: bot.snapshot(), audit: bot.audit() }).toEqual(before);
  });
});

describe('/corpus add with a file', () => {
  it('downloads the attachment the interaction resolved from the stand-in’s CDN, previews it with its front-matter, and adds it', async () => {
    const markdown = '---\ntitle: Tram line to the harbour opens\npublisher: Coast Courier\nurl: https://courier.example/tram\npublished: 2024-05-02\n---\nThe new tram line to the harbour carried 12,000 passengers in its first weekend, the operator said.\n\nTrams run every eight minutes between the station and the marina until midnight.\n';
    const { sent, attachment } = attach('tram.md', 'text/markdown; charset=utf-8', markdown);
    expect((await bot.callback(sent)).body).toMatchObject({
      data: {
        embeds: [
          {
            title: 'Tram line to the harbour opens',
            fields: [
              { name: 'Id', value: '`tram-line-to-the-harbour-opens`' },
              { name: 'Passages', value: '1' },
              { name: 'Publisher', value: 'Coast Courier' },
              { name: 'Published', value: '2024-05-02' },
              { name: 'Link', value: '[https://courier.example/tram](https://courier.example/tram)' },
              { name: 'Similar articles' },
            ],
          },
        ],
      },
    });
    expect(bot.standIn.requests.filter((r) => r.path.startsWith(new URL(attachment.url).pathname)).map((r) => r.method)).toEqual(['GET']);
    await confirm(sent);
    expect(existsSync(join(bot.dir, 'tram-line-to-the-harbour-opens.md'))).toBe(true);
    expect((await firstAnswer('How many passengers did the tram carry?')).title).toBe('1. Tram line to the harbour opens · Coast Courier · ¶1');
  });

  it('refuses a binary file, an empty one, invalid UTF-8, an unsupported kind, and an oversize one (before downloading it)', async () => {
    const before = { files: bot.snapshot(), audit: bot.audit() };
    const refusal = (...why: string[]) => privately(`That article cannot be saved:\n${why.map((w) => `• ${w}`).join('\n')}\nNothing was changed.`);
    expect((await bot.callback(attach('scan.txt', 'text/plain', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])).sent)).body).toEqual(refusal('The file is binary, not text. Attach a .txt, .md, .html or .eml file.'));
    expect((await bot.callback(attach('empty.txt', 'text/plain; charset=utf-8', '').sent)).body).toEqual(
      refusal('A title is required.', 'No article text is left once page furniture (menus, ads, comments, share buttons) is set aside.'),
    );
    expect((await bot.callback(attach('latin.txt', 'text/plain', Buffer.from('Caf\xe9 au lait\nOn the quay.', 'latin1')).sent)).body).toEqual(refusal('The file is not UTF-8 text. Save it as UTF-8 and try again.'));
    expect((await bot.callback(attach('paper.pdf', 'application/pdf', '%PDF-1.4').sent)).body).toEqual(refusal('"paper.pdf" is not a .txt, .md, .html or .eml file.'));

    const oversize = attach('big.txt', 'text/plain; charset=utf-8', 'word '.repeat(41_000));
    expect((await bot.callback(oversize.sent)).body).toEqual(refusal('“big.txt” is 201 KB; articles may be at most 200 KB.'));
    expect(bot.standIn.requests.some((r) => r.path.startsWith(new URL(oversize.attachment.url).pathname))).toBe(false);
    // A size that lies: the download stops at the limit all the same.
    const lying = attach('small.txt', 'text/plain; charset=utf-8', 'word '.repeat(41_000), (a) => ({ ...a, size: 100 }));
    expect((await bot.callback(lying.sent)).body).toEqual(refusal('The attachment is 201 KB; articles may be at most 200 KB.'));
    expect({ files: bot.snapshot(), audit: bot.audit() }).toEqual(before);
  });

  it('downloads only from the URL the interaction resolved on the CDN hosts: any other host is refused without a request', async () => {
    site.hits.length = 0;
    const elsewhere = attach('notes.txt', 'text/plain', 'Harbour notes\nForty yachts.', (a) => ({ ...a, url: `${site.origin.replace('127.0.0.1', 'localhost')}/notes.txt` }));
    expect((await bot.callback(elsewhere.sent)).body).toEqual(
      privately('That article cannot be saved:\n• The attachment is not on Discord’s file servers, so it was not downloaded.\nNothing was changed.'),
    );
    expect(site.hits).toEqual([]);
  });
});
