import { readFileSync } from 'node:fs';
import lemmatizer from 'wink-lemmatizer';

/**
 * Everyday ↔ news wording ("cancel" ↔ "revoke", "crew" ↔ "staff", "spin up" ↔ "set up"), kept as
 * data in data/news-paraphrases.txt: groups of words and short phrases interchangeable in a
 * question. WordNet lists senses, not the words chat uses for what news writes; these fill that gap.
 * Query side only, at the weight of a related word. A word in two groups (two senses) relates to
 * the members of both, but groups are never merged through it.
 */
const FILE = new URL('./data/news-paraphrases.txt', import.meta.url);

let groupsByMember: Map<string, string[][]> | undefined;

function load(): Map<string, string[][]> {
  if (groupsByMember) return groupsByMember;
  groupsByMember = new Map();
  for (const line of readFileSync(FILE, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const group = line.split('|').map((member) => member.trim().toLowerCase()).filter(Boolean);
    for (const member of group) groupsByMember.set(member, [...(groupsByMember.get(member) ?? []), group]);
  }
  return groupsByMember;
}

/** The base forms a word or phrase may be listed under: "revoked" → revoke, "walled off" → wall off. */
function listedForms(phrase: string): string[] {
  const [first = '', ...rest] = phrase.toLowerCase().trim().split(/\s+/);
  const heads = new Set([first, lemmatizer.verb(first), lemmatizer.noun(first), lemmatizer.adjective(first)]);
  // Regular forms of a verb the lemmatizer does not list ("babysitting", "doomscrolled").
  if (/(?:ing|ed)$/.test(first)) for (const base of [first.replace(/([^aeiou])\1(?:ing|ed)$/, '$1'), first.replace(/(?:ing|ed)$/, ''), first.replace(/(?:ing|ed)$/, 'e')]) heads.add(base);
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  // A phrase's last word may be the plural ("intelligence officials").
  const forms = [...heads].map((head) => head + tail);
  if (rest.length > 0) forms.push(`${first} ${[...rest.slice(0, -1), lemmatizer.noun(rest.at(-1) ?? '')].join(' ')}`);
  return [...new Set(forms)];
}

/** The other members of every group listing `phrase` (in a base form), without the phrase itself. */
export function paraphrasesOf(phrase: string): string[] {
  const groups = load();
  const forms = listedForms(phrase);
  const found = new Set<string>();
  for (const form of forms) for (const group of groups.get(form) ?? []) for (const member of group) if (!forms.includes(member)) found.add(member);
  return [...found];
}

/** Whether a phrase of several words is listed ("spin up", "look after"), so that it is read as one. */
export const isParaphrasePhrase = (phrase: string): boolean => phrase.includes(' ') && listedForms(phrase).some((form) => load().has(form));
