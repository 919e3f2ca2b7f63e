// `report --from … --to …`: the briefing.
import type { Argv } from 'yargs';
import { exitCleanlyOnInterrupt } from '../interrupt.js';
import { say, warn } from '../output.js';
import { briefingSelection, withRendering } from './options.js';

export function registerReport<T>(cli: Argv<T>) {
  return cli.command(
    '$0',
    'write the HTML preview and PDF briefing for a period',
    (command) =>
      withRendering(command)
        .option('html-only', { type: 'boolean', default: false, describe: 'write the HTML preview only (no browser)' })
        .example('$0 --from 2024-08-01 --to 2024-11-30', 'the whole period, into out/')
        .example('$0 --from 2024-11-01 --to 2024-11-30 --speaker naqvi --speaker bugti', 'two speakers in November')
        .example('$0 --from 2024-08-01 --to 2024-11-30 --theme military-operations --html-only', 'one theme, HTML only')
        .example('$0 --from 2024-08-01 --to 2024-11-30 --template my-theme/ --title "Weekly brief"', 'your own templates'),
    async (args) => {
      exitCleanlyOnInterrupt();
      const selection = briefingSelection(args);
      // Loaded here: build-briefing starts Chromium before it loads the store, analysis and templates.
      const { buildBriefing } = await import('../../render/build-briefing.js');
      const result = await buildBriefing({
        ...selection,
        outDir: args.out,
        htmlOnly: args['html-only'],
        chromiumPath: args.chromium,
      });
      for (const line of result.warnings) warn(line);
      say(result.html);
      if (result.pdf) say(result.pdf);
    },
  );
}
