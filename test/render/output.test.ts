// renderBriefing's files: where they go, what happens to a bad --out, atomic writes (HTML only: no browser).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { renderBriefing } from '../../src/render/index.js';
import { fixtureAnalysis } from '../fixtures/render/analysis.js';

const analysis = fixtureAnalysis();
const fresh = (): string => mkdtempSync(join(tmpdir(), 'report-out-'));

describe('renderBriefing --html-only', () => {
  it('creates the folder and writes only the HTML, with no temporary file left', async () => {
    const outDir = join(fresh(), 'nested', 'out');
    const result = await renderBriefing(analysis, { outDir, fileStem: 'brief-2024', htmlOnly: true });
    expect(result).toEqual({ html: join(outDir, 'brief-2024.html'), pdf: null, pages: null, warnings: [] });
    expect(readdirSync(outDir)).toEqual(['brief-2024.html']);
    expect(readFileSync(result.html, 'utf8')).toContain('<section id="timeline"');
  });

  it('replaces an existing file in place', async () => {
    const outDir = fresh();
    writeFileSync(join(outDir, 'b.html'), 'old');
    await renderBriefing(analysis, { outDir, fileStem: 'b', htmlOnly: true });
    expect(readFileSync(join(outDir, 'b.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(outDir)).toEqual(['b.html']);
  });

  it('rejects an --out that is a file', async () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, 'x');
    const error = await renderBriefing(analysis, { outDir: file, fileStem: 'b', htmlOnly: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).kind).toBe('usage');
    expect((error as ReportError).message).toBe(`--out ${file}: is a file, not a folder`);
  });

  it('rejects an --out below a file', async () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, 'x');
    const error = await renderBriefing(analysis, { outDir: join(file, 'sub'), fileStem: 'b', htmlOnly: true }).catch((e: unknown) => e);
    expect((error as ReportError).kind).toBe('usage');
    expect((error as ReportError).message).toMatch(/^--out .*a-file\/sub: /);
  });

  it('rejects a file stem with a folder in it', async () => {
    const error = await renderBriefing(analysis, { outDir: fresh(), fileStem: '../escape', htmlOnly: true }).catch((e: unknown) => e);
    expect((error as ReportError).kind).toBe('usage');
  });
});
