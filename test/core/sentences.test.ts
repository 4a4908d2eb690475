import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences.ts';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence ends and trims the spaces between', () => {
    expect(sentences('One thing happened. Then another! Did it?  Yes.')).toEqual(['One thing happened.', 'Then another!', 'Did it?', 'Yes.']);
  });

  it('does not split after an initial or a title', () => {
    expect(sentences('President Donald J. Trump ordered it. Dr. Smith agreed.')).toEqual(['President Donald J. Trump ordered it.', 'Dr. Smith agreed.']);
  });

  it('keeps "U.S." inside a sentence', () => {
    expect(sentences('All U.S. user data moves. It is final.')).toEqual(['All U.S. user data moves.', 'It is final.']);
    // Before a capitalised word too: "U.S. Data Security" is a name, not a sentence end.
    expect(sentences('She heads TikTok U.S. Data Security at the firm. It is new.')).toEqual(['She heads TikTok U.S. Data Security at the firm.', 'It is new.']);
  });

  it("reads a caption transcript's lines as its sentences, parted by their time marks, which are none", () => {
    const captions = ['so the fix that came out of all that was basically', '0:39', 'a landlord arrangement and i mean that pretty literally', '0:43', 'oracle became the host'].join('\n');
    expect(sentences(captions)).toEqual(['so the fix that came out of all that was basically', 'a landlord arrangement and i mean that pretty literally', 'oracle became the host']);
    // Without time marks, lines wrapped by hand still make one sentence.
    expect(sentences('the fix that came out of all that was\na landlord arrangement.')).toEqual(['the fix that came out of all that was\na landlord arrangement.']);
  });

  it('works on a slice of a longer text, returning offsets into the whole', () => {
    const text = 'xx First. Second. yy';
    const spans = splitSentences(text, 3, 17);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First.', 'Second.']);
  });
});
