// Renders the fixture briefing into RENDER_SAMPLE_DIR for a human to look at (skipped otherwise).
import { describe, expect, it } from 'vitest';
import { renderBriefing } from '../../src/render/index.js';
import { fixtureAnalysis, ROWS } from '../fixtures/render/analysis.js';

const dir = process.env.RENDER_SAMPLE_DIR;

describe.skipIf(!dir)('sample briefing', () => {
  it('renders into RENDER_SAMPLE_DIR', async () => {
    const started = performance.now();
    // RENDER_SAMPLE_SCALE=10 repeats every statement ten times (for timing a bigger briefing).
    const scale = Number(process.env.RENDER_SAMPLE_SCALE ?? 1);
    const rows = Array.from({ length: scale }, (_, i) => ROWS.map((row) => ({ ...row, id: i === 0 ? row.id : `${row.id}-${i}` }))).flat();
    const result = await renderBriefing(fixtureAnalysis({ rows }), { outDir: dir!, fileStem: 'sample' });
    const ms = performance.now() - started;
    console.log(JSON.stringify({ ...result, ms: Math.round(ms) }));
    expect(result.pdf).not.toBeNull();
  });
});
