// A damaged store through the built CLI: `report` and `report extract` both stop with one line naming
// FILE[:LINE:COLUMN] and the field, exit code 3, and nothing is written — `extract` never overwrites
// an invalid store (every file byte-identical afterwards). The loader's messages for each kind of
// damage are unit-tested in test/store/load.test.ts; here the point is the user's view.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, PERIOD, oneLine, report, scratch, snapshot, storeWithStatements } from './helpers.js';

let work: string;
let pristine: string;
let counter = 0;

beforeAll(async () => {
  work = scratch('hard-store');
  pristine = await storeWithStatements(work);
});

/** A copy of the extracted store with one file changed by `damage`. */
function damagedStore(file: string, damage: (text: string) => string): string {
  const dir = join(work, `store-${(counter += 1)}`);
  cpSync(pristine, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = damage(before);
  if (after === before) throw new Error(`damage did not change ${file}`);
  writeFileSync(path, after);
  return dir;
}

/** Replaces the first match, failing loudly when the fixture no longer has it. */
const replaceOnce = (from: RegExp | string, to: string) => (text: string) => text.replace(from, to);

/** A new article (not yet in the store), so that `extract` would have something to write. */
function freshArticle(): string {
  const dir = join(work, `new-article-${(counter += 1)}`);
  cpSync(join(ARTICLES, 'good'), dir, { recursive: true });
  writeFileSync(join(dir, 'nov-new.txt'), 'Roads reopen\n\nNovember 12, 2024\n\nChief Minister Sarfraz Bugti said on Monday that the coastal highway had reopened to traffic.\n');
  return dir;
}

const cases: { name: string; file: string; damage: (text: string) => string; message: RegExp }[] = [
  {
    name: 'a YAML syntax error (unclosed flow list) with line and column',
    file: '2024-08.yaml',
    damage: replaceOnce('themes: []', 'themes: [security'),
    message: /2024-08\.yaml:\d+:\d+: /,
  },
  {
    name: 'a tab used for indentation, with line and column',
    file: '2024-09.yaml',
    damage: replaceOnce('\n    speaker:', '\n\tspeaker:'),
    message: /2024-09\.yaml:\d+:\d+: .*tab/,
  },
  {
    name: 'a missing field',
    file: '2024-10.yaml',
    damage: replaceOnce(/\n {4}kind: \w+/, ''),
    message: /2024-10\.yaml: statements\[0\]\.kind: missing \(use direct or indirect\)$/,
  },
  {
    name: 'a wrong-typed field (offset as words)',
    file: '2024-08.yaml',
    damage: replaceOnce(/start: \d+/, 'start: twelve'),
    message: /2024-08\.yaml: statements\[0\]\.sources\[0\]\.start: expected a whole number ≥ 0, got "twelve"$/,
  },
  {
    name: 'a wrong-typed field (themes as a mapping)',
    file: '2024-09.yaml',
    damage: replaceOnce(/themes: \[[^\]\n]*\]/, 'themes: {a: 1}'),
    message: /2024-09\.yaml: statements\[0\]\.themes: expected a list of theme ids, got a mapping$/,
  },
  {
    name: 'a misspelt review key',
    file: '2024-08.yaml',
    damage: replaceOnce(/\n {4}sources:/, '\n    reveiw:\n      status: rejected\n    sources:'),
    message: /2024-08\.yaml: statements\[0\]\.reveiw: unknown field \(expected one of: id, speaker, .*review\)$/,
  },
  {
    name: 'an impossible date',
    file: '2024-08.yaml',
    damage: replaceOnce(/date: "2024-08-\d\d"/, 'date: "2024-08-32"'),
    message: /2024-08\.yaml: statements\[0\]\.date: "2024-08-32" is not a real date \(use YYYY-MM-DD\)$/,
  },
  {
    name: 'a date filed in the wrong month',
    file: '2024-09.yaml',
    damage: replaceOnce(/date: "2024-09-(\d\d)"/, 'date: "2024-10-$1"'),
    message: /2024-09\.yaml: statements\[0\]\.date: 2024-10-\d\d belongs in 2024-10\.yaml, not in this file/,
  },
  {
    name: 'a duplicate id across files',
    file: '2024-10.yaml',
    damage: (text) => {
      const augustId = /id: (st-[0-9a-f]+)/.exec(readFileSync(join(pristine, '2024-08.yaml'), 'utf8'))![1]!;
      return text.replace(/id: st-[0-9a-f]+/, `id: ${augustId}`);
    },
    message: /2024-10\.yaml: statements\[0\]\.id: "st-[0-9a-f]+" is also used in .*2024-08\.yaml \(statements\[0\]\); ids must be unique$/,
  },
  {
    name: 'a statement naming an unknown speaker (with a suggestion)',
    file: '2024-08.yaml',
    damage: replaceOnce('speaker: sarfraz-bugti', 'speaker: sarfraz-bugtti'),
    message: /2024-08\.yaml: statements\[\d+\]\.speaker: "sarfraz-bugtti" is not in speakers\.yaml \(did you mean "sarfraz-bugti"\?\)$/,
  },
  {
    name: 'a statement naming an unknown theme',
    file: '2024-09.yaml',
    damage: replaceOnce(/themes: \[[^\]\n]*\]/, 'themes: [harbour-traffic]'),
    message: /2024-09\.yaml: statements\[0\]\.themes\[0\]: "harbour-traffic" is not in themes\.yaml/,
  },
  {
    name: 'a speaker id used twice in speakers.yaml',
    file: 'speakers.yaml',
    damage: (text) => text.replace(/^- id: sarfraz-bugti$/m, '- id: mohsin-naqvi'),
    message: /speakers\.yaml: speakers\[\d+\]\.id: "mohsin-naqvi" is used twice \(also speakers\[0\]\); ids must be unique$/,
  },
  {
    name: 'a second YAML document in a file',
    file: 'sources.yaml',
    damage: (text) => `${text}---\nsources: []\n`,
    message: /sources\.yaml: holds 2 YAML documents \(---\); keep one$/,
  },
  {
    name: 'bytes that are not UTF-8 (a Windows-1252 é), with line and column',
    file: '2024-09.yaml',
    damage: (text) => text.replace(/(\n {4}voice: )null/, '$1"Caf\u0000"'),
    message: /2024-09\.yaml:\d+:\d+: not UTF-8 text; save the file as UTF-8$/,
  },
];

