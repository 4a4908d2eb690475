import type { Answer, RankedPassage, SourceLabel } from './answer.ts';

/** "¶3", or "¶3–4" for a passage that spans paragraphs. */
export const paragraphLabel = (paragraph: number, paragraphEnd = paragraph): string => (paragraphEnd > paragraph ? `¶${paragraph}–${paragraphEnd}` : `¶${paragraph}`);

/** "Title · Publisher · ¶3" — the label every quoted passage carries. */
export function sourceLabel(source: SourceLabel, paragraph?: number, paragraphEnd?: number): string {
  return [source.title, source.publisher, paragraph !== undefined ? paragraphLabel(paragraph, paragraphEnd) : undefined].filter(Boolean).join(' · ');
}

function renderResult(result: RankedPassage, position: number): string {
  const { passage, highlight } = result;
  const quoted = `${passage.text.slice(0, highlight.start)}[${passage.text.slice(highlight.start, highlight.end)}]${passage.text.slice(highlight.end)}`;
  const lines = [`${position}. ${sourceLabel(result.source, passage.paragraph, passage.paragraphEnd)}${result.source.url ? ` <${result.source.url}>` : ''}`];
  for (const line of quoted.split('\n')) lines.push(`   > ${line}`);
  if (result.alsoIn.length > 0) lines.push(`   also reported by: ${result.alsoIn.map((a) => a.source.title).join('; ')}`);
  return lines.join('\n');
}

/** A plain-text answer for terminals: quotes with the best sentence in [brackets], each with its source. */
export function renderAnswerText(answer: Answer): string {
  if (answer.results.length > 0) return answer.results.map((r, i) => renderResult(r, i + 1)).join('\n\n');
  const lines = [`No good match in the corpus for "${answer.query.text}".`];
  if (answer.related.length > 0) {
    lines.push('Related passages (they do not answer the question):', '');
    lines.push(answer.related.map((r, i) => renderResult(r, i + 1)).join('\n\n'));
  }
  return lines.join('\n');
}
