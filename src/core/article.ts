import { z } from 'zod';

/** Article ids are file names: lower-case words joined by hyphens, nothing that can walk a path. */
export const ARTICLE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
export const ArticleIdSchema = z
  .string()
  .regex(ARTICLE_ID_PATTERN, 'must be 1–80 lower-case letters, digits and hyphens');

const trimmed = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** An absolute http(s) link; anything else (file:, javascript:, relative) is refused. */
export const HttpUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

/** A calendar date (YYYY-MM-DD) or a full ISO timestamp; YAML may hand us a Date object. */
const DateLikeSchema = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)), 'must be a date like 2022-06-17'),
);

/** The front-matter of one corpus file. Only `title` is required: metadata is never invented. */
export const ArticleMetaSchema = z.object({
  title: trimmed(300),
  publisher: trimmed(120).optional(),
  url: HttpUrlSchema.optional(),
  published: DateLikeSchema.optional(),
  added_by: trimmed(120).optional(),
  added_at: DateLikeSchema.optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/** One article as stored: its id (the file name), its metadata and its body exactly as written. */
export type Article = ArticleMeta & {
  readonly id: string;
  /** The article text as stored; every passage is a substring of it. */
  readonly body: string;
};
