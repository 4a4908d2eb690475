/**
 * Button state lives in the button's `custom_id` (at most 100 characters), never in memory, so a
 * button keeps working after a restart. A question can be 300 characters, so it is never put
 * here: "More" reads it back from the footer of the message the button is on (render.ts).
 *
 *   more:<offset>:<count>[:<article-id>]   the next results of the question on this message
 *   ctx:<passage-id>                       the passages around a passage
 *   art:<article-id>                       read an article from its start
 *   read:<article-id>:<ordinal>            a page of an article, from that passage
 *   srcs:<page>                            a page of /sources
 *
 * Article ids are at most 80 lower-case letters, digits and hyphens (no ':'), so every id fits.
 * (Pure.)
 */
import { ARTICLE_ID_PATTERN } from '../core/article.ts';
import { err, ok, type Result } from '../core/result.ts';
import { DISCORD_LIMITS } from './limits.ts';

export type ButtonState =
  | { readonly kind: 'more'; readonly offset: number; readonly count: number; readonly articleId?: string | undefined }
  | { readonly kind: 'context'; readonly passageId: string }
  | { readonly kind: 'article'; readonly articleId: string }
  | { readonly kind: 'read'; readonly articleId: string; readonly ordinal: number }
  | { readonly kind: 'sources'; readonly page: number };

export type ButtonKind = ButtonState['kind'];

const PREFIX: Record<ButtonKind, string> = { more: 'more', context: 'ctx', article: 'art', read: 'read', sources: 'srcs' };

/** Writes a button's state as its custom_id. */
export function encodeButton(state: ButtonState): string {
  const parts: (string | number)[] = [PREFIX[state.kind]];
  switch (state.kind) {
    case 'more':
      parts.push(state.offset, state.count, ...(state.articleId ? [state.articleId] : []));
      break;
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
    default:
      return fail;
  }
}
