/**
 * What the /corpus end-to-end tests share: a bot started through `main` on a temporary copy of the
 * fixture corpus, in a stand-in with a curator guild (whose owner is the default user, so they hold
 * Manage Server) and another guild, with 127.0.0.1 allowed as the "CDN" and as a link target; a
 * local web server for links; and helpers to send /corpus, press its buttons and submit its forms.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, type APIApplicationCommandInteractionDataOption, type APIAttachment, type APIMessage } from 'discord.js';
import type { AuditEntry } from '../../src/core/store/corpus-store.ts';
import { snowflake, startDiscordStandIn, type InteractionTarget, type RecordedRequest, type SentInteraction } from '../support/discord-stand-in/index.ts';
import { startBot, type BotUnderTest } from './bot.ts';
import { FIXTURE_CORPUS_DIR } from './support.ts';

export const USER_ID = '400000000000000001';
export const MODERATOR_ROLE_ID = '400000000000000099';

/** What discord.js adds to every message body it sends, and what every Verbatim body carries. */
export const DISCORD_JS_DEFAULTS = { tts: false, enforce_nonce: false };
export const NO_MENTIONS = { allowed_mentions: { parse: [] } };

export type Site = { readonly origin: string; readonly hits: string[]; readonly close: () => Promise<void> };
type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A web server on 127.0.0.1 serving `routes` by path (404 otherwise), recording every path asked for. */
export async function startSite(routes: Record<string, Route>): Promise<Site> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const route = routes[request.url ?? ''];
    if (route) route(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type CurationBot = BotUnderTest & {
  /** The temporary corpus directory (a copy of the fixture corpus). */
  readonly dir: string;
  readonly curatorGuildId: string;
  readonly otherGuildId: string;
  /** Sends `/corpus <sub…> <options>`; `sub` is 'add' or 'synonym add'. */
  readonly corpus: (sub: string, options?: APIApplicationCommandInteractionDataOption[], target?: InteractionTarget & { attachments?: APIAttachment[] }) => SentInteraction;
  readonly ask: (question: string) => SentInteraction;
  readonly press: (customId: string, message: APIMessage | string, target?: InteractionTarget) => SentInteraction;
  readonly submit: (customId: string, fields: Record<string, string>, target?: InteractionTarget) => SentInteraction;
  readonly callback: (sent: SentInteraction) => Promise<RecordedRequest>;
  /** The message an interaction's first response created or updated. */
  readonly replyTo: (sent: SentInteraction) => APIMessage;
  /** The audit log, oldest first. */
  readonly audit: () => AuditEntry[];
  /** The corpus files (not the store's own directory) and their contents, to prove nothing changed. */
  readonly snapshot: () => [string, string][];
};

/** Starts a bot for curation tests; `close` stops it, the stand-in, and removes the corpus copy. */
export async function startCurationBot(env: Record<string, string> = {}): Promise<CurationBot> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-curation-'));
  cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
  const curatorGuildId = snowflake();
  const otherGuildId = snowflake();
  const standIn = await startDiscordStandIn({
    user: { id: USER_ID, username: 'mod_ann' },
    guilds: [
      { id: curatorGuildId, ownerId: USER_ID, roles: [{ id: MODERATOR_ROLE_ID, name: 'Moderators' }] },
      { id: otherGuildId, ownerId: USER_ID },
    ],
  });
  let bot: BotUnderTest;
  try {
    bot = await startBot({
      standIn,
      env: {
        CORPUS_DIR: dir,
        CURATOR_GUILD_IDS: curatorGuildId,
        MODERATOR_ROLE_IDS: MODERATOR_ROLE_ID,
        DISCORD_CDN_HOSTS: '127.0.0.1',
        FETCH_ALLOW_PRIVATE_ADDRESSES: '127.0.0.1',
        ...env,
      },
    });
  } catch (error) {
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  await bot.running.discord?.registered;

  const corpus: CurationBot['corpus'] = (sub, options = [], target = {}) => {
    const [first = '', second] = sub.split(' ');
    const leaf = second
      ? { type: ApplicationCommandOptionType.SubcommandGroup as const, name: first, options: [{ type: ApplicationCommandOptionType.Subcommand as const, name: second, options }] }
      : { type: ApplicationCommandOptionType.Subcommand as const, name: first, options };
    const { attachments, ...where } = target;
    const resolved = attachments ? { attachments: Object.fromEntries(attachments.map((a) => [a.id, a])) } : undefined;
    return standIn.sendSlashCommand({ name: 'corpus', options: [leaf as APIApplicationCommandInteractionDataOption], ...(resolved ? { resolved } : {}), ...where });
  };
  const replyTo = (sent: SentInteraction): APIMessage => {
    const message = standIn.originalResponse(sent.id);
    if (!message) throw new Error(`no response message for ${sent.id}`);
    return message;
  };
  const auditPath = join(dir, '.verbatim', 'audit.jsonl');
  return {
    ...bot,
    dir,
    curatorGuildId,
    otherGuildId,
    corpus,
    ask: (question) => standIn.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] }),
    press: (customId, message, target = {}) => standIn.sendButton({ customId, message, ...target }),
    submit: (customId, fields, target = {}) => standIn.sendModalSubmit({ customId, fields, ...target }),
    callback: (sent) => standIn.waitForCallback(sent),
    replyTo,
    audit: () => (existsSync(auditPath) ? readFileSync(auditPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditEntry) : []),
    snapshot: () => readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    close: async () => {
      await bot.close();
      await standIn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The custom_ids of a message's buttons, by label. */
export function buttonIds(message: APIMessage): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const row of message.components ?? []) {
    for (const component of 'components' in row ? (row.components as { label?: string; custom_id?: string }[]) : []) {
      if (component.label && component.custom_id) ids[component.label] = component.custom_id;
    }
  }
  return ids;
}

/** A text option, an integer option, an attachment option. */
export const text = (name: string, value: string) => ({ type: ApplicationCommandOptionType.String as const, name, value });
export const integer = (name: string, value: number) => ({ type: ApplicationCommandOptionType.Integer as const, name, value });
export const flag = (name: string, value: boolean) => ({ type: ApplicationCommandOptionType.Boolean as const, name, value });
export const file = (attachment: APIAttachment) => ({ type: ApplicationCommandOptionType.Attachment as const, name: 'file', value: attachment.id });

/** Presses Confirm on a preview and returns the callback. */
export async function confirmPreview(bot: CurationBot, preview: ReturnType<CurationBot['corpus']>) {
  const message = bot.replyTo(preview);
  return bot.callback(bot.press(buttonIds(message).Confirm as string, message));
}

/** The first embed of an /ask reply: its title is the first result's label, or 'No good match'. */
export async function firstAnswer(bot: CurationBot, question: string): Promise<{ title: string; description: string }> {
  const { body } = await bot.callback(bot.ask(question));
  const embed = (body as { data: { embeds: { title: string; description: string }[] } }).data.embeds[0];
  if (!embed) throw new Error('no embed');
  return embed;
}
