// A broken theme folder (--template DIR) through the built CLI: one line FILE:LINE:COLUMN: what is
// wrong, exit code 3, the previous briefing in --out untouched, no Chromium left. The renderer's own
// messages are unit-tested in test/render/templates.test.ts ('theme folders').
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERIOD, STEM, oneLine, runIn, scratch, snapshot, storeWithStatements, survivorsAfter } from './helpers.js';

let work: string;
let store: string;

beforeAll(async () => {
  work = scratch('hard-templates');
  store = await storeWithStatements(work);
});

/** A theme folder holding the given files (paths relative to the folder). */
function theme(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const cases: { name: string; files: Record<string, string>; message: RegExp }[] = [
  {
    name: 'a syntax error in briefing.hbs',
    files: { 'briefing.hbs': '<html>\n<body>\n  {{#if title}}\n  <h1>{{title}</h1>\n  {{/if}}\n</body></html>\n' },
    message: /^report: .*\/syntax\/briefing\.hbs:4:14: syntax error: unexpected "}"/,
  },
  {
    name: 'an unclosed block in a partial',
    files: { 'partials/cover.hbs': '<section id="cover">\n{{#each statements}}\n<p>{{text}}</p>\n' },
    message: /^report: .*\/unclosed\/partials\/cover\.hbs:\d+:\d+: syntax error/,
  },
  {
    name: 'a missing partial',
    files: { 'briefing.hbs': '<html><body>\n{{> appendix}}\n</body></html>' },
    message: /^report: .*\/partial\/briefing\.hbs:2:1: partial "appendix" not found \(available: contents, cover, /,
  },
  {
    name: 'a helper that throws',
    files: { 'briefing.hbs': '<html><body>\n<p>{{pluralize title "x"}}</p>\n</body></html>' },
    message: /^report: .*\/throws\/briefing\.hbs:2:\d+: helper "pluralize" failed/,
  },
  {
    name: 'an unknown helper',
    files: { 'briefing.hbs': '<html><body>{{formatDate period.from}}</body></html>' },
    message: /^report: .*\/unknown\/briefing\.hbs:1:13: unknown helper "formatDate" \(available: date, /,
  },
];

describe('a broken --template folder', () => {
  for (const { name, files, message } of cases) {
    it(`${name}: FILE:LINE:COLUMN, exit 3, the old briefing untouched, no browser left`, async () => {
      const folder = { 'a syntax error in briefing.hbs': 'syntax', 'an unclosed block in a partial': 'unclosed', 'a missing partial': 'partial', 'a helper that throws': 'throws', 'an unknown helper': 'unknown' }[name]!;
      const dir = theme(folder, files);
      const out = join(work, `out-${folder}`);
      mkdirSync(out);
      writeFileSync(join(out, `${STEM}.html`), '<html>the previous briefing</html>');
      writeFileSync(join(out, `${STEM}.pdf`), '%PDF-1.7 the previous briefing %%EOF');
      const before = snapshot(out);
      const tmp = join(work, `tmp-${folder}`);

      const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--template', dir]);
      expect(result.code, result.stderr).toBe(3);
      expect(oneLine({ code: result.code ?? 1, stdout: result.stdout, stderr: result.stderr })).toMatch(message);
      expect(snapshot(out)).toEqual(before);
      // Chromium starts while the store loads, so it ran here too; it must be gone with the run
      // (processes already killed may take a moment to leave the process table).
      expect(await survivorsAfter(tmp)).toEqual([]);
      expect(snapshot(tmp)).toEqual({});
    });
  }
});
