import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleInputFromPath } from '../../../src/core/ingest/from-file.ts';
import { buildIndex, loadCorpus, BUNDLED_CORPUS_DIR } from '../../../src/core/load-corpus.ts';
import { prepareArticle } from '../../../src/core/new-article.ts';
import { splitSentences } from '../../../src/core/sentences.ts';

// The synthetic articles the eval's --grow adds: web copies as .txt (grown, grown3), an HTML page,
// a Markdown file and a hard-wrapped wire copy (grown2), a press release, a PDF export, a live blog and a
// newsletter post (grown4), and copies of big news sites' pages (grown5). Each is read as an operator's `corpus add` reads it.
const fixtures = (batch: string) => new URL(`../../fixtures/${batch}/`, import.meta.url).pathname;
const articleFiles = (batch: string) => readdirSync(fixtures(batch)).filter((f) => /\.(?:txt|md|html|eml)$/.test(f) && f !== 'README.md').sort();
type Questions = { answerable: { expect: string[]; article: string }[] };
const questionsOf = (batch: string): Questions => JSON.parse(readFileSync(join(fixtures(batch), 'questions.json'), 'utf8')) as Questions;

const index = buildIndex(loadCorpus(BUNDLED_CORPUS_DIR));

async function prepared(batch: string, file: string) {
  const input = await articleInputFromPath(join(fixtures(batch), file));
  if (!input.ok) throw new Error(input.error.message);
  const article = prepareArticle(input.value, index);
  if (!article.ok) throw new Error(article.error.map((p) => p.message).join('; '));
  return article.value;
}

/** Answers the extraction is known to lose, each with why; asserted lost, so that a fix shows here. */
const KNOWN_LOST: Record<string, string> = {
  // A reader's comment under a blog post is not the post's own words: the comment section is left out
  // as on a news page, though here a commenter knows something the writer does not.
  'standard virtual desktop infrastructure setup': 'a reader comment under the post (grown32, i32c)',
  'There are 45 of us on the day shift': 'a reader comment under the post (grown32, i32c)',
  'Frames are kept for 30 days in the client environment': 'a reader comment under the post (grown32, i32c)',
  'by the second week of January the weekly audit had it at 91 percent': 'a reader comment under the post (grown32, i32c)',
};

const BATCHES = ['grown', ...Array.from({ length: 33 }, (_, i) => `grown${i + 2}`)];

