import { contentWords, PHRASAL_PARTICLES } from './analyze.ts';

/**
 * Synonym groups are data, kept beside the corpus (`synonyms.txt`) so moderators extend them without
 * touching code. Every spelling in a group maps to one concept term, on the index side and the query
 * side alike, so "CFIUS" finds "Committee on Foreign Investment in the United States" and back.
 */
import { parseSynonymLines, type SynonymGroup, type SynonymProblem } from './synonyms-file.ts';

export { serializeSynonyms, SYNONYMS_FILE, type SynonymGroup, type SynonymProblem } from './synonyms-file.ts';

export type SynonymTable = {
  readonly groups: readonly SynonymGroup[];
  /** Concept terms that a sequence of stems contains, with the word span (inclusive–exclusive) each covers. */
  match(stems: readonly string[]): { concept: string; from: number; to: number }[];
};

/** The concept term of a group: a tilde (which no word can contain) and the stems of its first spelling. */
const conceptOf = (group: SynonymGroup): string => `~${contentWords(group[0] ?? '').map((w) => w.stem).join('_')}`;

export function buildSynonymTable(groups: readonly SynonymGroup[]): SynonymTable {
  // Words that groups make interchangeable one for one (dept ↔ department) are read as one word
  // inside longer phrases too, so "Dept of Commerce" matches "Department of Commerce".
  const canonical = new Map<string, string>();
  for (const group of groups) {
    const single = group.map((spelling) => contentWords(spelling).map((w) => w.stem)).filter((stems) => stems.length === 1).map((stems) => stems[0] as string);
    for (const stem of single.slice(1)) if (!canonical.has(stem)) canonical.set(stem, single[0] as string);
  }
  const canon = (stem: string): string => canonical.get(stem) ?? stem;

  // Phrases keyed by their first (canonical) stem, longest first, so "united states" wins over "united".
  const byFirstStem = new Map<string, { stems: string[]; concept: string }[]>();
  for (const group of groups) {
    const concept = conceptOf(group);
    for (const spelling of group) {
      if (spellingProblem(spelling)) continue; // reported by parseSynonyms; unusable here
      const stems = contentWords(spelling).map((w) => canon(w.stem));
      const first = stems[0];
      if (first === undefined) continue;
      const list = byFirstStem.get(first) ?? [];
      list.push({ stems, concept });
      byFirstStem.set(first, list);
    }
  }
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  return {
    groups,
    match(rawStems) {
      const stems = rawStems.map(canon);
      const found: { concept: string; from: number; to: number }[] = [];
      for (let i = 0; i < stems.length; i++) {
        const candidates = byFirstStem.get(stems[i] ?? '');
        if (!candidates) continue;
        for (const { stems: phrase, concept } of candidates) {
          if (phrase.every((stem, k) => stems[i + k] === stem)) {
            found.push({ concept, from: i, to: i + phrase.length });
            break;
          }
        }
      }
      return found;
    },
  };
}

/** Why a spelling cannot be used: no word but stop words, or a particle that analysis would drop. */
function spellingProblem(spelling: string): string | undefined {
  const content = contentWords(spelling);
  if (content.length === 0) return `"${spelling}" has no word that is not a stop word`;
  const words = spelling.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const particle = words.find((w) => PHRASAL_PARTICLES.has(w) && !content.some((c) => c.norm === w));
  if (words.length > 1 && content.length === 1 && particle) {
    return `in "${spelling}", "${particle}" is ignored, so it would match every "${content[0]?.norm}"; spell it as one word`;
  }
  return undefined;
}

/** Parses `synonyms.txt` and checks that every spelling has a word that is not a stop word. */
export function parseSynonyms(text: string): { groups: string[][]; problems: SynonymProblem[] } {
  const { groups, problems } = parseSynonymLines(text);
  const lines = text.split(/\r?\n/);
  const kept: string[][] = [];
  for (const group of groups) {
    const line = lines.findIndex((l) => group.every((s) => l.includes(s))) + 1;
    const problem = group.map(spellingProblem).find(Boolean);
    if (problem) problems.push({ line, message: problem });
    else kept.push(group);
  }
  problems.sort((a, b) => a.line - b.line);
  return { groups: kept, problems };
}

export const EMPTY_SYNONYMS: SynonymTable = buildSynonymTable([]);
