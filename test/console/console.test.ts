/** The local console: the same commands and replies as Discord, typed and printed as text. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { ConsoleSession, parseConsoleOptions, runConsole } from '../../src/console/console.ts';
import { markdownToText } from '../../src/console/text.ts';
import { CorpusService } from '../../src/core/corpus-service.ts';
import { FileCorpusStore } from '../../src/core/store/file-corpus-store.ts';
import { createCuration } from '../../src/discord/curation/context.ts';
import { MESSAGES } from '../../src/discord/messages.ts';
import { FIXTURE_CORPUS_DIR, fixtureIndex } from '../discord/support.ts';

const index = fixtureIndex();
const session = () => new ConsoleSession(index, COMMANDS, { now: () => 0 });

describe('ConsoleSession', () => {
  it('answers a typed question as /ask does, with sources, bold match, footer and the buttons as commands', async () => {
    expect(await session().answer('How much did the bridge repairs cost?')).toBe(
      [
        '1. Harbour bridge reopens after repairs · Example Gazette · ¶2 <https://example.com/news/harbour-bridge>',
        '> **The repairs cost 12 million dollars, the city council said on Monday.** Traffic across the bridge returned to normal by the evening rush hour. Buses that had been sent the long way round went back to their usual routes.',
        '',
        'Also reported by: Ferry service ends as the bridge reopens · ¶1',
        'Passage 1 of 1 · 0 ms · Asked: “How much did the bridge repairs cost?”',
        '',
        'Buttons: [Context 1] /context 1  [Article 1] /article 1',
      ].join('\n'),
    );
  });

  it('presses the buttons of the last reply when their label is typed', async () => {
    const console = session();
    await console.answer('/ask bridge count:1');
    const more = await console.answer('/more');
    expect(more).toMatch(/^2\. /);
    expect(more).toMatch(/Asked: “bridge”/);
    const context = await console.answer('/context 2');
    expect(context).toContain('▶ ');
    expect(context).toContain('[Read on] /read on');
  });

  it('runs /sources, /source with named options, /find and /help', async () => {
    const console = session();
    expect(await console.answer('/sources')).toContain('Sources — 2 articles, 6 passages');
    expect(await console.answer('/source harbour-bridge-reopens paragraph:4')).toMatch(/^Harbour bridge reopens after repairs · Example Gazette · ¶4 </);
    expect(await console.answer('/find the repairs cost 12 million dollars')).toMatch(/^1\. Ferry service ends as the bridge reopens/);
    const help = await console.answer('/help');
    expect(help).toContain('It never paraphrases');
    expect(help).toContain('Buttons are typed as commands');
  });

  it('words unknown commands and bad options like Discord does', async () => {
    const console = session();
    expect(await console.answer('/nope')).toBe('Verbatim has no command “/nope”. Type /help for the commands.');
    expect(await console.answer('/ask bridge count:9')).toBe('That command needs fixing:\n• count: must be at most 5');
    expect(await console.answer('   ')).toBe('');
  });
});

describe('/corpus in the console', () => {
  const curated = async () => {
    const { service } = await CorpusService.open(new FileCorpusStore(FIXTURE_CORPUS_DIR));
    const curation = createCuration(service, { CURATOR_GUILD_IDS: [], MODERATOR_ROLE_IDS: [], MAX_ARTICLE_KB: 200, FETCH_ALLOW_PRIVATE_ADDRESSES: [], DISCORD_CDN_HOSTS: [] });
    return new ConsoleSession(service.index, COMMANDS, { now: () => 0, curation });
  };

  it('lists the articles with their ids, the history and the synonyms', async () => {
    const console = await curated();
    expect(await console.answer('/corpus list')).toBe(
      [
        'Corpus — 2 articles, 6 passages',
        '`ferry-service-ends` — Ferry service ends as the bridge reopens — 2 passages',
        '`harbour-bridge-reopens` — Harbour bridge reopens after repairs · Example Gazette — 4 passages',
        'Page 1 of 1',
      ].join('\n'),
    );
    expect(await console.answer('/corpus history count:5')).toBe('Corpus history\nNo change has been made through Verbatim yet.\nNewest first · /corpus undo reverts the latest change');
    expect(await console.answer('/corpus synonym list')).toMatch(/^Synonym groups — \d+\n\*\*1\.\*\* US \| U\.S\./);
  });

  it('changes nothing: it points to npm run corpus and Discord instead', async () => {
    const console = await curated();
    for (const line of ['/corpus undo', '/corpus remove ferry-service-ends', '/corpus add', '/corpus synonym add a | b']) {
      expect(await console.answer(line)).toBe(MESSAGES['curation-console-read-only']({}));
    }
  });
});

describe('parseConsoleOptions', () => {
  const ask = COMMANDS.find((c) => c.name === 'ask');
  it('fills name:value options and gives the other words to the question', () => {
    if (ask?.kind !== 'slash') throw new Error('no /ask');
    expect(parseConsoleOptions(ask.data, 'where is it? count:2 private:yes source:ferry-service-ends')).toEqual({
      question: 'where is it?',
      count: 2,
      private: true,
      source: 'ferry-service-ends',
    });
    expect(parseConsoleOptions(ask.data, 'note: this is a question')).toEqual({ question: 'note: this is a question' });
  });

  it('reads options typed as in Discord: a text value runs on to the next option, "name: value" with a space', () => {
    if (ask?.kind !== 'slash') throw new Error('no /ask');
    expect(parseConsoleOptions(ask.data, 'question: who owns tiktok')).toEqual({ question: 'who owns tiktok' });
    expect(parseConsoleOptions(ask.data, 'question:who owns it count:2')).toEqual({ question: 'who owns it', count: 2 });
    expect(parseConsoleOptions(ask.data, 'who owns it count: 2 private: no')).toEqual({ question: 'who owns it', count: 2, private: false });
  });

  it('takes a subcommand (and its group) first', () => {
    const corpus = COMMANDS.find((c) => c.name === 'corpus');
    if (corpus?.kind !== 'slash') throw new Error('no /corpus');
    expect(parseConsoleOptions(corpus.data, 'list page:2')).toEqual({ subcommand: 'list', page: 2 });
    expect(parseConsoleOptions(corpus.data, 'synonym add CFIUS | Committee on Foreign Investment')).toEqual({ subcommand: 'synonym add', spellings: 'CFIUS | Committee on Foreign Investment' });
    expect(parseConsoleOptions(corpus.data, 'remove ferry-service-ends')).toEqual({ subcommand: 'remove', article: 'ferry-service-ends' });
    expect(parseConsoleOptions(corpus.data, 'rename x')).toEqual({ subcommand: 'rename x' });
  });
});

describe('markdownToText', () => {
  it('undoes escapes, shows links as label <url>, and bold as ** or ANSI', () => {
    expect(markdownToText('a \\*b\\* **c** *d* [e \\[f\\]](https://x.test/%28y%29)', false)).toBe('a *b* **c** d e [f] <https://x.test/%28y%29>');
    expect(markdownToText('**c**', true)).toBe('\x1b[1mc\x1b[22m');
  });
});

describe('runConsole', () => {
  it('reads lines until /quit and writes the replies to its output only', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
    const running = runConsole(index, COMMANDS, { input, output, now: () => 0 });
    input.end('/sources\n/quit\n/help\n');
    await running.done;
    expect(written).toContain('Sources — 2 articles, 6 passages');
    expect(written).not.toContain('Verbatim — the articles’ own words');
  });
});
