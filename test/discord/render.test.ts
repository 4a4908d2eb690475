/**
 * What people see, without Discord: exact text, source labels, buttons, limits and mention safety.
 * Results are made by hand from the fixture corpus, so these tests do not move with ranking.
 */
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/load-corpus.ts';
import { PassageIndex } from '../../src/core/search-index.ts';
import { EMPTY_SYNONYMS } from '../../src/core/synonyms.ts';
import { decodeButton } from '../../src/discord/custom-id.ts';
import { DISCORD_LIMITS, REPLY_OPTIONS } from '../../src/discord/limits.ts';
import { unescapeMarkdown } from '../../src/discord/markdown.ts';
import {
  questionOf,
  renderAnswer,
  renderArticlePage,
  renderContext,
  renderHelp,
  renderNoMatch,
  renderSources,
  replyLength,
} from '../../src/discord/render.ts';
import { prepareReply } from '../../src/discord/reply.ts';
import { article } from '../support/fixtures.ts';
import { answer, fixtureIndex, query, ranked } from './support.ts';

const index = fixtureIndex();
const view = (question: string, extra: Partial<{ offset: number; count: number; articleId: string }> = {}) => ({ question, offset: 0, count: 3, elapsedMs: 4, ...extra });
const button = (label: string, customId: string, style = ButtonStyle.Secondary) => ({ type: ComponentType.Button, style, label, custom_id: customId });

