/**
 * The work behind `/corpus`, its Confirm / Cancel buttons and its forms. Each function takes the
 * command context (the curation service, who is asking) and returns a reply; none sends anything.
 * Nothing is written before Confirm: a preview keeps the article's input in `PendingChanges`, and
 * Confirm validates it again against the corpus as it is then, writes it through the service (atomic,
 * audited) and the index follows at once, so the next /ask sees it. (No discord.js here.)
 */
import type { Article } from '../../core/article.ts';
import { articleInputFromFile } from '../../core/ingest/from-file.ts';
import { articleInputFromPlainText, type MetadataOverrides } from '../../core/ingest/from-text.ts';
import { articleInputFromUrl } from '../../core/ingest/from-url.ts';
import type { ArticleInput } from '../../core/new-article.ts';
import type { Result } from '../../core/result.ts';
import type { Actor } from '../../core/store/corpus-store.ts';
import type { AttachmentRef, CommandContext, RawOptions } from '../command.ts';
import { encodeForm } from '../custom-id.ts';
import { DISCORD_LIMITS } from '../limits.ts';
import { notice, type RefusalProblem } from '../messages.ts';
import type { Form, FormField, Reply } from '../reply.ts';
import { curatorAccess } from './access.ts';
import { downloadAttachment } from './attachment.ts';
import type { Curation } from './context.ts';
import type { PendingOwner } from './pending.ts';
import { renderCorpusList, renderHistory, renderPreview, renderRemovePrompt, renderSynonyms, CURATION_VIEW } from './render.ts';

/** Subcommands that only read the corpus; the console may run these. */
export const READ_ONLY_SUBCOMMANDS: ReadonlySet<string> = new Set(['list', 'history', 'synonym list']);

/**
 * The guard of everything curation does (command, autocomplete, buttons, forms): a refusal for
 * anyone who may not curate here, or undefined. A refusal is ephemeral and changes nothing.
 */
export function curationGuard(ctx: CommandContext, raw: RawOptions = {}): Reply | undefined {
  if (!ctx.curation) return notice('curation-off', {});
  const access = curatorAccess(ctx.invoker, ctx.curation.access, { readOnly: READ_ONLY_SUBCOMMANDS.has(String(raw.subcommand)) });
  return access.ok ? undefined : notice(access.error.code, {});
}

/**
 * The guard of Confirm and Cancel: the curation guard, then whether the preview is the presser's
 * own. Someone else's is refused with a new message, leaving the preview to its owner.
 */
export function pendingGuard(ctx: CommandContext, nonce: string): Reply | undefined {
  const refusal = curationGuard(ctx);
  if (refusal || !ctx.curation) return refusal;
  return ctx.curation.pending.belongsToSomeoneElse(nonce, { userId: ctx.invoker?.userId, guildId: ctx.invoker?.guildId }) ? notice('preview-not-yours', {}) : undefined;
}

type Session = { readonly curation: Curation; readonly actor: Actor; readonly owner: PendingOwner };

/** The curation and the actor for a use that passed the guard (it is a bug to get here otherwise). */
function session(ctx: CommandContext, readOnly = false): Session {
  const access = ctx.curation ? curatorAccess(ctx.invoker, ctx.curation.access, { readOnly }) : undefined;
  if (!ctx.curation || !access?.ok) throw new Error('curation used without passing curationGuard');
  return { curation: ctx.curation, actor: access.value, owner: { userId: ctx.invoker?.userId, guildId: ctx.invoker?.guildId } };
}

/** Metadata typed as options or in a form; blank means "not given". */
export type Metadata = { readonly title?: string | undefined; readonly publisher?: string | undefined; readonly url?: string | undefined; readonly published?: string | undefined };

/** The metadata actually given: only the four fields, and none left blank. */
const given = (metadata: Metadata): MetadataOverrides => {
  const fields = { title: metadata.title, publisher: metadata.publisher, url: metadata.url, published: metadata.published };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as MetadataOverrides;
};

