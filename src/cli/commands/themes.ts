// `report themes`: the taxonomy with statement counts for a period.
import type { Argv } from 'yargs';
import { themeCounts } from '../../analyze/index.js';
import { effectiveStatements, filterStatements, loadStore } from '../../store/index.js';
import { parseRange } from '../flags.js';
import { say } from '../output.js';
import { withStore } from './options.js';

export function registerThemes<T>(cli: Argv<T>) {
  return cli.command(
    'themes',
    'list the themes with how many statements each has in a period',
    (command) =>
      withStore(command)
        .option('from', { type: 'string', default: '0001-01-01', describe: 'first day, YYYY-MM-DD' })
        .option('to', { type: 'string', default: '9999-12-31', describe: 'last day, YYYY-MM-DD' })
        .example('$0 themes --from 2024-11-01 --to 2024-11-30', 'theme counts for November'),
    async (args) => {
      const range = parseRange(args.from, args.to);
      const store = await loadStore(args.store);
      const statements = filterStatements(effectiveStatements(store), { ...range, includeUndated: false });
      const counts = themeCounts(statements, store.registry.themes);
      const width = Math.max(...counts.map((row) => row.theme.id.length), 5);
      for (const row of counts) say(`${row.theme.id.padEnd(width)}  ${String(row.count).padStart(5)}  ${row.theme.label}`);
    },
  );
}
