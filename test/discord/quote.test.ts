import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeMarkdown } from '../../src/discord/markdown.ts';
import { renderQuote } from '../../src/discord/quote.ts';

/** A passage from sentences, with their spans. */
function passage(sentences: string[], separator = ' ') {
  let offset = 0;
  const spans = sentences.map((s) => {
    const span = { start: offset, end: offset + s.length };
    offset += s.length + separator.length;
    return span;
  });
  return { text: sentences.join(separator), sentences: spans };
}

/** The passage text a quote shows: quote markers, bold and ellipses removed, escapes undone. */
const shownText = (markdown: string): string =>
  unescapeMarkdown(markdown.replace(/^> /gm, '').replaceAll('**', '').replace(/^… /, '').replace(/ …$/, ''));

describe('renderQuote', () => {
  const p = passage(['First sentence here.', 'The *matched* one.', 'Third sentence follows.', 'Fourth and last.']);

  it('quotes the whole passage, the highlight in bold, when it fits', () => {
    expect(renderQuote(p, p.sentences[1], 500)).toEqual({
      markdown: '> First sentence here. **The \\*matched\\* one.** Third sentence follows. Fourth and last.',
      cut: false,
    });
  });

  it('keeps whole sentences around the highlight and marks what was left out', () => {
    expect(renderQuote(p, p.sentences[1], 70)).toEqual({ markdown: '> … **The \\*matched\\* one.** Third sentence follows. Fourth and last.', cut: true });
    expect(renderQuote(p, p.sentences[1], 60)).toEqual({ markdown: '> … **The \\*matched\\* one.** Third sentence follows. …', cut: true });
    expect(renderQuote(p, p.sentences[1], 35)).toEqual({ markdown: '> … **The \\*matched\\* one.** …', cut: true });
  });

  it('cuts a sentence longer than the room at a space, never inside a word', () => {
    const long = passage(['Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda.']);
    expect(renderQuote(long, long.sentences[0], 40)).toEqual({ markdown: '> **Alpha beta gamma delta epsilon** …', cut: true });
  });

  it('quotes every line of a multi-line passage and bolds the highlight line by line', () => {
    const text = 'Line one is here.\n\nLine two is bold.';
    expect(renderQuote({ text, sentences: [{ start: 0, end: 17 }, { start: 19, end: 36 }] }, { start: 19, end: 36 }, 500).markdown).toBe(
      '> Line one is here.\n> \n> **Line two is bold.**',
    );
  });

  it('shows the line breaks of a hard-wrapped copy as spaces, one bold run across them, and keeps list and short lines apart', () => {
    const text = 'The state of Calder sued TikTok on Monday, accusing the short-video app\nof misleading residents about where their data is kept. The complaint\nwas filed in state court.';
    const end = text.indexOf('kept.') + 5;
    expect(renderQuote({ text, sentences: [{ start: 0, end }, { start: end + 1, end: text.length }] }, { start: 0, end }, 500).markdown).toBe(
      '> **The state of Calder sued TikTok on Monday, accusing the short-video app of misleading residents about where their data is kept.** The complaint was filed in state court.',
    );
    expect(renderQuote({ text: 'The settlement requires Pinpath, the broker, to do two things:\n- Delete all precise location data\n- Submit to a monitor', sentences: [] }, undefined, 500).markdown.split('\n')).toHaveLength(3);
    expect(renderQuote({ text: 'Type: Bilateral agreement\nSigned: 3 May 2023', sentences: [] }, undefined, 500).markdown.split('\n')).toHaveLength(2);
  });

  it('never exceeds the room and only shows text of the passage, for any passage and room', () => {
    const words = fc.stringMatching(/^[A-Za-z*_#<>@]{1,9}$/);
    const sentence = fc.array(words, { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), fc.nat(), fc.integer({ min: 30, max: 400 }), (sentences, pick, room) => {
        const q = passage(sentences);
        const highlight = q.sentences[pick % q.sentences.length];
        const { markdown, cut } = renderQuote(q, highlight, room);
        const shown = shownText(markdown);
        if (!cut) return markdown.length <= room && shown === q.text;
        // A quote of a lone over-long sentence may keep just its first word; otherwise it fits.
        const fits = markdown.length <= room || !shown.includes(' ');
        return fits && q.text.includes(shown) && !/\s$/.test(shown);
      }),
    );
  });
});
