// End to end: `report extract` then `report --from … --to …`, run as a user runs them, with a real
// Chromium rendering a real PDF whose text is read back.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyStoreWithRegistry, FIXTURE_ARTICLES, listFiles, pdfText, report, scratch } from './helpers.js';

let work: string;
let store: string;

beforeAll(async () => {
  work = scratch('cli');
  store = emptyStoreWithRegistry(join(work, 'statements'));
  const extracted = await report(['extract', FIXTURE_ARTICLES, '--store', store]);
  expect(extracted.stderr).toBe('');
  expect(extracted.code).toBe(0);
});

function storeSnapshot(): Record<string, string> {
  return Object.fromEntries(readdirSync(store).sort().map((name) => [name, readFileSync(join(store, name), 'utf8')]));
}

describe('report extract', () => {
  it('prints a summary and leaves an unchanged store untouched on a re-run', async () => {
    const before = storeSnapshot();
    const again = await report(['extract', FIXTURE_ARTICLES, '--store', store]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/4 articles read \(4 unchanged, skipped\)/);
    expect(storeSnapshot()).toEqual(before);
  });

  it('--json prints the statements and writes nothing', async () => {
    const before = storeSnapshot();
    const result = await report(['extract', join(FIXTURE_ARTICLES, 'aug-presser.txt'), '--json', '--store', store]);
    expect(result.code).toBe(0);
    const payload = JSON.parse(result.stdout) as { statements: Record<string, unknown>[] };
    const naqvi = payload.statements.find((s) => String(s.text).startsWith('We know who is behind'));
    expect(naqvi).toMatchObject({ speaker: 'Mohsin Naqvi', kind: 'direct', date: '2024-08-27', voice: null });
    for (const statement of payload.statements) {
      for (const field of ['source', 'speaker', 'voice', 'kind', 'text', 'date', 'date_basis', 'themes', 'start', 'end']) {
        expect(statement).toHaveProperty(field);
      }
    }
    expect(storeSnapshot()).toEqual(before);
  });

  it('records articles relative to the project folder, so any working folder finds them again', async () => {
    // A project (its store inside) with its articles inside it and a corpus beside it.
    const top = scratch('paths');
    const project = join(top, 'project');
    const projectStore = emptyStoreWithRegistry(join(project, 'statements'));
    cpSync(FIXTURE_ARTICLES, join(project, 'articles'), { recursive: true });
    cpSync(join(FIXTURE_ARTICLES, 'aug-presser.txt'), join(top, 'corpus', 'presser-copy.txt'), { recursive: true });
    const first = await report(['extract', 'articles', '--store', 'statements'], project);
    expect(first.code).toBe(0);
    const beside = await report(['extract', '../../corpus', '--store', '.'], projectStore);
    expect(beside.code).toBe(0);
    const files = [...readFileSync(join(projectStore, 'sources.yaml'), 'utf8').matchAll(/file: (\S+)/g)].map((m) => m[1]!);
    expect(files).toContain('articles/aug-presser.txt');
    expect(files).toContain('../corpus/presser-copy.txt');
    expect(files.every((file) => !file.startsWith('/'))).toBe(true);
    // From another working folder, by absolute paths: the same sources, all skipped, nothing rewritten.
    const snapshot = () => Object.fromEntries(readdirSync(projectStore).filter((n) => n.endsWith('.yaml')).map((n) => [n, readFileSync(join(projectStore, n), 'utf8')]));
    const before = snapshot();
    const elsewhere = await report(['extract', join(project, 'articles'), join(top, 'corpus'), '--store', projectStore], tmpdir());
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stdout).toMatch(/5 articles read \(5 unchanged, skipped\)/);
    expect(snapshot()).toEqual(before);
  });

  it('dates wire copy that names no year with the year of the articles read with it', async () => {
    const folder = join(scratch('wire'), 'articles');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'a-dated.txt'),
      'Council Backs Road Plan\n\nAugust 27, 2024\n\nQUETTA: Chief Minister Sarfraz Bugti said on Tuesday that the road plan would be finished by winter.\n',
    );
    writeFileSync(
      join(folder, 'b-wire.txt'),
      'QUETTA, Aug 29 (APP): Interior Minister Mohsin Naqvi on Wednesday said that the highway would be guarded day and night.\n',
    );
    const result = await report(['extract', folder, '--json', '--store', store]);
    expect(result.code).toBe(0);
    const statements = (JSON.parse(result.stdout) as { statements: { source: string; speaker: string; date: string | null }[] }).statements;
    const wire = statements.find((s) => s.source.endsWith('b-wire.txt'));
    expect(wire).toMatchObject({ speaker: 'Mohsin Naqvi', date: '2024-08-28' });
    // The same into a store (merged after the dated ones, with their year).
    const wireStore = emptyStoreWithRegistry(join(folder, '..', 'statements'));
    expect((await report(['extract', folder, '--store', wireStore])).code).toBe(0);
    expect(readFileSync(join(wireStore, '2024-08.yaml'), 'utf8')).toContain('the highway would be guarded day and night');
    // Alone, the wire story has no year to go by: undated rather than guessed.
    const alone = await report(['extract', join(folder, 'b-wire.txt'), '--json', '--store', store]);
    expect((JSON.parse(alone.stdout) as { statements: { date: string | null }[] }).statements[0]?.date).toBeNull();
  });

  it('a missing article path is a one-line usage error', async () => {
    const result = await report(['extract', join(work, 'no-such-folder'), '--store', store]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('no-such-folder');
  });
});

