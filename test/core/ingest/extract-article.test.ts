import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../src/core/ingest/decode-page.ts';
import { cleanTitle, extractArticle, normalizeDate, type ExtractedArticle } from '../../../src/core/ingest/extract-article.ts';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../fixtures/pages/${name}`, import.meta.url)));

/** Extracts and fails the test with the error's message when there is no article. */
function extracted(html: string, pageUrl?: string): ExtractedArticle {
  const result = extractArticle(html, pageUrl);
  if (!result.ok) throw new Error(`expected an article, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('extractArticle on a realistic news page', () => {
  const html = fixture('news-article.html').toString('utf8');
  const article = extracted(html, 'https://www.harborgazette.example/news/2024/03/14/riverside-flood-barrier-approved?ref=home');

  it("keeps exactly the article's paragraphs, in order, headings and list items as their own", () => {
    expect(article.text.split('\n\n')).toEqual([
      'Riverside’s town council voted 7–2 on Wednesday night to build a concrete flood barrier along the east bank of the Alder, ending ten years of argument over the wall’s cost and who should pay for it.',
      'The £14.2 million barrier will run for 1.3 kilometres between the railway bridge and the old tannery, protecting about 600 homes that have flooded three times since 2014.',
      'Councillors who opposed the plan said the town could not afford its share of the bill, which will be met partly by a national resilience grant and partly by a rise in local property tax of about 2 per cent.',
      'Residents divided',
      'At a packed public meeting before the vote, residents of Mill Lane urged the council to act before next winter. Others worried that the wall would cut the town off from its river.',
      '“We have bailed out our kitchens three times. We cannot do it a fourth time,” said Maria Okafor, who chairs the Mill Lane residents’ association.',
      'The council’s engineers say the barrier will include three openings with flood gates, so that the riverside path stays open in dry weather. Work is due to:',
      '- begin with ground surveys in May;',
      '- move to the foundations in the autumn;',
      '- finish before the winter of 2026.',
      'The Environment Agency, which must approve the final design, said it would respond within eight weeks.',
    ]);
  });

  it('keeps the numbers of a numbered list', () => {
    const steps = '<ol start="2"><li>Open the settings of the app and find the privacy page.</li><li>Ask for a copy of the data the company holds.</li></ol>';
    const page = `<html><head><title>How to ask for your data</title></head><body><article><h1>How to ask for your data</h1><p>${'Anyone can ask a video app for the data it keeps about them, and the law says it must answer within a month. '.repeat(3)}</p>${steps}</article></body></html>`;
    expect(extracted(page).text).toContain('2. Open the settings of the app and find the privacy page.\n\n3. Ask for a copy of the data the company holds.');
  });

  it('leaves out the furniture: menus, cookie banner, ads, share buttons, byline, caption, newsletter, related posts, comments, footer', () => {
    for (const furniture of [
      'Politics', 'We use cookies', 'Accept all', 'Advertisement', 'Share on Facebook', 'Copy link', 'Jane Doe', 'Photo: Harbor Gazette',
      'Morning Ledger', 'Related posts', 'River Alder reaches', 'Most read', 'RiverWatcher', 'About time', 'Leave a Reply', 'Post Comment',
      'Tags:', 'All rights reserved', 'Bridge closed', 'We cannot do it a fourth time.”\n',
    ]) {
      expect(article.text).not.toContain(furniture);
    }
    expect(article.text).not.toMatch(/\n{3,}|[ \t]{2,}|^\s|\s$/);
  });

  it('reads the metadata the page states', () => {
    expect(article.title).toBe('Riverside council approves flood barrier after a decade of delays');
    expect(article.publisher).toBe('The Harbor Gazette');
    expect(article.published).toBe('2024-03-14');
    expect(article.url).toBe('https://www.harborgazette.example/news/2024/03/14/riverside-flood-barrier-approved');
  });
});

