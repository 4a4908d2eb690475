/**
 * Damerau–Levenshtein distance (adjacent swaps count as one edit), stopping early once it
 * exceeds `limit`: typos are one or two edits away, anything further is another word.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return Math.min(d[a.length]?.[b.length] ?? 0, limit + 1);
}

/** How many edits a word of this length may be from its correction: none below 4 letters, two from 8. */
export const allowedEdits = (length: number): number => (length < 4 ? 0 : length < 8 ? 1 : 2);

/**
 * The corpus word a misspelt word most likely means: within the allowed edits, starting with the
 * same letter (people rarely mistype the first one), the fewest edits, then the most common.
 */
export function correctSpelling(word: string, vocabulary: Iterable<string>, frequency: (word: string) => number): string | undefined {
  const limit = allowedEdits(word.length);
  if (limit === 0) return undefined;
  let best: { word: string; distance: number; frequency: number } | undefined;
  for (const candidate of vocabulary) {
    if (candidate[0] !== word[0] || candidate === word || candidate.length < 3) continue;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    const count = frequency(candidate);
    if (!best || distance < best.distance || (distance === best.distance && (count > best.frequency || (count === best.frequency && candidate < best.word)))) {
      best = { word: candidate, distance, frequency: count };
    }
  }
  return best?.word;
}
