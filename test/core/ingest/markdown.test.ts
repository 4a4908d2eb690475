import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../../../src/core/ingest/markdown.ts';

describe('markdownToPlainText', () => {
  it("leaves out a note-taking app's markup: callout types, embedded files, links to other notes", () => {
    const notes = ['> [!note] Why this page exists', '> Three people asked in the group chat.', '', '![[screenshot.png|480]]', '', 'Related: [[Ravensmere paper - Insuring the Custodian|the paper]] · [[Vantory release]]', '', '> [!tip]- Glossary', '> Limit = the most the insurers pay.'].join('\n');
    expect(markdownToPlainText(notes)).toBe(['Why this page exists\nThree people asked in the group chat.', 'Related: the paper · Vantory release', 'Glossary\nLimit = the most the insurers pay.'].join('\n\n'));
    // Brackets of the text's own stay.
    expect(markdownToPlainText('The filing [sic] says [!] twice.')).toBe('The filing [sic] says [!] twice.');
  });

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
