/**
 * Autocomplete answers within Discord's limits (25 choices, names and values of 1–100 characters),
 * from the core's suggestions. (Pure.)
 */
import type { PassageIndex } from '../core/search-index.ts';
import { matchArticles, suggestQuestions } from '../core/suggest.ts';
import { sourceLabel } from '../core/render-text.ts';
import type { Choice } from './command.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { truncateAtWord } from './markdown.ts';

/** Completions for a question: what was typed, then its last word completed from the corpus. */
export function questionChoices(index: PassageIndex, typed: string): Choice[] {
  return suggestQuestions(index, typed, { limit: DISCORD_LIMITS.autocompleteChoices, maxLength: DISCORD_LIMITS.choiceValue }).map((q) => ({ name: q, value: q }));
}

/** Articles matching what was typed: the label as the name, the article id as the value. */
export function articleChoices(index: PassageIndex, typed: string): Choice[] {
  return matchArticles(index, typed, DISCORD_LIMITS.autocompleteChoices).map((a) => ({
    name: truncateAtWord(sourceLabel(a), DISCORD_LIMITS.choiceName),
    value: a.id,
  }));
}

/** Holds any list of choices to Discord's limits: names cut at a word, over-long values dropped. */
export function limitChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((c) => String(c.value).length >= 1 && String(c.value).length <= DISCORD_LIMITS.choiceValue && c.name.trim().length > 0)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((c) => ({ name: truncateAtWord(c.name, DISCORD_LIMITS.choiceName), value: c.value }));
}
