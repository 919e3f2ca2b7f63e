// Plain-text cleaning and publication dates, on small articles written for these tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/ingest/index.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/ingest');
const fixture = (name: string) => parseArticle(readFileSync(path.join(FIXTURES, name)), name);
const parse = (text: string, file = 'story.txt') => parseArticle(text, file);
const paragraphs = (text: string) => text.split('\n\n');

describe('boilerplate lines', () => {
  it.each([
    'Advertisment',
    'Advertisement',
    'close',
    'info_icon',
    'Open Menu',
    'Explore',
    'Recommended',
    '— X/@cityofficial',
    'Flood water covers the road near the bridge. — Reuters',
    'A crowd gathers outside the court. — AFP/John Smith',
    'Representational Image Photo: AP',
    'Rescue workers at the site. / Photo: File',
    'SOURCE:Wire services and agencies',
    '— With additional input from Reuters',
    'RelatedWhy the river keeps flooding?',
    'Related: Farmers count their losses',
    '2 MIN READ',
  ])('drops "%s"', (line) => {
    const article = parse(`The mayor opened the new library on Saturday.\n\n${line}\n\nShe said it would stay open late.`);
    expect(paragraphs(article.text)).toEqual([
      'The mayor opened the new library on Saturday.',
      'She said it would stay open late.',
    ]);
  });

  it('strips an agency slug from the end of the last paragraph', () => {
    const article = parse('Talks resumed in the capital on Monday.\n\nThe two sides will meet again next week. PTI AB CDE CDE');
    expect(article.text).toBe('Talks resumed in the capital on Monday.\n\nThe two sides will meet again next week.');
  });

  it('keeps body sentences that merely mention related things or photos', () => {
    const text = 'Related to the dispute, the council said it would publish the contract.\n\nThe photo shows the mayor at the opening.';
    expect(parse(text).text).toBe(text);
  });
});

describe('headlines, sub-heads and bylines', () => {
  it('takes the first headline as title and keeps headings, bylines and dates out of the text', () => {
    const article = fixture('crawl-header.txt');
    expect(article.title).toBe('Coastal town reopens market after week-long curfew');
    expect(paragraphs(article.text)).toEqual([
      'Shops in the harbour district opened on Tuesday for the first time in seven days.',
      '"We have waited long enough, and our families need bread," a fruit seller, Karim Dad, told reporters.',
      'The district administrator said patrols would continue through the night.',
    ]);
  });

  it('drops short unpunctuated section heads inside the text', () => {
    const article = parse('The bridge was closed on Friday.\n\nREACTIONS\n\nWhat we know so far\n\nThe governor called for calm.');
    expect(paragraphs(article.text)).toEqual(['The bridge was closed on Friday.', 'The governor called for calm.']);
  });

  it('keeps a final paragraph cut off mid-word by the scraper', () => {
    const article = parse('The bridge was closed on Friday.\n\nEngineers said the repairs would take until the end of the mon');
    expect(paragraphs(article.text)[1]).toBe('Engineers said the repairs would take until the end of the mon');
  });

  it('drops bylines with a publication stamp', () => {
    const article = parse('Ferry Service Resumes\n\nAmina Rafiq Published March 03, 2024 | 09:15 AM\n\nThe ferry sailed again on Sunday.');
    expect(article.text).toBe('The ferry sailed again on Sunday.');
    expect(article.published).toBe('2024-03-03');
    expect(article.title).toBe('Ferry Service Resumes');
  });

  it.each(['By Web Desk', 'By\u00A0Web Desk', 'F.P. Report', 'Staff Reporter'])('drops the byline "%s"', (byline) => {
    const article = parse(`${byline}\n\nThe ferry sailed again on Sunday.`);
    expect(article.text).toBe('The ferry sailed again on Sunday.');
    expect(article.title).toBeNull();
  });

  it('keeps quotes and punctuation of body paragraphs exactly as written', () => {
    const body = '“We won’t stop — not now, not ever,” she said… \'It is ours.\'';
    expect(parse(`Headline Here Today\n\n${body}`).text).toBe(body);
  });
});

describe('repeats', () => {
  it('drops the later copy of a repeated paragraph block', () => {
    const article = fixture('repeated-block.txt');
    expect(article.title).toBe('Provincial Assembly Passes Budget After Long Debate');
    expect(paragraphs(article.text)).toEqual([
      'The assembly approved the spending plan late on Thursday after two days of argument.',
      'Opposition members walked out, saying the plan ignored the northern districts.',
      'The finance minister said the budget would "put schools and clinics first".',
    ]);
  });

  it('drops a caption printed twice in a row', () => {
    const caption = 'Police officers stand guard outside the station on Sunday.';
    const article = parse(`${caption}\n${caption}\n\nThe station reopened on Monday morning.`);
    expect(article.text).toBe('The station reopened on Monday morning.');
  });
});

