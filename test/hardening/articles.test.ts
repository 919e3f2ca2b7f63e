// Hostile and broken articles through `report extract`, as a user runs it on a folder: each bad article
// is reported on one warning line naming the file and the problem and skipped; the others go on; exit
// code 0 while at least one article could be read (3 when none could). Every statement's offsets
// point into its article's cleaned text. ingest's own tests (test/ingest/formats.test.ts,
// robustness.test.ts) cover the decoding and cleaning rules one by one.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/ingest/index.js';
import { ARTICLES, type CliResult, emptyStoreWithRegistry, report, scratch, snapshot } from './helpers.js';

interface JsonStatement {
  source: string;
  speaker: string;
  speaker_id: string | null;
  kind: string;
  text: string;
  date: string | null;
  start: number;
  end: number;
}

let work: string;
let folder: string;
let store: string;
let intoStore: CliResult;
let asJson: CliResult;
let statements: JsonStatement[];

const BAD: Record<string, RegExp> = {
  'empty.txt': /empty article/,
  'blank.md': /empty article/,
  'markup-only.html': /empty article/,
  'image.txt': /not a text article \(binary content\)/,
  'random.txt': /not a text article \(binary content\)/,
  'renamed-pdf.md': /not a text article \(binary content\)/,
  'vanished.txt': /vanished\.txt: (cannot read \(ENOENT\)|no such file)/,
};

const para = (...lines: string[]) => lines.join('\n\n');

/** Random bytes with NULs in them (fixed seed: the same bytes every run). */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  bytes[10] = 0;
  return bytes;
}

function writeArticles(dir: string): void {
  cpSync(join(ARTICLES, 'good'), dir, { recursive: true });
  cpSync(join(ARTICLES, 'hostile'), dir, { recursive: true });
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.md'), '\n   \n\t\n\n');
  writeFileSync(join(dir, 'markup-only.html'), '<html><head><script>var a = 1;</script><style>p{}</style></head><body><nav>Home</nav></body></html>');
  writeFileSync(join(dir, 'image.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(2000)]));
  writeFileSync(join(dir, 'random.txt'), noise(4000));
  writeFileSync(join(dir, 'renamed-pdf.md'), Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(500)]));
  symlinkSync(join(dir, 'no-such-target.txt'), join(dir, 'vanished.txt'));

  // Windows-1252: curly quotes are 0x93/0x94, é is 0xE9.
  writeFileSync(
    join(dir, 'cp1252.txt'),
    iconv.encode(para('Café owners compensated', 'August 20, 2024', 'Interior Minister Mohsin Naqvi said on Monday: “The café owners of Quetta will be paid for every window.”'), 'windows-1252'),
  );
  // ISO-8859-1 proper (nothing in 0x80–0x9F), straight quotes.
  writeFileSync(
    join(dir, 'latin1.txt'),
    iconv.encode(para('Müller visits', 'August 21, 2024', 'Chief Minister Sarfraz Bugti said on Tuesday: "Herr Müller and the señora from the embassy are welcome in Quetta."'), 'latin1'),
  );
  // UTF-16 with a BOM, as some Windows editors save.
  writeFileSync(
    join(dir, 'utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(para('Wide text', 'August 22, 2024', 'Prime Minister Shehbaz Sharif said on Wednesday that the relief convoys had reached Kohlu.'), 'utf-16le')]),
  );
  writeFileSync(
    join(dir, 'quote-storm.txt'),
    para('Quote storm', 'August 23, 2024', '“'.repeat(5000), '"'.repeat(5000), '“a” '.repeat(3000), '”“'.repeat(2000), '‘'.repeat(3000) + '’'.repeat(3000), 'Chief Minister Sarfraz Bugti said on Thursday that the Sibi fair would go ahead.'),
  );
  writeFileSync(
    join(dir, 'unbalanced.txt'),
    para(
      'Unbalanced',
      'August 24, 2024',
      'Interior Minister Mohsin Naqvi said “we will act, and “they” will see “it” soon.',
      'He added “no one',
      'is safe” and "more “nested ‘deep “deeper” still’ text” end.',
      '“An opening mark with no end, and "a straight one.',
      'Defence Minister Khawaja Asif said on Friday that the border crossing at Chaman would stay open.',
    ),
  );
  writeFileSync(
    join(dir, 'invisible.txt'),
    para(
      'Invisible characters',
      'August 25, 2024',
      'Interior\u200b Minister Moh\u200dsin Naq\u200cvi said on Saturday: \u202e“We will not\u200f surrender the highway\u2060 to anyone.”\u202c',
      '\u2066Chief Minister Sarfraz Bugti\u2069 said on Saturday that\u200b the \u202bhighway\u202c would be patrolled\uFEFF at night.',
    ),
  );
  writeFileSync(
    join(dir, 'urdu.txt'),
    para(
      'کوئٹہ میں اجلاس',
      '25 اگست 2024',
      'وزیر داخلہ محسن نقوی نے کہا کہ ”ہم دہشت گردوں کو نہیں چھوڑیں گے“۔',
      'وزیر اعلیٰ سرفراز بگٹی نے کہا: "صوبے میں امن قائم رہے گا۔"',
    ),
  );
  writeFileSync(
    join(dir, 'mixed-script.txt'),
    para('Mixed script', 'August 26, 2024', 'Interior Minister Mohsin Naqvi said on Monday: “ہم دہشت گردوں کو نہیں چھوڑیں گے — we will not spare them.”'),
  );
  // Not articles: ignored without a word.
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, '.hidden', 'draft.txt'), 'Interior Minister Mohsin Naqvi said the draft is secret.');
  writeFileSync(join(dir, 'aug-levies.gold.json'), '{}');
}

