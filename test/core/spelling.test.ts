import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctSpelling, editDistance, withinOneEdit } from '../../src/core/spelling.ts';

/** Reference: optimal string alignment distance, computed plainly. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('withinOneEdit', () => {
  it('says the same as the reference distance being at most one', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(reference(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
    expect(withinOneEdit('globaly', 'globally')).toBe(true);
    expect(withinOneEdit('recieve', 'receive')).toBe(true);
    expect(withinOneEdit('artical', 'article')).toBe(false);
  });
});

describe('editDistance', () => {
  it('agrees with the reference distance, and caps at limit + 1', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b, limit)).toBe(Math.min(exact, limit + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('oracel', 'oracle')).toBe(1);
  });
});

describe('correctSpelling', () => {
  const vocabulary = ['oracle', 'singapore', 'virginia', 'bytedance', 'order', 'orange'];
  const frequency = (w: string) => (w === 'order' ? 10 : 1);

  it('corrects common typos to the nearest corpus word', () => {
    expect(correctSpelling('oracel', vocabulary, frequency)).toBe('oracle');
    expect(correctSpelling('singapor', vocabulary, frequency)).toBe('singapore');
    expect(correctSpelling('virgina', vocabulary, frequency)).toBe('virginia');
    expect(correctSpelling('bytedanse', vocabulary, frequency)).toBe('bytedance');
  });

  it('reads a dropped letter before a changed one, then the more frequent word', () => {
    // "thred": "thread" lacks a letter, "three" has one changed; the commoner "three" loses.
    expect(correctSpelling('thred', ['three', 'thread'], (w) => (w === 'three' ? 50 : 1))).toBe('thread');
    // Two changed letters alike: the more frequent one.
    expect(correctSpelling('ordex', vocabulary, frequency)).toBe('order');
  });

  it('reads an everyday word, when asked, as mistyped only by a slip of the fingers: a neighbouring key, a letter added, dropped or swapped', () => {
    const words = ['data', 'copy', 'cups', 'share', 'server'];
    const options = { maxEdits: 1, adjacentKeysOnly: true };
    // "date" is no "data", "cops" no "copy", "spare" no "share": those keys are far apart.
    expect(['date', 'cops', 'spare'].map((w) => correctSpelling(w, words, () => 1, options))).toEqual([undefined, undefined, undefined]);
    // "dara" (r beside t), "servr" (a letter dropped), "sevrer" (two swapped) are slips.
    expect(['dara', 'servr', 'sevrer'].map((w) => correctSpelling(w, ['data', 'server'], () => 1, options))).toEqual(['data', 'server', 'server']);
    expect(correctSpelling('date', words, () => 1, { maxEdits: 1 })).toBe('data');
  });

  it('leaves short words and far-off words alone', () => {
    expect(correctSpelling('ord', vocabulary, frequency)).toBeUndefined();
    expect(correctSpelling('python', vocabulary, frequency)).toBeUndefined();
  });

  it('does not change the first letter', () => {
    expect(correctSpelling('xrder', vocabulary, frequency)).toBeUndefined();
    expect(correctSpelling('calamug', ['kalamug'], () => 1)).toBeUndefined();
  });

  it('spells a name by ear when asked: a sound-alike first letter, the rest the same, after words that start alike', () => {
    expect(correctSpelling('calamug', ['kalamug', 'oracle'], () => 1, { soundAlikeFirst: true })).toBe('kalamug');
    expect(correctSpelling('kalamug', ['calamug', 'kalamig'], () => 1, { soundAlikeFirst: true })).toBe('kalamig');
    // Only the first letter may differ that way.
    expect(correctSpelling('calamog', ['kalamug'], () => 1, { soundAlikeFirst: true })).toBeUndefined();
    expect(correctSpelling('xalamug', ['kalamug'], () => 1, { soundAlikeFirst: true })).toBeUndefined();
  });

  it('spells a word by ear when asked and nothing nearer fits: two edits off, about as long, the same sound', () => {
    const words = ['oracle', 'oral', 'blind', 'orchard'];
    expect(correctSpelling('oracal', words, () => 1, { byEar: true })).toBe('oracle');
    expect(correctSpelling('oracal', words, () => 1)).toBeUndefined();
    // A long word written as it sounds may be three edits off ("-tion" as "-shun"); a short one not.
    expect(correctSpelling('resolushun', ['resolution', 'resolute'], () => 1, { byEar: true })).toBe('resolution');
    expect(correctSpelling('posishun', ['position'], () => 1, { byEar: true })).toBeUndefined();
    // Two letters shorter, though it sounds alike ("bylined" is no "blind").
    expect(correctSpelling('bylined', words, () => 1, { byEar: true })).toBeUndefined();
    // Two edits off, but another sound.
    expect(correctSpelling('orcherd', ['orchids'], () => 1, { byEar: true })).toBeUndefined();
  });

  it('restores, when asked, a doubled letter typed once in a three-letter word, and makes no other short edit', () => {
    const words = ['apps', 'app', 'apes', 'adds', 'odds'];
    const often = (w: string) => (w === 'adds' ? 5 : 1);
    expect(correctSpelling('aps', words, often, { restoreDoubled: true })).toBe('apps');
    expect(correctSpelling('ads', words, often, { restoreDoubled: true })).toBe('adds');
    expect(correctSpelling('aps', words, often)).toBeUndefined();
    // "ape" is one letter from "apes", but no letter of it is doubled there.
    expect(correctSpelling('ape', words, often, { restoreDoubled: true })).toBeUndefined();
    expect(correctSpelling('ods', words, often, { restoreDoubled: true })).toBe('odds');
  });
});
