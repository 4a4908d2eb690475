import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../../src/core/clean.ts';
import { articleInputFromMarkdown, articleInputFromPlainText, withoutCaptionTiming, withoutLineNumbers, withoutPageTurns } from '../../../src/core/ingest/from-text.ts';

describe('articleInputFromPlainText', () => {
  it("takes the publication date from the text's own byline or dateline", () => {
    expect(articleInputFromPlainText('Oracle audits TikTok\nBy Jane Example | August 16, 2022 | 4 min read\nOracle has begun an audit of the app.').published).toBe('2022-08-16');
    expect(articleInputFromPlainText('Oracle audits TikTok\nPublished 3 Sept. 2022\nOracle has begun an audit of the app.').published).toBe('2022-09-03');
  });

  it('invents no date: one the article only mentions in its text is not its publication date', () => {
    expect(articleInputFromPlainText('Oracle audits TikTok\nOracle began an audit on August 16, 2022, people said.').published).toBeUndefined();
    expect(articleInputFromPlainText('Oracle audits TikTok\nOracle has begun an audit.\nUpdated: August 20, 2022').published).toBeUndefined();
  });

  it('takes the publisher from the wire service the text credits, in its credit line or dateline', () => {
    expect(articleInputFromPlainText('Oracle audits TikTok\nOracle has begun an audit of the app.\n- Reuters, with editing by Neal McGrath').publisher).toBe('Reuters');
    expect(articleInputFromPlainText('Oracle audits TikTok\nWASHINGTON (AP) — Oracle has begun an audit of the app.').publisher).toBe('AP');
    expect(articleInputFromPlainText('Oracle audits TikTok\nOracle has begun an audit, Reuters reported.\n(Reporting by Jane Doe; Editing by Sam Roe)').publisher).toBeUndefined();
    expect(articleInputFromPlainText('Oracle audits TikTok\nWASHINGTON (AP) — Oracle has begun an audit.', { publisher: 'Example News' }).publisher).toBe('Example News');
  });

  it('reads a "Key: value" header opening the text as the metadata it names', () => {
    const text = 'Title: TikTok expands its data team\nSource: Reuters\nURL: https://example.com/a\nDate: June 17, 2022\nAuthor: Jane Example\n\nTikTok has hired more people for its data unit.';
    expect(articleInputFromPlainText(text)).toEqual({ title: 'TikTok expands its data team', publisher: 'Reuters', url: 'https://example.com/a', published: '2022-06-17', body: 'TikTok has hired more people for its data unit.' });
    // Without a title in the header the next line is the title; options given still win.
    expect(articleInputFromPlainText('Date: 2022-06-17\nTikTok expands its data team\nTikTok has hired more people.', { published: '2022-06-18' })).toMatchObject({ title: 'TikTok expands its data team', published: '2022-06-18' });
    // A title that merely has a colon is no header.
    expect(articleInputFromPlainText('Breaking: TikTok expands its data team\nTikTok has hired more people.').title).toBe('Breaking: TikTok expands its data team');
  });

  it("takes a copied page's headline from above its byline, and its site's name as the publisher", () => {
    const page = ['The Audit Trail', 'Menu', 'Home', 'About', 'Contact', 'Search for:', '', 'INTERVIEWS', 'How a data-residency audit really works', 'Posted on June 4, 2024 by Imogen Example', '', 'Auditors check where the data is kept, the auditor said.'].join('\n');
    expect(articleInputFromPlainText(page)).toMatchObject({ title: 'How a data-residency audit really works', publisher: 'The Audit Trail', published: '2024-06-04', body: page });
    // A headline on the first line stays the title, though a standfirst sits above the byline.
    const standfirst = 'Oracle begins its audit of TikTok\nThe review covers the app code and its data flows\nBy Jane Example | August 16, 2022\nOracle has begun an audit of the app.';
    expect(articleInputFromPlainText(standfirst)).toMatchObject({ title: 'Oracle begins its audit of TikTok', published: '2022-08-16' });
    expect(articleInputFromPlainText(standfirst).publisher).toBeUndefined();
    // So does a headline with the site's name and menu under it.
    const masthead = 'Oracle begins its long-awaited audit of the TikTok app\nTHE EXAMPLE GAZETTE\nNews | Sport | Jobs\nThursday 19 October 2023\nBy Jane Example\nOracle has begun an audit of the app.';
    expect(articleInputFromPlainText(masthead).title).toBe('Oracle begins its long-awaited audit of the TikTok app');
  });

  it("finds the headline above a standfirst and a 'By' credit, below the section label, and the date after them", () => {
    const page = ['Skip to content', 'TRV11 NewsCenter | Tri-Rivers', 'NEWS  WEATHER  SPORTS  TRAFFIC', 'WATCH LIVE', 'NEWS', 'Schools: grading app breach exposed data of 41,000 students', 'The district says the vendor waited almost three weeks to tell it.', 'By Darnell Example', 'Published: Apr. 8, 2025 at 5:42 PM CDT', 'Families in the district are being told that their data was exposed in a breach at the vendor.', 'The district says the breach happened in March.'].join('\n');
    expect(articleInputFromPlainText(page)).toMatchObject({ title: 'Schools: grading app breach exposed data of 41,000 students', publisher: 'TRV11 NewsCenter', published: '2025-04-08' });
    const app = ['Open in app', '☰  THE CAPITOL LEDGER                Sign in', 'Politics › Tech Policy', '', 'Senator unveils bill forcing yearly audits of data deals', '', 'By Dominic Example, Technology Policy Correspondent', 'Published 6:42 AM ET, Wed October 18, 2023', '', 'Senator Jane Example wants Americans to see inside the data vaults of foreign-owned apps.'].join('\n');
    expect(articleInputFromPlainText(app)).toMatchObject({ title: 'Senator unveils bill forcing yearly audits of data deals', publisher: 'THE CAPITOL LEDGER', published: '2023-10-18' });
    // The writer's name alone above the dateline is no headline.
    const named = ['HARBOURLINE DAILY', 'News | Business | Tech | Asia', '', 'Tech', '', 'ByteDance rejects US think tank report on TikTok data', '', 'Tessa Example', 'Published: 4:15pm, 29 Nov, 2022', '', 'ByteDance on Tuesday rejected a US think tank report on its data.'].join('\n');
    expect(articleInputFromPlainText(named)).toMatchObject({ title: 'ByteDance rejects US think tank report on TikTok data', published: '2022-11-29' });
  });

  it('takes the headline over a longer standfirst that has no full stop, under an app banner and a masthead', () => {
    const page = ['Get the Example app: breaking news, weather alerts and the e-Edition in one place.  [Download now]  [Not now]', '', 'THE DOCKET EXAMPLE', 'Courts | Privacy | Technology | Regulation | Newsletters', '', 'Judge orders TikTok to hand over access logs, tosses two claims in data suit', '', 'A federal judge kept the core of a privacy class action alive but said the plaintiffs cannot pursue two of their theories', '', 'By Jane Example, Legal Affairs Correspondent', 'Published March 14, 2025, 6:42 p.m. ET', '', 'WILMINGTON, Del. — A federal judge on Friday ordered TikTok to produce eighteen months of access logs.'].join('\n');
    expect(articleInputFromPlainText(page)).toMatchObject({ title: 'Judge orders TikTok to hand over access logs, tosses two claims in data suit', publisher: 'THE DOCKET EXAMPLE', published: '2025-03-14' });
    // A menu row of six words over the headline is no headline.
    const menu = ['Example Tech Dispatch', 'Gadgets, platforms and the policy fights around them', '', 'Home   News   Reviews   Policy   About   Contact', '', 'TikTok says it has finished wiping US user backups from its own data centers', '', 'Posted by Jane Example on January 19, 2023', '', 'TikTok said on Wednesday that it has finished deleting backup copies.'].join('\n');
    expect(articleInputFromPlainText(menu).title).toBe('TikTok says it has finished wiping US user backups from its own data centers');
  });

  it("reads a blog platform's header: title-case headline, standfirst, writer, buttons and the publication it appeared in", () => {
    const post = ['Open in app', '', 'Sign in', '', 'Write', '', 'Search', '', 'Patch Notes Quarterly', '', 'What an Engineer Told a Room About Reviewing Code', '', 'Forty million lines a month and one honest slide about what reviewers still miss', '', 'Marcus Example', '', 'Follow', '', 'Published in Patch Notes Quarterly', '', '7 min read', '', 'Apr 18, 2026', '', 'Listen', '', 'Share', '', 'More', '', 'I went to the summit expecting the usual mix of vendor keynotes.'].join('\n');
    expect(articleInputFromPlainText(post)).toMatchObject({ title: 'What an Engineer Told a Room About Reviewing Code', publisher: 'Patch Notes Quarterly', published: '2026-04-18' });
    // A menu row or a tagline above a sentence-case headline is no headline.
    const blog = ['Kestrel Dispatch', 'Gadgets, platforms and the policy fights around them', '', 'Home   News   Reviews   Policy   About', '', 'TikTok says it has finished wiping its US backups', '', 'Posted by Jane Example on January 19, 2023', '', 'TikTok said on Wednesday that it has finished deleting the backups.'].join('\n');
    expect(articleInputFromPlainText(blog).title).toBe('TikTok says it has finished wiping its US backups');
  });

  it('finds a newspaper headline above a standfirst of two sentences, and a press release\'s headline under its contacts', () => {
    const page = ['THE EXAMPLE COURIER', 'Home | U.S. | World | Politics | Business', 'Subscribe  |  Sign In', '', 'POLITICS  >  CONGRESS', '', 'At tense hearing, lawmakers press TikTok on who watches the code', '', 'Members of a House panel demanded hard numbers. They got some figures, and a few careful dodges.', '', 'By Jane Example and John Example', 'Updated 3:42 p.m. ET, March 11, 2026', '', 'For nearly two hours on Wednesday, members of a House subcommittee tried to pin down who can reach the data.'].join('\n');
    expect(articleInputFromPlainText(page)).toMatchObject({ title: 'At tense hearing, lawmakers press TikTok on who watches the code', publisher: 'THE EXAMPLE COURIER', published: '2026-03-11' });
    const release = ['U.S. HOUSE OF REPRESENTATIVES', 'SUBCOMMITTEE ON DATA MARKETS', '', 'FOR IMMEDIATE RELEASE', 'May 5, 2026', '', 'Contact: John Example, Communications Director', '(202) 555-0173', '', 'CHAIR OPENS INQUIRY INTO DATA BROKERS', 'SELLING APP-DERIVED PROFILES', '', 'The subcommittee today opened an inquiry into seven data brokers.'].join('\n');
    expect(articleInputFromPlainText(release)).toMatchObject({ title: 'CHAIR OPENS INQUIRY INTO DATA BROKERS SELLING APP-DERIVED PROFILES', publisher: 'U.S. HOUSE OF REPRESENTATIVES', published: '2026-05-05' });
  });

  it("finds a news app's headline shown twice above a relative time, and an interview's headline under a masthead with its section", () => {
    const app = ['Example Wire', 'Technology', '', 'TikTok starts retraining its US recommendation engine', '', 'TikTok starts retraining its US recommendation engine', '', '2h ago', '', 'Listen to this article · 4 min', '', 'Share', 'Save', '', 'By Jane Example and John Example, Example Wire', '', 'TikTok has begun retraining the recommendation system behind its US feed, the company said on Thursday.'].join('\n');
    expect(articleInputFromPlainText(app)).toMatchObject({ title: 'TikTok starts retraining its US recommendation engine', publisher: 'Example Wire' });
    const interview = ['THE EXAMPLE REVIEW — CONVERSATIONS', '', '"Trust, but keep the logs": a former adviser on what the deal can prove', '', 'Interview by Jane Example', '', 'John Example spent six years as a senior adviser on foreign-investment reviews before leaving government in 2022.', '', '[00:00:42]', 'JANE EXAMPLE: Let us start simple.'].join('\n');
    expect(articleInputFromPlainText(interview)).toMatchObject({ title: '"Trust, but keep the logs": a former adviser on what the deal can prove', publisher: 'THE EXAMPLE REVIEW' });
  });

  it('reads a newsletter pasted from an email client by its headers, and "Source: outlet, date" after the title line', () => {
    const email = 'From: Priya Example | The Digest\nReply-To: The Digest\nTo: (you)\nDate: Tue, 14 Nov 2023 07:02:18 -0500\nSubject: Digest #212 — a cloud region goes dark\n\nView in browser\n\nAn Oracle cloud region went dark for almost four hours on Monday.';
    expect(articleInputFromPlainText(email)).toMatchObject({ title: 'Digest #212 — a cloud region goes dark', published: '2023-11-14' });
    const note = 'How Quipstream keeps its American data\nSource: Tavish Broadcasting Corporation, 9 February 2024\n\nQuipstream pays an outside cloud company more than it says.';
    expect(articleInputFromPlainText(note)).toEqual({ title: 'How Quipstream keeps its American data', publisher: 'Tavish Broadcasting Corporation', published: '2024-02-09', body: 'Quipstream pays an outside cloud company more than it says.' });
  });

  it("takes a report's cover for its title and issuer, and its labelled date of issue over its review period", () => {
    const text = [
      '                      HALVERGATE & STROME ASSURANCE LLP',
      '',
      '                    INDEPENDENT CUSTODY ASSESSMENT',
      '          U.S. User Data Hosted in Oracle Cloud Infrastructure',
      '',
      '       Review period: July 1, 2024 to December 31, 2024',
      '',
      'Prepared for:        Domestic Data Oversight Committee',
      'Report reference:    HSA-TT-2025-02',
      'Date of issue:       April 14, 2025',
      'Engagement partner:  Perpetua Onwuachi-Lindgren',
      '',
      '1 Executive Summary',
      '',
      'We were engaged by the Committee to assess whether protected data is stored in line with the',
      'commitments TikTok made in its hosting arrangement with Oracle.',
    ].join('\n');
    const input = articleInputFromPlainText(text);
    expect(input.title).toBe('INDEPENDENT CUSTODY ASSESSMENT: U.S. User Data Hosted in Oracle Cloud Infrastructure');
    expect(input.publisher).toBe('HALVERGATE & STROME ASSURANCE LLP');
    expect(input.published).toBe('2025-04-14');
    expect(input.body).toBe(text);
  });

  it("takes written testimony's cover: whose statement, on which hearing, given to which committee", () => {
    const text = [
      '                                  STATEMENT OF',
      '',
      '                           DR. CORDELIA VANSTONE-RUIZ',
      '              DIRECTOR, DATA CUSTODY AND ACCOUNTABILITY PROGRAM',
      '',
      '                                   BEFORE THE',
      '',
      '           SUBCOMMITTEE ON DATA SECURITY AND FOREIGN TECHNOLOGY RISK',
      '                        COMMITTEE ON ENERGY AND COMMERCE',
      '',
      '                                   HEARING ON',
      '',
      '                “WHO HOLDS THE KEYS? FOREIGN-OWNED APPS AND THE',
      '                        CUSTODY OF AMERICANS’ DATA”',
      '',
      '                                 JUNE 17, 2025',
      '',
      'Chairman Brennerman, Ranking Member Trevanion-Nwosu, and Members of the',
      'Subcommittee: thank you for the opportunity to testify today.',
    ].join('\n');
    const input = articleInputFromPlainText(text);
    expect(input.title).toBe('STATEMENT OF DR. CORDELIA VANSTONE-RUIZ: “WHO HOLDS THE KEYS? FOREIGN-OWNED APPS AND THE CUSTODY OF AMERICANS’ DATA”');
    expect(input.publisher).toBe('SUBCOMMITTEE ON DATA SECURITY AND FOREIGN TECHNOLOGY RISK');
    expect(input.published).toBe('2025-06-17');
    expect(input.body).toBe(text);
  });

  it("titles a letter by its subject line, or by whom it is addressed to, with its letterhead's sender and its date", () => {
    const letter = [
      '                       Congress of the United States',
      '                            Washington, DC 20515',
      '',
      'October 14, 2025',
      '',
      'Mr. Everett Santangelo-Wu',
      'Chief Executive Officer',
      'TikTok Inc.',
      '2250 Larkmead Avenue, Suite 1200',
      'Los Angeles, CA 90067',
      '',
      'Dear Mr. Santangelo-Wu:',
      '',
      'We write regarding recent reports that an internal analytics tool gave employees',
      'outside the company access to information derived from the activity of American users.',
    ].join('\n');
    const input = articleInputFromPlainText(letter);
    expect(input.title).toBe('Letter to Mr. Everett Santangelo-Wu, Chief Executive Officer, TikTok Inc.');
    expect(input.publisher).toBe('Congress of the United States');
    expect(input.published).toBe('2025-10-14');
    expect(input.body).toBe(letter);
    const withSubject = letter.replace('Dear Mr.', 'Re: Access to U.S. user data through internal tools\n\nDear Mr.');
    expect(articleInputFromPlainText(withSubject).title).toBe('Access to U.S. user data through internal tools');
    // An article that quotes a letter's opening is no letter.
    const article = ['Lawmakers write to TikTok', '', 'The letter, dated October 14, 2025, opened:', '', 'Dear Mr. Santangelo-Wu:'].join('\n');
    expect(articleInputFromPlainText(article).title).toBe('Lawmakers write to TikTok');
  });

  it("reads a Federal Register notice's subject line, agency and date, and a transcript's subject under its letterhead", () => {
    const notice = [
      'Federal Register / Vol. 90, No. 51 / Monday, March 17, 2025 / Notices',
      '',
      'DEPARTMENT OF COMMERCE',
      '',
      '[Docket No. 250311-0047]',
      '',
      'Third-Party Data Custody Arrangements for Connected Software Applications; Request for Comments',
      '',
      'AGENCY: Bureau of Industry and Security, Department of Commerce.',
      '',
      'ACTION: Notice of inquiry; request for comments.',
      '',
      'SUMMARY: The Bureau is seeking public comment on arrangements under which an application relies on a United States company to hold its data.',
    ].join('\n');
    const input = articleInputFromPlainText(notice);
    expect(input.title).toBe('Third-Party Data Custody Arrangements for Connected Software Applications; Request for Comments');
    expect(input.publisher).toBe('Bureau of Industry and Security');
    expect(input.published).toBe('2025-03-17');
    expect(input.body).toBe(notice);

    const transcript = [
      'OFFICE OF THE ATTORNEY GENERAL, STATE OF WENDMOOR',
      'TRANSCRIPT OF PRESS CONFERENCE',
      "Subject: Results of the Digital Privacy Unit's audit of TikTok user data handling",
      'Date: Tuesday, February 18, 2025',
      'Location: Press Room B, State Capitol Annex',
      '',
      'ATTORNEY GENERAL EXAMPLE: Good morning, everyone. I will make a short statement and then take your questions.',
    ].join('\n');
    const read = articleInputFromPlainText(transcript);
    expect(read.title).toBe("Results of the Digital Privacy Unit's audit of TikTok user data handling");
    expect(read.publisher).toBe('OFFICE OF THE ATTORNEY GENERAL, STATE OF WENDMOOR');
    expect(read.published).toBe('2025-02-18');
    expect(read.body).toContain('ATTORNEY GENERAL EXAMPLE: Good morning');
  });

  it("reads a working paper's title under its header lines, wrapped over two lines, and drops its page footers", () => {
    const paper = [
      'Carrowmoss Institute for Regulatory Studies            Working Paper No. 2025-07',
      '                                                         April 2025 — DRAFT',
      '',
      'Custody Without Sovereignty? Negotiated Data Localisation',
      'and the TikTok–Oracle Arrangement',
      '',
      'Abstract',
      'Governments increasingly secure control over foreign-owned platforms\' user data through contracts.',
      '',
      'Working Paper 2025-07                                                               1',
      '',
      '1. Introduction',
      'Since the early 2020s, where user data lives has moved to the centre of national security debates.',
    ].join('\n');
    const input = articleInputFromPlainText(paper);
    expect(input.title).toBe('Custody Without Sovereignty? Negotiated Data Localisation and the TikTok–Oracle Arrangement');
    expect(input.body.startsWith('Abstract')).toBe(true);
    const { blocks } = cleanBody(input.body);
    expect(blocks.map((b) => input.body.slice(b.start, b.end)).join('\n')).not.toContain('Working Paper 2025-07');
    // A forum post's first line of two sentences is still its title's first sentence only.
    expect(articleInputFromPlainText('Heard the cutover slipped again. Anyone else near this?\nIt was moved to May.').title).toBe('Heard the cutover slipped again.');
  });

  it('lets a date given explicitly win over the byline', () => {
    expect(articleInputFromPlainText('Oracle audits TikTok\nBy Jane Example | August 16, 2022\nOracle has begun an audit.', { published: '2022-08-17' }).published).toBe('2022-08-17');
  });

  it('stores a Markdown article as the plain text a reader sees, its emphasised byline giving the date', () => {
    const input = articleInputFromMarkdown('# Oracle reviews **TikTok** code\n\n*By Pat Writer, June 30, 2022*\n\nOracle is reviewing the [source code](https://example.com/a).\n');
    expect(input).toMatchObject({ title: 'Oracle reviews TikTok code', body: 'By Pat Writer, June 30, 2022\n\nOracle is reviewing the source code.', published: '2022-06-30' });
  });

  it("takes a blog's, a group's or an author's name and a 'date' or 'created' from front-matter that has no publisher", () => {
    const notes = articleInputFromMarkdown('---\nowner: Tamsyn Balogun\ngroup: Sorrelby Creators Collective\ncreated: 2026-04-02 21:14\n---\n\n# Bastion notes\n\nCoverage started on April 1.\n');
    expect(notes).toMatchObject({ title: 'Bastion notes', publisher: 'Sorrelby Creators Collective', published: '2026-04-02' });
    const post = articleInputFromMarkdown('---\ntitle: The portal\nauthor: Margery Tolliver\nblog: The Spillway\ndate: 2025-05-12\n---\n\nThe portal shows hourly use.\n');
    expect(post).toMatchObject({ publisher: 'The Spillway', published: '2025-05-12' });
    // A source that is a link is no name; a publisher stated wins.
    expect(articleInputFromMarkdown('---\ntitle: T\nsite: https://example.com\n---\n\nText here.\n').publisher).toBeUndefined();
    expect(articleInputFromMarkdown('---\ntitle: T\npublisher: The Post\nauthor: Pat\n---\n\nText here.\n').publisher).toBe('The Post');
  });

  it('reads Markdown without front-matter the same way', () => {
    expect(articleInputFromMarkdown('Oracle audits TikTok\n\nBy Jane Example | August 16, 2022\n\nOracle has begun an audit.').published).toBe('2022-08-16');
  });
});