beforeAll(async () => {
  work = scratch('hard-articles');
  folder = join(work, 'articles');
  mkdirSync(folder);
  writeArticles(folder);
  store = emptyStoreWithRegistry(join(work, 'statements'));
  intoStore = await report(['extract', folder, '--store', store]);
  asJson = await report(['extract', folder, '--json', '--store', store]);
  statements = (JSON.parse(asJson.stdout) as { statements: JsonStatement[] }).statements;
}, 120_000);

const from = (file: string) => statements.filter((s) => s.source.endsWith(`/${file}`));

describe('report extract on a folder of good, bad and hostile articles', () => {
  it('exits 0, warns once per bad article naming it and the problem, and says how many were skipped', () => {
    expect(intoStore.code).toBe(0);
    const warnings = intoStore.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(Object.keys(BAD).length);
    for (const [file, reason] of Object.entries(BAD)) {
      const line = warnings.find((w) => w.includes(`/${file}`));
      expect(line, file).toBeDefined();
      expect(line).toMatch(/^report: warning: /);
      expect(line).toMatch(reason);
      expect(line).toMatch(/\(skipped\)$/);
    }
    expect(intoStore.stdout).toMatch(new RegExp(`; ${Object.keys(BAD).length} skipped with errors`));
  });

  it('--json warns the same way on stderr and keeps stdout pure JSON', () => {
    expect(asJson.code).toBe(0);
    expect(asJson.stderr.trimEnd().split('\n')).toHaveLength(Object.keys(BAD).length);
    const payload = JSON.parse(asJson.stdout) as { errors: { file: string }[] };
    expect(payload.errors.map((e) => e.file.split('/').pop()).sort()).toEqual(Object.keys(BAD).sort());
  });

  it('the good articles went on into the store', () => {
    const stored = ['2024-08.yaml', '2024-09.yaml', '2024-10.yaml', '2024-11.yaml'].map((name) => readFileSync(join(store, name), 'utf8')).join('\n');
    expect(stored).toContain('Our men on the road cannot wait for help that never hears them');
    expect(stored).toContain('No child in Balochistan should be afraid of the road to school');
    expect(stored).toContain('The fishermen of this coast have carried the heaviest burden of this crisis');
    const sources = readFileSync(join(store, 'sources.yaml'), 'utf8');
    for (const bad of Object.keys(BAD)) expect(sources).not.toContain(bad);
  });

  it('every statement points into its article: text === article.text.slice(start, end)', async () => {
    expect(statements.length).toBeGreaterThan(10);
    const texts = new Map<string, string>();
    for (const statement of statements) {
      if (!texts.has(statement.source)) texts.set(statement.source, (await readArticle(statement.source)).text);
      const text = texts.get(statement.source)!;
      expect(statement.start).toBeGreaterThanOrEqual(0);
      expect(statement.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(statement.start, statement.end), statement.source).toBe(statement.text);
    }
  });

  it('Windows-1252 and Latin-1 articles are decoded: curly quotes and accents come through', () => {
    expect(from('cp1252.txt').map((s) => s.text).join(' ')).toContain('The café owners of Quetta will be paid for every window');
    expect(from('latin1.txt').map((s) => s.text).join(' ')).toContain('Herr Müller and the señora from the embassy are welcome in Quetta');
    expect(from('utf16.txt').map((s) => s.text).join(' ')).toContain('the relief convoys had reached Kohlu');
  });

  it('thousands of quote marks neither crash nor swallow the plain statement after them', () => {
    expect(from('quote-storm.txt').map((s) => s.text).join(' ')).toContain('the Sibi fair would go ahead');
  });

  it('unbalanced and nested quotes do not swallow the next paragraph', () => {
    const texts = from('unbalanced.txt').map((s) => s.text);
    expect(texts.join(' ')).toContain('the border crossing at Chaman would stay open');
  });

  it('zero-width and direction marks are removed; names and words still match', () => {
    const found = from('invisible.txt');
    const quote = found.find((s) => s.kind === 'direct');
    expect(quote?.speaker_id).toBe('mohsin-naqvi');
    expect(quote?.text).toMatch(/^We will not surrender the highway to anyone\.?$/);
    for (const statement of found) expect(statement.text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/);
  });

  it('Urdu articles and Urdu quotes in English articles are read (no crash, no mangling)', () => {
    expect(from('mixed-script.txt').map((s) => s.text).join(' ')).toContain('ہم دہشت گردوں کو نہیں چھوڑیں گے — we will not spare them');
    expect(intoStore.stderr).not.toContain('urdu.txt');
  });

  it('HTML: <script>, <style>, <iframe>, remote and file:// images leave nothing; markup inside quotes keeps its words', () => {
    const found = from('nov-payload.html');
    const all = found.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/tracker\.example|etc\/passwd|alert\(4\)|document\.write|background/);
    expect(all).toContain('the real orders come only through official channels');
    // The payload written as text in the article stays text in the statement.
    expect(all).toContain("<script>alert('pwned')</script>");
  });

  it('hidden folders and .gold.json files are not read', () => {
    expect(statements.some((s) => s.source.includes('.hidden'))).toBe(false);
    expect(intoStore.stderr).not.toContain('gold.json');
  });
});

