/**
 * The pieces of corpus curation, without Discord: who may curate, previews waiting for Confirm,
 * downloading an attachment under its guards, forms within Discord's limits, custom_ids that
 * cannot walk a path, /corpus options parsed by subcommand, and previews rendered safely.
 */
import { ApplicationCommandOptionType, ButtonStyle, ComponentType, TextInputStyle } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import * as corpusCommand from '../../commands/corpus.ts';
import { prepareArticle } from '../../src/core/new-article.ts';
import { parseOptions, type Invoker } from '../../src/discord/command.ts';
import { curatorAccess } from '../../src/discord/curation/access.ts';
import { downloadAttachment, type DownloadOptions } from '../../src/discord/curation/attachment.ts';
import { PendingChanges } from '../../src/discord/curation/pending.ts';
import { renderPreview } from '../../src/discord/curation/render.ts';
import { decodeButton, decodeForm, encodeButton, encodeForm } from '../../src/discord/custom-id.ts';
import { MESSAGES } from '../../src/discord/messages.ts';
import { prepareForm, prepareReply } from '../../src/discord/reply.ts';
import { perTestServers } from '../support/loopback-server.ts';
import { fixtureIndex } from './support.ts';

const GUILD = '500000000000000001';
const ROLE = '500000000000000002';
const policy = { curatorGuildIds: [GUILD], moderatorRoleIds: [ROLE] };
const MANAGE_GUILD = (1n << 5n).toString();
const ADMINISTRATOR = (1n << 3n).toString();
const member = (over: Partial<Invoker> = {}): Invoker => ({ via: 'discord', guildId: GUILD, userId: '500000000000000003', userName: 'ann', permissions: '0', roleIds: [], ...over });

describe('curatorAccess', () => {
  it('lets in a member of a curator guild with Manage Server, Administrator or a moderator role, as the actor the audit log records', () => {
    const actor = { ok: true, value: { guildId: GUILD, userId: '500000000000000003', userName: 'ann' } };
    expect(curatorAccess(member({ permissions: MANAGE_GUILD }), policy, { readOnly: false })).toEqual(actor);
    expect(curatorAccess(member({ permissions: ADMINISTRATOR }), policy, { readOnly: false })).toEqual(actor);
    expect(curatorAccess(member({ roleIds: ['1', ROLE] }), policy, { readOnly: false })).toEqual(actor);
  });

  it('refuses another guild, a DM, a member without the permission or role, and anyone when no guild is configured', () => {
    const refused = (code: string) => ({ ok: false, error: { code } });
    expect(curatorAccess(member({ guildId: '500000000000000009', permissions: MANAGE_GUILD }), policy, { readOnly: true })).toEqual(refused('curation-wrong-guild'));
    expect(curatorAccess(member({ guildId: undefined, permissions: MANAGE_GUILD }), policy, { readOnly: true })).toEqual(refused('curation-wrong-guild'));
    expect(curatorAccess(member({ permissions: (1n << 13n).toString(), roleIds: ['500000000000000004'] }), policy, { readOnly: false })).toEqual(refused('curation-no-permission'));
    expect(curatorAccess(member({ permissions: undefined }), policy, { readOnly: false })).toEqual(refused('curation-no-permission'));
    expect(curatorAccess(member({ permissions: MANAGE_GUILD }), { curatorGuildIds: [], moderatorRoleIds: [] }, { readOnly: true })).toEqual(refused('curation-wrong-guild'));
    expect(curatorAccess(undefined, policy, { readOnly: true })).toEqual(refused('curation-no-permission'));
  });

  it('lets the console read but not write', () => {
    const console: Invoker = { via: 'console', userName: 'console', roleIds: [] };
    expect(curatorAccess(console, policy, { readOnly: true })).toEqual({ ok: true, value: { userName: 'console' } });
    expect(curatorAccess(console, policy, { readOnly: false })).toEqual({ ok: false, error: { code: 'curation-console-read-only' } });
  });
});