const refused = (problem: RefusalProblem): Reply => notice('article-refused', { problems: [problem] });

// ---------------------------------------------------------------------------------------------
// Previews: nothing is written here.

/** Checks an article against the corpus and shows it with Confirm / Cancel; keeps it pending. */
function previewWrite(ctx: CommandContext, input: ArticleInput, replacing?: Article): Reply {
  const { curation, owner } = session(ctx);
  const prepared = curation.service.preview(input, replacing?.id);
  if (!prepared.ok) return notice('article-refused', { problems: prepared.error });
  const nonce = curation.pending.put({ kind: 'write', input, replaceId: replacing?.id }, owner);
  return renderPreview(prepared.value, nonce, replacing);
}

/** An article from a link: the page fetched under the address guards, its text and metadata extracted. */
async function fromLink(curation: Curation, link: string, overrides: MetadataOverrides) {
  return articleInputFromUrl(link, overrides, curation.limits, curation.fetch);
}

/** An article from an attachment: downloaded from Discord's CDN only, then read by its file name. */
async function fromAttachment(curation: Curation, attachment: AttachmentRef, overrides: MetadataOverrides): Promise<Result<ArticleInput, RefusalProblem>> {
  const bytes = await downloadAttachment(attachment, curation.download);
  if (!bytes.ok) return bytes;
  return articleInputFromFile(attachment.filename, bytes.value, overrides, curation.limits);
}

/**
 * `/corpus add`: from an attachment (`url` is then only its link), else from the link in `url`,
 * else a form to paste the article into. The options override what the source says.
 */
export async function addArticle(ctx: CommandContext, options: Metadata & { readonly file?: AttachmentRef | undefined }): Promise<Reply | Form> {
  const { curation, actor } = session(ctx);
  const metadata = given(options);
  if (!options.file && !metadata.url) return articleForm({ kind: 'add-article' }, metadata);
  // From a link, the page's own (canonical) address is kept rather than the one typed.
  const input = options.file ? await fromAttachment(curation, options.file, metadata) : await fromLink(curation, metadata.url as string, { ...metadata, url: undefined });
  if (!input.ok) return refused(input.error);
  return previewWrite(ctx, { ...input.value, addedBy: actor.userName });
}

/**
 * `/corpus update`: new text from an attachment or from the link again (`refetch`), new metadata
 * from the options, or — with neither — a form holding the article's metadata to edit and room for
 * new text. What is not given stays as it was.
 */
export async function updateArticle(ctx: CommandContext, article: Article, options: Metadata & { readonly file?: AttachmentRef | undefined; readonly refetch?: boolean | undefined }): Promise<Reply | Form> {
  const { curation, actor } = session(ctx);
  const { file, refetch } = options;
  const overrides = given(options);
  const kept: ArticleInput = { title: article.title, body: article.body, publisher: article.publisher, url: article.url, published: article.published, addedBy: article.added_by ?? actor.userName };
  if (file || refetch) {
    const link = overrides.url ?? article.url;
    if (!file && !link) return notice('no-link-to-fetch', { title: article.title });
    const input = file ? await fromAttachment(curation, file, overrides) : await fromLink(curation, link as string, { ...overrides, url: undefined });
    if (!input.ok) return refused(input.error);
    const fresh = input.value;
    return previewWrite(ctx, { ...kept, ...Object.fromEntries(Object.entries(fresh).filter(([, v]) => v !== undefined && v !== '')), addedBy: kept.addedBy }, article);
  }
  if (Object.keys(overrides).length === 0) return articleForm({ kind: 'update-article', articleId: article.id }, article);
  return previewWrite(ctx, { ...kept, ...overrides }, article);
}

/** `/corpus remove`: asks first (Confirm / Cancel); nothing is removed yet. */
export function removeArticle(ctx: CommandContext, article: Article): Reply {
  const { curation, owner } = session(ctx);
  const nonce = curation.pending.put({ kind: 'remove', articleId: article.id }, owner);
  return renderRemovePrompt(article, curation.service.index.passagesOf(article.id).length, nonce);
}

