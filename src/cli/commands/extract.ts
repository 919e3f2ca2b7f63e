// `report extract PATH…`: statements from articles into the store (or to stdout with --json).
import { stat } from 'node:fs/promises';
import type { SingleBar } from 'cli-progress';
import type { Argv } from 'yargs';
import { inputError, usageError } from '../../errors.js';
import { exitCleanlyOnInterrupt } from '../interrupt.js';
import { say, warn } from '../output.js';
import { withStore } from './options.js';

/** Below this many articles a progress bar is more noise than help. */
const PROGRESS_BAR_FROM = 20;

export function registerExtract<T>(cli: Argv<T>) {
  return cli.command(
    'extract <paths..>',
    'collect statements from articles (.txt, .md, .html files or folders) into the store',
    (command) =>
      withStore(command)
        .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'article files or folders' })
        .option('json', { type: 'boolean', default: false, describe: 'print {"statements": [...]} to stdout and write nothing' })
        .example('$0 extract articles/', 'add the statements of every article in articles/ to statements/')
        .example('$0 extract new.html --json > found.json', 'see what one article gives, without touching the store'),
    async (args) => {
      exitCleanlyOnInterrupt();
      // Loaded here, not at start-up: the extractor (chrono-node…) is only needed by this command.
      const [{ articleFormat, listArticleFiles }, { extractIntoStore, extractToJson, loadRegistry }] = await Promise.all([
        import('../../ingest/index.js'),
        import('../../store/index.js'),
      ]);
      const paths = (args.paths ?? []).map(String);
      const found = await listArticleFiles(paths);
      for (const path of paths) {
        if (!found.includes(path) && articleFormat(path) === null && (await isFile(path))) {
          warn(`${path}: not an article file (expected .txt, .md, .markdown, .html or .htm); skipped`);
        }
      }
      if (found.length === 0) {
        throw usageError(`${paths.join(' ')}: no article files there (expected .txt, .md, .markdown, .html or .htm)`);
      }
      if (args.json) {
        const registry = await loadRegistry(args.store);
        const payload = await extractToJson(paths, registry);
        for (const failure of payload.errors) warnSkipped(failure);
        process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
        assertSomethingRead(found.length, payload.errors.length);
        return;
      }
      const bar = progressBar(await import('cli-progress'));
      try {
        const summary = await extractIntoStore({
          paths,
          storeDir: args.store,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
        for (const failure of summary.errors) warnSkipped(failure);
        say(
          `${summary.articles} articles read (${summary.skipped} unchanged, skipped); statements: ` +
            `${summary.statements.new} new, ${summary.statements.updated} updated, ` +
            `${summary.statements.unchanged} unchanged; ${summary.undated} undated; ` +
            `${summary.newSpeakers} new speakers added to ${args.store}/speakers.yaml` +
            (summary.errors.length > 0 ? `; ${summary.errors.length} skipped with errors (see the warnings above)` : ''),
        );
        assertSomethingRead(summary.articles, summary.errors.length);
      } finally {
        bar.stop();
      }
    },
  );
}

/** One warning line per skipped article, always naming the file. */
function warnSkipped(failure: { file: string; message: string }): void {
  const message = failure.message.startsWith(failure.file) ? failure.message : `${failure.file}: ${failure.message}`;
  warn(`${message} (skipped)`);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false);
}

/** Every article failing is an input error (exit 3); some failing is only a warning each. */
function assertSomethingRead(articles: number, failed: number): void {
  if (articles > 0 && failed === articles) {
    throw inputError(`none of the ${articles} article file(s) could be read (see the warnings above)`);
  }
}

interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on a terminal when there are many files; silent otherwise (pipes, CI, few files). */
function progressBar(progress: typeof import('cli-progress')): Progress {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  let bar: SingleBar | null = null;
  return {
    update(done, total) {
      if (total < PROGRESS_BAR_FROM) return;
      if (!bar) {
        bar = new progress.SingleBar(
          { stream: process.stderr, format: 'extracting [{bar}] {value}/{total} articles' },
          progress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
