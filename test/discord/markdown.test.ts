import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, escapeMarkdown, maskedLink, truncateAtWord, unescapeMarkdown } from '../../src/discord/markdown.ts';

/** True when every markdown character in `text` is escaped by a backslash. */
function everyMarkupEscaped(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++; // the escaped character
      continue;
    }
    if (/[*_~`|<>[\]]/.test(text[i] as string)) return false;
  }
  return true;
}

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, spoilers, quotes, links and mentions', () => {
    expect(escapeMarkdown('a *b* __c__ ~~d~~ `e` ||f|| > g [h](i) <@123> @everyone')).toBe(
      'a \\*b\\* \\_\\_c\\_\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\| \\> g \\[h\\](i) \\<@123\\> @everyone',
    );
  });

  it('escapes headings, subtext, bullets and numbered lists only at the start of a line', () => {
    expect(escapeMarkdown('# Title\n-# small\n- item\n+ item\n1. first\nre-aligned 2. not a list')).toBe(
      '\\# Title\n\\-# small\n\\- item\n\\+ item\n1\\. first\nre-aligned 2. not a list',
    );
  });

  it('round-trips: unescaping gives back the original text, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => unescapeMarkdown(escapeMarkdown(text)) === text));
  });

  it('leaves no markdown character unescaped, for any text', () => {
    fc.assert(fc.property(fc.string(), (text) => everyMarkupEscaped(escapeMarkdown(text))));
  });
});

describe('truncateAtWord', () => {
  it('keeps text that fits', () => {
    expect(truncateAtWord('short enough', 12)).toBe('short enough');
  });

  it('cuts at the last space that fits and adds an ellipsis', () => {
    expect(truncateAtWord('The harbour bridge reopened', 20)).toBe(`The harbour bridge${ELLIPSIS}`);
  });

  it('never cuts inside a word and never exceeds the limit, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 30 }), fc.integer({ min: 10, max: 120 }), (words, max) => {
        const text = words.join(' ');
        const cut = truncateAtWord(text, max);
        if (cut === text) return text.length <= max;
        const kept = cut.slice(0, -ELLIPSIS.length);
        const whole = kept.split(' ');
        return cut.length <= max && cut.endsWith(ELLIPSIS) && text.startsWith(kept) && whole.every((w, i) => w === words[i]);
      }),
    );
  });

  it('does not leave a lone escaping backslash before the ellipsis', () => {
    expect(truncateAtWord('abc\\ def ghi', 8)).toBe(`abc${ELLIPSIS}`);
  });
});

describe('maskedLink', () => {
  it('escapes the label and keeps the URL from closing the link early', () => {
    expect(maskedLink('A *title* [x]', 'https://example.com/a_(b) c')).toBe('[A \\*title\\* \\[x\\]](https://example.com/a_%28b%29%20c)');
  });
});
