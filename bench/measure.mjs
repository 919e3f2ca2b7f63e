// One measurement, run in its own `node` process by bench/run.mjs so that its peak memory (maxRSS) is
// its own. Prints one JSON line: { ms, maxRssMb, ...details }.
//   node bench/measure.mjs extract CORPUS STORE THREADS   fresh store (registry copied from REGISTRY_DIR)
//   node bench/measure.mjs rerun CORPUS STORE             extract again into an existing store
//   node bench/measure.mjs load STORE                     loadStore
//   node bench/measure.mjs make-store FROM OUT COUNT [FROM_DATE TO_DATE]   a store of COUNT statements
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/', import.meta.url);
const store = await import(new URL('store/index.js', dist).href);
const [task, ...args] = process.argv.slice(2);
const REGISTRY_FILES = ['speakers.yaml', 'themes.yaml', 'stances.yaml'];

function freshStore(dir, registryDir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of REGISTRY_FILES) copyFileSync(path.join(registryDir, name), path.join(dir, name));
}

function report(ms, details = {}) {
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), maxRssMb, ...details })}\n`);
}

if (task === 'extract') {
  const [corpus, storeDir, threads] = args;
  freshStore(storeDir, process.env.REGISTRY_DIR);
  const start = performance.now();
  const summary = await store.extractIntoStore({ paths: [corpus], storeDir, threads: Number(threads) });
  report(performance.now() - start, { articles: summary.articles, new: summary.statements.new, errors: summary.errors.length });
} else if (task === 'rerun') {
  const [corpus, storeDir] = args;
  const start = performance.now();
  const summary = await store.extractIntoStore({ paths: [corpus], storeDir });
  report(performance.now() - start, { articles: summary.articles, skipped: summary.skipped });
} else if (task === 'load') {
  const [storeDir] = args;
  const start = performance.now();
  const loaded = await store.loadStore(storeDir);
  report(performance.now() - start, { statements: loaded.statements.length });
} else if (task === 'make-store') {
  // Copies of the extracted statements, each with its own words (hence id) and a date in the period,
  // saved through saveStore: a store in its own format, as large as asked.
  const [fromDir, outDir, count, from = '2024-08-01', to = '2024-11-30'] = args;
  const wanted = Number(count);
  const base = await store.loadStore(fromDir);
  freshStore(outDir, fromDir);
  const empty = await store.loadStore(outDir);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  const statements = [];
  const seen = new Set();
  for (let copy = 0; statements.length < wanted; copy += 1) {
    for (const statement of base.statements) {
      if (statements.length >= wanted) break;
      const text = copy === 0 ? statement.text : `${statement.text} (${copy})`;
      const id = store.statementId(statement.speaker, text);
      if (seen.has(id)) continue;
      seen.add(id);
      const offset = (statements.length * 7919) % days;
      const date = statement.date === null ? null : new Date(Date.parse(from) + offset * 86_400_000).toISOString().slice(0, 10);
      // The synthetic corpus repeats each seed hundreds of times, so its statements gather hundreds of
      // sources; a real store has one to a few. Keep two, or a 100,000-statement store is 350 MB.
      statements.push({ ...statement, id, text, date, sources: statement.sources.slice(0, 2) });
    }
  }
  const start = performance.now();
  await store.saveStore({ ...empty, statements, sources: base.sources });
  report(performance.now() - start, { statements: statements.length });
} else {
  process.stderr.write(`unknown task ${task}\n`);
  process.exit(2);
}