describe('a page as a browser prints it', () => {
  it('takes its headline, its site and its address from the print header and footer', () => {
    const text = [
      '3/5/26, 7:48 AM\tKeys held in the wrong place | The Example Register',
      'THE EXAMPLE REGISTER',
      '',
      'CALLISFORD — For three days a small team replaced every master key that protects the data.',
      'https://www.example.com/business/2026/03/04/keys/\tPage 1 of 2',
      '\f3/5/26, 7:48 AM\tKeys held in the wrong place | The Example Register',
      '',
      'The reason was that copies of those keys had turned up somewhere they were never supposed to be.',
      'https://www.example.com/business/2026/03/04/keys/\tPage 2 of 2',
    ].join('\n');
    expect(articleInputFromPlainText(text)).toMatchObject({ title: 'Keys held in the wrong place', publisher: 'The Example Register', url: 'https://www.example.com/business/2026/03/04/keys/' });
    // What the operator gives wins.
    expect(articleInputFromPlainText(text, { url: 'https://example.org/other' }).url).toBe('https://example.org/other');
  });
});

describe('a group chat exported as text', () => {
  const chat = [
    '[28/02/2026, 20:14:09] Reviewers United: \u200eMessages and calls are end-to-end encrypted. Only people in this chat can read them.',
    '[28/02/2026, 20:14:09] \u200eNadia Lindvall created group “Reviewers United”',
    "[28/02/2026, 20:19:51] \u200eDeshawn Corley joined using this group's invite link",
    '[01/03/2026, 17:48:20] Nadia Lindvall: It is done. 212 yes, 31 no, 4 spoiled ballots.',
    'We walk out Monday at the 6am shift change.',
    '[01/03/2026, 17:49:10] Priya Sethuraman: <Media omitted>',
    '[03/03/2026, 08:05:51] \u200eNadia Lindvall changed the subject to “STRIKE Day 2”',
    '[03/03/2026, 09:12:30] Marcus Ludgate: Head count this morning is 291 people on the line.',
  ].join('\n');

  it("is titled by the group's name, its members' messages kept and the app's notices left out", () => {
    const article = articleInputFromPlainText(chat);
    expect(article.title).toBe('Reviewers United');
    const kept = cleanBody(article.body).blocks.map((b) => article.body.slice(b.start, b.end)).join('\n');
    expect(kept).toContain('212 yes, 31 no, 4 spoiled ballots.\nWe walk out Monday');
    expect(kept).toContain('Head count this morning is 291 people');
    expect(kept).not.toMatch(/end-to-end encrypted|created group|invite link|Media omitted|changed the subject/);
  });
});

