// Options shared by several commands.
import type { Argv } from 'yargs';
import { listFlag, parseRange } from '../flags.js';

export const DEFAULT_STORE = 'statements';
export const DEFAULT_OUT = 'out';

export function withStore<T>(cli: Argv<T>) {
  return cli.option('store', {
    type: 'string',
    default: DEFAULT_STORE,
    describe: 'the statements store folder',
    normalize: true,
  });
}

export function withSelection<T>(cli: Argv<T>) {
  return withStore(cli)
    .option('from', { type: 'string', describe: 'first day of the period, YYYY-MM-DD', demandOption: true })
    .option('to', { type: 'string', describe: 'last day of the period, YYYY-MM-DD', demandOption: true })
    .option('speaker', {
      type: 'string',
      array: true,
      describe: 'only these speakers (id or alias; repeatable)',
    })
    .option('theme', { type: 'string', array: true, describe: 'only these themes (id or label; repeatable)' });
}

export function withRendering<T>(cli: Argv<T>) {
  return withSelection(cli)
    .option('out', { type: 'string', default: DEFAULT_OUT, describe: 'folder for the briefing files', normalize: true })
    .option('title', { type: 'string', describe: 'the briefing title' })
    .option('template', { type: 'string', describe: "a folder of your own templates (the default theme's files fill gaps)", normalize: true })
    .option('chromium', { type: 'string', describe: 'path of the Chromium or Chrome to use (else PUPPETEER_EXECUTABLE_PATH, then the usual places)' })
    .option('layout', {
      choices: LAYOUTS,
      default: 'auto' as Layout,
      describe:
        'full: each statement printed again under its themes; compact: themes, foreign governments and undated as ' +
        'one-line references to the full entry under the speaker; auto: compact for large briefings',
    });
}

const LAYOUTS = ['auto', 'full', 'compact'] as const;
type Layout = (typeof LAYOUTS)[number];

/** --layout as the renderer's threshold: the statement count from which a briefing is compact (undefined: its default). */
function compactFrom(layout: Layout | undefined): number | undefined {
  if (layout === 'full') return Number.POSITIVE_INFINITY;
  if (layout === 'compact') return 0;
  return undefined;
}

interface RenderingArgs {
  store: string;
  from?: string;
  to?: string;
  speaker?: (string | number)[];
  theme?: (string | number)[];
  title?: string;
  template?: string;
  layout?: Layout;
}

/** What `report` and `report preview` ask the core for, from their shared flags (validated here). */
export function briefingSelection(args: RenderingArgs) {
  return {
    storeDir: args.store,
    ...parseRange(args.from, args.to),
    speakers: listFlag(args.speaker),
    themes: listFlag(args.theme),
    title: args.title,
    templateDir: args.template,
    compactFrom: compactFrom(args.layout),
  };
}