// ---------------------------------------------------------------------------------------------
// Forms (Discord's modals): pasting an article, editing one.

/** Form field ids; a submission is read back by these. */
export const FORM_FIELDS = { title: 'title', url: 'url', publisher: 'publisher', published: 'published', text: 'text' } as const;

/** The form for a pasted article (`add-article`) or an edit (`update-article`), prefilled with what is known. */
function articleForm(state: Parameters<typeof encodeForm>[0], known: Metadata & { readonly body?: string }): Form {
  const adding = state.kind === 'add-article';
  // The current text is offered for editing only when it fits the field; never cut.
  const body = !adding && known.body !== undefined && known.body.length <= DISCORD_LIMITS.textInputValue ? known.body : undefined;
  const fields: FormField[] = [
    { customId: FORM_FIELDS.title, label: 'Title', required: !adding, value: known.title, maxLength: 300, ...(adding ? { placeholder: 'Leave empty to use the first line of the text' } : {}) },
    { customId: FORM_FIELDS.url, label: 'Link (optional)', required: false, value: known.url, maxLength: 1000, placeholder: 'https://…' },
    { customId: FORM_FIELDS.publisher, label: 'Publisher (optional)', required: false, value: known.publisher, maxLength: 120 },
    { customId: FORM_FIELDS.published, label: 'Published (optional)', required: false, value: known.published, maxLength: 32, placeholder: 'YYYY-MM-DD' },
    {
      customId: FORM_FIELDS.text,
      label: adding ? 'Article text' : 'Text (empty keeps the current text)',
      paragraph: true,
      required: adding,
      value: body,
      ...(adding ? { placeholder: 'Paste the article as published, paragraphs separated by blank lines' } : { placeholder: 'Leave empty to keep the current text' }),
    },
  ];
  return { form: { customId: encodeForm(state), title: adding ? 'Add an article' : 'Update an article', fields } };
}

const field = (fields: Readonly<Record<string, string>>, id: string): string => (fields[id] ?? '').trim();

/** A pasted article submitted: previewed like any other. */
export function submitAddForm(ctx: CommandContext, fields: Readonly<Record<string, string>>): Reply {
  const { actor } = session(ctx);
  const metadata = given({ title: field(fields, FORM_FIELDS.title), url: field(fields, FORM_FIELDS.url), publisher: field(fields, FORM_FIELDS.publisher), published: field(fields, FORM_FIELDS.published) });
  return previewWrite(ctx, { ...articleInputFromPlainText(fields[FORM_FIELDS.text] ?? '', metadata), addedBy: actor.userName });
}

/** An edited article submitted: the fields as they are now (a cleared field clears that metadata), new text if any. */
export function submitUpdateForm(ctx: CommandContext, articleId: string, fields: Readonly<Record<string, string>>): Reply {
  const { curation, actor } = session(ctx);
  const article = curation.service.index.article(articleId);
  if (!article) return notice('article-gone', {});
  const metadata = given({ title: field(fields, FORM_FIELDS.title), url: field(fields, FORM_FIELDS.url), publisher: field(fields, FORM_FIELDS.publisher), published: field(fields, FORM_FIELDS.published) });
  const text = fields[FORM_FIELDS.text] ?? '';
  const input = text.trim() ? articleInputFromPlainText(text, { ...metadata, title: metadata.title ?? article.title }) : { ...metadata, title: metadata.title ?? article.title, body: article.body };
  return previewWrite(ctx, { ...input, addedBy: article.added_by ?? actor.userName }, article);
}

// ---------------------------------------------------------------------------------------------
// Confirm and Cancel

