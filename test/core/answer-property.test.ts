import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.ts';
import { loadBundledIndex } from '../eval/systems.ts';

const index = loadBundledIndex();

// Pieces that steer the parser down its special paths (question words, counts, "who owns", phrases,
// names, numbers, shorthand), mixed with punctuation and stray characters.
const piece = fc.oneof(
  fc.constantFrom(
    'how many people', 'how many', 'who owns', 'number of', 'how', 'many', 'much', 'people', 'who', 'owns', 'what', 'is', 'when', 'where', 'why', 'number', 'of', 'its', 'own',
    'tiktok', 'oracle', 'data', 'backed', 'up', 'get', 'rid', 'the', 'CFIUS', 'U.S.', 'texas', '2020', 'rn', 'ppl',
    '?', ',', '-', "'s", '“', '”', '', ' ', '\t', '🙂', 'é', '&', '...',
  ),
  fc.string({ maxLength: 6 }),
);
const question = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(' '));

describe('answerQuestion on any input', () => {
  it('never throws, and every result is verbatim text of its article', () => {
    fc.assert(
      fc.property(question, (q) => {
        const answer = answerQuestion(index, q);
        for (const result of [...answer.results, ...answer.related]) {
          expect(index.article(result.source.id)?.body.slice(result.passage.start, result.passage.end)).toBe(result.passage.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