describe('renderAnswer', () => {
  it('quotes the passage with the matched sentence in bold, under its linked source label, with "also reported by"', () => {
    const reply = renderAnswer(
      answer([ranked(index, 'harbour-bridge-reopens#2', { alsoIn: ['ferry-service-ends#1'] })]),
      view('How much did the repairs cost?'),
      index,
    );
    expect(reply).toEqual({
      embeds: [
        {
          title: '1. Harbour bridge reopens after repairs · Example Gazette · ¶2',
          url: 'https://example.com/news/harbour-bridge',
          description:
            '> **The repairs cost 12 million dollars, the city council said on Monday.** Traffic across the bridge returned to normal by the evening rush hour. Buses that had been sent the long way round went back to their usual routes.\n\n' +
            '*Also reported by:* Ferry service ends as the bridge reopens · ¶1',
          color: REPLY_OPTIONS.color,
          footer: { text: 'Passage 1 of 1 · 4 ms · Asked: “How much did the repairs cost?”' },
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [button('Context 1', 'ctx:harbour-bridge-reopens#2'), button('Article 1', 'art:harbour-bridge-reopens')],
        },
      ],
    });
  });

  it('links "also reported by" when the other source has a URL, and labels a source without publisher by title and ¶ only', () => {
    const reply = renderAnswer(answer([ranked(index, 'ferry-service-ends#1', { alsoIn: ['harbour-bridge-reopens#2'] })]), view('cost?'), index);
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe('1. Ferry service ends as the bridge reopens · ¶1');
    expect(embed?.url).toBeUndefined();
    expect(embed?.description).toContain('*Also reported by:* [Harbour bridge reopens after repairs · Example Gazette · ¶2](https://example.com/news/harbour-bridge)');
  });

  it('escapes markdown and mention syntax from the corpus, and the reply allows no mentions', () => {
    const reply = renderAnswer(answer([ranked(index, 'harbour-bridge-reopens#3', { sentence: 1 })]), view('What did the banner read?'), index);
    expect(reply.embeds?.[0]?.description).toBe(
      '> Residents celebrated with a \\*small\\* parade along the waterfront. **One banner read "@everyone welcome back" and another thanked \\<@123456789012345678\\> for the new paint.** Local bands played on the promenade until dusk.',
    );
    expect(prepareReply(reply).allowed_mentions).toEqual({ parse: [] });
  });

  it('numbers results from the offset, groups buttons by kind when they do not fit one row, and offers More with the next offset', () => {
    const results = ['harbour-bridge-reopens#1', 'ferry-service-ends#2', 'harbour-bridge-reopens#4'].map((id) => ranked(index, id));
    const reply = renderAnswer(answer(results, { more: 4 }), view('bridge', { offset: 3, count: 3, articleId: undefined }), index);
    expect(reply.embeds?.map((e) => e.title)).toEqual([
      '4. Harbour bridge reopens after repairs · Example Gazette · ¶1',
      '5. Ferry service ends as the bridge reopens · ¶2',
      '6. Harbour bridge reopens after repairs · Example Gazette · ¶4',
    ]);
    expect(reply.embeds?.[2]?.footer?.text).toBe('Passages 4–6 of 10 · 4 ms · Asked: “bridge”');
    expect(reply.embeds?.slice(0, 2).every((e) => e.footer === undefined)).toBe(true);
    expect(reply.components?.map((row) => row.components.map((b) => [b.label, b.custom_id]))).toEqual([
      [
        ['Context 4', 'ctx:harbour-bridge-reopens#1'],
        ['Context 5', 'ctx:ferry-service-ends#2'],
        ['Context 6', 'ctx:harbour-bridge-reopens#4'],
      ],
      [
        ['Article 4, 6', 'art:harbour-bridge-reopens'],
        ['Article 5', 'art:ferry-service-ends'],
      ],
      [['More', 'mq:6:3::bridge']],
    ]);
    expect(reply.components?.[2]?.components[0]?.style).toBe(ButtonStyle.Primary);
  });

  it('keeps the article filter in the More button', () => {
    const reply = renderAnswer(answer([ranked(index, 'harbour-bridge-reopens#1')], { more: 2 }), view('bridge', { count: 1, articleId: 'harbour-bridge-reopens' }), index);
    const more = reply.components?.flatMap((r) => r.components).find((b) => b.label === 'More');
    expect(more?.custom_id).toBe('mq:1:1:harbour-bridge-reopens:bridge');
    expect(decodeButton(more?.custom_id ?? '')).toEqual({ ok: true, value: { kind: 'more', offset: 1, count: 1, articleId: 'harbour-bridge-reopens', question: 'bridge' } });
  });

  it('stays within 6,000 characters with five long passages, cutting each at a sentence boundary with an ellipsis', () => {
    const sentence = (i: number) => `Sentence number ${i} of this very long paragraph talks about the bridge and its many cables at great length.`;
    const body = Array.from({ length: 5 }, (_, p) => Array.from({ length: 20 }, (_, i) => sentence(p * 100 + i)).join(' ')).join('\n\n');
    // Passages of a whole paragraph each (2,000+ characters): more than five fit in one message.
    const long = new PassageIndex(EMPTY_SYNONYMS, { minChars: 100, maxJoinedChars: 5000, maxChars: 5000, maxSentences: 50 });
    long.add(article('long-read', 'A long read about bridges', body));
    const ids = long.passagesOf('long-read').map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const results = ids.slice(0, 5).map((id) => ranked(long, id, { sentence: 2 }));
    const reply = renderAnswer(answer(results), view('bridge cables', { count: 5 }), long);
    const body6000 = prepareReply(reply);
    expect(replyLength(reply)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(replyLength({ embeds: body6000.embeds })).toBe(replyLength(reply)); // prepareReply had nothing to cut
    for (const [i, embed] of (reply.embeds ?? []).entries()) {
      const quote = (embed.description ?? '').replace(/^> /gm, '');
      expect(quote).toContain(`**${sentence(i * 100 + 2)}**`);
      expect(quote).toMatch(/…/);
      // Whatever was left out is marked, and what is shown is whole sentences of the passage.
      const shown = unescapeMarkdown(quote.replaceAll('**', '')).replace(/^… /, '').replace(/ …$/, '');
      expect(results[i]?.passage.text).toContain(shown);
      expect(shown).toMatch(/^Sentence number \d+ .*length\.$/);
    }
  });
});

describe('renderNoMatch', () => {
  it('says what was searched and which words no article has, and offers article titles — never passages as an answer', () => {
    const reply = renderAnswer(
      answer([], { query: query('pizza recipe near the bridge', [{ word: 'pizza', known: false }, { word: 'recipe', known: false }, { word: 'bridge', known: true }]) }),
      view('pizza recipe near the bridge'),
      index,
    );
    expect(reply).toEqual({
      embeds: [
        {
          title: 'No good match',
          description: [
            'Nothing in the 2 articles answers “pizza recipe near the bridge”.',
            '',
            'Searched for: bridge. Not in any article: pizza, recipe.',
            '',
            'Try other words, or one of these articles (/sources lists them all):',
            '• Ferry service ends as the bridge reopens',
            '• [Harbour bridge reopens after repairs · Example Gazette](https://example.com/news/harbour-bridge)',
          ].join('\n'),
          color: REPLY_OPTIONS.color,
          footer: { text: 'No match · 4 ms · Asked: “pizza recipe near the bridge”' },
        },
      ],
    });
  });

  it('offers related passages as related reading only, and mentions spelling corrections', () => {
    const reply = renderNoMatch(
      answer([], { related: [ranked(index, 'ferry-service-ends#2')], query: query('ferri timetable', [{ word: 'ferry', known: true }, { word: 'timetable', known: false }], [{ from: 'ferri', to: 'ferry' }]) }),
      view('ferri timetable'),
      index,
    );
    expect(reply.embeds?.[0]?.description).toBe(
      [
        'Nothing in the 2 articles answers “ferri timetable”.',
        '',
        'Searched for: ferry. Read “ferri” as “ferry”. Not in any article: timetable.',
        '',
        '**Related reading** — these passages share words with the question but do not answer it:',
        '• Ferry service ends as the bridge reopens · ¶2',
        '',
        'Try other words, or read one of these with /source.',
      ].join('\n'),
    );
    expect(reply.components).toBeUndefined();
  });

  it('explains a question made only of common words', () => {
    const reply = renderNoMatch(answer([], { query: query('is it the?') }), view('is it the?'), index);
    expect(reply.embeds?.[0]?.description).toContain('The question has no words to search for, only common ones such as “the” or “is”.');
  });

  it('escapes the question', () => {
    const reply = renderNoMatch(answer([]), view('@everyone **look** <@1>'), index);
    expect(reply.embeds?.[0]?.description?.split('\n')[0]).toBe('Nothing in the 2 articles answers “@everyone \\*\\*look\\*\\* \\<@1\\>”.');
  });
});

describe('questionOf', () => {
  it('reads the question back from the footer, exactly, whatever it contains', () => {
    for (const question of ['Where is it?', 'A · Asked: “tricky” question”', '  spaced  ', '**bold** <@1>']) {
      const reply = renderAnswer(answer([ranked(index, 'harbour-bridge-reopens#1')]), view(question), index);
      expect(questionOf({ embeds: reply.embeds ?? [], ephemeral: false })).toBe(question.trim());
    }
  });

  it('finds nothing on a message without an answer footer', () => {
    expect(questionOf({ embeds: [{ title: 'x', footer: { text: 'Page 1 of 1' } }], ephemeral: false })).toBeUndefined();
    expect(questionOf({ embeds: [], ephemeral: true })).toBeUndefined();
  });
});

describe('renderContext', () => {
  it('shows the passage before, the quoted one marked ▶ and the one after, with a button to read on', () => {
    const passage = index.passage('harbour-bridge-reopens#2');
    const reply = renderContext(index, passage!);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds?.map((e) => e.title)).toEqual([
      'Harbour bridge reopens after repairs · Example Gazette · ¶1',
      '▶ Harbour bridge reopens after repairs · Example Gazette · ¶2',
      'Harbour bridge reopens after repairs · Example Gazette · ¶3',
    ]);
    expect(reply.embeds?.[1]?.description).toBe(
      '> The repairs cost 12 million dollars, the city council said on Monday. Traffic across the bridge returned to normal by the evening rush hour. Buses that had been sent the long way round went back to their usual routes.',
    );
    expect(reply.embeds?.[2]?.footer?.text).toBe('Passages 1–3 of 4 in this article · ▶ the quoted passage');
    expect(reply.components?.[0]?.components.map((b) => [b.label, b.custom_id])).toEqual([['Read on', 'read:harbour-bridge-reopens:1']]);
  });

  it('shows only what exists at the start of an article', () => {
    const reply = renderContext(index, index.passage('ferry-service-ends#1')!);
    expect(reply.embeds?.map((e) => e.title)).toEqual(['▶ Ferry service ends as the bridge reopens · ¶1', 'Ferry service ends as the bridge reopens · ¶2']);
  });
});