/** Confirm: validates the pending change again against the corpus as it is now, then writes it. */
export async function confirmChange(ctx: CommandContext, nonce: string): Promise<Reply> {
  const { curation, actor, owner } = session(ctx);
  const taken = curation.pending.take(nonce, owner);
  if (!taken.ok) return notice(taken.error.code, {});
  const change = taken.value;
  const { service } = curation;
  if (change.kind === 'remove') {
    const article = service.index.article(change.articleId);
    if (!article) return notice('article-gone', {});
    const removed = await service.remove(change.articleId, actor);
    return removed.ok ? notice('article-removed', { article }) : notice('store-refused', { error: removed.error });
  }
  const prepared = service.preview(change.input, change.replaceId);
  if (!prepared.ok) return notice('article-refused', { problems: prepared.error });
  const written = await service.write(prepared.value, actor);
  if (!written.ok) return notice('store-refused', { error: written.error });
  const { article } = prepared.value;
  return notice('article-written', { article, passages: service.index.passagesOf(article.id).length, replaced: prepared.value.replaces });
}

/** Cancel: forgets the pending change. */
export function cancelChange(ctx: CommandContext, nonce: string): Reply {
  const { curation, owner } = session(ctx);
  const taken = curation.pending.take(nonce, owner);
  return taken.ok ? notice('change-cancelled', {}) : notice(taken.error.code, {});
}

// ---------------------------------------------------------------------------------------------
// Undo, reload, lists, synonyms

/** `/corpus undo`: reverts the latest change not yet reverted, and says which. */
export async function undoChange(ctx: CommandContext): Promise<Reply> {
  const { curation, actor } = session(ctx);
  const undone = await curation.service.undo(actor);
  if (!undone.ok) return notice('store-refused', { error: undone.error });
  const change = undone.value;
  const entries = await curation.service.history(Number.MAX_SAFE_INTEGER);
  const target = entries.find((e) => e.seq === change.entry.undoes);
  return notice('change-undone', { undone: target, restored: change.kind === 'article-written' ? change.article : undefined });
}

/** `/corpus reload`: re-reads the corpus directory (edits by hand or git) into the live index. */
export async function reloadCorpus(ctx: CommandContext): Promise<Reply> {
  const { curation, actor } = session(ctx);
  const corpus = await curation.service.reload(actor);
  const { index } = curation.service;
  return notice('corpus-reloaded', { articles: index.articleCount, passages: index.passageCount, synonymGroups: curation.service.synonyms.length, skipped: corpus.errors });
}

export function listCorpus(ctx: CommandContext, page: number | undefined): Reply {
  return renderCorpusList(session(ctx, true).curation.service.index, page ?? 1);
}

export async function showHistory(ctx: CommandContext, count: number | undefined): Promise<Reply> {
  return renderHistory(await session(ctx, true).curation.service.history(count ?? CURATION_VIEW.historyDefault));
}

export function listSynonyms(ctx: CommandContext): Reply {
  return renderSynonyms(session(ctx, true).curation.service.synonyms);
}

/** `/corpus synonym add`: spellings separated by `|`. */
export async function addSynonyms(ctx: CommandContext, spellings: string): Promise<Reply> {
  const { curation, actor } = session(ctx);
  const added = await curation.service.addSynonymGroup(spellings.split('|').map((s) => s.trim()).filter(Boolean), actor);
  if (!added.ok) return added.error.code === 'invalid-synonyms' ? notice('synonyms-refused', { message: added.error.message }) : notice('store-refused', { error: added.error });
  const groups = curation.service.synonyms;
  return notice('synonyms-added', { group: groups[groups.length - 1] ?? [], number: groups.length });
}

/** `/corpus synonym remove`: by its number in /corpus synonym list. */
export async function removeSynonyms(ctx: CommandContext, number: number): Promise<Reply> {
  const { curation, actor } = session(ctx);
  const group = curation.service.synonyms[number - 1];
  if (!group) return notice('no-such-synonym-group', { number, count: curation.service.synonyms.length });
  const removed = await curation.service.removeSynonymGroup(number - 1, actor);
  return removed.ok ? notice('synonyms-removed', { group }) : notice('store-refused', { error: removed.error });
}