describe('the fixture articles, added as an operator adds them', () => {
  for (const batch of BATCHES) {
    it(`${batch}: every answer the questions expect is in one passage of its article, whole`, async () => {
      const questions = questionsOf(batch);
      let checked = 0;
      for (const file of articleFiles(batch)) {
        const { passages } = await prepared(batch, file);
        // The question's article is the file name's prefix ("a", "h9a").
        const prefix = file.split('_')[0];
        for (const item of questions.answerable.filter((q) => q.article === prefix)) {
          const found = item.expect.some((expected) => passages.some((p) => p.text.replace(/\s+/g, ' ').includes(expected)));
          const lost = item.expect.some((expected) => Object.keys(KNOWN_LOST).some((known) => expected.includes(known)));
          expect(found, `${file}: ${item.expect[0]}`).toBe(!lost);
          checked++;
        }
      }
      expect(checked).toBe(questions.answerable.length);
    });
  }

  it('takes title, publisher and date from a page, a front-matter and a wire byline', async () => {
    const page = await prepared('grown2', 'e_clearwell_audit.html');
    expect(page.article).toMatchObject({ title: "Independent auditor finds gaps in TikTok's Oracle-hosted US data systems", publisher: 'The Bellweather Post', published: '2022-11-08' });
    const markdown = await prepared('grown2', 'f_veldsprenge_datacentre.md');
    expect(markdown.article).toMatchObject({ publisher: 'The Lowland Ledger', published: '2023-05-22' });
    const wire = await prepared('grown2', 'g_wire_brief.txt');
    expect(wire.article).toMatchObject({ title: 'Arvandia regulator orders Pebblecast to halt transfer of user data abroad', publisher: 'Tidewater Wire', published: '2023-03-03' });
    // A press release: the whole headline, though it holds "U.S.", and the newswire its dateline names.
    const release = await prepared('grown4', 'l_quarrystone_tiktok_audit.txt');
    expect(release.article).toMatchObject({ title: "Quarrystone Assurance Group Selected as Independent Auditor for TikTok's U.S. Data Environment on Oracle Cloud", publisher: 'Tallgrass Newswire' });
    // A fact-check's masthead row of capitals gives its publisher, not its title.
    const factCheck = await prepared('grown14', 'i14d_veritydesk-factcheck-tiktok-data-beijing.txt');
    expect(factCheck.article).toMatchObject({ title: "No, your TikTok data isn't sitting on servers in Beijing, but the full picture is messier than the company says", publisher: 'VERITYDESK', published: '2025-06-03' });
    // A letter copied from a PDF: to whom, from whom, when.
    const letter = await prepared('grown20', 'i20b_house_members_letter_tiktok_ceo_lanternfish.txt');
    expect(letter.article).toMatchObject({ title: 'Letter to Mr. Everett Santangelo-Wu, Chief Executive Officer, TikTok Inc.', publisher: 'Congress of the United States', published: '2025-10-14' });
    // A complaint on pleading paper: which filing in which case, the court its issuer; no line numbers left.
    const complaint = await prepared('grown21', 'i21c_quintero_pimentel_v_tiktok_kittiwake_complaint.txt');
    expect(complaint.article).toMatchObject({ title: 'Class Action Complaint: Sorrel Quintero-Pimentel and Kwabena Nkemelu v. TikTok Inc. et al.', publisher: 'United States District Court, Eastern District of Kessary' });
    expect(complaint.article.body).toContain('For more than three years, TikTok has told its\nAmerican users');
    // A wiki page's <title> and a blog platform's: the headline, and the site their tails name.
    expect((await prepared('grown21', 'i21b_sablewood_data_campus_civipedia.html')).article).toMatchObject({ title: 'Sablewood Data Campus', publisher: 'Civipedia' });
    expect((await prepared('grown21', 'i21d_inkwell_oyelowo_sablewood_kittiwake_not_a_surprise.html')).article).toMatchObject({ title: "I Worked the TikTok Floor at Sablewood. Kittiwake Wasn't a Surprise.", publisher: 'Inkwell' });
    // A page as a browser prints it: the headline, site and address its header and footer give.
    expect((await prepared('grown22', 'i22b_ardmere_register_print_tiktok_sedge_keys_callisford.txt')).article).toMatchObject({
      title: 'TikTok backup tool held copies of encryption keys meant for Oracle alone',
      publisher: 'The Ardmere Register',
      url: 'https://www.ardmereregister.com/business/technology/2026/03/04/tiktok-sedge-oracle-keys-callisford/',
    });
    // A word processor's export, titled by style alone.
    expect((await prepared('grown21', 'i21e_parrish_hollow_board_of_education_minutes_2026-01-13.html')).article.title).toBe('PARRISH HOLLOW REGIONAL SCHOOL DISTRICT');
  });

  it('leaves the furniture around them out of every passage', async () => {
    for (const batch of BATCHES) {
      for (const file of articleFiles(batch)) {
        const { passages } = await prepared(batch, file);
        for (const passage of passages) {
          expect(passage.text, file).not.toMatch(
            /^Advertisement$|Share this (?:article|post)|Reporting by|Our Standards|^Sign up|Sign up (?:for (?:our|free)|now|today)|\b(?:we use|use of|accept(?: all)?|reject(?: non-essential)?|non-essential|delete) cookies\b|\bcookie (?:settings|policy|preferences|partners)\b|^cookies$|Leave a (?:Reply|comment)|\d+ (?:comments|replies)\b|Forward-Looking|Media Contact|Page \d+ of \d+|Subscribe for free|Responses \(\d+\)|^\d[\d.,]*K? Followers$|Image (?:source|caption),|Story continues|WATCH NOW|Read the original|newsletter promotion|contributed to this report|^In this article$/im,
          );
        }
      }
    }
  });

  it('keeps a hard-wrapped paragraph whole in one passage and its sentences whole across the line ends', async () => {
    const wire = await prepared('grown2', 'g_wire_brief.txt');
    const quote = wire.passages.find((p) => p.text.includes('We have been transparent'));
    // The paragraph is whole: it starts and ends the passage or at a blank line (a short one joins a neighbour).
    expect(quote?.text).toMatch(/(?:^|\n\n)"We have been transparent[^\n]*\n[^\n]*\n[^\n]*to suspend it\."(?:$|\n\n)/);
    // The line ending 'at every step,"' ends no sentence.
    const quoted = splitSentences(quote?.text ?? '').map((s) => quote?.text.slice(s.start, s.end));
    expect(quoted).toContain('"We have been transparent with the commissioner at every step,"\nWreford-Lim said in a statement.');
  });
});
