import { z } from 'zod';
import type { Answer, RankedPassage } from './answer.ts';

/** The JSON contract of `ask --json` / `--jsonl`: outside tools rely on this exact shape. */
export const ResultJsonSchema = z.object({
  text: z.string(),
  source: z.object({ id: z.string(), title: z.string(), publisher: z.string().optional(), url: z.string().optional() }),
  passage: z.string(),
  score: z.number(),
  alsoIn: z.array(z.object({ id: z.string(), title: z.string() })),
  highlight: z.object({ start: z.number().int(), end: z.number().int() }),
});
export const AnswerJsonSchema = z.object({
  query: z.string(),
  results: z.array(ResultJsonSchema),
  related: z.array(ResultJsonSchema).optional(),
});
export type ResultJson = z.infer<typeof ResultJsonSchema>;
export type AnswerJson = z.infer<typeof AnswerJsonSchema>;

function resultJson(result: RankedPassage): ResultJson {
  const { source, passage } = result;
  return {
    text: passage.text,
    source: {
      id: source.id,
      title: source.title,
      ...(source.publisher !== undefined ? { publisher: source.publisher } : {}),
      ...(source.url !== undefined ? { url: source.url } : {}),
    },
    passage: passage.id,
    score: Math.round(result.score * 1e4) / 1e4,
    alsoIn: result.alsoIn.map((a) => ({ id: a.source.id, title: a.source.title })),
    highlight: { start: result.highlight.start, end: result.highlight.end },
  };
}

/** An answer as the CLI prints it; `related` only appears when there is no answer but near passages exist. */
export function answerToJson(answer: Answer): AnswerJson {
  return {
    query: answer.query.text,
    results: answer.results.map(resultJson),
    ...(answer.related.length > 0 ? { related: answer.related.map(resultJson) } : {}),
  };
}
