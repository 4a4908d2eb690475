import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSAGE_OPTIONS, splitIntoPassages } from '../../src/core/passages.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanBody } from '../../src/core/clean.ts';
import { loadCorpus, BUNDLED_CORPUS_DIR } from '../../src/core/load-corpus.ts';
import { titleAndBodyOfPlainText } from '../../src/core/plain-text.ts';

const sentence = fc
  .array(fc.constantFrom('data', 'Oracle', 'servers', 'the', 'users', 'U.S.', 'deal', 'said', 'J.', 'review', '“quoted”', 'in', '2020,'), { minLength: 2, maxLength: 30 })
  .map((words) => `${words.join(' ')}${'.!?'[words.length % 3]}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 12 }).map((s) => s.join(' '));
const body = fc.array(fc.oneof(paragraph, fc.constant('A heading line')), { minLength: 1, maxLength: 12 }).map((ps) => ps.join('\n\n'));

describe('splitIntoPassages', () => {
  it('makes every passage an exact substring of the body, in order, without overlap', () => {
    fc.assert(
      fc.property(body, (text) => {
        const passages = splitIntoPassages({ id: 'a', title: 'Title', body: text });
        let previousEnd = 0;
        for (const p of passages) {
          expect(p.text).toBe(text.slice(p.start, p.end));
          expect(p.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = p.end;
          for (const s of p.sentences) expect(s.end).toBeLessThanOrEqual(p.text.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('covers every word of the cleaned body', () => {
    fc.assert(
      fc.property(body, (text) => {
        const passages = splitIntoPassages({ id: 'a', title: 'Title', body: text });
        const covered = passages.map((p) => p.text).join(' ').split(/\s+/).filter(Boolean).length;
        // Only a trailing heading-only block may be left out.
        const all = text.replace(/\n\nA heading line$/g, '').split(/\s+/).filter(Boolean).length;
        expect(covered).toBeGreaterThanOrEqual(all - 3 * (text.match(/A heading line/g)?.length ?? 0));
      }),
      { numRuns: 100 },
    );
  });

  it('splits a long paragraph at sentence ends into pieces within the size limit', () => {
    const long = Array.from({ length: 20 }, (_, i) => `Sentence number ${i} says something about the deal with enough words.`).join(' ');
    const passages = splitIntoPassages({ id: 'long', title: 'T', body: long });
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(DEFAULT_PASSAGE_OPTIONS.maxChars);
      expect(p.sentences.length).toBeLessThanOrEqual(DEFAULT_PASSAGE_OPTIONS.maxSentences);
      expect(p.text).toMatch(/^Sentence number \d+ .*\.$/s);
    }
  });

  it('joins a heading to the paragraph after it and a short line to its neighbour', () => {
    const first = `The first paragraph stands on its own. ${'It has plenty of words in it. '.repeat(4).trim()}`;
    const last = `Another full paragraph is a passage of its own. ${'It has enough words too. '.repeat(4).trim()}`;
    const passages = splitIntoPassages({ id: 'x', title: 'T', body: `${first}\n\nA heading\n\nShort line.\n\n${last}` });
    // The short line is too short alone, so heading, line and the next paragraph make one passage.
    expect(passages.map((p) => p.text)).toEqual([first, `A heading\n\nShort line.\n\n${last}`]);
    expect(passages.map((p) => [p.paragraph, p.paragraphEnd])).toEqual([[1, 1], [2, 4]]);
  });

  it('joins one-sentence news paragraphs into passages of a few sentences, no longer than the join limit', () => {
    const lines = [
      'The Commerce Department is studying new rules to address security risks from foreign apps.',
      'If the rules are passed, the platforms may have to face third-party audits of their code.',
      'The agency recently completed a public comment exercise on how to carry out the order.',
      'A spokesperson for the department declined to say when the rules would be final.',
      'Officials have not said which apps the rules would cover first.',
      'Two of the largest app makers said they would take part in the review of the draft.',
    ];
    const passages = splitIntoPassages({ id: 'news', title: 'T', body: lines.join('\n\n') });
    // The rule and what it may force stand in one passage, so the second line is quoted with what it is about.
    expect(passages[0]?.text).toContain(`${lines[0]}\n\n${lines[1]}`);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages[0]?.paragraphEnd).toBeGreaterThan(2);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(DEFAULT_PASSAGE_OPTIONS.maxJoinedChars);
  });

  it("joins an interview's short question to the answer after it, and keeps a question left without one", () => {
    const answer = (n: number) => `Arkwright: Answer number ${n} explains how the audit works. ${'It goes on for a while about servers and keys. '.repeat(4).trim()}`;
    const body = ['Q: What is a data-residency audit?', answer(1), 'Q: So how do you verify where data is?', answer(2), 'Q: And is an audit ever finished?'].join('\n\n');
    const passages = splitIntoPassages({ id: 'qa', title: 'T', body });
    expect(passages.map((p) => p.text)).toEqual([`Q: What is a data-residency audit?\n\n${answer(1)}`, `Q: So how do you verify where data is?\n\n${answer(2)}\n\nQ: And is an audit ever finished?`]);
  });

  it("joins a transcript's interviewer turn to the answer after it, though the turn ends with a statement", () => {
    const answer = (n: number) => `GUEST NAME: Answer number ${n} explains how the desk worked. ${'It goes on for a while about tickets and queues. '.repeat(4).trim()}`;
    const body = ['HOST: How did you end up on the desk?', answer(1), 'HOST: Where did Oracle fit in? I think listeners imagine someone watching every query.', answer(2), 'HOST: Would you do it again?', answer(3)].join('\n\n');
    const passages = splitIntoPassages({ id: 'pod', title: 'T', body });
    expect(passages[1]?.text).toBe(`HOST: Where did Oracle fit in? I think listeners imagine someone watching every query.\n\n${answer(2)}`);
    // The guest, who answers, leads into nothing.
    expect(passages).toHaveLength(3);
  });

  it('joins a paragraph that ends with a colon to the words it introduces', () => {
    const long = (lead: string) => `${lead} ${'It goes on for a while about servers, keys and the costs of both. '.repeat(3).trim()}`;
    const intro = "Harrowgate's chief executive, Evander Example, defended the cost of the arrangement in a long written statement sent to reporters on Friday evening, after the documents were first published by the paper:";
    const quote = long('"Every dollar spent with us is a dollar spent proving that American data stays in America."');
    const after = long('The documents also show that payments rose 18 percent in the most recent year.');
    const passages = splitIntoPassages({ id: 'colon', title: 'T', body: [intro, quote, after].join('\n\n') });
    expect(passages.map((p) => p.text)).toEqual([`${intro}\n\n${quote}`, after]);
  });

  it('cuts a caption transcript into passages of several lines, each within the size limit', () => {
    const lines = Array.from({ length: 60 }, (_, i) => [`${Math.floor(i / 15)}:${String((i * 4) % 60).padStart(2, '0')}`, `caption line number ${i} says a few more words here`]).flat();
    const passages = splitIntoPassages({ id: 'captions', title: 'T', body: lines.join('\n') });
    expect(passages.length).toBeGreaterThan(4);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(DEFAULT_PASSAGE_OPTIONS.maxChars);
      // More lines than the four sentences a news passage holds: a caption line is a piece of a sentence.
      expect(passage.sentences.length).toBeGreaterThan(DEFAULT_PASSAGE_OPTIONS.maxSentences);
    }
  });

  it('gives stable ids: the same article always yields the same ids', () => {
    const paragraph = 'A paragraph long enough to be a passage of its own. '.repeat(4).trim();
    const a = { id: 'stable', title: 'T', body: `${paragraph}\n\n${paragraph}` };
    expect(splitIntoPassages(a).map((p) => p.id)).toEqual(['stable#1', 'stable#2']);
    expect(splitIntoPassages(a)).toEqual(splitIntoPassages(a));
  });

  it('never lets a dropped line into a passage, even between two joined paragraphs', () => {
    const dir = new URL('../fixtures/grown/', import.meta.url).pathname;
    const bodies = [
      ...loadCorpus(BUNDLED_CORPUS_DIR).articles.map((a) => ({ id: a.id, title: a.title, body: a.body })),
      ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ id: 'grown', ...titleAndBodyOfPlainText(readFileSync(join(dir, f), 'utf8')) })),
    ];
    let dropped = 0;
    for (const article of bodies) {
      const cleaned = cleanBody(article.body, article.title);
      for (const passage of splitIntoPassages(article)) {
        for (const line of cleaned.dropped) {
          const overlaps = line.start < passage.end && line.end > passage.start;
          expect(overlaps, `${article.id}: "${article.body.slice(line.start, line.end)}" inside "${passage.text}"`).toBe(false);
        }
      }
      dropped += cleaned.dropped.length;
    }
    expect(dropped).toBeGreaterThan(40);
  });

  it('leaves the seeds’ boilerplate out of every passage', () => {
    const corpus = loadCorpus(BUNDLED_CORPUS_DIR);
    const texts = corpus.articles.flatMap((a) => splitIntoPassages(a).map((p) => p.text));
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(text).not.toMatch(/Leave a Reply|commenting using|Previous Post|Related Posts|ALSO IN|editing by|Connecting to %s/);
  });
});