describe('when nothing can be read', () => {
  it('exit 3 with one line after the warnings, and the store untouched', async () => {
    const dir = join(work, 'only-bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'noise.txt'), noise(3000));
    const before = snapshot(store);
    const result = await report(['extract', dir, '--store', store]);
    expect(result.code, result.stderr).toBe(3);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('report: none of the 2 article file(s) could be read (see the warnings above)');
    expect(snapshot(store)).toEqual(before);
  });

  it('a single article given by name that is binary: exit 3, one warning and one error line', async () => {
    const file = join(work, 'one-bad.html');
    writeFileSync(file, noise(1000));
    const result = await report(['extract', file, '--json', '--store', store]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/one-bad\.html: not a text article \(binary content\) \(skipped\)/);
    expect(JSON.parse(result.stdout)).toMatchObject({ statements: [], errors: [{ file }] });
  });
});

describe('a 20 MB article', () => {
  it('is extracted in full: statements from its start and its very end, offsets right', async () => {
    const places = ['Quetta', 'Gwadar', 'Turbat', 'Khuzdar', 'Sibi', 'Zhob', 'Panjgur', 'Kalat'];
    const parts = ['The long road survey', '', 'August 28, 2024', ''];
    let size = 0;
    let statementsWritten = 0;
    for (let i = 0; size < 20_000_000; i++) {
      // Long comma-joined paragraphs of prose, every hundredth one a statement.
      const paragraph =
        i % 100 === 1
          ? `Chief Minister Sarfraz Bugti said on Tuesday that the road to ${places[i % 8]} number ${i} would be repaired.`
          : `${Array.from({ length: 40 }, (_, k) => `the road ${i}-${k} from ${places[(i + k) % 8]!.toLowerCase()} runs ${(k * 7) % 300} kilometres past ${k % 17} villages`).join(', ')}.`;
      if (i % 100 === 1) statementsWritten += 1;
      parts.push(paragraph, '');
      size += paragraph.length + 2;
    }
    parts.push('Interior Minister Mohsin Naqvi said on Tuesday that the very last paragraph had been read.');
    const file = join(work, 'twenty-megabytes.txt');
    writeFileSync(file, parts.join('\n'));
    expect(readFileSync(file).length).toBeGreaterThan(20_000_000);

    const result = await report(['extract', file, '--json', '--store', store]);
    expect(result.code, result.stderr).toBe(0);
    const found = (JSON.parse(result.stdout) as { statements: JsonStatement[] }).statements;
    expect(found.filter((s) => s.speaker_id === 'sarfraz-bugti')).toHaveLength(statementsWritten);
    const last = found.find((s) => s.speaker_id === 'mohsin-naqvi');
    expect(last?.text).toBe('the very last paragraph had been read');
    const text = (await readArticle(file)).text;
    for (const statement of [found[0]!, last!]) expect(text.slice(statement.start, statement.end)).toBe(statement.text);
  }, 180_000);
});

