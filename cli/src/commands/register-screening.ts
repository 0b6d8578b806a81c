import { Option, type Command } from 'commander';

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * Register `xlic screen` (parties against signed screening lists and denial notices) and `xlic report`
 * (the transparency report of what agencies issued, revoked and denied). Docs: docs/drafts/cli-screening.md.
 */
export function registerScreeningCommands(program: Command, setStatus: (status: number) => void): void {
  program
    .command('screen')
    .summary('screen every party of parties, licenses, declarations and dossiers against signed screening lists')
    .description(
      'Screen each party (exporter, consignee, end users, intermediate consignees; a declaration\'s declarant and exporter)\n' +
        'against signed screening lists, verified against --trust (root trusted as screening-list-publisher, publisher = signer\'s\n' +
        'agency). Each hit names the entry, the name or alias matched, the rule, the score, the list and its publisher.\n' +
        'CLEAR, HIT (the list says fail) or ESCALATE (the list says escalate) per party; de-listed entries are shown as\n' +
        'information. With --denials, a license is also checked against allies\' signed denial notices.\n' +
        'Exit status: 0 all clear, 1 a hit, an escalation or a blocking denial, 2 input error (a list or notice refused).',
    )
    .argument('<file...>', 'party JSON, license (JSON or signed), signed end-use declaration, or dossier JSON')
    .requiredOption('--list <file>', 'signed screening list; repeat (of two versions of one list the newer is used)', collect)
    .option('--denials <file>', 'signed denial notice (also renewals and withdrawals); repeat', collect)
    .option('--trust <file>', 'trust list (signed) or PEM roots that vouch for the publishers; repeat', collect)
    .option('--bundle <file>', 'signed offline bundle holding the trust lists')
    .option('--pin <sha256>', 'SHA-256 thumbprint of a root allowed to sign your first trust list; repeat', collect)
    .option('--at <time>', 'screening time, RFC 3339 or "now"', 'now')
    .addOption(new Option('--json', 'machine-readable output'))
    .addHelpText('after', examples([
      'xlic screen party.json --list bafa-screening.jws --trust jp-trust.jws',
      'xlic screen license.jws --list bafa-screening.jws --list meti-eul.jws --denials sbdu-dn-0117.jws --trust jp-trust.jws',
      'xlic screen dossier.json --list bafa-screening.jws --trust jp-trust.jws --json | jq ".documents[].parties[].hits"',
    ]))
    .action(async (files: string[], opts) => {
      const { screenCommand } = await import('./screen.js');
      setStatus(await screenCommand(files, opts));
    });

  program
    .command('report')
    .summary('transparency report: licenses issued, revoked and denied in a period, without party data')
    .description(
      'Verify signed licenses, status lists and denial notices against --trust, then summarise per agency what was issued\n' +
        '(by license type, destination and regime), revoked, suspended or amended, and denied in [--from, --to), with each\n' +
        'humanitarian exemption and emergency authorisation: decision time against its deadline, review date kept or missed.\n' +
        'Public format: aggregates only, no party names or identifiers, no free-text reasons.',
    )
    .argument('<file...>', 'signed licenses, status lists and denial notices')
    .option('--trust <file>', 'trust list (signed) or PEM roots; repeat', collect)
    .option('--bundle <file>', 'signed offline bundle holding the trust lists')
    .option('--pin <sha256>', 'SHA-256 thumbprint of a root allowed to sign your first trust list; repeat', collect)
    .option('--from <time>', 'start of the period (inclusive), RFC 3339 or a date')
    .option('--to <time>', 'end of the period (exclusive; default --at)')
    .option('--at <time>', 'verification time, and the time review dates are judged at', 'now')
    .option('--agency <CC/ID>', 'only this agency, e.g. DE/BAFA')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'csv']).default('md'))
    .option('-o, --out <file>', 'write the report here (atomically)')
    .addHelpText('after', examples([
      'xlic report signed/*.jws --trust jp-trust.jws --from 2026-11-01 --to 2026-12-01',
      'xlic report licenses/*.jws de-status.jws denials/*.jws --trust de-trust.jws --agency DE/BAFA --format csv -o 2026-11.csv',
    ]))
    .action(async (files: string[], opts) => {
      const { reportCommand } = await import('./report.js');
      setStatus(await reportCommand(files, opts));
    });
}
