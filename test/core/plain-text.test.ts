import { describe, expect, it } from 'vitest';
import { splitIntoPassages } from '../../src/core/passages.ts';
import { slugify, titleAndBodyOfPlainText } from '../../src/core/plain-text.ts';

describe('titleAndBodyOfPlainText', () => {
  it('takes a first line that looks like a title as the title, and the rest as the body', () => {
    expect(titleAndBodyOfPlainText('\uFEFFOracle audits TikTok\r\n\r\nOracle has begun an audit. It said so on Monday.\r\n')).toEqual({
      title: 'Oracle audits TikTok',
      body: 'Oracle has begun an audit. It said so on Monday.\n',
    });
  });

  it('takes the first sentence as the title when the text opens with a paragraph, keeping all of it as the body', () => {
    const text = 'TikTok moved its data to Oracle. The move took a year.\nMore text follows here.';
    expect(titleAndBodyOfPlainText(text)).toEqual({ title: 'TikTok moved its data to Oracle.', body: text });
  });

  it("looks past a copied page's menu for the title, and leaves the menu out of the passages", () => {
    const text = ['Menu', 'Home | News | Tech | Business | Contact', 'Search for:', 'Oracle begins audit of TikTok', 'By Jane Example | August 16, 2022 | 4 min read', 'Oracle Corp has begun auditing the algorithms, people familiar with the matter said.'].join('\n');
    const { title, body } = titleAndBodyOfPlainText(text);
    expect(title).toBe('Oracle begins audit of TikTok');
    // Nothing of the page is lost from the stored body but the title line.
    expect(body).toBe(text.replace('Oracle begins audit of TikTok\n', ''));
    expect(splitIntoPassages({ id: 'audit', title, body }).map((p) => p.text)).toEqual(['Oracle Corp has begun auditing the algorithms, people familiar with the matter said.']);
  });

  it("takes a site's name and section in capitals (\"VERITYDESK | FACT CHECK\") for a masthead, not the title", () => {
    const text = ['VERITYDESK | FACT CHECK', '', 'No, your data is not stored abroad, but the picture is messier', '', 'By Jane Example', 'The claim went viral on May 27.'].join('\n');
    expect(titleAndBodyOfPlainText(text).title).toBe('No, your data is not stored abroad, but the picture is messier');
    // A headline in capitals, even with a dash, is still the title.
    expect(titleAndBodyOfPlainText('TIKTOK MOVES DATA TO ORACLE\nThe move took a year.').title).toBe('TIKTOK MOVES DATA TO ORACLE');
    expect(titleAndBodyOfPlainText('CITY COUNCIL VOTES - AND WHAT IT MEANS FOR RIDERS OF THE NUMBER 9 BUS\nThe vote was 5-2.').title).toBe('CITY COUNCIL VOTES - AND WHAT IT MEANS FOR RIDERS OF THE NUMBER 9 BUS');
  });

  it("takes a paper's title set over two title-case lines, under a preprint server's stamp", () => {
    const text = ['arXiv:2603.01872v1 [econ.RM] 20 Mar 2026', 'Insuring the Custodian: A Loss Model for the Bastion', 'Custody-Breach Program Covering TikTok U.S. User Data', '', 'Orsolya Wrexley, Jolyon Danjuma-Hart', '', 'Abstract', 'We study Bastion.'].join('\n');
    const { title, body } = titleAndBodyOfPlainText(text);
    expect(title).toBe('Insuring the Custodian: A Loss Model for the Bastion Custody-Breach Program Covering TikTok U.S. User Data');
    expect(body.startsWith('Orsolya Wrexley')).toBe(true);
    // A headline over a byline, or over a sentence, keeps its one line.
    expect(titleAndBodyOfPlainText('Oracle Begins Audit of TikTok Systems\nBy Jane Example\n\nOracle began.').title).toBe('Oracle Begins Audit of TikTok Systems');
    expect(titleAndBodyOfPlainText('Oracle Begins Audit of TikTok Systems\nThe Audit Began on Monday, Officials Said.\n\nMore.').title).toBe('Oracle Begins Audit of TikTok Systems');
  });
});

describe('slugify', () => {
  it('makes a short ASCII file name from a title', () => {
    expect(slugify('TikTok’s Oracle deal: what “USDS” means — explained')).toBe('tiktoks-oracle-deal-what-usds-means-explained');
    expect(slugify('…')).toBe('article');
  });
});