describe('report --from --to', () => {
  it('writes the HTML preview and a multi-page PDF with speakers, quotes, dates and page numbers', async () => {
    const out = join(work, 'out-full');
    const result = await report(['--from', '2024-08-01', '--to', '2024-11-30', '--store', store, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(listFiles(out)).toEqual(['briefing-2024-08-01_2024-11-30.html', 'briefing-2024-08-01_2024-11-30.pdf']);
    expect(result.stdout).toContain(join(out, 'briefing-2024-08-01_2024-11-30.pdf'));

    const text = (await pdfText(join(out, 'briefing-2024-08-01_2024-11-30.pdf'))).replace(/\s+/g, ' ');
    for (const expected of ['Mohsin Naqvi', 'Sarfraz Bugti', 'Shehbaz Sharif', 'China', 'We know who is behind these killings', '27 Aug 2024', '19 Nov 2024']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Page 2 of \d+/);
    // Asif's July statement is outside the period.
    expect(text).not.toContain('water supply schemes');
    const html = readFileSync(join(out, 'briefing-2024-08-01_2024-11-30.html'), 'utf8');
    expect(html).toContain('Mohsin Naqvi');
    expect(html).not.toContain('water supply schemes');
  });

  it('--speaker keeps only that speaker (an alias works) and --html-only writes no PDF', async () => {
    const out = join(work, 'out-naqvi');
    const result = await report(['--from', '2024-08-01', '--to', '2024-11-30', '--speaker', 'Naqvi', '--html-only', '--store', store, '--out', out]);
    expect(result.code).toBe(0);
    expect(listFiles(out)).toEqual(['briefing-2024-08-01_2024-11-30.html']);
    const html = readFileSync(join(out, 'briefing-2024-08-01_2024-11-30.html'), 'utf8');
    expect(html).toContain('We know who is behind these killings');
    expect(html).not.toContain('no safe haven');
  });

  it('--layout compact lists the themes as references to the full entries; the small default prints them in full', async () => {
    const html = async (layout: string[]) => {
      const out = join(work, `out-layout${layout.join('-')}`);
      const result = await report(['--from', '2024-08-01', '--to', '2024-11-30', ...layout, '--html-only', '--store', store, '--out', out]);
      expect(result.code).toBe(0);
      return readFileSync(join(out, 'briefing-2024-08-01_2024-11-30.html'), 'utf8');
    };
    const themesOf = (page: string) => page.slice(page.indexOf('<section id="themes"'), page.indexOf('</section>', page.indexOf('<section id="themes"')));
    const compact = themesOf(await html(['--layout', 'compact']));
    const links = [...compact.matchAll(/href="#(st-[^"]+)"/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(compact).not.toContain('<blockquote');
    for (const [page, quotes] of [[themesOf(await html([])), true], [themesOf(await html(['--layout', 'full'])), true]] as const) {
      expect(page.includes('<blockquote')).toBe(quotes);
      expect(page).not.toMatch(/href="#st-/);
    }
  });

  it('a period with no statements still yields a briefing that says so, with a warning', async () => {
    const out = join(work, 'out-empty');
    const result = await report(['--from', '2023-01-01', '--to', '2023-01-31', '--store', store, '--out', out, '--html-only']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: no statements/);
    const html = readFileSync(join(out, 'briefing-2023-01-01_2023-01-31.html'), 'utf8');
    expect(html).toMatch(/no statements/i);
  });

  const badFlags: [string, string[], RegExp][] = [
    ['a malformed date', ['--from', '2024/08/01', '--to', '2024-11-30'], /--from "2024\/08\/01".*YYYY-MM-DD/],
    ['an impossible date', ['--from', '2024-08-01', '--to', '2024-02-30'], /--to "2024-02-30".*no such day/],
    ['a reversed range', ['--from', '2024-11-30', '--to', '2024-08-01'], /--from 2024-11-30 is after --to 2024-08-01/],
    ['an unknown speaker', ['--from', '2024-08-01', '--to', '2024-11-30', '--speaker', 'Naqvy'], /--speaker "Naqvy".*did you mean/],
    ['an unknown theme', ['--from', '2024-08-01', '--to', '2024-11-30', '--theme', 'weather'], /--theme "weather"/],
    ['an unknown flag', ['--from', '2024-08-01', '--to', '2024-11-30', '--colour', 'red'], /colour/],
    ['an unknown layout', ['--from', '2024-08-01', '--to', '2024-11-30', '--layout', 'tiny'], /--layout "tiny": expected one of auto, full, compact/],
  ];
  for (const [name, args, message] of badFlags) {
    it(`${name} is a one-line error with exit code 2 and nothing written`, async () => {
      const out = join(work, `out-bad-${name.replace(/\W+/g, '-')}`);
      const result = await report([...args, '--store', store, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(listFiles(out)).toEqual([]);
    });
  }

  it('--help shows examples', async () => {
    const result = await report(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--from 2024-08-01 --to 2024-11-30');
  });
});

describe('report themes', () => {
  it('lists every theme of the taxonomy with a count', async () => {
    const result = await report(['themes', '--store', store]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) expect(line).toMatch(/^\S+\s+\d+\s+\S/);
  });
});

// Keeps a reviewer's correction in the store across a re-extraction.
describe('a reviewer edit', () => {
  it('survives re-extraction of a changed article', async () => {
    const articles = scratch('articles');
    const article = join(articles, 'note.txt');
    writeFileSync(article, 'Statement\n\nSeptember 2, 2024\n\nChief Minister Sarfraz Bugti said on Sunday that the highway to Gwadar would reopen within a week.\n');
    const own = emptyStoreWithRegistry(join(scratch('review'), 'statements'));
    expect((await report(['extract', article, '--store', own])).code).toBe(0);
    const file = readdirSync(own).find((name) => /^\d{4}-\d{2}\.yaml$/.test(name));
    expect(file).toBeDefined();
    const path = join(own, file!);
    const original = readFileSync(path, 'utf8');
    const edited = original.replace(/(\n  - id: [^\n]+)/, '$1\n    review:\n      status: rejected\n      note: duplicate of a wire story');
    expect(edited).not.toBe(original);
    writeFileSync(path, edited);
    writeFileSync(article, `${readFileSync(article, 'utf8')}\nHe said that the government would also repair the coastal road.\n`);
    expect((await report(['extract', article, '--store', own])).code).toBe(0);
    const after = readdirSync(own).filter((name) => /^\d{4}-\d{2}\.yaml$/.test(name)).map((name) => readFileSync(join(own, name), 'utf8')).join('\n');
    expect(after).toContain('status: rejected');
    expect(after).toContain('note: duplicate of a wire story');
  });
});
