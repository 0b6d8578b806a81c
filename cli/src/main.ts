import { Command, CommanderError, Option } from 'commander';
import { isXlicError } from '@xlic/core';
import { EXIT, exitStatusFor } from './exit-status.js';
import { err } from './output/write.js';
import { registerManagementCommands } from './commands/register-management.js';
import { registerScreeningCommands } from './commands/register-screening.js';

const VERSION = '0.1.0';

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Build the command tree. Each action imports its implementation lazily, for fast start-up. */
export function buildProgram(setStatus: (status: number) => void): Command {
  const program = new Command('xlic')
    .description('Machine-readable, digitally signed export-control licenses: validate, sign, verify.')
    .version(VERSION, '-V, --version')
    // One line on stderr for usage errors: the hint goes on the error line itself (inherited by subcommands).
    .configureOutput({ outputError: (s, write) => write(`${s.trim().replace(/\s*\n\s*/g, ' ')} (run with --help for usage)\n`) })
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

  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  const trustOptions = (cmd: Command): Command =>
    cmd
      .option('--trust <file>', 'trust list (signed JWS) or PEM file of roots; repeat; your own national list first', collect)
      .option('--status <file>', 'signed status list; repeat', collect)
      .option('--crl <file>', 'certificate revocation list (PEM or DER); repeat', collect)
      .option('--bundle <file>', 'signed offline bundle (trust lists, status lists and CRLs in one file)')
      .option('--pin <sha256>', 'SHA-256 thumbprint of a root allowed to sign your first trust list; repeat', collect)
      .option('--at <time>', 'verification time, RFC 3339 or "now"', 'now');
  const signerOptions = (cmd: Command): Command =>
    cmd
      .requiredOption('--key <file>', 'private key (PKCS#8 PEM, mode 0600)')
      .requiredOption('--cert <file>', 'signer certificate (PEM)')
      .option('--chain <file>', 'intermediate CA certificates (PEM), if any')
      .option('--passphrase-env <VAR>', 'environment variable holding the key passphrase (default XLIC_PASSPHRASE)')
      .option('--passphrase-prompt', 'ask for the key passphrase on the terminal');

  trustOptions(
    program
      .command('verify')
      .summary('verify signed licenses and other documents, offline, against trust lists')
      .description('Verify signed xlic documents (compact or JSON JWS) and license PDFs: signature, certificate path to a\ntrusted root, issuer binding, schema, validity window and status. Fail-closed: anything unproven is INVALID.\nOne document gets the full verdict; many (files, directories, or "-" for a list of paths on standard input)\nstream one line each, or JSON Lines with --json, then a summary by reason code.')
      .argument('[file...]', 'signed documents, license PDFs, directories, or "-" to read a list of paths from standard input'),
  )
    .option('--qr <text>', 'text a scanner read from a license QR code; repeat for multi-part codes', collect)
    .option('--rules <file>', "a jurisdiction's signed rules; repeat", collect)
    .option('--screen <file>', 'signed screening list of parties of concern; repeat', collect)
    .option('--denials <file>', 'signed denial notice of an ally; repeat', collect)
    .option('-j, --jobs <n>', 'worker threads for large batches (default: all cores from 64 documents on)')
    .option('--no-cache', 'check every chain from scratch (for comparison; verdicts are the same)')
    .option('--require-fresh-status', 'treat missing or out-of-date status information as INVALID')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples([
      'xlic verify license.jws --trust jp-trust.jws --trust de-trust.jws --status de-status.jws',
      'xlic verify license.jws --bundle border-bundle.jws --require-fresh-status',
      'xlic verify license.jws --trust roots.pem --at 2027-01-15T00:00:00Z --json',
      'xlic verify license.pdf --trust jp-trust.jws --trust de-trust.jws',
      "xlic verify --qr 'XL1:…' --trust jp-trust.jws",
      'xlic verify incoming/ --bundle border.bundle.jws --json > verdicts.jsonl',
      'xlic verify dossier.json --trust jp-trust.jws --trust de-trust.jws --rules jp-rules.jws',
      'xlic verify dossier.json --trust jp-trust.jws --screen de-screening.jws --denials fr-denial.jws',
      'find /spool -name "*.jws" | xlic verify - --trust jp-trust.jws',
    ]))
    .action(async (files: string[], opts) => {
      const { verifyCommand } = await import('./commands/verify.js');
      setStatus(await verifyCommand(files, opts));
    });

  signerOptions(
    program
      .command('sign')
      .summary('validate a document and sign it (compact JWS)')
      .description('Validate a license, end-use declaration, trust list or status list, then sign it as a compact JWS\nwith the kind\'s "typ", the x5c chain and the signing time. An invalid document is never signed.')
      .argument('<document>', 'the JSON document to sign'),
  )
    .option('-o, --out <file>', 'write the JWS here (atomically) instead of standard output')
    .option('--at <time>', 'signing time (default now)')
    .option('--force', 'replace an output list even if it holds a newer sequence number')
    .option('--denials <file>', "allies' signed denial notices: refuse to sign a license they cover (unless consulted); repeat", collect)
    .option('--consultation <noticeId>', 'a denial notice the denying agency was consulted on (until licenses record it); repeat', collect)
    .option('--trust <file>', 'trust list or PEM roots to verify --denials; repeat', collect)
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic sign license.json --key bafa-signer.key.pem --cert bafa-signer.crt.pem -o license.jws', 'xlic sign license.json --denials sbdu-dn-0117.jws --trust de-trust.jws --key bafa-signer.key.pem --cert bafa-signer.crt.pem -o license.jws', 'XLIC_PASSPHRASE=… xlic sign trust-list.json --key tl.key.pem --cert tl.crt.pem -o trust-list.jws']))
    .action(async (file: string, opts) => {
      const { signCommand } = await import('./commands/sign.js');
      setStatus(await signCommand(file, opts));
    });

  signerOptions(
    program
      .command('cosign')
      .summary('countersign a signed license (JSON serialization)')
      .description('Add an allied agency\'s signature to a signed license without touching its payload or existing signatures.\nThe result is a JWS in JSON general serialization.')
      .argument('<signed>', 'signed license (compact or JSON JWS)'),
  )
    .option('-o, --out <file>', 'write the countersigned JWS here (atomically)')
    .option('--at <time>', 'signing time (default now)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic cosign license.jws --key meti-signer.key.pem --cert meti-signer.crt.pem -o license.cosigned.json']))
    .action(async (file: string, opts) => {
      const { cosignCommand } = await import('./commands/sign.js');
      setStatus(await cosignCommand(file, opts));
    });

  signerOptions(
    program
      .command('bundle')
      .summary('pack trust lists, status lists and CRLs into one signed offline bundle')
      .description('Assemble everything a border post needs to verify offline into one file signed with a list-signing key\nof the publisher of the first trust list. `xlic verify --bundle` reports how old its information is.'),
  )
    .requiredOption('--trust <file>', 'signed trust list; repeat; your own national list first', collect)
    .option('--status <file>', 'signed status list; repeat', collect)
    .option('--crl <file>', 'CRL (PEM or DER); repeat', collect)
    .option('--id <id>', 'bundle identifier')
    .option('--as-of <time>', 'as-of time (default now)')
    .requiredOption('-o, --out <file>', 'where to write the bundle')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic bundle --trust jp-trust.jws --trust de-trust.jws --status de-status.jws --crl de.crl.pem --key jp-tl.key.pem --cert jp-tl.crt.pem -o border.bundle.jws']))
    .action(async (opts) => {
      const { bundleCommand } = await import('./commands/bundle.js');
      setStatus(await bundleCommand(opts));
    });

  program
    .command('render')
    .summary('render a signed license as a PDF carrying its signed original and QR code')
    .description('Render a human-readable PDF (A4 or US Letter) of a signed license. The signed license (and any signed\nend-use declarations) travel inside as PDF/A-3 style associated files, and as QR codes on the page.\nRendering is deterministic: the same signed license always gives the same bytes.')
    .argument('<signed>', 'signed license (compact or JSON JWS)')
    .requiredOption('-o, --out <file>', 'where to write the PDF')
    .option('--paper <size>', 'A4 or Letter', 'A4')
    .option('--declaration <file>', 'signed end-use declaration to attach; repeat', collect)
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic render license.jws -o license.pdf', 'xlic render license.jws --paper Letter --declaration eud.jws -o license.pdf']))
    .action(async (file: string, opts) => {
      const { renderCommand } = await import('./commands/render.js');
      setStatus(await renderCommand(file, opts));
    });

  const declare = program.command('declare').summary('end users: draw up and sign an end-use declaration').description('End-use declarations: an end user states how it will use the goods and signs with a key certified for\nthat purpose; the importing authority certifies it with `xlic certify`.');
  declare
    .command('init')
    .summary('start a declaration from a signed license')
    .requiredOption('--license <file>', 'the signed license the declaration supports')
    .option('--end-user <n>', 'which end user of the license makes the declaration (1 = first)', '1')
    .requiredOption('--signatory-name <name>', 'the person signing for the end user')
    .requiredOption('--signatory-title <title>', 'their position')
    .option('--id <id>', 'declaration identifier')
    .requiredOption('-o, --out <file>', 'where to write the declaration (JSON, to review before signing)')
    .option('--force', 'replace an existing file')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic declare init --license license.jws --signatory-name "Kenji Sato" --signatory-title "Export Compliance Manager" -o eud.json']))
    .action(async (opts) => {
      const { declareInitCommand } = await import('./commands/end-use.js');
      setStatus(await declareInitCommand(opts));
    });
  signerOptions(declare.command('sign').summary('sign a declaration (same as xlic sign)').argument('<declaration>', 'declaration JSON'))
    .requiredOption('-o, --out <file>', 'where to write the signed declaration')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic declare sign eud.json --key tokai.key.pem --cert tokai.crt.pem -o eud.jws']))
    .action(async (file: string, opts) => {
      const { signCommand } = await import('./commands/sign.js');
      setStatus(await signCommand(file, opts));
    });
  signerOptions(
    program
      .command('certify')
      .summary("importing authority: certify a signed end-use declaration (countersignature)")
      .description("The importing country's authority adds its signature to an end user's signed declaration (JSON serialization),\nwith a certificate for declaration-certifying under a root trusted as declaration-certifier.")
      .argument('<declaration>', 'signed end-use declaration'),
  )
    .requiredOption('-o, --out <file>', 'where to write the certified declaration')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic certify eud.jws --key meti-cert.key.pem --cert meti-cert.crt.pem -o eud.certified.json']))
    .action(async (file: string, opts) => {
      const { cosignCommand } = await import('./commands/sign.js');
      setStatus(await cosignCommand(file, opts));
    });
  const dossier = program.command('dossier').summary('shipment dossiers: a license with its end-use declarations').description('A dossier is one JSON file carrying a signed license and the signed declarations it references.');
  dossier
    .command('create')
    .summary('assemble a dossier')
    .requiredOption('--license <file>', 'the signed license')
    .option('--declaration <file>', 'a signed end-use declaration; repeat', collect)
    .option('--id <id>', 'dossier reference (e.g. the shipment number)')
    .requiredOption('-o, --out <file>', 'where to write the dossier')
    .option('--force', 'replace an existing file')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic dossier create --license license.jws --declaration eud.certified.json -o dossier.json', 'xlic verify dossier.json --trust jp-trust.jws --trust de-trust.jws --rules jp-rules.jws']))
    .action(async (opts) => {
      const { dossierCreateCommand } = await import('./commands/end-use.js');
      setStatus(await dossierCreateCommand(opts));
    });
  const rules = program.command('rules').summary("jurisdiction rules: check a rules file").description("Jurisdiction rules (docs/SPEC.md Part IV) are published signed; `xlic verify --rules` applies them.");
  rules
    .command('check')
    .summary('validate a rules file (and verify its signature with --trust)')
    .argument('<file>', 'rules JSON, or signed rules (JWS)')
    .option('--trust <file>', 'trust list or PEM roots to verify a signed rules file; repeat', collect)
    .option('--bundle <file>', 'offline bundle to verify a signed rules file')
    .option('--at <time>', 'verification time', 'now')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic rules check examples/rules/jp-customs-rules.json', 'xlic rules check jp-rules.jws --trust jp-trust.jws']))
    .action(async (file: string, opts) => {
      const { rulesCheckCommand } = await import('./commands/end-use.js');
      setStatus(await rulesCheckCommand(file, opts));
    });

  const cert = program.command('cert').summary('certificate tools').description('Certificate tools.');
  trustOptions(
    cert
      .command('verify')
      .summary('validate a certificate path alone (RFC 5280)')
      .description('Validate a certificate path to a trust anchor: every certificate in a PEM roots file is an anchor;\ntrust lists contribute their roots. --purpose any (default) skips the extended key usage check.')
      .argument('<cert>', 'certificate (PEM; further certificates in the file are intermediates)'),
  )
    .option('--intermediates <file>', 'intermediate CA certificates (PEM)')
    .option('--purpose <purpose>', 'any | license-signing | declaration-certifying | declaration-signing | list-signing', 'any')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic cert verify signer.crt.pem --trust root.crt.pem', 'xlic cert verify signer.crt.pem --trust jp-trust.jws --purpose license-signing --crl de.crl.pem']))
    .action(async (file: string, opts) => {
      const { certVerifyCommand } = await import('./commands/cert-verify.js');
      setStatus(await certVerifyCommand(file, opts));
    });

  registerManagementCommands(program, setStatus);
  registerScreeningCommands(program, setStatus);

  const trust = program.commands.find((c) => c.name() === 'trust');
  if (trust) {
    signerOptions(
      trust
        .command('sign')
        .summary('sign a trust list (same as xlic sign)')
        .description('Validate and sign a trust list with a list-signing certificate; refuses to replace a newer signed list.')
        .argument('<list>', 'trust list JSON'),
    )
      .requiredOption('-o, --out <file>', 'where to write the signed list')
      .option('--force', 'replace an output list even if it holds a newer sequence number')
      .option('--json', 'machine-readable output')
      .addHelpText('after', examples(['xlic trust sign jp-trust.json --key jp-list-signer.key.pem --cert jp-list-signer.crt.pem -o jp-trust.jws']))
      .action(async (file: string, opts) => {
        const { signCommand } = await import('./commands/sign.js');
        setStatus(await signCommand(file, opts));
      });
    trust
      .command('verify')
      .summary('verify a signed trust list')
      .description('Without --trust: check the list as your own anchor list (signed under a root it lists as trust-list-publisher\nfor its own publisher; --pin pins that root). With --trust: check that the lists you trust vouch for its publisher.')
      .argument('<list>', 'signed trust list (JWS)')
      .option('--trust <file>', 'trust lists you already trust; repeat', collect)
      .option('--pin <sha256>', 'root thumbprint that must have signed the anchor list; repeat', collect)
      .option('--at <time>', 'verification time, RFC 3339 or "now"', 'now')
      .option('--json', 'machine-readable output')
      .addHelpText('after', examples(['xlic trust verify jp-trust.jws --pin 3f1c…', 'xlic trust verify de-trust.jws --trust jp-trust.jws']))
      .action(async (file: string, opts) => {
        const { trustVerifyCommand } = await import('./commands/trust-verify.js');
        setStatus(await trustVerifyCommand(file, opts));
      });
  }
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
