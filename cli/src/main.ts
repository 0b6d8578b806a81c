import { Command, CommanderError, Option } from 'commander';
import { isXlicError } from '@xlic/core';
import { EXIT, exitStatusFor } from './exit-status.js';
import { err } from './output/write.js';

const VERSION = '0.1.0';

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Build the command tree. Each action imports its implementation lazily, for fast start-up. */
export function buildProgram(setStatus: (status: number) => void): Command {
  const program = new Command('xlic')
    .description('Machine-readable, digitally signed export-control licenses: validate, sign, verify.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `\nExit status: 0 valid, 1 invalid document, 2 usage or input error, 3 internal error.\nDocs: docs/cli.md, docs/SPEC.md, docs/errors.md`)
    .exitOverride();

  program
    .command('validate')
    .summary('check documents against the xlic schemas and semantic rules')
    .description('Validate licenses, end-use declarations, parties, trust lists and status lists.\nThe document kind is detected from its "documentType" field. Use "-" to read standard input.')
    .argument('<file...>', 'JSON documents to validate ("-" for standard input)')
    .addOption(new Option('--json', 'machine-readable output'))
    .addOption(new Option('-q, --quiet', 'do not print the summary line of valid documents'))
    .addHelpText('after', examples(['xlic validate examples/licenses/*.json', 'cat license.json | xlic validate -', 'xlic validate --json license.json | jq .results[0].findings']))
    .action(async (files: string[], opts) => {
      const { validateCommand } = await import('./commands/validate.js');
      setStatus(await validateCommand(files, opts));
    });

  return program;
}

/**
 * Run the CLI with `argv` (as process.argv) and return the exit status.
 * Never throws: usage errors, input errors and bugs each become one line on stderr.
 */
export async function run(argv: string[]): Promise<number> {
  let status: number = EXIT.OK;
  const program = buildProgram((s) => {
    status = s;
  });
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv);
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE_OR_INPUT;
    }
    if (isXlicError(e)) {
      err(`xlic: ${e.message} [${e.code}]`);
      return exitStatusFor(e.code);
    }
    err(`xlic: internal error: ${e instanceof Error ? e.message : String(e)} (set XLIC_DEBUG=1 for details)`);
    if (process.env['XLIC_DEBUG']) err(e instanceof Error && e.stack ? e.stack : String(e));
    return EXIT.INTERNAL;
  }
}