describe('PendingChanges', () => {
  const owner = { userId: '1', guildId: GUILD };
  const change = { kind: 'remove' as const, articleId: 'ferry-service-ends' };

  it('gives the change back once, to its owner only, under a nonce a custom_id can carry', () => {
    const pending = new PendingChanges();
    const nonce = pending.put(change, owner);
    expect(decodeButton(encodeButton({ kind: 'confirm', nonce }))).toEqual({ ok: true, value: { kind: 'confirm', nonce } });
    expect(pending.belongsToSomeoneElse(nonce, { userId: '2', guildId: GUILD })).toBe(true);
    expect(pending.take(nonce, { userId: '2', guildId: GUILD })).toEqual({ ok: false, error: { code: 'preview-not-yours' } });
    expect(pending.take(nonce, owner)).toEqual({ ok: true, value: change });
    expect(pending.take(nonce, owner)).toEqual({ ok: false, error: { code: 'preview-expired' } });
  });

  it('forgets a change when it expires, and the oldest when too many wait', () => {
    let now = 0;
    const pending = new PendingChanges({ ttlMs: 1000, maxEntries: 2 }, () => now);
    const first = pending.put(change, owner);
    now = 999;
    expect(pending.size).toBe(1);
    now = 1000;
    expect(pending.take(first, owner)).toEqual({ ok: false, error: { code: 'preview-expired' } });
    const [a, b, c] = [pending.put(change, owner), pending.put(change, owner), pending.put(change, owner)];
    expect(pending.size).toBe(2);
    expect(pending.take(a, owner).ok).toBe(false);
    expect(pending.take(b, owner).ok && pending.take(c, owner).ok).toBe(true);
  });
});

describe('custom_ids of the curation buttons and forms', () => {
  it('round-trip, and refuse anything else — article ids that walk a path included', () => {
    expect(decodeForm(encodeForm({ kind: 'add-article' }))).toEqual({ ok: true, value: { kind: 'add-article' } });
    expect(decodeForm(encodeForm({ kind: 'update-article', articleId: 'ferry-service-ends' }))).toEqual({ ok: true, value: { kind: 'update-article', articleId: 'ferry-service-ends' } });
    for (const id of ['form:upd:../ferry', 'form:upd:ferry/../../x', 'form:upd:', 'form:add:x', 'form:upd:a:b', 'modal:add']) expect(decodeForm(id).ok).toBe(false);
    for (const id of ['conf:../../etc/passwd', 'conf:short', 'canc:', `conf:${'a'.repeat(22)}:x`]) expect(decodeButton(id).ok).toBe(false);
  });
});

describe('prepareForm', () => {
  it('makes a modal of label components around text inputs', () => {
    expect(prepareForm({ form: { customId: 'form:add', title: 'Add an article', fields: [{ customId: 'text', label: 'Article text', paragraph: true, required: true, placeholder: 'Paste it' }] } })).toEqual({
      custom_id: 'form:add',
      title: 'Add an article',
      components: [{ type: ComponentType.Label, label: 'Article text', component: { type: ComponentType.TextInput, custom_id: 'text', style: TextInputStyle.Paragraph, required: true, max_length: 4000, placeholder: 'Paste it' } }],
    });
  });

  it('holds titles and labels to Discord’s limits, and refuses to cut a prefilled value or to carry more than five fields', () => {
    const field = { customId: 'title', label: 'A label far longer than the forty-five characters Discord allows', required: false };
    const modal = prepareForm({ form: { customId: 'form:add', title: 'A title far longer than the forty-five characters Discord allows', fields: [field] } });
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect((modal.components[0] as { label: string }).label.length).toBeLessThanOrEqual(45);
    expect(() => prepareForm({ form: { customId: 'form:add', title: 'T', fields: [{ ...field, value: 'x'.repeat(301), maxLength: 300 }] } })).toThrow(/prefilled with 301 characters/);
    expect(() => prepareForm({ form: { customId: 'form:add', title: 'T', fields: Array.from({ length: 6 }, () => field) } })).toThrow(/1 to 5 fields/);
  });
});

describe('/corpus options', () => {
  it('are parsed by subcommand, a group’s subcommands by their path', () => {
    expect(parseOptions(corpusCommand.data, { subcommand: 'add', url: ' https://example.com/a ' })).toEqual({ ok: true, value: { subcommand: 'add', url: 'https://example.com/a' } });
    expect(parseOptions(corpusCommand.data, { subcommand: 'synonym add', spellings: 'a | b' })).toEqual({ ok: true, value: { subcommand: 'synonym add', spellings: 'a | b' } });
    const file = { id: '1', url: 'https://cdn.discordapp.com/attachments/1/2/a.txt', filename: 'a.txt', size: 10 };
    expect(parseOptions(corpusCommand.data, { subcommand: 'update', article: 'x', file })).toEqual({ ok: true, value: { subcommand: 'update', article: 'x', file } });
  });

  it('word a missing or out-of-range option, and an unknown subcommand', () => {
    expect(parseOptions(corpusCommand.data, { subcommand: 'remove' })).toEqual({ ok: false, problems: ['article: is required'] });
    expect(parseOptions(corpusCommand.data, { subcommand: 'history', count: 99 })).toEqual({ ok: false, problems: ['count: must be at most 25'] });
    expect(parseOptions(corpusCommand.data, { subcommand: 'synonym rename' }).ok).toBe(false);
    expect(corpusCommand.data.options.map((o) => o.type)).toEqual([1, 1, 1, 1, 1, 1, 1, ApplicationCommandOptionType.SubcommandGroup]);
  });
});

