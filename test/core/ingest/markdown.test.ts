import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../../../src/core/ingest/markdown.ts';

describe('markdownToPlainText', () => {
  it('keeps the words and leaves the markup out', () => {
    const markdown = [
      'Oracle is reviewing **source code**, according to [a report](https://example.com/r) on _Project Texas_ &amp; more.',
      '',
      '> "We are committed," a spokesperson said.',
      '',
      '![chart](https://example.com/c.png)',
      '',
      '## What comes next',
      '',
      '- The review covers the `engine`.',
      '- It ends in \\*2023\\*.',
      '',
      '1. First step.',
      '2. Second step.',
      '',
      '<div class="ad">Advertisement</div>',
      '',
      '---',
    ].join('\n');
    expect(markdownToPlainText(markdown)).toBe(
      [
        'Oracle is reviewing source code, according to a report on Project Texas & more.',
        '"We are committed," a spokesperson said.',
        'What comes next',
        '- The review covers the engine.',
        '- It ends in *2023*.',
        '1. First step.',
        '2. Second step.',
      ].join('\n\n'),
    );
  });

  it('leaves plain text, one paragraph a line as the corpus stores it, unchanged', () => {
    const plain = 'TikTok said on Friday it was moving data to Oracle.\nThe move took a year, the company’s spokesperson said.\nComments';
    expect(markdownToPlainText(plain)).toBe(plain);
  });
});
