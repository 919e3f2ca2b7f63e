// The `report` command line: parses flags, calls the core, prints. Nothing else happens here.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ReportError } from '../errors.js';
import { registerExtract } from './commands/extract.js';
import { registerPreview } from './commands/preview.js';
import { registerReport } from './commands/report.js';
import { registerThemes } from './commands/themes.js';
import { fail } from './output.js';

async function main(argv: string[]): Promise<void> {
  let cli = yargs(argv)
    .scriptName('report')
    .usage('$0 [command] [options]\n\nTurns dated, attributed statements from news articles into an HTML and PDF briefing.')
    .strict()
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .help()
    .alias('help', 'h')
    .version()
    .fail((message, error) => {
      // yargs' own messages (unknown flag, missing value) are usage errors: one line, exit 2.
      if (error) throw error;
      throw new ReportError('usage', `${oneLine(message)} (see report --help)`);
    });
  cli = registerReport(cli);
  cli = registerExtract(cli);
  cli = registerThemes(cli);
  cli = registerPreview(cli);
  await cli.parseAsync();
}

/** yargs' message on one line; its "Invalid values" block (a flag with choices) as `--flag value: expected …`. */
function oneLine(message: string): string {
  const choice = /Argument: ([\w-]+), Given: ("[^"]*"|\S+), Choices: (.+)/.exec(message);
  if (choice) return `--${choice[1]} ${choice[2]}: expected one of ${choice[3]!.replaceAll('"', '')}`;
  return message.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
}

main(hideBin(process.argv)).catch(fail);