describe('publication dates', () => {
  const body = '\n\nThe council approved the plan, the mayor said.';
  it.each([
    [' date 2024-08-28 The council approved the plan, the mayor said.', '2024-08-28'],
    ['Road Plan Approved\n\nBy Web Desk\nAugust 27, 2024' + body, '2024-08-27'],
    ['Quetta, Nov 10 (PTI) The council approved the plan on August 3, 2024, the mayor said.', '2024-11-10'],
    ['The council approved the plan, the mayor said.\n\nPublished in Dawn, September 7th, 2024', '2024-09-07'],
    ['03 Sep 2024' + body, '2024-09-03'],
    ['Road Plan Approved\n\nAli Khan Published September 06, 2024 | 10:00 PM' + body, '2024-09-06'],
    ['Road Plan Approved\n- World\n- Published Date: 01:12 | 10 November 2024\n- Modified Date: 09:40 | 11 November 2024' + body, '2024-11-10'],
    ['QUETTA, (City Desk / Wire News - 6th Sep, 2024) The council approved the plan, the mayor said.', '2024-09-06'],
    ['KARACHI, Sept 3: The council approved the plan, the mayor said on 1 September 2024.', '2024-09-03'],
    // Wire-style bylines: a time and zone after the date, update stamps, parts glued together by the scraper.
    ['Road Plan Approved\n\nBy Ann Lee\nMarch 4, 2024 11:42 AM GMT+5' + body, '2024-03-04'],
    ['Road Plan Approved\n\nMarch 4, 2024 11:42 AM GMT+5 Updated 2 hours ago' + body, '2024-03-04'],
    ['Road Plan Approved\n\nMarch 4, 20241:42 AM GMT+5Updated an hour ago' + body, '2024-03-04'],
    ['Road Plan Approved\n\nMarch 04, 2024 | 11:42 PM GMT+05:00' + body, '2024-03-04'],
    ['Road Plan Approved\n\nUpdated 12 Mar, 2024 09:15am' + body, '2024-03-12'],
    ['Road Plan Approved\n\nMar 12, 2024 — 10:05 PKT' + body, '2024-03-12'],
    ['Road Plan Approved\n\nCity Wire | March 4, 2024' + body, '2024-03-04'],
    // A weekday, the date, then the byline after a bar.
    ['Road Plan Approved\n\nMonday, 18 November 2024 | Web Desk' + body, '2024-11-18'],
    ['Monday, 18 November 2024 | By Ann Lee\n\nRoad Plan Approved' + body, '2024-11-18'],
    ['Road Plan Approved\n\nMonday, 18 November 2024 | 10:30 PM | City Desk' + body, '2024-11-18'],
    // An agency dateline with the year in the byline only, or only in the story's other dates.
    ['Road Plan Approved\n\nMarch 4, 2024 9:00 PM GMT+5\n\nSIBI, Mar 4 (Wire) - The council approved the plan, the mayor said.', '2024-03-04'],
    ['Road Plan Approved\n\nSIBI, Mar 4 (Wire) - The council approved the plan, the mayor said. Work began on February 20, 2023.', '2023-03-04'],
    ['Road Plan Approved\n\nSIBI, Pakistan, Mar 4 (Wire) - The council approved the plan. Work began on February 20, 2024.', '2024-03-04'],
  ])('reads %j', (text, expected) => {
    expect(parse(text).published).toBe(expected);
  });

  it('prefers the byline date to a crawl-date header above the headline', () => {
    expect(fixture('crawl-header.txt').published).toBe('2024-10-15');
  });

  it('prefers the byline date to a crawl date at the very top when there is no headline', () => {
    expect(parse('Friday September 13, 2024\nBy Web Desk\nAugust 27, 2024\n\nThe market opened again, traders said.').published).toBe(
      '2024-08-27',
    );
  });

  it('uses a lone date above the headline when it is the only one', () => {
    expect(parse('Tuesday October 22, 2024\n\nMarket Reopens\n\nThe market opened again, traders said.').published).toBe('2024-10-22');
  });

  it('gives null when the article has no publication date, even with dates in the story', () => {
    const article = fixture('no-date.txt');
    expect(article.published).toBeNull();
    expect(article.text).toContain('on August 12');
  });

  it('does not take a date from a caption or a sentence', () => {
    const article = parse('Crowds at the rally on March 2, 2024. — AP\n\nThe rally on March 2, 2024 drew thousands, organisers said.');
    expect(article.published).toBeNull();
  });

  it('leaves a year-less dateline undated when the article gives no year at all', () => {
    expect(parse('Lahore, Jan 5 (PTI) A day after the vote, the council approved the plan.').published).toBeNull();
  });

  it('dates a year-less dateline with the year it is given when the article names none', () => {
    const text = 'Lahore, Jan 5 (PTI) A day after the vote, the council approved the plan.';
    expect(parseArticle(text, 'wire.txt', undefined, { fallbackYear: 2023 }).published).toBe('2023-01-05');
    // The article's own year still wins over the one given.
    const withYear = 'Lahore, Jan 5 (PTI) The council approved the plan it first tabled on 3 December 2021.';
    expect(parseArticle(withYear, 'wire.txt', undefined, { fallbackYear: 2023 }).published).toBe('2021-01-05');
  });

  it('reads a place-and-date line, alone or beside other furniture, as the publication date', () => {
    const body = 'The minister met the ambassador and discussed the security of the port, officials said.';
    expect(parse(`Islamabad, 8 October 2024\n\n${body}`).published).toBe('2024-10-08');
    expect(parse(`Press Release No. 512 | Islamabad, 08 October 2024\n\n${body}`).published).toBe('2024-10-08');
    // A sentence that merely contains a place and a date is not a date line.
    expect(parse(`The envoy said in Islamabad, 8 October 2024 would be remembered.\n\n${body}`).published).toBeNull();
  });

  it('keeps the text after a date header on the same line', () => {
    const article = parse(' date 2024-08-26 Gloomy Day In The Valley\n\nRain fell for a third day, forecasters said.');
    expect(article.published).toBe('2024-08-26');
    expect(article.title).toBe('Gloomy Day In The Valley');
    expect(article.text).toBe('Rain fell for a third day, forecasters said.');
  });
});

describe('a date line with a byline after it', () => {
  it('is not a sentence that starts with a date', () => {
    expect(parse('Road Plan Approved\n\nNovember 18, 2024 - the talks collapsed in the city\n\nThe council met, the mayor said.').published).toBe(null);
  });
});
