// `npm run bench`: builds synthetic corpora from the shared articles, measures extraction, re-runs,
// store loading and the briefing against a bare Chromium print, prints a table and writes it to
// bench/RESULTS.md. Each measurement runs in its own child process (peak RSS is that process's).
// Environment: BENCH_SIZES=100,1000,10000 (corpus sizes), BENCH_QUICK=1 (fewer runs), BENCH_KEEP=1
// (keep the temporary folder).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus, loadSeeds, registryPeople } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sharedCorpus = path.resolve(root, '..', 'shared', 'corpus');
const seeds = existsSync(sharedCorpus) ? loadSeeds(sharedCorpus) : null;
if (!seeds || seeds.length === 0) {
  console.log(`bench: ${sharedCorpus} is absent; the benchmark builds its corpora from the shared articles, so there is nothing to measure here.`);
  process.exit(0);
}

const loadAtStart = os.loadavg().map((value) => value.toFixed(1)).join(', ');
const quick = process.env.BENCH_QUICK === '1';
const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const largest = Math.max(...sizes);
const runsSmall = quick ? 2 : 5;
const runsLarge = quick ? 1 : 3;
const registryDir = path.join(root, 'statements');
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'report-bench-'));
const node = process.execPath;
const period = ['--from', '2024-08-01', '--to', '2024-11-30'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const log = (line) => process.stderr.write(`${line}\n`);

/** Runs bench/measure.mjs in a child process; returns its JSON line. */
function measure(...args) {
  const out = execFileSync(node, [path.join(root, 'bench', 'measure.mjs'), ...args], {
    env: { ...process.env, REGISTRY_DIR: registryDir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

function repeat(runs, fn) {
  const results = [];
  for (let run = 0; run < runs; run += 1) results.push(fn(run));
  return { ms: median(results.map((r) => r.ms)), maxRssMb: Math.max(...results.map((r) => r.maxRssMb ?? 0)), last: results.at(-1), all: results };
}

/** Wall time of a command, in ms, with its peak RSS from /usr/bin/time when available. */
function timed(command, args) {
  const useTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', command, ...args], { encoding: 'utf8', cwd: root })
    : spawnSync(command, args, { encoding: 'utf8', cwd: root });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const rss = /MAXRSS (\d+)/.exec(result.stderr ?? '');
  return { ms, maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null };
}

const rows = [];
const row = (what, size, runs, ms, rate, rss, target, met) =>
  rows.push({ what, size, runs, ms: ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`, rate, rss: rss ? `${rss} MB` : '—', target, met: met === null ? '—' : met ? 'yes' : 'no' });

// --- corpora ---------------------------------------------------------------------------------------
const people = registryPeople(path.join(registryDir, 'speakers.yaml'));
const corpora = new Map();
for (const size of sizes) {
  const dir = path.join(tmp, `corpus-${size}`);
  const built = buildCorpus(dir, size, seeds, people);
  corpora.set(size, { dir, ...built });
  log(`corpus ${size}: ${(built.bytes / 1e6).toFixed(1)} MB, ${built.unique} distinct articles`);
}

// --- extraction ------------------------------------------------------------------------------------
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const storeFor = (size, threads) => path.join(tmp, `store-${size}-${threads}`);
for (const size of sizes) {
  const corpus = corpora.get(size);
  const runs = size <= 100 ? runsSmall : runsLarge;
  const threadCounts = size >= 10_000 ? [cores] : [1, cores];
  for (const threads of [...new Set(threadCounts)]) {
    log(`extract ${size} articles on ${threads} thread(s)…`);
    const result = repeat(runs, () => measure('extract', corpus.dir, storeFor(size, threads), String(threads)));
    const perSecond = size / (result.ms / 1000);
    const mbPerSecond = corpus.bytes / 1e6 / (result.ms / 1000);
    const label = threads === 1 ? 'extraction, one core' : `extraction, all cores (${threads} threads)`;
    const target = threads === 1 ? '≥ 500 articles/s' : size >= 10_000 ? '≤ 20 s, RSS ≤ 1 GB' : '';
    const met = threads === 1 ? perSecond >= 500 : size >= 10_000 ? result.ms <= 20_000 && result.maxRssMb <= 1024 : null;
    row(label, `${size} articles (${(corpus.bytes / 1e6).toFixed(1)} MB)`, runs, result.ms, `${perSecond.toFixed(0)} art/s, ${mbPerSecond.toFixed(2)} MB/s`, result.maxRssMb, target, met);
    log(`  ${JSON.stringify(result.last)}`);
  }
}

// --- re-run over unchanged articles ---------------------------------------------------------------
const bigStore = storeFor(largest, cores);
{
  log(`re-run over ${largest} unchanged articles…`);
  const result = repeat(runsLarge, () => measure('rerun', corpora.get(largest).dir, bigStore));
  row('re-run, unchanged articles', `${largest} articles`, runsLarge, result.ms, `${result.last.skipped} skipped`, result.maxRssMb, largest >= 10_000 ? '≤ 2 s' : '', largest >= 10_000 ? result.ms <= 2000 : null);
}

// --- loading a large store --------------------------------------------------------------------------
{
  const store100k = path.join(tmp, 'store-100k');
  log('making a 100,000-statement store…');
  const made = measure('make-store', bigStore, store100k, '100000');
  log(`  ${JSON.stringify(made)}`);
  const result = repeat(runsLarge, () => measure('load', store100k));
  row('load store', `${result.last.statements} statements`, runsLarge, result.ms, '', result.maxRssMb, '≤ 2 s', result.ms <= 2000);
}

// --- the briefing against a bare Chromium print -------------------------------------------------------
function briefing(label, storeDir, runs, target) {
  const out = path.join(tmp, `out-${path.basename(storeDir)}`);
  const report = () => timed(node, [path.join(root, 'bin', 'report.js'), ...period, '--store', storeDir, '--out', out]);
  // Cold: a fresh output folder, so the contents' page numbers need two prints. Warm: the previous
  // briefing is in the folder and its page numbers still hold, so one print.
  log(`report (${label}), cold…`);
  const cold = repeat(runs, () => {
    rmSync(out, { recursive: true, force: true });
    return report();
  });
  log(`report (${label}), warm…`);
  const warm = repeat(runs, report);
  const html = path.join(out, readdirSync(out).find((name) => name.endsWith('.html')));
  const bare = chromium
    ? repeat(runs, () =>
        timed(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${path.join(tmp, 'bare.pdf')}`, pathToFileURL(html).href]),
      )
    : null;
  for (const [kind, ours] of [['cold, new out/', cold], ['warm, previous briefing in out/', warm]]) {
    const ratio = bare ? ours.ms / bare.ms : null;
    row(`report, ${label} (${kind})`, '', runs, ours.ms, ratio === null ? 'no Chromium' : `${ratio.toFixed(2)} × bare`, ours.maxRssMb, `${target.text}, ≤ 1.3 × bare`, ours.ms <= target.ms && (ratio === null || ratio <= 1.3));
  }
  if (bare) row('bare Chromium print, same HTML', '', runs, bare.ms, '', bare.maxRssMb, '', null);
}
process.env.REPORT_BROWSER_TIMEOUT_MS ??= '900000';
/** A failed measurement is a row saying so: the rest of the table is still worth having. */
function guarded(label, fn) {
  try {
    fn();
  } catch (error) {
    log(`${label} failed: ${error.message.split('\n').slice(0, 3).join(' ')}`);
    row(label, '', 0, null, `failed: ${error.message.split('\n').find((line) => line.startsWith('report:')) ?? error.message.split('\n')[0]}`, null, '', false);
  }
}
guarded('report, default store', () => briefing('default store (statements/)', registryDir, runsSmall, { ms: 2500, text: '≤ 2.5 s' }));
{
  const store10k = path.join(tmp, 'store-10k');
  const made = measure('make-store', bigStore, store10k, '10000');
  log(`  ${JSON.stringify(made)}`);
  // A 10,000-statement briefing is over a thousand pages: one run each unless BENCH_REPORT_RUNS says more.
  guarded('report, 10,000-statement store', () =>
    briefing(`${made.statements}-statement store`, store10k, Number(process.env.BENCH_REPORT_RUNS ?? 1), { ms: 30_000, text: '≤ 30 s' }),
  );
}

// --- table ------------------------------------------------------------------------------------------
const cpu = os.cpus();
const header = ['Measurement', 'Input', 'Runs', 'Median', 'Rate / ratio', 'Peak RSS', 'Target', 'Met'];
const lines = [
  '# Benchmark results',
  '',
  `Date: ${new Date().toISOString().slice(0, 10)} · CPUs: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'} · Node ${process.version} · ${os.platform()} ${os.release()}`,
  `Load average at start / end: ${loadAtStart} / ${os.loadavg().map((value) => value.toFixed(1)).join(', ')} (other work on the machine slows every row)`,
  '',
  'Produced by `npm run bench` (bench/run.mjs). Corpora are variants of the shared articles built at run time;',
  'timings are medians; each measurement runs in its own process, and Peak RSS is that process\'s maxRSS',
  '(for the briefing, /usr/bin/time\'s, which counts the largest single process, not Chromium\'s children).',
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${[r.what, r.size, r.runs, r.ms, r.rate, r.rss, r.target, r.met].join(' | ')} |`),
  '',
];
const table = lines.join('\n');
console.log(table);
writeFileSync(path.join(root, 'bench', 'RESULTS.md'), table);
if (process.env.BENCH_KEEP === '1') log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