describe('extractArticle metadata sources', () => {
  const story = [
    '<p>Dredging of the inner harbour began on Monday, the port authority said, three years after the work was first promised to the fishing crews who use it.</p>',
    '<p>The work, which will deepen the channel by two metres, is expected to last until the end of June, weather permitting.</p>',
  ].join('');
  const page = (head: string, body = `<article>${story}</article>`) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

  it('strips a trailing " | Site" or " - Site" from <title> only when it is the site name', () => {
    const withSite = extracted(page('<title>Harbour dredging starts - Port News</title><meta property="og:site_name" content="Port News">'));
    expect(withSite.title).toBe('Harbour dredging starts');
    const otherTail = extracted(page('<title>Harbour dredging starts - what it means</title><meta property="og:site_name" content="Port News">'));
    expect(otherTail.title).toBe('Harbour dredging starts - what it means');
    expect(cleanTitle('Vote  explained | THE   Harbor Gazette', 'The Harbor Gazette')).toBe('Vote explained');
    expect(cleanTitle('Harbour | Port News', undefined)).toBe('Harbour | Port News');
  });

  it("takes the site's name from <title> when the page also states the bare headline", () => {
    const titled = (head: string) => extracted(page(head, `<article><h1>Dredging begins in the inner harbour</h1>${story}</article>`));
    expect(titled('<title>Dredging begins in the inner harbour | Port News</title>').publisher).toBe('Port News');
    expect(titled('<title>Dredging begins in the inner harbour | Port News</title>').title).toBe('Dredging begins in the inner harbour');
    // og:site_name wins; a <title> that is not the headline plus a tail names no site.
    expect(titled('<title>Dredging begins in the inner harbour | Port News</title><meta property="og:site_name" content="The Port News">').publisher).toBe('The Port News');
    expect(titled('<title>Harbour work: what it means</title>').publisher).toBeUndefined();
    expect(titled('<title>Dredging begins in the inner harbour</title>').publisher).toBeUndefined();
  });

  it('prefers og:title, then twitter:title, then the article <h1>, then <title>', () => {
    const h1 = `<article><h1>Dredging begins in the inner harbour</h1>${story}</article>`;
    expect(extracted(page('<title>T</title><meta name="twitter:title" content="Tw"><meta property="og:title" content="Og">', h1)).title).toBe('Og');
    expect(extracted(page('<title>T</title><meta name="twitter:title" content="Tw">', h1)).title).toBe('Tw');
    expect(extracted(page('<title>T</title>', h1)).title).toBe('Dredging begins in the inner harbour');
    expect(extracted(page('<title>T</title>')).title).toBe('T');
  });

  it('takes publisher and date from JSON-LD, following an @id reference', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Port News' },
        { '@type': ['NewsArticle'], datePublished: '2023-11-30T23:30:00-08:00', publisher: { '@id': '#org' } },
      ],
    });
    const article = extracted(page(`<title>Dredging</title><script type="application/ld+json">${jsonLd}</script>`));
    expect(article.publisher).toBe('Port News');
    // The calendar day as written, not the UTC day (which would be 2023-12-01).
    expect(article.published).toBe('2023-11-30');
  });

  it('ignores broken JSON-LD and leaves out what the page does not state', () => {
    const article = extracted(page('<title>Dredging</title><script type="application/ld+json">{ not json</script>'));
    expect(article).toEqual({ title: 'Dredging', text: expect.any(String) });
  });

  it('uses an absolute http(s) canonical link, else og:url, else the page URL', () => {
    expect(extracted(page('<title>D</title><link rel="canonical" href="/news/dredging">'), 'https://port.example/amp/dredging').url).toBe('https://port.example/news/dredging');
    expect(extracted(page('<title>D</title><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://port.example/og">')).url).toBe('https://port.example/og');
    expect(extracted(page('<title>D</title>'), 'https://port.example/fetched').url).toBe('https://port.example/fetched');
    expect(extracted(page('<title>D</title>')).url).toBeUndefined();
  });

  it('reads <time datetime> when nothing else gives a date', () => {
    expect(extracted(page('<title>D</title>', `<article><time datetime="2022-06-17">17 June</time>${story}</article>`)).published).toBe('2022-06-17');
  });

  it('normalizes dates to YYYY-MM-DD and refuses what is not a date', () => {
    expect(normalizeDate('2024-03-14T09:30:00-05:00')).toBe('2024-03-14');
    expect(normalizeDate('2024-03-14')).toBe('2024-03-14');
    expect(normalizeDate('Fri, 17 Jun 2022 10:00:00 GMT')).toBe('2022-06-17');
    expect(normalizeDate('June 17, 2022')).toBe('2022-06-17');
    expect(normalizeDate('2024-02-30')).toBeUndefined();
    expect(normalizeDate('last Tuesday')).toBeUndefined();
  });
});

