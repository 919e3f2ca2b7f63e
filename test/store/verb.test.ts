// The reporting verb of reported speech: kept in the store, shown in the briefing.
import { describe, expect, it } from 'vitest';
import { effectiveStatements, loadStore, saveStore } from '../../src/store/index.js';
import { renderHtml } from '../../src/render/index.js';
import { fixtureAnalysis } from '../fixtures/render/analysis.js';
import { copyStore, edit, read } from './helpers.js';

describe('the reporting verb', () => {
  it('loads from a statement file, reaches the analysis and is written back unchanged', async () => {
    const dir = copyStore();
    edit(dir, '2024-09.yaml', '    kind: indirect\n    text: the fog horn', '    kind: indirect\n    verb: insisted\n    text: the fog horn');
    const before = read(dir, '2024-09.yaml');
    const store = await loadStore(dir);
    const statement = effectiveStatements(store).find((s) => s.text.startsWith('the fog horn'));
    expect(statement?.verb).toBe('insisted');
    await saveStore(store);
    expect(read(dir, '2024-09.yaml')).toBe(before);
  });

  it('older statements without a verb still load', async () => {
    const store = await loadStore(copyStore());
    expect(effectiveStatements(store).every((s) => s.verb === null)).toBe(true);
  });

  it('shows reported speech with its verb in the briefing', async () => {
    const analysis = fixtureAnalysis();
    const reported = analysis.statements.find((s) => s.kind === 'indirect');
    expect(reported).toBeDefined();
    const html = await renderHtml({
      ...analysis,
      statements: analysis.statements.map((s) => (s === reported ? { ...s, verb: 'flatly denied' } : s)),
      speakers: analysis.speakers.map((p) => ({ ...p, statements: p.statements.map((s) => (s.id === reported!.id ? { ...s, verb: 'flatly denied' } : s)) })),
    });
    expect(html).toContain(`<span class="verb">flatly denied</span> ${reported!.text}`);
  });
});