// Independent runs in their own folders: concurrent to keep the file short.
describe.concurrent('a damaged store', () => {
  for (const { name, file, damage, message } of cases) {
    it(`${name}: report and extract say so in one line, exit 3, nothing written`, async () => {
      // The not-UTF-8 case needs raw bytes: a placeholder NUL becomes 0xE9 on disk.
      const store = damagedStore(file, damage);
      const path = join(store, file);
      const raw = readFileSync(path);
      const nul = raw.indexOf(0);
      if (nul >= 0) {
        raw[nul] = 0xe9;
        writeFileSync(path, raw);
      }
      const before = snapshot(store);
      const out = join(work, `out-${counter}`);

      const rendered = await report([...PERIOD, '--store', store, '--out', out, '--html-only']);
      expect(rendered.code).toBe(3);
      expect(oneLine(rendered)).toMatch(message);
      expect(snapshot(out)).toEqual({});

      const extracted = await report(['extract', freshArticle(), '--store', store]);
      expect(extracted.code).toBe(3);
      expect(oneLine(extracted)).toMatch(message);
      expect(snapshot(store)).toEqual(before);
    });
  }
});

describe('files a user may save from another editor', () => {
  it('a store saved with Windows line endings and a BOM loads, and extract goes on', async () => {
    const store = join(work, 'store-crlf');
    cpSync(pristine, store, { recursive: true });
    for (const name of readdirSync(store).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(join(store, name), 'utf8');
      writeFileSync(join(store, name), `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    }
    const out = join(work, 'out-crlf');
    const rendered = await report([...PERIOD, '--store', store, '--out', out, '--html-only']);
    expect(rendered.code).toBe(0);
    const html = readFileSync(join(out, 'briefing-2024-08-01_2024-11-30.html'), 'utf8');
    expect(html).toContain('Our men on the road cannot wait for help that never hears them');

    const extracted = await report(['extract', freshArticle(), '--store', store]);
    expect(extracted.code).toBe(0);
    expect(extracted.stdout).toMatch(/1 new/);
    expect((await report(['themes', '--store', store])).code).toBe(0);
  });

  it('an empty statement file is an empty month, not an error', async () => {
    const store = join(work, 'store-empty-file');
    cpSync(pristine, store, { recursive: true });
    writeFileSync(join(store, '2024-12.yaml'), '');
    const result = await report(['themes', '--store', store]);
    expect(result.code, result.stderr).toBe(0);
  });

  it('speakers.yaml that is a folder', async () => {
    const store = join(work, 'store-folder');
    cpSync(pristine, store, { recursive: true });
    const { rmSync, mkdirSync } = await import('node:fs');
    rmSync(join(store, 'speakers.yaml'));
    mkdirSync(join(store, 'speakers.yaml'));
    const result = await report(['themes', '--store', store]);
    expect(result.code, result.stderr).toBe(3);
    expect(oneLine(result)).toMatch(/speakers\.yaml: is a folder; expected a YAML file$/);
  });

  it('YAML aliases nested to blow up on expansion are read without expanding (no hang)', async () => {
    const store = damagedStore('2024-08.yaml', (text) =>
      `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n` +
      `d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n${text}`,
    );
    const result = await report(['themes', '--store', store]);
    expect(result.code, result.stderr).toBe(3);
    expect(oneLine(result)).toMatch(/2024-08\.yaml: a: unknown field \(expected one of: statements\)$/);
  });
});
