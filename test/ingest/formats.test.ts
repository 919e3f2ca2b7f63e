// HTML, Markdown and byte-level decoding.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { parseArticle } from '../../src/ingest/index.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/ingest');
const fixture = (name: string) => parseArticle(readFileSync(path.join(FIXTURES, name)), name);

describe('HTML', () => {
  const article = fixture('article.html');

  it('reads title, outlet, canonical URL and published time from the head', () => {
    expect(article).toMatchObject({
      title: 'Port workers end strike after pay deal',
      outlet: 'The Harbour Gazette',
      url: 'https://gazette.example/port-workers-end-strike',
      published: '2024-09-03',
    });
  });

  it('keeps the article body only: no script, style, nav, iframe, figure, form, footer or headline', () => {
    expect(article.text.split('\n\n')).toEqual([
      'Dock workers returned to the cranes on Tuesday after a three-day stoppage.',
      '“We will keep the port open,” the union leader told the crowd & the press.',
      'The shipping ministry said the agreement covers every terminal.',
    ]);
  });

  it('treats two <br> in a row as a paragraph break', () => {
    const html = '<div>The ferry left at dawn.<br><br>It reached the island by noon.<br>\nPassengers cheered.</div>';
    expect(parseArticle(html, 'br.html').text).toBe('The ferry left at dawn.\n\nIt reached the island by noon. Passengers cheered.');
  });

  it('reads JSON-LD headline, publisher, URL and datePublished', () => {
    expect(fixture('jsonld.html')).toMatchObject({
      title: 'Bridge reopens to traffic',
      outlet: 'Valley News',
      url: 'https://news.example/bridge',
      published: '2024-07-19',
    });
  });

  it('reads <time datetime> and prefers <main>', () => {
    const timed = fixture('time-tag.htm');
    expect(timed.published).toBe('2024-10-01');
    expect(timed.title).toBe('Schools reopen in the hill districts');
    expect(timed.text.startsWith('Pupils returned to classrooms')).toBe(true);
  });

  it('removes markup inside quotes but keeps its words', () => {
    const html = '<p>The minister said: “We <b>will</b> <a href="/x">act</a> <i>now</i>” and left.</p>';
    expect(parseArticle(html, 'q.html').text).toBe('The minister said: “We will act now” and left.');
  });

  it('decodes entities', () => {
    const html = '<p>Talks in Quetta &amp; Gwadar went &ldquo;well&rdquo; &mdash; officials said&#46;</p>';
    expect(parseArticle(html, 'e.html').text).toBe('Talks in Quetta & Gwadar went “well” — officials said.');
  });
});

describe('Markdown', () => {
  it('reads front matter and strips markup, keeping the prose', () => {
    const article = fixture('front-matter.md');
    expect(article).toMatchObject({
      title: 'Farmers seek water share',
      published: '2024-06-11',
      outlet: 'Plains Daily',
      url: 'https://plains.example/water-share',
    });
    expect(article.text.split('\n\n')).toEqual([
      'Growers in the lower valley marched to the canal office on Monday.',
      '"We cannot plant without the spring release," said one grower.',
      'The irrigation office said it would answer within a week.',
      'Officials blamed a late snowmelt.',
    ]);
  });

  it('takes a leading # heading as the title', () => {
    const article = fixture('heading-only.markdown');
    expect(article.title).toBe('Night trains resume on the northern line');
    expect(article.text).toBe('The railway said night services would restart on Sunday with extra guards aboard.');
  });

  it('joins hard-wrapped lines of one paragraph and keeps snake_case words', () => {
    const article = parseArticle('The report was\nfiled by the field_office team.\n\nIt said *three* roads were shut.', 'w.md');
    expect(article.text).toBe('The report was filed by the field_office team.\n\nIt said three roads were shut.');
  });
});

describe('decoding', () => {
  const body = 'The café owner said “business is slow” after the protest.';

  it('decodes Windows-1252 bytes', () => {
    const bytes = iconv.encode(`Headline For The Café\r\n\r\n${body}\r\n`, 'windows-1252');
    const article = parseArticle(bytes, 'cp1252.txt');
    expect(article.text).toBe(body);
    expect(article.title).toBe('Headline For The Café');
  });

  it('handles a UTF-8 BOM and CRLF line endings', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${body}\r\n\r\nSecond line here.\r\n`)]);
    const article = parseArticle(bytes, 'bom.txt');
    expect(article.text).toBe(`${body}\n\nSecond line here.`);
  });

  it.each(['utf-16le', 'utf-16be'])('decodes %s with a BOM', (encoding) => {
    const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(body, encoding)]);
    expect(parseArticle(bytes, 'u16.txt').text).toBe(body);
  });

  it('removes zero-width and bidi control characters but keeps Urdu script', () => {
    const urdu = 'وزیر اعلیٰ نے کہا کہ امن قائم رہے گا۔';
    const text = `The\u200B minister\u200D spoke\u2060 today\uFEFF.\n\n\u202B${urdu}\u202C\u200F`;
    const article = parseArticle(text, 'rtl.txt');
    expect(article.text).toBe(`The minister spoke today.\n\n${urdu}`);
  });

  it.each([
    ['PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)])],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n')],
    ['NUL bytes', Buffer.from('Some words\u0000\u0000 and more words.')],
  ])('rejects binary content (%s)', (_name, bytes) => {
    expect(() => parseArticle(bytes, 'image.txt')).toThrow(new ReportError('input', 'image.txt: not a text article (binary content)'));
  });

  it.each([['empty', ''], ['whitespace', ' \r\n\t\n'], ['boilerplate only', 'Advertisement\n\nclose\n\nOpen Menu']])(
    'rejects an %s file',
    (_name, text) => {
      const error = (() => {
        try {
          parseArticle(Buffer.from(text), 'empty.txt');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).kind).toBe('input');
      expect((error as ReportError).message).toBe('empty.txt: empty article');
    },
  );

  it('hashes the raw bytes with sha256', () => {
    const bytes = Buffer.from('The council met on Friday.');
    expect(parseArticle(bytes, 'h.txt').hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
