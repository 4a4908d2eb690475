/**
 * A reply as terminal text: the same `MessageBody` Discord would receive, printed — embeds as
 * titled blocks, markdown undone (escapes removed, bold shown bold), links as `label <url>`, and
 * each button as the command that presses it (`[More] → /more`).
 */
import type { APIEmbed } from 'discord-api-types/v10';
import type { MessageBody } from '../discord/reply.ts';

const BOLD = '\x1b[1m';
const NORMAL = '\x1b[22m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Markdown as plain text; `styled` shows bold with ANSI codes, otherwise as `**bold**`. */
export function markdownToText(markdown: string, styled: boolean): string {
  let out = '';
  let bold = false;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i] as string;
    const next = markdown[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      out += next;
      i++;
    } else if (c === '*' && next === '*') {
      bold = !bold;
      out += styled ? (bold ? BOLD : NORMAL) : '**';
      i++;
    } else if (c === '*') {
      // Single asterisks only ever mark Verbatim's own italics (escaped ones were handled above).
    } else if (c === '[') {
      const close = markdown.indexOf('](', i);
      const end = close < 0 ? -1 : markdown.indexOf(')', close);
      if (close < 0 || end < 0) {
        out += c;
        continue;
      }
      out += `${markdownToText(markdown.slice(i + 1, close), styled)} <${markdown.slice(close + 2, end)}>`;
      i = end;
    } else {
      out += c;
    }
  }
  return styled && bold ? `${out}${NORMAL}` : out;
}

function embedToText(embed: APIEmbed, styled: boolean): string {
  const lines: string[] = [];
  if (embed.author) lines.push(embed.author.name);
  if (embed.title) {
    const title = markdownToText(embed.title, false);
    lines.push(`${styled ? `${BOLD}${title}${NORMAL}` : title}${embed.url ? ` <${embed.url}>` : ''}`);
  }
  if (embed.description) lines.push(markdownToText(embed.description, styled));
  for (const field of embed.fields ?? []) lines.push(`${markdownToText(field.name, false)}: ${markdownToText(field.value, styled)}`);
  if (embed.footer) lines.push(styled ? `${DIM}${embed.footer.text}${RESET}` : embed.footer.text);
  return lines.join('\n');
}

/** The console command that presses a button: its label, lower-cased, after a slash. */
export const buttonCommand = (label: string): string => `/${label.toLowerCase()}`;

/** The whole reply as text, blocks separated by blank lines, buttons last. */
export function replyToText(body: MessageBody, styled: boolean): string {
  const blocks: string[] = [];
  if (body.content) blocks.push(markdownToText(body.content, styled));
  for (const embed of body.embeds ?? []) blocks.push(embedToText(embed, styled));
  const buttons = (body.components ?? []).flatMap((row) => row.components).filter((b) => !b.disabled && b.label);
  if (buttons.length > 0) blocks.push(`Buttons: ${buttons.map((b) => `[${b.label}] ${buttonCommand(b.label as string)}`).join('  ')}`);
  return blocks.join('\n\n');
}