describe('a document that opens inside itself', () => {
  it('takes a letter a fax cover sheet comes before: its subject is the title, its letterhead the sender', () => {
    const cover = ['MAR-05-2026 15:52  FROM: VARDEN ASHMOLE LLP     TO: 15550102288     P.001/004', '', 'FACSIMILE TRANSMITTAL SHEET', ...Array.from({ length: 30 }, (_, i) => `Line ${i} of the cover sheet and its confidentiality notice.`)];
    const letter = ['MAR-05-2026 15:53  FROM: VARDEN ASHMOLE LLP     TO: 15550102288     P.002/004', '', 'VARDEN ASHMOLE LLP', 'ATTORNEYS AT LAW', '', 'March 5, 2026', '', 'Ms. Nadia Lindvall', '311 Greaves Street', '', 'Re:   Photograph of Client Review Console', '', 'Dear Ms. Lindvall:', '', 'This firm represents the company. We write about a photograph posted on March 4.'];
    const article = articleInputFromPlainText([...cover, ...letter].join('\n'));
    expect(article).toMatchObject({ title: 'Photograph of Client Review Console', publisher: 'VARDEN ASHMOLE LLP', published: '2026-03-05' });
  });

  it("takes a site's print view by the headline under its print line and section label; the site is the publisher", () => {
    const printed = [
      'Printed from Data Hall Dispatch (datahalldispatch.example) on Monday, September 21, 2026 at 8:47 AM',
      'https://datahalldispatch.example/news/2026/09/18/chiller-dispute',
      '',
      'COOLING | LITIGATION',
      '',
      'Inside the chiller fight: an $86.5 million order and 11 failed units',
      '',
      'The dispute over Hall D shows how little margin is left when cooling is specified to the last degree.',
    ].join('\n');
    const article = articleInputFromPlainText(printed);
    expect(article).toMatchObject({ title: 'Inside the chiller fight: an $86.5 million order and 11 failed units', publisher: 'Data Hall Dispatch', url: 'https://datahalldispatch.example/news/2026/09/18/chiller-dispute' });
    expect(article.body).not.toContain('Printed from');
  });

  it("takes a council's measure by its number, its issuer's heading as publisher", () => {
    const measure = ['CITY OF PENNACOTT', 'CITY COUNCIL', '', 'Agenda Item 9.B', '', 'RESOLUTION NO. 2026-041', '', 'A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF PENNACOTT APPROVING A LICENSE', '', 'WHEREAS, the City of Pennacott owns and operates Pennacott Community Fiber; and', '', 'NOW, THEREFORE, BE IT RESOLVED that the license is approved.'].join('\n');
    expect(articleInputFromPlainText(measure)).toMatchObject({ title: 'City of Pennacott Resolution No. 2026-041', publisher: 'City of Pennacott' });
  });

  it("takes pages copied from a document's middle by its running header, not the section heading they open on", () => {
    const pages = ['City of Fenholt, Marravel                          Proposed Budget FY 2026-27', '', '3  GENERAL GOVERNMENT (continued)', '', '3.2 Technology Services', '', 'Technology Services supports 1,140 City-owned computers, tablets and phones.'].join('\n');
    expect(articleInputFromPlainText(pages).title).toBe('City of Fenholt, Marravel — Proposed Budget FY 2026-27');
  });
});

