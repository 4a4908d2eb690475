import { describe, expect, it } from 'vitest';
import { articleInputFromFile } from '../../../src/core/ingest/from-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const page = `<!DOCTYPE html><html><head><title>Harbour bridge reopens</title></head><body><nav>Home | News</nav>
<article><h1>Harbour bridge reopens</h1><p>The harbour bridge reopened on Monday after eight months of repairs, the council said.</p>
<p>Engineers replaced 140 cables and resurfaced the deck, and tolls will stay at two euros for cars.</p></article></body></html>`;

describe('articleInputFromFile', () => {
  it('reads a file by its extension', async () => {
    const txt = await articleInputFromFile('brief.txt', bytes('Harbour bridge reopens\n\nThe bridge reopened on Monday.'));
    expect(txt).toMatchObject({ ok: true, value: { title: 'Harbour bridge reopens', body: 'The bridge reopened on Monday.' } });
    const html = await articleInputFromFile('page.HTML', bytes(page));
    expect(html.ok && html.value.title).toBe('Harbour bridge reopens');
  });

  it('reads a file with no extension as a page when it opens like one, and as plain text otherwise', async () => {
    const html = await articleInputFromFile('downloaded-page', bytes(`\uFEFF<!-- saved -->\n${page}`));
    expect(html.ok && html.value.body).toContain('Engineers replaced 140 cables');
    expect(html.ok && html.value.body).not.toContain('Home | News');
    const text = await articleInputFromFile('raw-copy', bytes('Harbour bridge reopens\n<b> is not a page\nThe bridge reopened on Monday.'));
    expect(text).toMatchObject({ ok: true, value: { title: 'Harbour bridge reopens' } });
    expect(text.ok && text.value.body).toContain('<b> is not a page');
  });

  it("titles a transcript that opens on a sound cue or a speaker by the file's name, keeping its first line", async () => {
    const captions = ['[ MUSIC ]', ">> GOOD EVENING, I'M LEONIE STOLTZ.", '>> TONIGHT A STATE APPEALS COURT', 'SAYS THE COUNTY HAS TO OPEN UP', 'ITS FILES ON THE VOTER DATA LEAK.'].join('\n');
    const read = await articleInputFromFile('news9_at_six_captions.txt', bytes(captions));
    expect(read.ok && read.value.title).toBe('news9 at six captions');
    expect(read.ok && read.value.body).toContain('>> TONIGHT A STATE APPEALS COURT');
    const speaker = await articleInputFromFile('council-audio.txt', bytes('>> Good evening and welcome to the council.\n>> Thank you, chair. The first item is the budget.'));
    expect(speaker.ok && speaker.value.title).toBe('council audio');
    expect(speaker.ok && speaker.value.body).toContain('Good evening and welcome');
  });

  it('refuses other extensions and binary content without an extension', async () => {
    expect(await articleInputFromFile('paper.pdf', bytes('%PDF-1.4'))).toMatchObject({ ok: false, error: { code: 'unsupported-file' } });
    const binary = await articleInputFromFile('blob', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2]));
    expect(binary.ok).toBe(false);
  });
});
