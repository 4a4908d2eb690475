import { Lexer, type Token, type Tokens } from 'marked';

/**
 * The plain text of a Markdown article: its words without the markup ("**code**" → "code",
 * "[a report](https://…)" → "a report"; pictures, rules and raw HTML left out), one block a
 * paragraph, so passages quote the article as a reader sees it. Line breaks inside a paragraph
 * are kept, so a plain-text body (one paragraph a line, as the corpus stores them) comes out unchanged.
 */
export function markdownToPlainText(markdown: string): string {
  const blocks: string[] = [];
  for (const token of new Lexer({ gfm: true }).lex(markdown)) blocks.push(...blockText(token));
  return blocks.filter((b) => b.trim() !== '').join('\n\n');
}

function blockText(token: Token): string[] {
  switch (token.type) {
    case 'paragraph':
    case 'heading':
      return [withoutNoteMarkup(inlineText((token as Tokens.Paragraph | Tokens.Heading).tokens))];
    case 'text': {
      const text = token as Tokens.Text;
      return [withoutNoteMarkup(text.tokens ? inlineText(text.tokens) : decodeEntities(text.text))];
    }
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(blockText);
    case 'list': {
      const list = token as Tokens.List;
      const first = typeof list.start === 'number' ? list.start : 1;
      // Numbered steps keep their numbers: they are part of what the text says. Bullets keep their
      // dash, so that an item reads as a list entry, not as a heading over what follows.
      return list.items.map((item, i) => (list.ordered ? `${first + i}. ` : '- ') + item.tokens.flatMap(blockText).join('\n'));
    }
    case 'code':
      return [(token as Tokens.Code).text];
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => row.map((cell) => inlineText(cell.tokens)).join(' | '));
    }
    default:
      return []; // space, hr, html, def
  }
}

/**
 * A note-taking app's markup (Obsidian's, which other apps share): a callout's type ("> [!note] Why
 * this page exists" → "Why this page exists"), an embedded file ("![[chart.png|480]]", left out like
 * a picture) and a link to another note ("[[Ravensmere paper|the paper]]" → "the paper").
 */
function withoutNoteMarkup(text: string): string {
  return text
    .replace(/^\[![\w-]+\][+-]?[ \t]*/, '')
    .replace(/!\[\[[^\]\n]*\]\]/g, '')
    .replace(/\[\[([^\]|\n]*)\|([^\]\n]*)\]\]/g, '$2')
    .replace(/\[\[([^\]\n]*)\]\]/g, '$1')
    .trim();
}

function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'html':
        break;
      case 'br':
        text += '\n';
        break;
      case 'escape':
      case 'codespan':
        text += (token as Tokens.Escape | Tokens.Codespan).text;
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) text += inlineText(token.tokens);
        else if ('text' in token && typeof token.text === 'string') text += decodeEntities(token.text);
    }
  }
  return text;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Markdown keeps HTML character references in its text ("&amp;", "&#8217;"): the reader sees the character. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec || hex) {
      const code = Number.parseInt(dec ?? hex ?? '', dec ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? whole;
  });
}