describe('extractArticle text shape', () => {
  it('shows the rest of a post folded behind "…see more", and keeps other hidden elements hidden', () => {
    const html = `<html><head><title>Emrys Example on Workhaven: After four years I left Oracle | 1,847 reactions</title></head><body><article>
      <div class="post-text">
        <p>After four years and roughly 2,900 stand-ups, I wrapped up my time at Oracle last month, where I ran the hosting program.</p>
        <button class="see-more">…see more</button>
        <div class="post-text-expanded" hidden><p>By the end we retained access logs for seven years and could replay any production session down to the keystroke.</p></div>
        <div class="login-modal" hidden><p>Sign in to Workhaven to see the full profile of this member and everyone they work with.</p></div>
      </div>
    </article></body></html>`;
    const article = extracted(html);
    expect(article.text).toContain('retained access logs for seven years');
    expect(article.text).not.toContain('Sign in to Workhaven');
    // A social post's page title ends with its counts, which are no words of it.
    expect(article.title).toBe('Emrys Example on Workhaven: After four years I left Oracle');
  });

  it('keeps the paragraphs of preformatted text (a hearing transcript in <pre>), its wrapped lines joined', () => {
    const html = `<html><head><title>Hearing</title></head><body><main><pre>
    Mr. STRATHAIRN. The subcommittee will come to order. The Chair
recognizes himself for 5 minutes for an opening statement.

    Between January and February of this year, crash reports from
phones in the United States were sent to computers in Singapore.

    Ms. OKONKWO-LISLE. Thank you, Mr. Chairman, and thank you to
our witnesses for coming today to answer our questions.
</pre></main></body></html>`;
    expect(extracted(html).text.split('\n\n')).toEqual([
      'Mr. STRATHAIRN. The subcommittee will come to order. The Chair recognizes himself for 5 minutes for an opening statement.',
      'Between January and February of this year, crash reports from phones in the United States were sent to computers in Singapore.',
      'Ms. OKONKWO-LISLE. Thank you, Mr. Chairman, and thank you to our witnesses for coming today to answer our questions.',
    ]);
  });

  it('collapses whitespace inside a paragraph and splits on <br>, keeping the words', () => {
    const html = `<html><head><title>Ferry</title></head><body><article>
      <p>The   ferry timetable
         changes on Monday,&nbsp;with fewer sailings in the winter months and a later first boat on Sundays for the islands.</p>
      <p>Tickets bought before the change remain valid.<br>Season passes will be refunded pro rata on request at the harbour office.</p>
      <p>The operator said <em>the</em> change<strong>s</strong> were needed to pay for the new boat and keep fares down for residents.</p>
    </article></body></html>`;
    expect(extracted(html).text.split('\n\n')).toEqual([
      'The ferry timetable changes on Monday, with fewer sailings in the winter months and a later first boat on Sundays for the islands.',
      'Tickets bought before the change remain valid.',
      'Season passes will be refunded pro rata on request at the harbour office.',
      'The operator said the changes were needed to pay for the new boat and keep fares down for residents.',
    ]);
  });

  it('keeps a comment section out of a short article (Readability alone retries without its filters and brings it back)', () => {
    const html = `<html><head><title>Harbour dredging starts</title></head><body><div class="post"><div class="entry">
      <p>Dredging of the inner harbour began on Monday, the port authority said, three years after the work was first promised to fishing crews.</p>
      <p>The work, which will deepen the channel by two metres, is expected to last until the end of June.</p>
      <div id="comments" class="comments-area"><h3>2 Responses</h3>
        <p>I live near the harbour and this dredging, frankly, has been promised for years, so I will believe it when I see it.</p>
        <p>Great reporting, as always, thank you for keeping an eye on the council and the port authority.</p></div>
    </div></div></body></html>`;
    expect(extracted(html).text.split('\n\n')).toEqual([
      'Dredging of the inner harbour began on Monday, the port authority said, three years after the work was first promised to fishing crews.',
      'The work, which will deepen the channel by two metres, is expected to last until the end of June.',
    ]);
  });

  it('drops small ad and newsletter boxes between paragraphs, but not a large wrapper whose class merely mentions ads', () => {
    const first = 'The ferry timetable changes on Monday, with fewer sailings in the winter months and a later first boat on Sundays for the islands.';
    const second = 'Tickets bought before the change remain valid, and season passes will be refunded pro rata on request at the harbour office.';
    const third = 'The operator said the changes were needed to pay for the new boat and to keep fares down for residents and for visitors alike.';
    const html = `<html><head><title>Ferry</title></head><body><article><div class="story-body has-ads">
      <p>${first}</p>
      <div class="promo newsletter-box"><p>Sign up for our newsletter to get more stories like this one in your inbox every single morning, it is free and you can cancel at any time.</p></div>
      <div class="ad-container" id="ad_mid"><p>Advertisement: Visit the Harbour Hotel this winter, where every room has a view of the sea and breakfast is served until noon.</p></div>
      <p>${second}</p><p>${third}</p>
    </div></article></body></html>`;
    expect(extracted(html).text.split('\n\n')).toEqual([first, second, third]);
  });

  it('keeps every answer of a Q&A page, not only the one Readability picks', () => {
    const answer = (cls: string, votes: string, text: string) => `<div class="${cls}"><div class="votecell">&#9650; ${votes} &#9660;</div>
      <div class="post-body"><p>${text}</p>${cls.includes('accepted') ? [1, 2, 3, 4].map((n) => `<p>Step ${n}: open the folder where you unpacked part one, run the check against the manifest, and write down what it prints, in case you need it later.</p>`).join('') : ''}</div>
      <div class="post-menu"><a href="#s">Share</a> <a href="#f">Follow</a></div><div class="comments"><span>add a comment</span></div></div>`;
    const accepted = 'Yes, you can check it. Every export carries a manifest and a detached signature in the first part of the archive, and the manifest lists each file with its size and hash, so a changed file shows up at once.';
    const second = 'A valid signature shows the archive came out of the system unchanged, but it says nothing about whether the export included everything the company holds about you.';
    const third = 'I requested mine on May 24 and it took about 51 hours to be ready; the manifest listed 1,412 files across three parts.';
    const html = `<html><head><title>How do I check my export?</title></head><body><h1>How do I check my export?</h1>
      <div id="answers">${answer('answer accepted-answer', '41', accepted)}${answer('answer', '12', second)}${answer('answer', '3', third)}</div>
      <div class="sidebar-box"><p>Hot network questions</p></div></body></html>`;
    const paragraphs = extracted(html).text.split('\n\n');
    for (const text of [accepted, second, third]) expect(paragraphs).toContain(text);
    expect(paragraphs.indexOf(accepted)).toBeLessThan(paragraphs.indexOf(third));
    // Those it left behind come without their score and their row of links.
    expect(paragraphs.filter((p) => /^▲ (?:12|3) ▼$|^Share Follow$/u.test(p))).toEqual([]);

  });

  it("keeps a thread's post that Readability drops for its link card and hashtags, without the card or the author's row", () => {
    const post = (n: number, text: string, extra = '') => `<div class="focusable"><div class="status">
      <div class="status__info"><a href="/@ines/${n}" class="status__relative-time"><time>5d</time></a> <a href="/@ines" class="status__display-name"><strong>Ines Lowther</strong> <span>@ines@rack.example</span></a></div>
      <div class="status__content"><p>${text}</p></div>${extra}<div class="status__action-bar"><button>Reply</button><button>Boost</button></div></div></div>`;
    const sentence = (n: number) => `Post ${n} of the thread: the chillers on the pad behind the new hall were tested in July, and the hot air from the fans came straight back into the coils.`;
    const last =
      'My honest guess is the hall is not live before spring at the earliest, and the paper has the dollar figures from the complaint if you want them. 6/6 <a href="/tags/TikTok" class="hashtag">#TikTok</a> <a href="/tags/Marrowind" class="hashtag">#Marrowind</a>';
    const card = `<a href="https://paper.example/news/cooling-firm-sues" class="status-card"><div class="status-card__image"><img src="https://paper.example/a.jpg" alt=""></div><div class="status-card__content"><span>paper.example</span><strong>Cooling firm sues Oracle over Corrin Flats data hall contract, seeks millions in withheld payments</strong><span>The Aubermont company says Oracle wrongly ended an $84 million order for forty chillers at its newest data hall.</span></div></a>`;
    const html = `<html><head><title>Ines Lowther (@ines@rack.example)</title></head><body><div class="column">
      ${[1, 2, 3, 4, 5].map((n) => post(n, sentence(n))).join('')}${post(6, last, card)}</div></body></html>`;
    const paragraphs = extracted(html).text.split('\n\n');
    const restored = paragraphs.findIndex((p) => p.startsWith('My honest guess is the hall is not live before spring'));
    expect(restored).toBeGreaterThan(paragraphs.indexOf(sentence(5)));
    expect(paragraphs.some((p) => /Cooling firm sues|Ines Lowther|^5d$/.test(p))).toBe(false);
  });

  it("keeps a recipe card's steps set beside the post, its amounts whole, but no list of links", () => {
    const story = (n: number) => `<p>Paragraph ${n} of the story of these potatoes, which my grandmother made every Sunday in a dented roasting tin that I now own and refuse to replace.</p>`;
    const html = `<html><head><title>Smashed potatoes</title></head><body><article class="post"><h1>Smashed potatoes</h1>
      <div class="entry-content">${[1, 2, 3, 4, 5].map(story).join('')}</div>
      <div class="recipe-card"><h3>Ingredients</h3><ul><li><span class="amount">2</span> <span class="unit">lb</span> small potatoes</li></ul>
        <h3>Instructions</h3><ol><li>Put the potatoes in a large pot and cover them with cold water.</li><li>Boil until a knife slides in, 18 to 20 minutes, then drain well.</li>
        <li>Pour 3 tablespoons of the olive oil onto the hot sheet pan and tilt to coat.</li></ol></div>
      <div class="related"><ul><li><a href="/a">Lemony green beans with toasted almonds and a little garlic.</a></li><li><a href="/b">Sheet-pan sausages with grapes and rosemary for a weeknight.</a></li><li><a href="/c">Brown butter carrots with honey and thyme for the holidays.</a></li></ul></div>
    </article></body></html>`;
    const paragraphs = extracted(html).text.split('\n\n');
    expect(paragraphs).toContain('- 2 lb small potatoes');
    expect(paragraphs).toContain('3. Pour 3 tablespoons of the olive oil onto the hot sheet pan and tilt to coat.');
    expect(paragraphs.some((p) => p.includes('Lemony green beans'))).toBe(false);
  });

  it("reads the story from the page's data when the page shows only a teaser (Next.js, JSON-LD articleBody)", () => {
    const story = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Paragraph ${n}: the forensics instructor found readable server logs on eleven of the forty used drives he bought at auction for a class.`);
    const teaser = 'A computer-forensics instructor bought 40 used drives for a class exercise, and what he found on them led to a whistleblower.';
    const shell = (data: string) => `<html><head><title>Drives sold at auction</title>${data}</head><body><article><h1>Drives sold at auction</h1>
      <p>${teaser}</p><div class="paywall"><p>Continue reading this story</p><a href="/subscribe">Subscribe</a></div></article></body></html>`;
    const next = shell(`<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { article: { tags: ['TikTok', 'Oracle', 'Drives'], body: story } } } })}</script>`);
    const fromNext = extracted(next).text.split('\n\n');
    expect(fromNext).toEqual(expect.arrayContaining([teaser, ...story]));
    expect(fromNext.indexOf(teaser)).toBeLessThan(fromNext.indexOf(story[0] as string));
    const ld = shell(`<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Drives', articleBody: story.join('\n\n') })}</script>`);
    expect(extracted(ld).text.split('\n\n')).toEqual(expect.arrayContaining(story));
    // A page that shows its story whole keeps what it shows.
    const whole = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: story.slice(0, 6).join('\n') })}</script><title>T</title></head><body><article>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(extracted(whole).text.split('\n\n')).toEqual(story);
  });

  it("takes the headline an old page shows alone from its <title> of site, section and headline, and the site as publisher", () => {
    const html = `<HTML><HEAD><TITLE>The Mercury-Ledger :: Local News :: Council OKs Oracle cache servers for TikTok videos</TITLE></HEAD><BODY><TABLE><TR><TD>
      <FONT size="5"><B class="headline">Council OKs Oracle cache servers for TikTok videos</B></FONT><BR>
      PENNACOTT — Copies of popular TikTok videos will soon be stored inside a city-owned building downtown after the council voted 4-2.<BR><BR>
      The servers would sit in Room 3B of the old telephone exchange, and the city would earn rent from Oracle for six years.</TD></TR></TABLE></BODY></HTML>`;
    expect(extracted(html)).toMatchObject({ title: 'Council OKs Oracle cache servers for TikTok videos', publisher: 'The Mercury-Ledger' });
  });

  it("takes a reading app's export's source link as the page's address", () => {
    const html = `<html><head><title>What a cache can see</title></head><body><article><h1>What a cache can see</h1>
      <p class="source">Source: <a href="https://www.packetyard.example/2026/02/26/cache/">https://www.packetyard.example/2026/02/26/cache/</a></p>
      <p>An edge cache is a server that keeps copies of content close to the people asking for it, and the city owns this one.</p>
      <p>The first time someone nearby requests a video, the cache fetches it from the origin in Oracle's cloud and keeps a copy.</p></article></body></html>`;
    expect(extracted(html).url).toBe('https://www.packetyard.example/2026/02/26/cache/');
  });

  it('reads markup without <html>, <head> or <body> (linkedom does not add them)', () => {
    const html = '<title>Ferry changes</title><p>The ferry timetable changes on Monday, with fewer sailings in the winter months and a later first boat on Sundays for the islands and the mainland towns.</p>';
    expect(extracted(html)).toEqual({
      title: 'Ferry changes',
      text: 'The ferry timetable changes on Monday, with fewer sailings in the winter months and a later first boat on Sundays for the islands and the mainland towns.',
    });
  });
});

