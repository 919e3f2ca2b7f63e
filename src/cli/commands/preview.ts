// `report preview`: serves the HTML preview on localhost and reloads it when the store or templates change.
import { watch, type FSWatcher } from 'node:fs';
import type { Argv } from 'yargs';
import { say, warn } from '../output.js';
import { briefingSelection, withRendering } from './options.js';

/** Editors save in bursts; wait for the burst to end before re-rendering. */
const SETTLE_MS = 200;

export function registerPreview<T>(cli: Argv<T>) {
  return cli.command(
    'preview',
    'serve the HTML preview on 127.0.0.1 and reload it when the store or templates change',
    (command) =>
      withRendering(command)
        .option('port', { type: 'number', default: 4300, describe: 'port on 127.0.0.1 (0 picks a free one)' })
        .example('$0 preview --from 2024-08-01 --to 2024-11-30', 'open the printed URL in a browser'),
    async (args) => {
      const request = briefingSelection(args);
      const [{ prepareAnalysis }, { renderBriefing, startPreviewServer }] = await Promise.all([
        import('../../render/build-briefing.js'),
        import('../../render/index.js'),
      ]);
      const fileStem = `briefing-${request.from}_${request.to}`;
      const render = async () => {
        const analysis = await prepareAnalysis(request);
        return renderBriefing(analysis, { outDir: args.out, templateDir: args.template, compactFrom: request.compactFrom, htmlOnly: true, fileStem });
      };
      await render();
      const server = await startPreviewServer({ outDir: args.out, port: args.port });
      say(`${server.url}${fileStem}.html`);
      say('watching the store and templates; Ctrl-C stops');

      let timer: NodeJS.Timeout | undefined;
      const rerender = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          render()
            .then(() => server.notifyReload())
            .catch((error: unknown) => warn(error instanceof Error ? error.message : String(error)));
        }, SETTLE_MS);
      };
      const watched = [args.store, args.template ?? 'templates'];
      const watchers: FSWatcher[] = watched.map((dir) => watch(dir, { recursive: true }, rerender));
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      for (const watcher of watchers) watcher.close();
      await server.close();
    },
  );
}