describe('withoutPageTurns', () => {
  it("takes a printed story's jump out, from the line sending the reader on to the one taking them in, so the sentence reads on", () => {
    const text = [
      'In its complaint, the company says Oracle',
      'changed the layout of the pad, putting the units within 30 feet of an',
      'Continued on Page A6',
      '',
      'A1',
      'A6 | Wednesday, September 16, 2026 | THE LEDGER-GAZETTE',
      '',
      'Lawsuits: Neighbors fear for wells',
      'From Page A1',
      '',
      'earthen berm that traps the hot air the machines',
      'blow out.',
    ].join('\n');
    const plain = withoutPageTurns(text);
    expect(plain).toContain('within 30 feet of an\nearthen berm that traps');
    expect(plain).not.toMatch(/Continued on|From Page|Lawsuits:|^A1$/m);
    const article = articleInputFromPlainText(`Cooling maker sues Oracle\n\n${text}`);
    expect(article.body).toContain('within 30 feet of an\nearthen berm');
    // Other spellings of the two ends: "See LAWSUITS, Page A6" and "LAWSUITS from A1".
    expect(withoutPageTurns('the chillers\nSee LAWSUITS, Page A6\nA6\nLAWSUITS from A1\nfailed the test.')).toBe('the chillers\nfailed the test.');
  });

  it('leaves a jump line with no way back in, and text that only mentions a page, as they are', () => {
    const alone = 'The story goes on.\nContinued on Page A6\nThe next story starts here and runs for many lines without any way back.';
    expect(withoutPageTurns(alone)).toBe(alone);
    const mention = 'The ruling is on page 6 of the filing.\nIt was read from page 2 onward.';
    expect(withoutPageTurns(mention)).toBe(mention);
  });
});