describe('extractArticle refusals', () => {
  it("says 'no-article' for a section front of headline links", () => {
    const result = extractArticle(fixture('section-front.html').toString('utf8'));
    expect(result).toMatchObject({ ok: false, error: { code: 'no-article' } });
    if (!result.ok) expect(result.error.message).toMatch(/does not look like an article|mostly links/);
  });

  it("says 'no-article' for an error page, an empty string and a bare sentence", () => {
    for (const html of ['<html><head><title>Not found</title></head><body><h1>Not found</h1><p>Sorry, we could not find that page.</p></body></html>', '', 'just some words']) {
      expect(extractArticle(html)).toMatchObject({ ok: false, error: { code: 'no-article' } });
    }
  });

  it('takes the heading a page without <title> or <h1> opens its text with, but none after the text starts', () => {
    const text = `<p>${'The harbour dredging began on Monday and will continue for weeks. '.repeat(4)}</p>`;
    expect(extractArticle(`<html><body><h2>Harbour dredging begins</h2>${text}</body></html>`)).toMatchObject({ ok: true, value: { title: 'Harbour dredging begins' } });
    expect(extractArticle(`<html><body>${text}<h2>What comes next</h2>${text}</body></html>`)).toMatchObject({ ok: false, error: { code: 'no-title' } });
  });

  it("says 'no-title' rather than inventing one", () => {
    const html = `<html><body><p>${'The harbour dredging began on Monday and will continue for weeks. '.repeat(4)}</p></body></html>`;
    expect(extractArticle(html)).toMatchObject({ ok: false, error: { code: 'no-title' } });
  });
});