describe('renderArticlePage', () => {
  const harbour = index.article('harbour-bridge-reopens')!;

  it('shows a page of passages with Next, then the last page with Previous', () => {
    const first = renderArticlePage(index, harbour, 1);
    expect(first.embeds?.map((e) => e.title)).toEqual([1, 2, 3].map((n) => `Harbour bridge reopens after repairs · Example Gazette · ¶${n}`));
    expect(first.embeds?.[2]?.footer?.text).toBe('Passages 1–3 of 4');
    expect(first.components?.[0]?.components.map((b) => [b.label, b.custom_id])).toEqual([['Next', 'read:harbour-bridge-reopens:4']]);

    const last = renderArticlePage(index, harbour, 4);
    expect(last.embeds?.map((e) => e.title)).toEqual(['Harbour bridge reopens after repairs · Example Gazette · ¶4']);
    expect(last.embeds?.[0]?.footer?.text).toBe('Passage 4 of 4');
    expect(last.components?.[0]?.components.map((b) => [b.label, b.custom_id])).toEqual([['Previous', 'read:harbour-bridge-reopens:1']]);
  });

  it('clamps a page beyond the end to the last passage', () => {
    expect(renderArticlePage(index, harbour, 99).embeds?.[0]?.title).toBe('Harbour bridge reopens after repairs · Example Gazette · ¶4');
  });
});

