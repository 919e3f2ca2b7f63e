// Untrusted content end to end: an article carrying an XSS payload goes through `report extract` into
// the store and out through `report` into the HTML and the PDF, where it is text that triggers nothing.
// The page makes no request (the CLI warns when it blocks one; the render tests in
// test/render/pdf.test.ts count requests directly). Output names never come from data.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, PERIOD, STEM, emptyStoreWithRegistry, pdfTextSync, report, runIn, scratch, snapshot } from './helpers.js';

let work: string;
let store: string;
let out: string;
let html: string;
let rendered: { code: number | null; stdout: string; stderr: string };

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
}

function elements(node: Node, found: Node[] = []): Node[] {
  if (node.type === 'tag' || node.type === 'script' || node.type === 'style') found.push(node);
  for (const child of node.children ?? []) elements(child, found);
  return found;
}

function textOf(node: Node): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}

beforeAll(async () => {
  work = scratch('hard-security');
  store = emptyStoreWithRegistry(join(work, 'statements'));
  const extracted = await report(['extract', join(ARTICLES, 'hostile'), join(ARTICLES, 'good'), '--store', store]);
  expect(extracted.code, extracted.stderr).toBe(0);
  out = join(work, 'out');
  rendered = await runIn(join(work, 'tmp'), [...PERIOD, '--store', store, '--out', out]);
  html = readFileSync(join(out, `${STEM}.html`), 'utf8');
}, 120_000);

describe('an XSS payload in an article', () => {
  it('is stored as the words of the statement', () => {
    const november = readFileSync(join(store, '2024-11.yaml'), 'utf8');
    expect(november).toContain("<script>alert('pwned')</script>");
    expect(november).toContain('<img src=x onerror=alert(1)>');
  });

  it('renders without a warning about blocked requests (the page asked for nothing)', () => {
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stderr).not.toMatch(/blocked/);
  });

  it('is text in the HTML: no script element, no event handler, no javascript: URL, no remote or file: URL', () => {
    const document = parseDocument(html) as unknown as Node;
    const all = elements(document);
    expect(all.filter((el) => el.name === 'script')).toEqual([]);
    for (const el of all) {
      for (const [name, value] of Object.entries(el.attribs ?? {})) {
        expect(name.startsWith('on'), `<${el.name} ${name}>`).toBe(false);
        expect(/^\s*(javascript|vbscript|file):/i.test(value), `<${el.name} ${name}="${value}">`).toBe(false);
        if (name === 'src' || name === 'href') expect(/^(#|data:)/.test(value), `<${el.name} ${name}="${value}">`).toBe(true);
      }
    }
    expect(all.filter((el) => el.name === 'img' || el.name === 'iframe')).toEqual([]);
    // …and the reader sees the payload as words.
    const visible = textOf(document);
    expect(visible).toContain("<script>alert('pwned')</script>");
    expect(visible).toContain('<img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;');
  });

  it('is text in the PDF', () => {
    const text = pdfTextSync(join(out, `${STEM}.pdf`)).replace(/\s+/g, ' ');
    expect(text).toContain("<script>alert('pwned')</script>");
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });

  it('stays inert even in a user template that prints it unescaped ({{{ }}}): Chromium runs no script and loads nothing', async () => {
    const theme = join(work, 'unsafe-theme');
    mkdirSync(theme);
    writeFileSync(
      join(theme, 'briefing.hbs'),
      '<!doctype html><html><head><title>{{title}}</title></head><body>' +
        '<p id="marker">script did not run</p>' +
        '<script>document.getElementById("marker").textContent = "SCRIPT RAN"</script>' +
        '{{#each statements}}<p>{{{text}}}</p>{{/each}}' +
        '<img src="https://tracker.example.com/pixel.png"></body></html>',
    );
    const unsafeOut = join(work, 'out-unsafe');
    const result = await runIn(join(work, 'tmp-unsafe'), [...PERIOD, '--store', store, '--out', unsafeOut, '--template', theme]);
    expect(result.code, result.stderr).toBe(0);
    // The tracker image (and the payload's img src=x) were refused, and the user is told.
    expect(result.stderr).toMatch(/warning: blocked \d+ request\(s\) from the template \(briefings render offline\): .*tracker\.example\.com/);
    const text = pdfTextSync(join(unsafeOut, `${STEM}.pdf`));
    expect(text).toContain('script did not run');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('pwned');
  });
});

describe('output file names', () => {
  it('come from the dates only: a --title with ../ and slashes changes nothing on disk but the content', async () => {
    const titled = join(work, 'out-titled');
    const title = '../../escape/../../etc/passwd\u0000 <b>bold</b>';
    const result = await report([...PERIOD, '--store', store, '--out', titled, '--html-only', '--title', title.replace('\u0000', '')]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(titled)).toEqual([`${STEM}.html`]);
    expect(Object.keys(snapshot(work)).filter((name) => name.includes('escape') || name.includes('passwd'))).toEqual([]);
    expect(readFileSync(join(titled, `${STEM}.html`), 'utf8')).toContain('../../escape/../../etc/passwd &lt;b&gt;bold&lt;/b&gt;');
  });

  it('a date flag cannot smuggle a path either (it must be YYYY-MM-DD)', async () => {
    const result = await report(['--from', '2024-08-01/../../x', '--to', '2024-11-30', '--store', store, '--out', join(work, 'out-x'), '--html-only']);
    expect(result.code).toBe(2);
    expect(snapshot(join(work, 'out-x'))).toEqual({});
  });

  it('article file names with odd characters are recorded as given and never used to name outputs', async () => {
    const odd = join(work, 'odd names');
    mkdirSync(odd);
    const name = "a b;$(touch pwned)'\".txt";
    writeFileSync(join(odd, name), 'Odd\n\nAugust 3, 2024\n\nChief Minister Sarfraz Bugti said on Saturday that the bridge at Sibi would reopen.\n');
    const own = emptyStoreWithRegistry(join(work, 'odd-store'));
    const result = await report(['extract', odd, '--store', own]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(own, 'sources.yaml'), 'utf8')).toContain('touch pwned');
    expect(readdirSync(work).filter((n) => n === 'pwned')).toEqual([]);
    // The store's own files only (and the re-run cache, src/store/run-cache.ts).
    expect(readdirSync(own).filter((n) => !/^(\d{4}-\d{2}|sources|speakers|themes|stances|undated)\.yaml$/.test(n) && n !== '.extract-cache.json')).toEqual([]);
  });
});
