import { describe, expect, it } from 'vitest';
import { buildSynonymTable, parseSynonyms, serializeSynonyms } from '../../src/core/synonyms.ts';
import { contentWords } from '../../src/core/analyze.ts';

describe('parseSynonyms', () => {
  it('reads groups separated by | and skips comments and blank lines', () => {
    const { groups, problems } = parseSynonyms('# comment\n\nCCP | Chinese Communist Party\nTikTok|Tik Tok # trailing\n');
    expect(groups).toEqual([['CCP', 'Chinese Communist Party'], ['TikTok', 'Tik Tok']]);
    expect(problems).toEqual([]);
  });

  it('reports a line with one spelling or only stop words, by line number', () => {
    const { groups, problems } = parseSynonyms('lonely\nthe | of\nban | block\n');
    expect(groups).toEqual([['ban', 'block']]);
    expect(problems.map((p) => p.line)).toEqual([1, 2]);
  });

  it('refuses a phrasal spelling that would shrink to one common word', () => {
    const { groups, problems } = parseSynonyms('backup | back up\nsetup | configuration\n');
    expect(groups).toEqual([['setup', 'configuration']]);
    expect(problems).toEqual([{ line: 1, message: 'in "back up", "up" is ignored, so it would match every "back"; spell it as one word' }]);
  });

  it('round-trips through serializeSynonyms', () => {
    const groups = [['A1', 'alpha one'], ['B', 'bravo', 'beta']];
    expect(parseSynonyms(serializeSynonyms(groups)).groups).toEqual(groups);
  });
});

describe('buildSynonymTable', () => {
  it('reads one-word synonyms as the same word inside longer phrases', () => {
    const table = buildSynonymTable([['dept', 'department'], ['Commerce Department', 'Department of Commerce']]);
    const concepts = (text: string) => table.match(contentWords(text).map((w) => w.stem)).map((m) => m.concept);
    expect(concepts('the Dept of Commerce said')).toEqual(concepts('the Department of Commerce said'));
    expect(concepts('the Dept of Commerce said').length).toBeGreaterThan(0);
  });

  it('matches the longest phrase at each position', () => {
    const table = buildSynonymTable([['US', 'United States'], ['USA', 'United States of America']]);
    const stems = contentWords('the United States of America').map((w) => w.stem);
    const matches = table.match(stems);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ from: 0, to: 3 });
  });
});