describe('renderPreview', () => {
  it('shows a title with mentions and markdown literally, and sends it with no mentions allowed', () => {
    const prepared = prepareArticle({ title: '@everyone **Big** <@123456789012345678> news', body: 'The *ferry* returns.\n\nA second paragraph about the harbour, long enough to stand alone as a passage in the preview.' }, fixtureIndex());
    if (!prepared.ok) throw new Error('not prepared');
    const body = prepareReply(renderPreview(prepared.value, 'n'.repeat(22)));
    expect(body.content).toBe(MESSAGES['preview-add']({}));
    expect(body.embeds?.[0]?.title).toBe('@everyone \\*\\*Big\\*\\* \\<@123456789012345678\\> news');
    expect(body.embeds?.[0]?.description).toContain('The \\*ferry\\* returns.');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBe(64);
    expect(body.components?.[0]?.components.map((b) => [b.label, b.style, b.custom_id])).toEqual([
      ['Confirm', ButtonStyle.Primary, `conf:${'n'.repeat(22)}`],
      ['Cancel', ButtonStyle.Secondary, `canc:${'n'.repeat(22)}`],
    ]);
  });
});

describe('downloadAttachment', () => {
  const serve = perTestServers();
  const options = (over: Partial<DownloadOptions> = {}): DownloadOptions => ({ cdnHosts: ['127.0.0.1'], maxBytes: 100, allowPrivateAddress: (a) => a === '127.0.0.1', ...over });
  const ref = (url: string, size = 5) => ({ id: '1', url, filename: 'a.txt', size });

  it('fetches the bytes as they are, whatever the content type', async () => {
    const server = await serve((_q, r) => r.writeHead(200, { 'content-type': 'text/markdown' }).end(Buffer.from([0x48, 0xc3, 0x28])));
    expect(await downloadAttachment(ref(`${server.origin}/a.txt`), options())).toEqual({ ok: true, value: new Uint8Array([0x48, 0xc3, 0x28]) });
  });

  it('refuses a host that is not a CDN host, and a CDN host that resolves to a private address, without connecting', async () => {
    const server = await serve((_q, r) => r.end('x'));
    expect(await downloadAttachment(ref(`${server.origin.replace('127.0.0.1', 'localhost')}/a.txt`), options())).toMatchObject({ ok: false, error: { code: 'not-discord-cdn' } });
    expect(await downloadAttachment(ref('file:///etc/passwd'), options())).toMatchObject({ ok: false, error: { code: 'not-discord-cdn' } });
    const lookup = async () => [{ address: '10.1.2.3', family: 4 }];
    expect(await downloadAttachment(ref('https://cdn.discordapp.com/attachments/1/2/a.txt'), options({ cdnHosts: ['cdn.discordapp.com'], lookup }))).toEqual({
      ok: false,
      error: { code: 'private-address', message: 'cdn.discordapp.com resolves to a private network address, which Verbatim never downloads from.' },
    });
    expect(await downloadAttachment(ref(`${server.origin}/a.txt`), options({ allowPrivateAddress: () => false }))).toMatchObject({ ok: false, error: { code: 'private-address' } });
    expect(server.hits).toEqual([]);
  });

  it('refuses a declared size over the limit before asking, and stops reading a body that passes it', async () => {
    const server = await serve((_q, r) => {
      r.writeHead(200, { 'content-type': 'text/plain' });
      r.write('x'.repeat(80));
      r.end('x'.repeat(80));
    });
    expect(await downloadAttachment(ref(`${server.origin}/big.txt`, 101), options())).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(server.hits).toEqual([]);
    expect(await downloadAttachment(ref(`${server.origin}/big.txt`, 5), options())).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('follows no redirect, and says so for an HTTP error or a server that never answers', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/moved') response.writeHead(302, { location: 'http://10.0.0.1/a.txt' }).end();
      else if (request.url === '/gone') response.writeHead(404).end();
      // '/stall': never answers
    });
    expect(await downloadAttachment(ref(`${server.origin}/moved`), options())).toMatchObject({ ok: false, error: { code: 'redirect' } });
    expect(await downloadAttachment(ref(`${server.origin}/gone`), options())).toMatchObject({ ok: false, error: { code: 'http-status' } });
    expect(await downloadAttachment(ref(`${server.origin}/stall`), options({ timeoutMs: 100 }))).toEqual({ ok: false, error: { code: 'timeout', message: 'The attachment did not download in time.' } });
  });
});