describe('renderSources', () => {
  it('lists the articles with labels, links and passage counts', () => {
    expect(renderSources(index, 1)).toEqual({
      embeds: [
        {
          title: 'Sources — 2 articles, 6 passages',
          description: [
            '**1.** Ferry service ends as the bridge reopens — 2 passages',
            '**2.** [Harbour bridge reopens after repairs · Example Gazette](https://example.com/news/harbour-bridge) — 4 passages',
          ].join('\n'),
          color: REPLY_OPTIONS.color,
          footer: { text: 'Page 1 of 1 · Read one with /source' },
        },
      ],
      components: [],
      ephemeral: true,
    });
  });

  it('pages through many articles', () => {
    const many = buildIndex({
      articles: Array.from({ length: 12 }, (_, i) => article(`story-${String(i + 1).padStart(2, '0')}`, `Story ${i + 1}`, `Paragraph of story ${i + 1} about the bridge and the ferry, long enough to stand alone as a passage of its own.`)),
      synonymGroups: [],
    });
    const first = renderSources(many, 1);
    expect(first.embeds?.[0]?.description?.split('\n')).toHaveLength(REPLY_OPTIONS.sourcesPerPage);
    expect(first.components?.[0]?.components.map((b) => [b.label, b.custom_id])).toEqual([['Next', 'srcs:2']]);
    const second = renderSources(many, 2);
    expect(second.embeds?.[0]?.description).toBe('**11.** Story 11 — 1 passage\n**12.** Story 12 — 1 passage');
    expect(second.embeds?.[0]?.footer?.text).toBe('Page 2 of 2 · Read one with /source');
    expect(second.components?.[0]?.components.map((b) => [b.label, b.custom_id])).toEqual([['Previous', 'srcs:1']]);
  });
});

describe('renderHelp', () => {
  it('says that Verbatim only ever quotes, and lists the commands', () => {
    const description = renderHelp(index).embeds?.[0]?.description ?? '';
    expect(description).toContain('Every sentence it shows is quoted verbatim from an article, with its source');
    expect(description).toContain('It never paraphrases');
    for (const command of ['/ask', '/sources', '/source', 'Find sources', '/help']) expect(description).toContain(command);
  });
});
