// Renders the fixture briefing into RENDER_SAMPLE_DIR for a human to look at (skipped otherwise).
import { describe, expect, it } from 'vitest';
import { renderBriefing } from '../../src/render/index.js';
import { fixtureAnalysis } from '../fixtures/render/analysis.js';

const dir = process.env.RENDER_SAMPLE_DIR;

describe.skipIf(!dir)('sample briefing', () => {
  it('renders into RENDER_SAMPLE_DIR', async () => {
    const started = performance.now();
    const result = await renderBriefing(fixtureAnalysis(), { outDir: dir!, fileStem: 'sample' });
    const ms = performance.now() - started;
    console.log(JSON.stringify({ ...result, ms: Math.round(ms) }));
    expect(result.pdf).not.toBeNull();
  });
});
