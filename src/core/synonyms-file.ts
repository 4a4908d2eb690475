/**
 * The synonyms file format, `synonyms.txt` beside the articles. Kept apart from the analysis so that
 * reading and writing the corpus does not load the language tools.
 */
export type SynonymGroup = readonly string[];

export const SYNONYMS_FILE = 'synonyms.txt';

export type SynonymProblem = { line: number; message: string };

/** Parses `synonyms.txt` (syntax only): one group a line, spellings separated by `|`; `#` starts a comment. */
export function parseSynonymLines(text: string): { groups: string[][]; problems: SynonymProblem[] } {
  const groups: string[][] = [];
  const problems: SynonymProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const spellings = [...new Set(line.split('|').map((s) => s.trim()).filter(Boolean))];
    if (spellings.length < 2) problems.push({ line: index + 1, message: 'a group needs at least two spellings separated by |' });
    else groups.push(spellings);
  });
  return { groups, problems };
}

export function serializeSynonyms(groups: readonly SynonymGroup[]): string {
  return [
    '# Synonyms and acronyms: one group a line, spellings separated by |.',
    '# Every spelling in a group finds the others. Edit with /corpus synonym or by hand, then /corpus reload.',
    ...groups.map((g) => g.join(' | ')),
    '',
  ].join('\n');
}

