// Bad flags through the built CLI: one line naming the flag and what is valid, exit code 2 (usage),
// nothing written. Malformed and impossible dates, a reversed range, unknown speaker/theme and an
// unknown flag are also in test/cli/report.test.ts; these are the cases it does not cover.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERIOD, oneLine, report, scratch, snapshot, storeWithStatements } from './helpers.js';

let work: string;
let store: string;

beforeAll(async () => {
  work = scratch('hard-flags');
  store = await storeWithStatements(work);
});

async function refused(args: string[], out = join(work, `out-${Math.random().toString(36).slice(2)}`)) {
  const storeBefore = snapshot(store);
  const result = await report([...args, '--out', out, '--html-only']);
  expect(snapshot(store)).toEqual(storeBefore);
  expect(snapshot(out)).toEqual({});
  return { result, line: oneLine(result) };
}

describe('dates and ranges', () => {
  const cases: [string, string[], RegExp][] = [
    ['29 February of a common year', ['--from', '2023-02-29', '--to', '2023-03-31'], /^report: --from "2023-02-29": no such day in the calendar; use a real date as YYYY-MM-DD$/],
    ['month 13', ['--from', '2024-13-01', '--to', '2024-12-31'], /--from "2024-13-01": no such day/],
    ['day 31 of a 30-day month', ['--from', '2024-08-01', '--to', '2024-11-31'], /--to "2024-11-31": no such day/],
    ['a US-style date', ['--from', '08/01/2024', '--to', '2024-11-30'], /--from "08\/01\/2024": not a date; use YYYY-MM-DD, e\.g\. --from 2024-08-01/],
    ['a date with a time', ['--from', '2024-08-01T00:00', '--to', '2024-11-30'], /--from "2024-08-01T00:00": not a date/],
    ['an empty date', ['--from', '', '--to', '2024-11-30'], /--from "": not a date/],
    ['words for a date', ['--from', 'yesterday', '--to', 'today'], /--from "yesterday": not a date/],
    ['a missing --to', ['--from', '2024-08-01'], /Missing required argument: to/],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}: exit 2, one line, nothing written`, async () => {
      const { result, line } = await refused([...args, '--store', store]);
      expect(result.code, result.stderr).toBe(2);
      expect(line).toMatch(message);
    });
  }

  it('a one-day range (from = to) is fine', async () => {
    const out = join(work, 'out-one-day');
    const result = await report(['--from', '2024-08-13', '--to', '2024-08-13', '--store', store, '--out', out, '--html-only']);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('speakers and themes', () => {
  it('an unknown theme suggests the closest by a word of its id, and names the --store given', async () => {
    const { result, line } = await refused([...PERIOD, '--store', store, '--theme', 'secrity']);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toBe(`report: --theme "secrity": unknown theme; did you mean "cpec-chinese-security"? (see ${store}/themes.yaml)`);
  });

  it('a theme with nothing close lists the known themes instead of a random guess', async () => {
    const { result, line } = await refused([...PERIOD, '--store', store, '--theme', 'zzzzzz']);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toMatch(/^report: --theme "zzzzzz": unknown theme; known themes: [a-z-]+(, [a-z-]+)+ \(see .*themes\.yaml\)$/);
    expect(line).toContain('military-operations');
  });

  it('a misspelt surname suggests the speaker', async () => {
    const { result, line } = await refused([...PERIOD, '--store', store, '--speaker', 'Bugtti']);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toBe(`report: --speaker "Bugtti": unknown speaker; did you mean "Sarfraz Bugti"? (see ${store}/speakers.yaml)`);
  });

  it('a speaker with nothing close gets no made-up suggestion', async () => {
    const { result, line } = await refused([...PERIOD, '--store', store, '--speaker', 'Qwxyz Vbnmk']);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toBe(`report: --speaker "Qwxyz Vbnmk": unknown speaker (see ${store}/speakers.yaml)`);
  });

  it('one bad name among good ones (comma-separated) is still refused', async () => {
    const { result, line } = await refused([...PERIOD, '--store', store, '--speaker', 'naqvi,Bugtti']);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toMatch(/--speaker "Bugtti"/);
  });
});

describe('folders', () => {
  it('a missing --store', async () => {
    const { result, line } = await refused([...PERIOD, '--store', join(work, 'no-such-store')]);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toMatch(/--store .*no-such-store: no such folder/);
  });

  it('a --store that is a file', async () => {
    const { result, line } = await refused([...PERIOD, '--store', join(store, 'themes.yaml')]);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toMatch(/--store .*themes\.yaml: not a folder/);
  });

  it('a missing --template', async () => {
    const { result, line } = await refused([...PERIOD, '--store', store, '--template', join(work, 'no-theme')]);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toMatch(/--template .*no-theme: not a folder; expected a theme folder with briefing\.hbs/);
  });

  it('a --template that is a file', async () => {
    const file = join(work, 'theme-file.hbs');
    writeFileSync(file, '<html></html>');
    const { result, line } = await refused([...PERIOD, '--store', store, '--template', file]);
    expect(result.code, result.stderr).toBe(2);
    expect(line).toMatch(/--template .*theme-file\.hbs: not a folder/);
  });

  it('an --out that is a file (the file is left alone)', async () => {
    const file = join(work, 'out-is-a-file');
    writeFileSync(file, 'keep me');
    const result = await report([...PERIOD, '--store', store, '--out', file, '--html-only']);
    expect(result.code, result.stderr).toBe(2);
    expect(oneLine(result)).toBe(`report: --out ${file}: is a file, not a folder`);
    expect(snapshot(work)[file.slice(work.length + 1)]).toBe(Buffer.from('keep me').toString('base64'));
  });

  it('an --out below a file (the "not writable" case a root user can hit)', async () => {
    const file = join(work, 'parent-file');
    writeFileSync(file, 'x');
    const { result, line } = await refused([...PERIOD, '--store', store], join(file, 'briefings'));
    expect(result.code, result.stderr).toBe(2);
    expect(line).toMatch(/--out .*parent-file\/briefings: a parent of this path is a file, not a folder/);
  });

  it('an --out where the file system refuses new folders (/proc) is an error, not a hang', async () => {
    const result = await report([...PERIOD, '--store', store, '--out', '/proc/report-hardening-test/out', '--html-only']);
    expect(result.code, result.stderr).toBe(2);
    expect(oneLine(result)).toMatch(/^report: --out \/proc\/report-hardening-test\/out: cannot create the folder \(E[A-Z]+\)$/);
  });

  it('an --out that is a broken symbolic link', async () => {
    const { symlinkSync } = await import('node:fs');
    const link = join(work, 'dangling-out');
    symlinkSync(join(work, 'nowhere', 'deeper'), link);
    const result = await report([...PERIOD, '--store', store, '--out', link, '--html-only']);
    expect(result.code, result.stderr).toBe(2);
    expect(oneLine(result)).toMatch(/--out .*dangling-out: cannot create the folder/);
  });

  it('an --out that does not exist yet is created, parents included', async () => {
    const out = join(work, 'made', 'for', 'you');
    mkdirSync(join(work, 'made'));
    const result = await report([...PERIOD, '--store', store, '--out', out, '--html-only']);
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(snapshot(out))).toEqual(['briefing-2024-08-01_2024-11-30.html']);
  });
});

describe('extract arguments', () => {
  it('a folder with no article files is a usage error, not "0 articles read"', async () => {
    const empty = join(work, 'no-articles');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.pdf'), '%PDF-1.4');
    const before = snapshot(store);
    const result = await report(['extract', empty, '--store', store]);
    expect(result.code, result.stderr).toBe(2);
    expect(oneLine(result)).toMatch(/no-articles: no article files there \(expected \.txt, \.md, \.markdown, \.html or \.htm\)$/);
    expect(snapshot(store)).toEqual(before);
  });

  it('a file that is not an article, given by name, is named in a warning', async () => {
    const dir = join(work, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.docx'), 'PK');
    writeFileSync(join(dir, 'one.txt'), 'Title\n\nAugust 2, 2024\n\nChief Minister Sarfraz Bugti said on Friday that the market would reopen.\n');
    const result = await report(['extract', join(dir, 'notes.docx'), join(dir, 'one.txt'), '--json', '--store', store]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: .*notes\.docx: not an article file \(expected .*\); skipped/);
  });

  it('an unknown flag to extract', async () => {
    const result = await report(['extract', join(work), '--frce', '--store', store]);
    expect(result.code, result.stderr).toBe(2);
    expect(oneLine(result)).toMatch(/Unknown argument: frce/);
  });
});