describe('withoutLineNumbers', () => {
  // Pleading paper: every line of every page numbered 1 to 28, blank ones too.
  const page = (from: number, lines: string[]) => lines.map((line, i) => `${String(from + i).padStart(2)}${line === '' ? '' : `  ${line}`}`).join('\n');
  const sentences = Array.from({ length: 26 }, (_, i) => (i % 3 === 2 ? '' : `      Line ${i} of the complaint says what the plaintiff alleges.`));

  it('takes the number column off every line, keeping the text and its indent', () => {
    const text = `${page(1, sentences)}\n\n          - 1 -\n\f${page(1, sentences.slice(0, 5))}`;
    const plain = withoutLineNumbers(text);
    expect(plain.split('\n')[0]).toBe('      Line 0 of the complaint says what the plaintiff alleges.');
    expect(plain).not.toMatch(/^\f?\s{0,3}\d{1,2}\s/m);
    expect(plain).toContain('\n\f      Line 0 of the complaint');
    expect(plain.replace(/\s+/g, ' ')).toBe(text.replace(/^(\f?) ?\d{1,2}(?: {2}|$)/gm, '$1').replace(/\s+/g, ' '));
  });

  it('leaves a numbered list, a table of figures and a short text as they are', () => {
    const list = Array.from({ length: 24 }, (_, i) => `${i + 1}. Point ${i + 1} of the plan.`).join('\n');
    expect(withoutLineNumbers(list)).toBe(list);
    const figures = Array.from({ length: 24 }, (_, i) => `${(i * 7) % 90}  rows in table ${i}`).join('\n');
    expect(withoutLineNumbers(figures)).toBe(figures);
    const short = page(1, sentences.slice(0, 10));
    expect(withoutLineNumbers(short)).toBe(short);
  });
});

