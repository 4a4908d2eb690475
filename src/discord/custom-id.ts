/**
 * Button state lives in the button's `custom_id` (at most 100 characters), never in memory, so a
 * button keeps working after a restart. A question can be 300 characters: when it fits, "More"
 * carries it (mq:…); otherwise it reads it back from the footer of the message the button is on.
 *
 *   mq:<offset>:<count>:[<article-id>]:<question>   the next results of that question
 *   more:<offset>:<count>[:<article-id>]   the next results of the question on this message
 *   ctx:<passage-id>                       the passages around a passage
 *   art:<article-id>                       read an article from its start
 *   read:<article-id>:<ordinal>            a page of an article, from that passage
 *   srcs:<page>                            a page of /sources
 *   conf:<nonce> / canc:<nonce>            confirm or cancel a moderator's pending change
 *
 * A pending change (an article to add, one to remove) is too big for a custom_id, so it waits in
 * memory under a random nonce (curation/pending.ts); after a restart its buttons say it expired.
 *
 * Forms (modals) are named the same way:
 *   form:add                               paste a new article
 *   form:upd:<article-id>                  new text or metadata for an article
 *
 * Article ids are at most 80 lower-case letters, digits and hyphens (no ':'), so every id fits.
 * (Pure.)
 */
import { ARTICLE_ID_PATTERN } from '../core/article.ts';
import { err, ok, type Result } from '../core/result.ts';
import { DISCORD_LIMITS } from './limits.ts';

export type ButtonState =
  | { readonly kind: 'more'; readonly offset: number; readonly count: number; readonly articleId?: string | undefined; readonly question?: string | undefined }
  | { readonly kind: 'context'; readonly passageId: string }
  | { readonly kind: 'article'; readonly articleId: string }
  | { readonly kind: 'read'; readonly articleId: string; readonly ordinal: number }
  | { readonly kind: 'sources'; readonly page: number }
  | { readonly kind: 'confirm'; readonly nonce: string }
  | { readonly kind: 'cancel'; readonly nonce: string };

export type ButtonKind = ButtonState['kind'];

const PREFIX: Record<ButtonKind, string> = { more: 'more', context: 'ctx', article: 'art', read: 'read', sources: 'srcs', confirm: 'conf', cancel: 'canc' };

/** Nonces are random base64url (curation/pending.ts makes them). */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,43}$/;

/** Writes a button's state as its custom_id. */
export function encodeButton(state: ButtonState): string {
  const parts: (string | number)[] = [PREFIX[state.kind]];
  switch (state.kind) {
    case 'more': {
      // The question rides along when it fits, so More works even where the message is not sent back.
      const withQuestion = state.question ? `mq:${state.offset}:${state.count}:${state.articleId ?? ''}:${state.question}` : undefined;
      if (withQuestion && withQuestion.length <= DISCORD_LIMITS.customId) return withQuestion;
      parts.push(state.offset, state.count, ...(state.articleId ? [state.articleId] : []));
      break;
    }
    case 'context':
      parts.push(state.passageId);
      break;
    case 'article':
      parts.push(state.articleId);
      break;
    case 'read':
      parts.push(state.articleId, state.ordinal);
      break;
    case 'sources':
      parts.push(state.page);
      break;
    case 'confirm':
    case 'cancel':
      parts.push(state.nonce);
      break;
  }
  const id = parts.join(':');
  if (id.length > DISCORD_LIMITS.customId) throw new Error(`custom_id over ${DISCORD_LIMITS.customId} characters: ${id}`);
  return id;
}

const WHOLE = /^(0|[1-9]\d{0,3})$/;
const articleId = (value: string | undefined): value is string => value !== undefined && ARTICLE_ID_PATTERN.test(value);
const whole = (value: string | undefined): number | undefined => (value !== undefined && WHOLE.test(value) ? Number(value) : undefined);

/** Reads a custom_id back; `unknown-button` for anything Verbatim did not write (or an older format). */
export function decodeButton(customId: string): Result<ButtonState, { code: 'unknown-button'; customId: string }> {
  const [prefix, ...rest] = customId.split(':');
  const fail = err({ code: 'unknown-button' as const, customId });
  if (prefix === 'mq') {
    const [offset, count, article] = rest;
    const question = rest.slice(3).join(':').trim();
    const o = whole(offset);
    const c = whole(count);
    if (o === undefined || c === undefined || c < 1 || !question || (article !== '' && !articleId(article))) return fail;
    return ok({ kind: 'more', offset: o, count: c, ...(article ? { articleId: article } : {}), question });
  }
  switch (prefix) {
    case PREFIX.more: {
      const [offset, count, article, ...extra] = rest;
      const o = whole(offset);
      const c = whole(count);
      if (o === undefined || c === undefined || c < 1 || extra.length > 0 || (article !== undefined && !articleId(article))) return fail;
      return ok({ kind: 'more', offset: o, count: c, ...(article ? { articleId: article } : {}) });
    }
    case PREFIX.context: {
      const [passageId, ...extra] = rest;
      const [article, ordinal] = passageId?.split('#') ?? [];
      if (extra.length > 0 || !articleId(article) || !whole(ordinal)) return fail;
      return ok({ kind: 'context', passageId: passageId as string });
    }
    case PREFIX.article: {
      const [article, ...extra] = rest;
      return extra.length === 0 && articleId(article) ? ok({ kind: 'article', articleId: article }) : fail;
    }
    case PREFIX.read: {
      const [article, ordinal, ...extra] = rest;
      const n = whole(ordinal);
      return extra.length === 0 && articleId(article) && n !== undefined && n >= 1 ? ok({ kind: 'read', articleId: article, ordinal: n }) : fail;
    }
    case PREFIX.sources: {
      const [page, ...extra] = rest;
      const n = whole(page);
      return extra.length === 0 && n !== undefined && n >= 1 ? ok({ kind: 'sources', page: n }) : fail;
    }
    case PREFIX.confirm:
    case PREFIX.cancel: {
      const [nonce, ...extra] = rest;
      if (extra.length > 0 || nonce === undefined || !NONCE_PATTERN.test(nonce)) return fail;
      return ok({ kind: prefix === PREFIX.confirm ? 'confirm' : 'cancel', nonce });
    }
    default:
      return fail;
  }
}

/** What a form is for; its custom_id carries it through the round trip. */
export type FormState = { readonly kind: 'add-article' } | { readonly kind: 'update-article'; readonly articleId: string };

export type FormKind = FormState['kind'];

/** Writes a form's state as its custom_id. */
export function encodeForm(state: FormState): string {
  return state.kind === 'add-article' ? 'form:add' : `form:upd:${state.articleId}`;
}

/** Reads a form's custom_id back; `unknown-form` for anything Verbatim did not write. */
export function decodeForm(customId: string): Result<FormState, { code: 'unknown-form'; customId: string }> {
  const [prefix, kind, article, ...extra] = customId.split(':');
  if (prefix === 'form' && kind === 'add' && article === undefined) return ok({ kind: 'add-article' });
  if (prefix === 'form' && kind === 'upd' && extra.length === 0 && articleId(article)) return ok({ kind: 'update-article', articleId: article });
  return err({ code: 'unknown-form' as const, customId });
}