describe('a page in windows-1252', () => {
  const bytes = fixture('windows-1252.html');

  it('is decoded by its <meta http-equiv> charset, curly quotes, dashes and € included', () => {
    const { charset, text } = decodePage(bytes);
    expect(charset).toBe('windows-1252');
    expect(text).toContain('80\u00a0000\u00a0€');
    expect(text).toContain('“C’est le cœur du quartier qui bat de nouveau”, a déclaré le maire — un avis');
    expect(text).not.toMatch(/[\u0080-\u009f\ufffd]/);
  });

  it('extracts to the same words', () => {
    const article = extracted(decodePage(bytes).text, 'https://echo.example/2023/09/cafe-du-port');
    expect(article).toEqual({
      title: 'Le café du port rouvre ses portes',
      publisher: 'L’Écho du Littoral',
      url: 'https://echo.example/2023/09/cafe-du-port',
      published: '2023-09-02',
      text: [
        'Après dix-huit mois de travaux, le café du port a rouvert samedi matin. Les habitués étaient au rendez-vous dès sept heures, malgré la pluie fine qui tombait sur les quais.',
        '« On a gardé le comptoir d’origine et les carreaux de 1923 », explique la gérante, qui a investi près de 80 000 € dans la rénovation. Le café coûte désormais 1,80 € au comptoir.',
        'La municipalité a financé la réfection de la terrasse, fermée depuis la tempête de l’hiver 2021. “C’est le cœur du quartier qui bat de nouveau”, a déclaré le maire — un avis partagé par la plupart des clients interrogés.',
      ].join('\n\n'),
    });
  });

  it('takes the Content-Type charset over the page, and a BOM over both', () => {
    expect(decodePage(Buffer.from('<meta charset="windows-1252">caf\u00e9', 'utf8'), 'text/html; charset=UTF-8').text).toBe('<meta charset="windows-1252">café');
    expect(decodePage(Buffer.from([0xef, 0xbb, 0xbf, 0x63, 0xc3, 0xa9]), 'text/html; charset=latin1')).toEqual({ charset: 'utf-8', text: 'cé' });
    expect(decodePage(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'text/plain; charset=ISO-8859-1')).toEqual({ charset: 'windows-1252', text: '“hi”' });
    expect(decodePage(Buffer.from('plain', 'utf8'), 'text/html; charset=no-such-thing').charset).toBe('utf-8');
  });
});