describe('withoutCaptionTiming', () => {
  const srt = [
    'KRN TONIGHT 6PM | TikTok crash data hearing | Wed 04/15/2026 | CC auto-generated',
    '',
    '1',
    '00:00:02,000 --> 00:00:06,200',
    '[MUSIC]',
    '',
    '2',
    '00:00:06,240 --> 00:00:10,378',
    ">> Good evening, I'm Ada Lind.",
    'Tonight, a hearing on how',
    '',
    '3',
    '00:00:10,418 --> 00:00:14,901',
    'crash reports ended up on a',
    'server in Singapore.',
    '',
    '4',
    '00:00:14,941 --> 00:00:19,423',
    '{\\an8}<i>TOMAS FERRO</i>',
    '{\\an8}<i>WASHINGTON CORRESPONDENT</i>',
    '',
    '5',
    '00:00:19,463 --> 00:00:22,912',
    '>> <i>Ada, it was</i> a tense day.',
  ].join('\n');

  it('keeps what was said as paragraphs, one per speaker, without numbers, timings, tags, sounds or on-screen names', () => {
    expect(withoutCaptionTiming(srt)).toBe(
      "KRN TONIGHT 6PM | TikTok crash data hearing | Wed 04/15/2026 | CC auto-generated\n\nGood evening, I'm Ada Lind. Tonight, a hearing on how crash reports ended up on a server in Singapore.\n\nAda, it was a tense day.\n",
    );
    // Through the .txt path, the title line is the title and the sentence is whole in one paragraph.
    const article = articleInputFromPlainText(srt);
    expect(article.title).toBe('KRN TONIGHT 6PM | TikTok crash data hearing | Wed 04/15/2026 | CC auto-generated');
    expect(article.body).toContain('a hearing on how crash reports ended up on a server in Singapore.');
  });

  it('reads WebVTT too, its header and notes left out', () => {
    const vtt = ['WEBVTT', '', 'NOTE made by hand', 'for the test', '', '00:01.000 --> 00:04.000 align:start', '- The data stays', 'in Virginia.', '', '00:04.100 --> 00:06.000', '- Does it?', '', '00:06.100 --> 00:08.000', '(laughter)'].join('\n');
    expect(withoutCaptionTiming(vtt)).toBe('The data stays in Virginia.\n\nDoes it?\n');
    // Its STYLE blocks are styling, before the first cue or between cues.
    const styled = ['WEBVTT', '', 'STYLE', '::cue {', '  color: #ffffff;', '}', '', '00:01.000 --> 00:04.000', 'The data stays in Virginia.', '', 'STYLE', '::cue(v[voice="Ollie"]) { color: #ffe066; }', '', '00:04.100 --> 00:06.000', '- Does it?', '', '00:06.100 --> 00:08.000', 'It does.'].join('\n');
    expect(withoutCaptionTiming(styled)).toBe('The data stays in Virginia.\n\nDoes it? It does.\n');
  });

  it('leaves text with a timing or two in it as it is', () => {
    const text = 'The log shows 00:00:02,000 --> 00:00:06,200 once.\n\nAnd 00:01:02,000 --> 00:01:06,200 again.';
    expect(withoutCaptionTiming(text)).toBe(text);
  });
});
