// `report themes`: the taxonomy with statement counts for a period.
import type { Argv } from 'yargs';
import { parseOpenRange } from '../flags.js';
import { say } from '../output.js';
import { withStore } from './options.js';

export function registerThemes<T>(cli: Argv<T>) {
  return cli.command(
    'themes',
    'list the themes with how many statements each has in a period',
    (command) =>
      withStore(command)
        .option('from', { type: 'string', describe: 'first day, YYYY-MM-DD (default: the earliest statement)' })
        .option('to', { type: 'string', describe: 'last day, YYYY-MM-DD (default: the latest statement)' })
        .example('$0 themes --from 2024-11-01 --to 2024-11-30', 'theme counts for November'),
    async (args) => {
      const range = parseOpenRange(args.from, args.to);
      const [{ themeCounts }, { loadStore }, { effectiveStatements, filterStatements }] = await Promise.all([
        import('../../analyze/index.js'),
        import('../../store/load.js'),
        import('../../store/query.js'),
      ]);
      const store = await loadStore(args.store);
      const statements = filterStatements(effectiveStatements(store), { ...range, includeUndated: range.from === undefined && range.to === undefined });
      const counts = themeCounts(statements, store.registry.themes);
      const width = Math.max(...counts.map((row) => row.theme.id.length), 5);
      for (const row of counts) say(`${row.theme.id.padEnd(width)}  ${String(row.count).padStart(5)}  ${row.theme.label}`);
    },
  );
}
