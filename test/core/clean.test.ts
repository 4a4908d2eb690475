import { describe, expect, it } from 'vitest';
import { cleanBody, isSiteFurniture } from '../../src/core/clean.ts';

const kept = (body: string, title = '') => cleanBody(body, title).blocks.map((b) => body.slice(b.start, b.end));

describe('cleanBody', () => {
  it('drops a site menu of short labels between bars, and ends the article at "About the author"', () => {
    const body = 'Home | News | Tech | Business | Contact\nSearch for:\nThe article says something important here.\nAbout the author\nJane Example covers technology policy for the site and lives in Lisbon.\n';
    expect(kept(body)).toEqual(['The article says something important here.']);
    // A line with bars that holds sentences is text.
    expect(kept('Oracle said the move was done. | TikTok said it was not.')).toHaveLength(1);
    // A long line of bars is read in one pass (a single pattern for it backtracked without end).
    const long = `${Array.from({ length: 80 }, () => 'abc def ghi jkl mno').join(' | ')} | and this one ends a sentence.`;
    expect(kept(long)).toEqual([long]);
  });

  it('drops advertising breaks and agency picture credits', () => {
    const body = 'The settlement covers 89 million users.\nStory continues below advertisement\n(AP Photo/Kiichiro Sato)\nGetty Images\nContinue reading the main story\nAdvertisement - Scroll to continue\nTikTok denied the allegations.';
    expect(kept(body)).toEqual(['The settlement covers 89 million users.', 'TikTok denied the allegations.']);
    // Sentences that start like them are text.
    expect(kept('Reuters reported on March 11 that the deal was close.\nContinue reading is what the judge told the clerk to do, and he did.')).toHaveLength(2);
  });

  it('reads text wrapped at a fixed width as paragraphs that run to the blank line', () => {
    const body = [
      'TikTok has hired more than 1,500 people for its US data security unit,',
      'known as USDS, the company said on Tuesday, as it tries to convince',
      'Washington that American user data is safe from Beijing.',
      '',
      'The unit reports to an independent board approved by CFIUS. Oracle',
      "will monitor the unit's work and review TikTok's source code, the",
      'company added, without giving a timeline for the review.',
      '',
      'Share this:',
    ].join('\n');
    expect(kept(body).map((block) => block.split('\n').length)).toEqual([3, 3]);
    // One paragraph a line, as the seeds come, stays one block a line.
    expect(kept('TikTok said on Friday it was moving data to Oracle\nThe move took a year, the spokesperson for the company said.\n\nAnother paragraph follows here.')).toHaveLength(3);
  });

  it('ends the article at a WordPress "N thoughts on", a readers\' comments heading or an "(End)"', () => {
    const article = 'The article says something important here.';
    expect(kept(`${article}\n\n3 thoughts on "The article"\n\nPellam Oduya\nSeptember 14, 2022 at 9:12 pm\nGood. Nobody ever explained what happens to the data.`)).toEqual([article]);
    expect(kept(`${article}\n\nREADERS' COMMENTS (4)\n\nMarjorie Fenwright — 19 Oct 2023, 10:14\nWell deserved! I have been buying it for years.`)).toEqual([article]);
    expect(kept(`${article}\n\n(End)\n\nDisclaimer: This article is compiled from the Internet.\n\nScan the QR code to follow us!`)).toEqual([article]);
    // A forum post quoting a paper, then the thread's replies; a press release's end marks.
    expect(kept(`${article}\n\n(end of article)\n\nRe: Parking meters leaked plates\n\nSo the sticker on the meter was the password. Wonderful.`)).toEqual([article]);
    expect(kept(`${article}\n\n###\n\nAbout the Office of the Attorney General: the office enforces the state's consumer laws.`)).toEqual([article]);
    expect(kept(`${article}\n\n-30-\n\nMedia contact: Jane Roe, press office of the county, reachable on weekdays.`)).toEqual([article]);
    // A sentence about thoughts or an ending is text.
    expect(kept(`${article}\n\nThe end of the review is expected in March, officials said.`)).toHaveLength(2);
  });

  it('drops a menu with "U.S." in it, a breadcrumb in capitals, an "[Image]" caption, a cookie banner\'s heading and a wire slug', () => {
    const article = 'For nearly two hours on Wednesday, members of a House subcommittee tried to pin down who can reach the data.';
    for (const furniture of ['Home | U.S. | World | Politics | Business | Tech', 'POLITICS  >  CONGRESS', '[Image] Rep. Jane Example questions witnesses. Photo: John Example for The Courier', 'We value your privacy', 'TIKTOK-CALDER/LAWSUIT (UPDATE 1)']) {
      expect(kept(`${furniture}\n\n${article}`), furniture).toEqual([article]);
    }
    // A sentence with an abbreviation and a "greater than" are text.
    expect(kept(`Officials in the U.S. said the rule applies | in part | to apps.\n\n${article}`)).toHaveLength(2);
  });

  it("drops an interview's credit, a transcript's time marks, a news app's relative time and a TV site's banners, keeping a live blog's post time", () => {
    const article = 'For nearly two hours on Wednesday, members of a House subcommittee tried to pin down who can reach the data.';
    for (const furniture of ['Interview by Jane Example', '[00:04:03]', '(12:45)', '2h ago', 'Updated 47m ago', '35 minutes ago', 'WATCH LIVE: River Valley 5 News at 6 is on now', 'WEATHER ALERT: Frost advisory until 9 a.m. Thursday', 'By Jane Example, River Valley 5 News']) {
      expect(kept(`${furniture}\n\n${article}`), furniture).toEqual([article]);
    }
    const post = 'Councillors have voted by seven votes to four to approve the trial.';
    expect(kept(`${article}\n\n21:51\n${post}`)).toEqual([article, '21:51', post]);
    expect(kept(`${article}\n\n[21:51]\n${post}`)).toEqual([article, post]);
    expect(kept(`Interview by phone was the only option, the committee said on Friday.\n\n${article}`)).toHaveLength(2);
    expect(kept(`Breaking: the committee said the data would move on Friday.\n\n${article}`)).toHaveLength(2);
  });

  it("drops a press release's letterhead, release line and contacts above its headline", () => {
    const release = ['U.S. HOUSE OF REPRESENTATIVES', 'SUBCOMMITTEE ON DATA MARKETS', 'Rep. Jane Example, Chairman', '', 'FOR IMMEDIATE RELEASE', 'May 5, 2026', '', 'Contact: John Example, Communications Director', '(202) 555-0173', '', 'The subcommittee today opened an inquiry into seven data brokers that resell information from phones.'].join('\n');
    expect(kept(release)).toEqual(['The subcommittee today opened an inquiry into seven data brokers that resell information from phones.']);
    // "Media Contact: …" above the headline is the letterhead's, not the end of the release.
    const contactsFirst = ['FOR IMMEDIATE RELEASE', 'May 12, 2025', 'Media Contact: Lydia Example, Communications Director', 'Press Office: (555) 010-2284', 'The Attorney General today announced an agreement that requires an independent audit.'].join('\n');
    expect(kept(contactsFirst)).toContain('The Attorney General today announced an agreement that requires an independent audit.');
  });

  it('drops a masthead, a breadcrumb, control buttons and a box drawn around a newsletter sign-up', () => {
    const body = [
      'THE CIRCUIT DESK',
      'Notes on privacy — and the people who regulate it',
      'KejiPulse | Home > Mobility > Policy',
      'Font size: Large Medium Small     [Share to WeChat] [Collect]',
      'The outage began at 5:12 pm on Friday.',
      '┌────────────────────────────┐',
      '  NEWSLETTER: The Morning Brief',
      '  The day\'s tech stories in five minutes, every weekday at 7am.',
      '└────────────────────────────┘',
      'Service was restored at 9:59 pm.',
      'Recommended reading',
      '• Budget phones with the best batteries',
      '3. Ask the Desk: is my laptop too old for updates?',
    ].join('\n');
    expect(kept(body)).toEqual(['The outage began at 5:12 pm on Friday.', 'Service was restored at 9:59 pm.']);
    // A single line before the first paragraph may be the article's standfirst: kept.
    expect(kept('TikTok moves its data to Oracle\nThe move took a year, the company said.')).toHaveLength(2);
  });

  it("drops an earnings call's safe-harbour paragraph, non-GAAP notice and operator hand-overs, keeping what is said", () => {
    const body = [
      'Maren Hjelmstad: Thank you, operator. With me on today\'s call are our chief executive and our finance chief.',
      "Before we begin, I'd like to remind you that today's discussion contains forward-looking statements. These statements are subject to risks and uncertainties. We undertake no obligation to update any forward-looking statement.",
      'We will also discuss certain non-GAAP financial measures. A reconciliation to the nearest GAAP measures is in our press release.',
      'Renata Volkenberg: Total revenue for the second quarter was $412.6 million, up 31% year over year.',
      'Operator: [Operator Instructions] Our first question comes from the line of Priyanka Dambrough with Beckford Lane Securities. Your line is open.',
      'Priyanka Dambrough: When does gross margin stop going down?',
      'Operator: This concludes today\'s conference call. You may now disconnect.',
    ].join('\n\n');
    expect(kept(body)).toEqual([
      'Maren Hjelmstad: Thank you, operator. With me on today\'s call are our chief executive and our finance chief.',
      'Renata Volkenberg: Total revenue for the second quarter was $412.6 million, up 31% year over year.',
      'Priyanka Dambrough: When does gross margin stop going down?',
    ]);
    // A story that mentions forward-looking statements, or an operator in its text, keeps them.
    expect(kept('The company said its forward-looking statements were cautious.\n\nOperator: the firm that runs the plant.')).toHaveLength(2);
  });

  it('ends a press release at its contacts and drops its forward-looking statements, keeping its "About" section', () => {
    const body = [
      'DUNMARROW, October 8, 2024 /Tallgrass Newswire/ -- Quarrystone today announced a three-year audit contract.',
      'Highlights of the engagement:',
      '• Three-year contract valued at $41.6 million',
      '• 85 new jobs at the verification center',
      'About Quarrystone',
      'Quarrystone was founded in 2011 and audits banks and hospitals.',
      'Forward-Looking Statements',
      'This press release contains forward-looking statements that involve risks and uncertainties.',
      'Actual results may differ materially from those expressed.',
      'Contact',
      'Questions about the audit can go to the firm, which will publish quarterly reports.',
      'Media Contact:',
      'Marisol Venn, Director of Communications',
      'SOURCE Quarrystone Assurance Group',
    ].join('\n');
    expect(kept(body)).toEqual([
      'DUNMARROW, October 8, 2024 /Tallgrass Newswire/ -- Quarrystone today announced a three-year audit contract.',
      'Highlights of the engagement:',
      '• Three-year contract valued at $41.6 million',
      '• 85 new jobs at the verification center',
      'About Quarrystone',
      'Quarrystone was founded in 2011 and audits banks and hospitals.',
      'Contact',
      'Questions about the audit can go to the firm, which will publish quarterly reports.',
    ]);
    // Bullet items are paragraphs, not headings over what follows; a short numbered line may be a section title.
    const blocks = cleanBody('Key points\n• Council approves the trial by seven votes to four\n1. Background\nThe council met on Tuesday.').blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });

  it("drops a printed document's running header and page numbers, and a line of links", () => {
    const body = [
      'LOCAL BY LAW: DATA RESIDENCY          Ferrowen Policy Institute',
      '',
      'Surveyed firms spent a median of 7.4 per cent of their IT budgets on compliance.',
      '',
      '© Ferrowen Policy Institute 2024                    Page 1 of 5',
      '\f',
      'LOCAL BY LAW: DATA RESIDENCY          Ferrowen Policy Institute',
      '',
      'Only the Dunhollow Islands have no localisation requirement.',
      '- 2 -',
      'https://example.org/report https://example.org/data',
    ].join('\n');
    expect(kept(body)).toEqual(['Surveyed firms spent a median of 7.4 per cent of their IT budgets on compliance.', 'Only the Dunhollow Islands have no localisation requirement.']);
  });

  it("drops a newspaper page's running heads, each with its own page number and OCR's slips, but not a sentence with a date and a page", () => {
    const body = [
      'THE HARBOR LEDGER • A1 • THURSDAY, APRIL 16, 2026 • $2.00',
      '',
      'The alert came at 2:38 a.m., an Oracle executive told the panel.',
      '',
      'A6   THE HARBOR LEDGER-DlSPATCH   THURSDAY, APRlL 16, 2026',
      '',
      'The traffic was blocked within three hours.',
      '',
      'THURSDAY, APRIL 16, 2026   LEDGER.COM   A7',
      '',
      'On April 16, 2026 the A1 story ran.',
    ].join('\n');
    expect(kept(body)).toEqual(['The alert came at 2:38 a.m., an Oracle executive told the panel.', 'The traffic was blocked within three hours.', 'On April 16, 2026 the A1 story ran.']);
  });

  it("drops a live blog's alert promotions and a newsletter's subscribe prompts, counters and writer's box", () => {
    const body = [
      'By Rhiannon Cadwallader-Eze and Tomasz Ilvenko',
      'Last January I walked into the hall with a cough sweet in my mouth.',
      '🔔 Sign up for alerts',
      'Get breaking news from Ashbrayne sent straight to your phone or inbox.',
      'Turn on alerts',
      'There are no auditions and there is only one rule.',
      'Thanks for reading The Slow Kettle! Subscribe for free to receive new posts and support my work.',
      'Type your email...',
      'Each session costs £3, and anyone who cannot pay puts a button in the tin.',
      '842 Followers',
      'Written by Wilhelmina Oduya-Strand',
      'Writer of The Slow Kettle, a weekly letter about small places.',
      'Responses (12)',
    ].join('\n');
    expect(kept(body)).toEqual([
      'Last January I walked into the hall with a cough sweet in my mouth.',
      'There are no auditions and there is only one rule.',
      'Each session costs £3, and anyone who cannot pay puts a button in the tin.',
    ]);
  });

  it("drops the furniture of big news sites' pages: menus copied as columns, captions, tickers, video slots, promotion boxes", () => {
    const body = [
      'World',
      'U.S.',
      'Politics',
      'Comments (214)',
      'The first sentence of the story says what happened on Sunday.',
      'Image source, Harbourlight Images',
      'Image caption, The attorney general announced the lawsuit on the steps of the capitol',
      'The second paragraph gives the figures: 14 hours, 310,000 customers.',
      'In this article',
      'FRKF',
      '+5.08 (+11.86%)',
      'VIDEO 2:41 02:41',
      'Forkful CEO on groceries and the buyback',
      'After the Bell',
      'WATCH NOW',
      'Story continues',
      'The third paragraph quotes the chief executive at length.',
      'skip past newsletter promotion',
      'Sign up to Down the Line',
      'Our transport team on the journeys that shape how the country gets around, every Wednesday',
      'after newsletter promotion',
      '___',
      'Leer en español',
      'The fourth paragraph ends the story, with a quote from a resident.',
      'Continental Press writer Gideon Farrow in Dovecote Flats contributed to this report.',
      'Copyright 2024 The Continental Press. All Rights Reserved. This material may not be published without permission.',
      'NADIA OKAFOR',
      'Okafor covers technology for The Continental Press.',
    ].join('\n');
    expect(kept(body)).toEqual([
      'The first sentence of the story says what happened on Sunday.',
      'The second paragraph gives the figures: 14 hours, 310,000 customers.',
      'The third paragraph quotes the chief executive at length.',
      'The fourth paragraph ends the story, with a quote from a resident.',
    ]);
    // A portal's copy ends where it credits the original; "View comments" ends it too.
    expect(kept('The story says something important here.\nRead the original article on The Signal Ledger\nRecommended Stories\nAnother story here.')).toEqual(['The story says something important here.']);
    expect(kept('The story says something important here.\nView comments\nA reader wrote something long enough to be a paragraph.')).toEqual(['The story says something important here.']);
    // An article's own sub-heading, alone before its text, stays.
    expect(cleanBody('The first paragraph of the story is here.\nWhat the permit allows\nThe permit caps extraction at 6,200 cubic metres.').blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('reads "42 comments" under a headline that ends with a full stop as a link, not the comment section', () => {
    const body = ['LOCAL NEWS', "Library's e-book system is moving. Here's what readers need to know.", 'By Jane Example, Staff Writer', '42 comments', 'Readers who borrow e-books from the library will need a new app this summer, the library said.', 'The board voted 5-2 on May 14.'].join('\n');
    expect(kept(body)).toEqual(expect.arrayContaining(['Readers who borrow e-books from the library will need a new app this summer, the library said.', 'The board voted 5-2 on May 14.']));
    // After the article's first paragraphs, it is the comment section.
    expect(kept(`${body}\n42 comments\nA reader wrote something long enough to be a paragraph.`)).not.toContain('A reader wrote something long enough to be a paragraph.');
  });

  it("drops a podcast's sponsor read and ends its transcript at the copyright line", () => {
    const body = ['HOST: Before we get into it, a word from our sponsor.', '[SPONSOR READ]', 'HOST: Listeners get three months free with the code SHOW at checkout.', '[END SPONSOR READ]', 'HOST: This episode is brought to you by Example Notes.', 'GUEST: The ticket system was called Keystone, and every request went through it.', '(c) 2025 The Example Show. Transcripts are machine-generated; check the audio before quoting.'].join('\n');
    expect(kept(body)).toEqual(['HOST: Before we get into it, a word from our sponsor.', 'GUEST: The ticket system was called Keystone, and every request went through it.']);
    // A bracketed note inside a turn is the transcript's ("[laughs]"), and a sentence about a sponsor is text.
    expect(kept('GUEST: No. [laughs] The data lived in the Oracle environment.\nThe team was sponsored by the company for two years.')).toHaveLength(2);
  });

  it('drops a comment section and everything after it', () => {
    const body = 'The article says something important here.\n\nLeave a Reply\n\nPlease log in using one of these methods to post your comment:\n\nYou are commenting using your Twitter account. Log Out /  Change )\n\nA reader comment that is long enough to look like a paragraph of text.\n';
    expect(kept(body)).toEqual(['The article says something important here.']);
  });

  it('drops post navigation, teasers, share widgets and credits, wherever they stand', () => {
    const body = [
      'First paragraph of the story, which is real text.',
      'ALSO IN XY: Some other story you might want to read',
      'Share this article',
      'Second paragraph of the story continues.',
      '- Reuters, with editing by Jane Doe',
      '(Reporting by John Smith; Editing by Ann Lee)',
      'Previous Post Next Post',
    ].join('\n');
    expect(kept(body)).toEqual(['First paragraph of the story, which is real text.', 'Second paragraph of the story continues.']);
  });

  it('drops a "Related Posts" list of link titles but keeps the text after it', () => {
    const body = 'Opening paragraph of the report, a full sentence.\n\nRelated Posts\n\nA link title here\nAnother link title\n\nThe story goes on after the list with a full sentence of text.';
    expect(kept(body)).toEqual(['Opening paragraph of the report, a full sentence.', 'The story goes on after the list with a full sentence of text.']);
  });

  it('drops bylines, datelines, captions, newsletter promotions, tags and a WordPress "Related" block', () => {
    const body = [
      'By Jane Smith | June 18, 2022 | 3 min read',
      'Updated: 2 hours ago',
      'The first paragraph of the story is here.',
      'Photo: A logo is seen on a phone. (Reuters/Dado Ruvic)',
      'Get the latest tech news delivered to your inbox every morning.',
      'The second paragraph of the story is here.',
      'Tags: TikTok, Oracle, Privacy',
      'Posted in Technology',
      'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies. Accept | Learn more',
      'Pin',
      'Related',
      'Another story title',
      'In "Technology"',
    ].join('\n');
    expect(kept(body)).toEqual(['The first paragraph of the story is here.', 'The second paragraph of the story is here.']);
  });

  it("drops the writer's post on the line under the byline, but not a sentence naming one", () => {
    const body = [
      'Cooling maker, Oracle trade lawsuits over data hall',
      'Vennick says it is owed $31.2 million; Oracle blames chillers for delay at Corrin Flats site',
      '',
      'By LISA BRANNAGH',
      'Staff Writer',
      '',
      // Hard-wrapped, as a printed page copies.
      'HALLERVALE — The Aubermont company that built the',
      "cooling plant for Oracle's newest data hall outside",
      'Hallervale and the tech giant are now suing each',
      'other, and the fight could leave the building idle',
      'well into next year, its staff writer said in a note.',
      'Vennick Thermal Systems filed suit Sept. 2 in',
      'Fenwater County Circuit Court, saying Oracle wrongly',
      'terminated an $84 million contract for 40 chillers.',
      'Senior correspondent',
    ].join('\n');
    const kept = cleanBody(body).blocks.map((b) => body.slice(b.start, b.end));
    expect(kept.join('\n')).not.toMatch(/^Staff Writer$/m);
    expect(kept.join('\n')).toContain('its staff writer said');
    // Not under a byline: the line stays for the other rules to judge.
    expect(cleanBody(body).dropped.filter((d) => body.slice(d.start, d.end) === 'Senior correspondent' && d.reason === 'byline')).toEqual([]);
  });

  it("keeps a measure's sections, though they open with the word a site labels its section with", () => {
    const body = ['Tags: privacy, cloud', '', 'Section 4. License Fee. Oracle shall pay the City a license fee of $18,750 per month,', 'which shall increase by 3 percent on each anniversary of the commencement date.'].join('\n');
    const kept = cleanBody(body).blocks.map((b) => body.slice(b.start, b.end)).join('\n');
    expect(kept).toContain('Section 4. License Fee. Oracle shall pay the City');
    expect(kept).not.toContain('Tags:');
  });

  it('keeps sentences that merely start like a byline, a date or a promotion', () => {
    const lines = [
      'Published reports say the company will move data to Oracle.',
      'Updated rules were drafted by the Commerce Department last year.',
      'More than 10 million people subscribe to the service, the company said.',
      'By Friday, the company had moved all its data to Oracle.',
      'Photos of the data center were released on Monday.',
      'June 2021 marked the withdrawal of the orders.',
    ];
    expect(kept(lines.join('\n\n'))).toEqual(lines);
  });

  it('drops a line repeating the title, whatever its case and punctuation', () => {
    expect(kept('Big News: Deal Agreed\n\nThe deal was agreed on Monday.', 'Big news — deal agreed')).toEqual(['The deal was agreed on Monday.']);
  });

  it('keeps a sub-heading inside the article and marks it as a heading', () => {
    const body = 'A first paragraph that is plainly text.\n\nWhat happens next\n\nA paragraph under the heading.';
    const { blocks } = cleanBody(body);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('joins a paragraph wrapped by hand across lines', () => {
    const body = 'This paragraph was wrapped by an editor at a fixed\nwidth, so its second line goes on in lower case.\nA new paragraph starts here.';
    expect(kept(body)).toEqual(['This paragraph was wrapped by an editor at a fixed\nwidth, so its second line goes on in lower case.', 'A new paragraph starts here.']);
  });

  it('keeps a short line that holds a number beside interface words ("in 2020.", "Log in 3 times")', () => {
    // A widget label is made of interface words alone; found by the passages property test.
    expect(kept('in 2020.')).toEqual(['in 2020.']);
    expect(kept('Share\n\nin 2020, on 5 May.')).toEqual(['in 2020, on 5 May.']);
  });

  it('keeps text that merely mentions comments or sharing inside a sentence', () => {
    const body = 'The company declined to comment on the deal.\n\nUsers share videos with friends every day.';
    expect(kept(body)).toEqual(['The company declined to comment on the deal.', 'Users share videos with friends every day.']);
  });

  it('drops a table of contents whose entries head the sections further on, and the sign-up box between separator rules', () => {
    const body = [
      'In this explainer', 'What is data localisation?', 'Why does it matter?', 'What comes next?', '',
      'What is data localisation?', 'Data is kept on servers inside the country.', '',
      'Why does it matter?', 'Governments give three reasons for it.', '',
      '----------------------------------------', 'THE WEEKLY BRIEF', 'Understand the week in five minutes.', 'Sign up for our free newsletter.', 'Your email address', '----------------------------------------', '',
      'What comes next?', 'More countries will adopt such rules.',
    ].join('\n');
    expect(kept(body)).toEqual(['What is data localisation?', 'Data is kept on servers inside the country.', 'Why does it matter?', 'Governments give three reasons for it.', 'What comes next?', 'More countries will adopt such rules.']);
    // Rules around text with no promotion in it are only rules.
    expect(kept('Oracle began the audit.\n-----\nThe audit takes a year, the firm said.\n-----\nIt ends in 2023.')).toHaveLength(3);
  });

  it('ends the article at a feedback widget and drops a copyright line and a pull quote', () => {
    const body = [
      'Chief executive Jane Example said the firm had studied the structure closely. "We are not going to reinvent the wheel for American regulators," she said.',
      '"We are not going to reinvent the wheel for American regulators," she said.',
      'The plan costs $48 million over 18 months.',
      '© 2024 Example News Hub. Wire content provided by Example Wire.',
      'Was this explainer helpful?', 'Yes  No', 'More explainers', 'What is a trusted partner?',
    ].join('\n');
    expect(kept(body)).toEqual([
      'Chief executive Jane Example said the firm had studied the structure closely. "We are not going to reinvent the wheel for American regulators," she said.',
      'The plan costs $48 million over 18 months.',
    ]);
    // The buttons on the question's line; a "Related fact checks:" row of links.
    const factCheck = ['We rate this claim Mostly False.', 'Related fact checks: "Does deleting the app delete your data?" | "No, Oracle does not watch your feed"', 'Was this article helpful? Yes | No', 'Example Desk is an independent, nonpartisan fact-checking newsroom.'].join('\n');
    expect(kept(factCheck)).toEqual(['We rate this claim Mostly False.']);
    // A support page asks after every answer, naming nothing.
    expect(['Was this helpful?', 'Was this helpful? Yes / No'].map(isSiteFurniture)).toEqual([true, true]);
    // A printed record's page marks ("[[Page 2]]", "[[Page III]]"), not a sentence that starts with one.
    expect(['[[Page 2]]', '[[Page III]]', '[[Page 2]] The Chair said'].map(isSiteFurniture)).toEqual([true, true, false]);
    // A columnist's byline with the time it was published; not a sentence that begins with "By".
    expect(isSiteFurniture('By Bettina Rosqvist-Amadi, Courier-Post tech columnist Published 5:00 a.m. CT April 20, 2026')).toBe(true);
    expect(isSiteFurniture('By then Oracle had published its report.')).toBe(false);
    expect(isSiteFurniture('Was this helpful to the investigators, he asked?')).toBe(false);
    expect(kept(['How long can a drip line be?', 'Keep each run under 200 feet.', 'Was this helpful? Yes / No', 'How do I winterize it?', 'Blow out the lines with compressed air.'].join('\n\n'))).toEqual(['How long can a drip line be?', 'Keep each run under 200 feet.', 'How do I winterize it?', 'Blow out the lines with compressed air.']);
  });

  it('drops an audio player, a caption ending in its photo credit, a paywall notice and a short pull quote, and ends at the print-issue line', () => {
    const body = [
      'Listen (32 min)',
      'Ines Example, who leads the access desk, reads the denials each morning. Photograph by Aurelio Example for The Review',
      'The desk handles about 1,900 requests a month. "The desk exists for the times it is not," she said.',
      'You have read 3 of 3 free articles this month. Register with your email to keep reading The Standard.',
      'Already have an account? Log in',
      '"The desk exists for the times it is not."',
      'Roughly 71 percent of the requests are approved within a day.',
      'This article appears in the March 2025 issue with the headline "The Desk."',
      'Subscribe to The Review for $2.50 a month.',
    ].join('\n');
    // An app banner is furniture even alone, where a copied page's first line may be read as its title;
    // so are datelines side by side and a blog's "Posted by … on …".
    expect(['Open in app', 'Get the app — read faster, save stories offline', 'Dec. 7, 2022 | Updated 11:05 a.m.', 'Posted by Marisol Example on January 19, 2023'].map(isSiteFurniture)).toEqual([true, true, true, true]);
    expect(isSiteFurniture('Oracle said the move was done. | TikTok said it was not.')).toBe(false);
    // A social post's counts and time stamp, not a sentence that gives counts.
    expect(['52 Replies  640 Reposts  3.1K Likes', '9:08 AM · Jun 4, 2025', '9:14 AM · Jun 4, 2025 · 48.2K Views'].map(isSiteFurniture)).toEqual([true, true, true]);
    expect(isSiteFurniture('He got 52 replies and 640 reposts in an hour.')).toBe(false);
    // An unrolled thread's counts behind icons, and who posted: the number in the thread, the handle, the time.
    expect(['🔁 3.1K❤️ 9.8K', '💬 12 🔁 402 ❤️ 2.2K', '3/14 @ilse_vt', '1/14 @ilse_vt 9:06 AM · Mar 2, 2026', 'Priya Anand-Halloway @packetpriya · Feb 25', '@ilse_vt'].map(isSiteFurniture)).toEqual([true, true, true, true, true, true]);
    expect(['🔥 2024', 'Reach me at @ilse_vt for the full captures.', '3/14 of the phones failed.'].map(isSiteFurniture)).toEqual([false, false, false]);
    // A code host's timeline and reactions, a Q&A post's signature: who did what when, not what they said.
    expect(['👍 14', '@ada-quince commented on May 22, 2026 · Contributor · edited', '@thistlewick added the sync label and removed the help wanted label on May 24, 2026', '✔ Accepted answer', '▲ 41 ▼', 'edited May 29 at 09:12 answered May 27 at 15:30 checksum_cass 18.4k ●3 ●41 ●67', 'answered May 31 at 11:40 glimmerpath 1'].map(isSiteFurniture)).toEqual([true, true, true, true, true, true, true]);
    // A mail thread's forward marker, reply line, phone sign-off and confidentiality notice.
    expect(['---------- Forwarded message ---------', 'On Tue, Mar 3, 2026 at 9:14 AM Ulric Vantreese <uv@example.com> wrote:', 'Sent from my iPhone', 'CONFIDENTIALITY NOTICE: This electronic mail transmission is intended only for the addressee.', 'If you are not the intended recipient, please delete this message.'].map(isSiteFurniture)).toEqual([true, true, true, true, true]);
    // A discussion thread's levels, scores, link rows and folds.
    expect(['level 2', '[–] marlpit_lineman_throwaway 57 points 3 hours ago', 'permalink embed save parent report reply', 'load more comments (3 replies)', '123 comments share save hide report', 'submitted 5 hours ago by u/quarryhill_insomniac'].map(isSiteFurniture)).toEqual([true, true, true, true, true, true]);
    expect(['The level 2 alert stayed on for 57 points of the index.', 'Save the report and reply to the council.'].map(isSiteFurniture)).toEqual([false, false]);
    expect(['If you are not sure whether your outlet is protected, ask an electrician.', 'On Tuesday the mayor wrote to the council.', 'The message was sent from my office.'].map(isSiteFurniture)).toEqual([false, false, false]);
    expect(['@ada-quince said the parts are complete zips.', 'She answered May 27 questions at the hearing, and more.', 'The accepted answer was wrong.'].map(isSiteFurniture)).toEqual([false, false, false]);
    expect(kept(body)).toEqual([
      'The desk handles about 1,900 requests a month. "The desk exists for the times it is not," she said.',
      'Roughly 71 percent of the requests are approved within a day.',
    ]);
  });

  it("keeps a table's rows and a fact box, though each row looks like a menu or a heading", () => {
    const body = [
      'The deal in numbers',
      'Figure | Value | Source',
      'Estimated total spend since 2022 | ~$1.6 billion | Haldane Street Research',
      'Audits per year | 2 | Oversight committee charter',
      'Seats on the committee | 3 | Charter',
      'Home | News | Sport | Weather',
      'Type: Voluntary data-residency and custody standard',
      'Adopted: 2 February 2022',
      'Administered by: Custody Assurance Board',
      'Chair: Sigrun Solvang-Adebayo',
      'The principles were drafted in 2021 by a working group.',
    ].join('\n');
    const { blocks } = cleanBody(body);
    const text = (b: { start: number; end: number }) => body.slice(b.start, b.end);
    expect(blocks.filter((b) => b.kind === 'paragraph').map(text)).toEqual([
      'Figure | Value | Source',
      'Estimated total spend since 2022 | ~$1.6 billion | Haldane Street Research',
      'Audits per year | 2 | Oversight committee charter',
      'Seats on the committee | 3 | Charter',
      'Type: Voluntary data-residency and custody standard',
      'Adopted: 2 February 2022',
      'Administered by: Custody Assurance Board',
      'Chair: Sigrun Solvang-Adebayo',
      'The principles were drafted in 2021 by a working group.',
    ]);
    // A menu of one line stays furniture; so would a menu of three lines without figures.
    expect(kept(['News | Sport | Weather', 'Login | Register | Help', 'About | Contact | Jobs', 'Text of the story.'].join('\n'))).toEqual(['Text of the story.']);
  });

  it("makes a listicle's numbered line over a paragraph a heading, but not the entries of a numbered list", () => {
    const body = [
      'Here is what the deal does and does not do.',
      '4. The bill is large and still climbing',
      'TikTok has never given a total, but an analyst puts the spend at $1.6 billion since 2022.',
      'The office recommends three steps:',
      '1. Review the privacy settings of the app',
      '2. Switch off precise location sharing',
      'Both take a minute.',
    ].join('\n');
    const kinds = cleanBody(body).blocks.map((b) => [body.slice(b.start, b.end), b.kind]);
    expect(kinds).toContainEqual(['4. The bill is large and still climbing', 'heading']);
    expect(kinds).toContainEqual(['1. Review the privacy settings of the app', 'paragraph']);
    expect(kinds).toContainEqual(['2. Switch off precise location sharing', 'paragraph']);
    // A keycap number, and a title written as a short sentence ("1️⃣ Trust is a logging problem.").
    const post = ['A few lessons feel worth sharing.', '1️⃣ Trust is a logging problem.', 'Every time an auditor asked whether anybody touched the data, the answer lived in the logs.'].join('\n');
    expect(cleanBody(post).blocks.map((b) => [post.slice(b.start, b.end), b.kind])).toContainEqual(['1️⃣ Trust is a logging problem.', 'heading']);
  });

  it("reads a wiki page: its numbered contents list goes, its headings with edit links stay, and its references end it", () => {
    const body = [
      'The Pellworth Principles are a voluntary set of twelve standards.[1]',
      'Contents',
      '1 History',
      '2 Criticism',
      '3 References',
      'History[edit]',
      'The principles take their name from a conference hall.[2]',
      'Criticism[edit]',
      'Critics argue that applicants pay their own assessors.[9]',
      'See also',
      'Data localization',
      'Data sovereignty',
      'References[edit]',
      '^ a b "The Pellworth Principles, version 2.1" (PDF). Custody Assurance Board.',
      'This page was last edited on 2 April 2025, at 09:14 (UTC).',
    ].join('\n');
    expect(kept(body)).toEqual([
      'The Pellworth Principles are a voluntary set of twelve standards.[1]',
      'History[edit]',
      'The principles take their name from a conference hall.[2]',
      'Criticism[edit]',
      'Critics argue that applicants pay their own assessors.[9]',
    ]);
  });

  it("reads a wiki page saved without its section headings: an edit link alone goes, and a numbered reference or the categories end it", () => {
    const text = [
      'The Sablewood Data Campus is a data center complex operated by Oracle near Emberlin.[1]',
      'The campus has two data halls with a total power capacity of 64 megawatts.[1][10]',
      'Kittiwake controversy',
      '[edit]',
      'In December 2025 TikTok disclosed a network of cache servers.[5]',
    ];
    const article = text.filter((line) => line !== '[edit]');
    for (const ending of ['1. ^ a b c Kestevan, Clemency (May 14, 2024). "Sablewood by the numbers". Kessary Valley Business Journal.', '^ "Emberlin East substation". Kessary Valley Power.', 'Categories:']) {
      expect(kept([...text, ending, '- Data centers in Kessary'].join('\n\n')), ending).toEqual(article);
    }
    // A caret in a sentence ends nothing.
    expect(kept([...text, 'Prices rose 3^2 times, the report said.'].join('\n\n'))).toEqual([...article, 'Prices rose 3^2 times, the report said.']);
  });

  it("drops a live blog's update stamps, time and who posted, but no sentence that starts with a time", () => {
    const update = 'Greer opened the hearing by holding up a copy of the complaint.';
    for (const stamp of ['5:18 p.m. ET Cosima Dufresne-Mwangi', '10:42 AM | Jun Akintola-Reyes', '21:05 GMT Ludo Perrault']) {
      expect(kept(`${stamp}\n\n${update}`), stamp).toEqual([update]);
    }
    expect(kept(`7:05 the first pitch was thrown\n\n${update}`)).toHaveLength(2);
  });

  it("drops a chat export's reactions, thread summaries and channel events, keeping the messages", () => {
    const messages = ['[10:11 AM] tancredi: Oracle statement just landed, it says the rotation took 60 hours.', '[10:13 AM] cuthbert: which agencies were told?'];
    const body = ['[9:51 AM] barnaby.kiplagat joined #tech-policy-desk.', messages[0], ':eyes: 3   :memo: 2', '    ↳ 4 replies  Last reply 10:19 AM', messages[1], '[11:03 AM] rosalba.dallowmere pinned a message to this channel.'].join('\n\n');
    expect(kept(body)).toEqual(messages);
  });

  it("drops a printed page's header and footer, though they stand inside a paragraph broken across pages, and a reprint notice", () => {
    const before = 'The arrangement between the two companies rests on a simple promise: the data lives on Oracle computers,';
    const after = 'and only Oracle holds the keys. The disclosure suggests that the promise did not hold for a long stretch.';
    const body = [
      'This copy is for your personal, non-commercial use only. To order copies for distribution, visit example.com/reprints.',
      `${before}\nhttps://www.example.com/business/2026/03/04/keys/\tPage 1 of 3\n\f3/5/26, 7:48 AM\tKeys held in the wrong place | The Example Register`,
      after,
    ].join('\n\n');
    expect(kept(body)).toEqual([before, after]);
    // A sentence that starts with a date and a time is no header.
    expect(kept('3/5/26, 7:48 AM was when the alarm went off, the report said, and the building was cleared.')).toHaveLength(1);
  });

  it('drops a long cookie banner that offers its choices, not a story about cookies', () => {
    const banner =
      'We and our 214 partners use cookies and similar technologies to store and access information on your device, to personalise ads and content, to measure ad and content performance and to develop and improve products. You can accept all, reject non-essential cookies or manage your choices at any time by clicking "Privacy settings" at the bottom of any page.';
    const story =
      'The regulator found that the site uses cookies to follow readers across other sites, and that its banner, which never offered a way to refuse, had been shown to 3.2 million visitors between January and June of last year without any record of their consent being kept. The site said it had since rebuilt the banner, and that readers could now see every one of the partners it shares their browsing data with, by name.';
    expect(kept([banner, story].join('\n'))).toEqual([story]);
  });

  it("reads a heading ending in a quoted term as a heading, and drops a newsletter's link list, sponsor call and footer", () => {
    const body = [
      'Hi friends, six stories this week, one of which I have waited two years to write about.',
      '1. Oracle publishes its first TikTok "custody ledger"',
      'Oracle on Thursday released the first edition of what it calls a custody ledger, a monthly public tally of every request.',
      'In case you missed it',
      '- Why data residency and data sovereignty are not the same thing',
      '- Our reader survey results',
      'Want to sponsor The Sprocket Weekly? We reach 41,000 readers every Tuesday.',
      "You're receiving this because you subscribed to The Sprocket Weekly. Unsubscribe",
    ].join('\n');
    const { blocks } = cleanBody(body);
    expect(blocks.map((b) => [body.slice(b.start, b.end), b.kind])).toEqual([
      ['Hi friends, six stories this week, one of which I have waited two years to write about.', 'paragraph'],
      ['1. Oracle publishes its first TikTok "custody ledger"', 'heading'],
      ['Oracle on Thursday released the first edition of what it calls a custody ledger, a monthly public tally of every request.', 'paragraph'],
    ]);
    // A caption's credit after its stop, and a quotation closing a sentence, still end a sentence.
    expect(cleanBody('Superintendent Harmon Example speaks to reporters Tuesday. (TRV11)').blocks[0]?.kind).toBe('paragraph');
    expect(cleanBody('"We will appeal," she said.').blocks[0]?.kind).toBe('paragraph');
  });

  it('never changes the kept text: every block is a span of the body', () => {
    const body = '  Indented paragraph with trailing space.  \n\n\tTabbed line.\n';
    const { blocks } = cleanBody(body);
    for (const block of blocks) expect(body.slice(block.start, block.end).trim()).toBe(body.slice(block.start, block.end));
    expect(kept(body)).toEqual(['Indented paragraph with trailing space.', 'Tabbed line.']);
  });
});
