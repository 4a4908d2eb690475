import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The question set: answerable questions with strings a right passage contains, and questions to abstain on. */
export const QuestionSetSchema = z.object({
  answerable: z.array(z.object({ q: z.string().min(1), expect: z.array(z.string().min(1)).min(1), kind: z.string() })).min(1),
  offTopic: z.array(z.object({ q: z.string().min(1) })),
  unanswerable: z.array(z.object({ q: z.string().min(1) })),
});
export type QuestionSet = z.infer<typeof QuestionSetSchema>;

export const QUESTIONS_FILE = new URL('./questions.json', import.meta.url).pathname;
export const loadQuestionSet = (path = QUESTIONS_FILE): QuestionSet => QuestionSetSchema.parse(JSON.parse(readFileSync(path, 'utf8')));

/** What a system under evaluation returns for a question: result texts, best first; empty = abstained. */
export type SystemAnswer = { texts: string[] };
export type System = (question: string) => SystemAnswer;

/** Lines that only a web page's furniture contains; a result holding one is boilerplate. */
const BOILERPLATE_MARKERS = [/leave a reply/i, /you are commenting using/i, /log out/i, /previous post/i, /next post/i, /related posts/i, /^also in \w+:/im, /^comments$/im, /editing by/i, /connecting to %s/i, /email address will not be published/i, /twitter picture|facebook photo/i];
export const isBoilerplate = (text: string): boolean => BOILERPLATE_MARKERS.some((m) => m.test(text));

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.filter((w) => w.length > 3) ?? []);
/** Two results are near-duplicates when most of their longer words are shared (Jaccard ≥ 0.5). */
export function isNearDuplicate(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union > 0 && shared / union >= 0.5;
}

export type Metrics = {
  answerable: number;
  hitAt1: number;
  hitAt3: number;
  mrrAt5: number;
  falseAbstentions: number;
  offTopic: number;
  offTopicAbstained: number;
  unanswerable: number;
  unanswerableAbstained: number;
  boilerplateResults: number;
  nearDuplicatePairs: number;
  /** hit@1 per kind of question (direct, paraphrase, misspelled…): [hits, questions]. */
  byKind: Record<string, [number, number]>;
  misses: { q: string; kind: string; rank: number; top: string }[];
  wrongAnswers: { q: string; top: string }[];
};

const normalizeQuotes = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
const contains = (text: string, expect: readonly string[]) => expect.some((e) => normalizeQuotes(text).includes(normalizeQuotes(e)));

/** Scores a system on a question set: hit@1, hit@3, MRR@5, abstentions, boilerplate and near-duplicates. */
export function evaluate(system: System, set: QuestionSet): Metrics {
  const m: Metrics = {
    answerable: set.answerable.length, hitAt1: 0, hitAt3: 0, mrrAt5: 0, falseAbstentions: 0,
    offTopic: set.offTopic.length, offTopicAbstained: 0, unanswerable: set.unanswerable.length, unanswerableAbstained: 0,
    boilerplateResults: 0, nearDuplicatePairs: 0, byKind: {}, misses: [], wrongAnswers: [],
  };
  const checkResults = (texts: string[]) => {
    const top5 = texts.slice(0, 5);
    m.boilerplateResults += top5.filter(isBoilerplate).length;
    for (let i = 0; i < top5.length; i++) for (let j = i + 1; j < top5.length; j++) if (isNearDuplicate(top5[i] ?? '', top5[j] ?? '')) m.nearDuplicatePairs++;
  };
  for (const item of set.answerable) {
    const { texts } = system(item.q);
    checkResults(texts);
    if (texts.length === 0) m.falseAbstentions++;
    const rank = texts.slice(0, 5).findIndex((t) => contains(t, item.expect)) + 1;
    if (rank === 1) m.hitAt1++;
    const kind = (m.byKind[item.kind] ??= [0, 0]);
    kind[1]++;
    if (rank === 1) kind[0]++;
    if (rank >= 1 && rank <= 3) m.hitAt3++;
    if (rank >= 1) m.mrrAt5 += 1 / rank;
    if (rank !== 1) m.misses.push({ q: item.q, kind: item.kind, rank, top: (texts[0] ?? '(abstained)').slice(0, 100) });
  }
  for (const item of set.offTopic) {
    const { texts } = system(item.q);
    checkResults(texts);
    if (texts.length === 0) m.offTopicAbstained++;
    else m.wrongAnswers.push({ q: item.q, top: (texts[0] ?? '').slice(0, 100) });
  }
  for (const item of set.unanswerable) {
    const { texts } = system(item.q);
    checkResults(texts);
    if (texts.length === 0) m.unanswerableAbstained++;
    else m.wrongAnswers.push({ q: item.q, top: (texts[0] ?? '').slice(0, 100) });
  }
  m.hitAt1 /= m.answerable;
  m.hitAt3 /= m.answerable;
  m.mrrAt5 /= m.answerable;
  return m;
}
