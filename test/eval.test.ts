import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/core/answer.ts';
import { loadBundledIndex } from './eval/systems.ts';
import { loadQuestionSet } from './eval/metrics.ts';
import { evaluate } from './eval/metrics.ts';
import { verbatimSystem } from './eval/systems.ts';

const index = loadBundledIndex();
const sets = [loadQuestionSet(), ...['questions-b.json', 'questions-c.json', 'questions-d.json', 'questions-e.json', 'questions-f.json', 'questions-g.json', 'questions-h.json', 'questions-i.json', 'questions-j.json', 'questions-k.json', 'questions-l.json', 'questions-m.json', 'questions-n.json', 'questions-o.json', 'questions-p.json', 'questions-q.json', 'questions-r.json', 'questions-s.json', 'questions-t.json', 'questions-u.json', 'questions-v.json', 'questions-w.json', 'questions-x.json', 'questions-y.json', 'questions-z.json', 'questions-aa.json', 'questions-ab.json', 'questions-ac.json', 'questions-ad.json', 'questions-ae.json', 'questions-af.json', 'questions-ag.json', 'questions-ah.json'].map((file) => loadQuestionSet(new URL(`./eval/${file}`, import.meta.url).pathname))];
const everyQuestion = sets.flatMap((set) => [...set.answerable, ...set.offTopic, ...set.unanswerable].map((item) => item.q));

describe('the evaluation questions, answered from the bundled corpus', () => {
  it('quote only verbatim corpus text, each result and related passage with a source title', () => {
    let checked = 0;
    for (const question of everyQuestion) {
      const answer = answerQuestion(index, question, { top: 5 });
      for (const result of [...answer.results, ...answer.related]) {
        const source = index.article(result.source.id);
        expect(source, question).toBeDefined();
        expect(source?.body.slice(result.passage.start, result.passage.end)).toBe(result.passage.text);
        expect(result.source.title.length).toBeGreaterThan(0);
        expect(result.highlight.start).toBeGreaterThanOrEqual(0);
        expect(result.highlight.end).toBeLessThanOrEqual(result.passage.text.length);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(everyQuestion.length);
  });

  it('never return boilerplate or two near-duplicate results', () => {
    for (const set of sets) {
      const metrics = evaluate(verbatimSystem(index), set);
      expect(metrics.boilerplateResults).toBe(0);
      expect(metrics.nearDuplicatePairs).toBe(0);
    }
  });
});
