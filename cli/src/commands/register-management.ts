import { Option, type Command } from 'commander';

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const PURPOSES = ['license-signing', 'declaration-certifying', 'declaration-signing', 'list-signing'];
const ALGORITHMS = ['ES256', 'ES384', 'EdDSA', 'PS256'];
const CRL_REASONS = ['unspecified', 'keyCompromise', 'superseded', 'cessationOfOperation', 'affiliationChanged'];
const STATUSES = ['revoked', 'suspended', 'amended'];
const REASONS = ['compliance', 'end-use-concern', 'sanctions', 'error', 'holder-request', 'amendment', 'other'];

/** Options naming where a key passphrase comes from: never the passphrase itself. */
function passphraseOptions(cmd: Command): Command {
  return cmd
    .option('--passphrase-env <VAR>', 'environment variable holding the key passphrase (default XLIC_PASSPHRASE; keys are written unencrypted when none is set)')
    .option('--passphrase-prompt', 'ask for the key passphrase on the terminal');
}

/** Options of commands that use an issuing CA. */
function caOptions(cmd: Command): Command {
  return passphraseOptions(cmd.requiredOption('--ca-cert <file>', 'issuing CA certificate (PEM)').requiredOption('--ca-key <file>', 'issuing CA private key (PKCS#8 PEM, mode 0600)'));
}

function agencyOptions(cmd: Command, what: string): Command {
  return cmd
    .requiredOption('--country <CC>', `country of the ${what} (ISO 3166-1 alpha-2, e.g. DE)`)
    .requiredOption('--agency-id <id>', `identifier of the ${what} within its country (e.g. BAFA)`)
    .requiredOption('--name <name>', `official name of the ${what}`);
}

/**
 * Register the management commands agencies use: `xlic pki …` (their root CA, signer certificates and CRLs),
 * `xlic trust create|add|remove|show` and `xlic status create|add|remove|show` (unsigned lists, signed with `xlic sign`).
 */
export function registerManagementCommands(program: Command, setStatus: (status: number) => void): void {
  registerPki(program, setStatus);
  registerTrust(program, setStatus);
  registerStatus(program, setStatus);
}

function registerPki(program: Command, setStatus: (status: number) => void): void {
  const pki = program
    .command('pki')
    .summary('run an agency PKI: root CA, signer certificates, key rotation, CRLs')
    .description('Create and run an agency public-key infrastructure: a root CA, signer certificates with one xlic purpose each, key rotation and certificate revocation lists. Private keys are written with mode 0600, encrypted with a passphrase from --passphrase-env VAR, XLIC_PASSPHRASE or --passphrase-prompt; no command prints key material.');

  passphraseOptions(
    pki
      .command('init')
      .summary('create an agency root CA (root.crt.pem, root.key.pem)')
      .description('Create a self-signed root CA for an agency: C=<country>, O=<name>, OU=<agency id>, CN=<agency id> Root CA <year>. Writes <dir>/root.crt.pem and <dir>/root.key.pem (mode 0600). Refuses to replace an existing key unless --force.'),
  )
    .requiredOption('--country <CC>', 'country of the agency (ISO 3166-1 alpha-2)')
    .requiredOption('--agency-id <id>', 'agency identifier (e.g. BAFA); becomes OU and starts the CN')
    .requiredOption('--name <name>', 'official agency name (at most 64 characters; becomes O)')
    .addOption(new Option('--alg <alg>', 'key algorithm').choices(ALGORITHMS).default('ES256'))
    .option('--days <n>', 'validity in days (at most 9131)', '3650')
    .requiredOption('--out-dir <dir>', 'directory to write root.crt.pem and root.key.pem (created if missing)')
    .option('--force', 'replace an existing root key and certificate')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples([
      'XLIC_PASSPHRASE=… xlic pki init --country DE --agency-id BAFA --name "Bundesamt für Wirtschaft und Ausfuhrkontrolle" --out-dir pki/',
      'xlic pki init --country JP --agency-id METI --name "Ministry of Economy, Trade and Industry" --alg EdDSA --passphrase-prompt --out-dir meti-pki',
    ]))
    .action(async (opts) => {
      const { pkiInitCommand } = await import('./pki.js');
      setStatus(await pkiInitCommand(opts));
    });

  caOptions(
    pki
      .command('issue')
      .summary('issue a signer certificate and key under a CA')
      .description('Issue a signer certificate with one xlic purpose (extended key usage) and a new key pair. The subject defaults to the CA\'s C, O and OU; give --organization (and --country) for an end user certified by an end-user-certifier root. Writes <prefix>.crt.pem and <prefix>.key.pem (mode 0600).'),
  )
    .addOption(new Option('--purpose <purpose>', 'what the certificate may sign').choices(PURPOSES).makeOptionMandatory())
    .option('--cn <name>', 'common name (default "<agency id> <purpose> signer <yyyymmdd>")')
    .option('--organization <name>', 'subject organization (default: the CA\'s)')
    .option('--ou <unit>', 'subject organizational unit (default: the CA\'s, unless --organization is given)')
    .option('--country <CC>', 'subject country (default: the CA\'s)')
    .addOption(new Option('--alg <alg>', 'algorithm of the new key').choices(ALGORITHMS).default('ES256'))
    .option('--days <n>', 'validity in days (at most 825; within the CA\'s validity)', '365')
    .requiredOption('-o, --out <prefix>', 'write <prefix>.crt.pem and <prefix>.key.pem')
    .option('--out-passphrase-env <VAR>', 'encrypt the new key with the passphrase in this variable (default: as the CA key)')
    .option('--force', 'replace existing output files')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples([
      'xlic pki issue --ca-cert pki/root.crt.pem --ca-key pki/root.key.pem --purpose license-signing --out pki/license-signer-2026',
      'xlic pki issue --ca-cert pki/root.crt.pem --ca-key pki/root.key.pem --purpose list-signing --days 90 --out pki/list-signer',
      'xlic pki issue --ca-cert eu-root.crt.pem --ca-key eu-root.key.pem --purpose declaration-signing --organization "Tokai Seimitsu Kogyo K.K." --country JP --cn "Export Control Officer" --out tokai',
    ]))
    .action(async (opts) => {
      const { pkiIssueCommand } = await import('./pki.js');
      setStatus(await pkiIssueCommand(opts));
    });

  caOptions(
    pki
      .command('rotate')
      .summary('replace a signer key: new key and certificate, same subject and purpose')
      .description('Issue a new key and certificate with the same subject and purpose as an existing signer certificate. The old certificate stays valid until it expires or is revoked (xlic pki crl --revoke old.crt.pem --reason superseded).'),
  )
    .requiredOption('--cert <file>', 'the signer certificate being replaced (PEM)')
    .addOption(new Option('--alg <alg>', 'algorithm of the new key (default: that of the old key)').choices(ALGORITHMS))
    .option('--days <n>', 'validity in days (at most 825)', '365')
    .requiredOption('-o, --out <prefix>', 'write <prefix>.crt.pem and <prefix>.key.pem')
    .option('--out-passphrase-env <VAR>', 'encrypt the new key with the passphrase in this variable (default: as the CA key)')
    .option('--force', 'replace existing output files')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples([
      'xlic pki rotate --ca-cert pki/root.crt.pem --ca-key pki/root.key.pem --cert pki/license-signer-2026.crt.pem --out pki/license-signer-2027',
    ]))
    .action(async (opts) => {
      const { pkiRotateCommand } = await import('./pki.js');
      setStatus(await pkiRotateCommand(opts));
    });

  caOptions(
    pki
      .command('crl')
      .summary('issue a certificate revocation list')
      .description('Issue a CRL signed by the CA. With --previous, every entry of the previous CRL is carried over and the CRL number is incremented; --revoke adds certificates (or --revoke-serial serial numbers) issued by the CA. An existing --out file is only replaced when it is also --previous, or with --force.'),
  )
    .option('--revoke <file>', 'certificate (PEM) to revoke; repeat', collect)
    .option('--revoke-serial <hex>', 'serial number (hex) to revoke when the certificate is not at hand; repeat', collect)
    .addOption(new Option('--reason <reason>', 'reason for the certificates revoked now').choices(CRL_REASONS).default('unspecified'))
    .option('--previous <file>', 'the previous CRL of this CA (PEM or DER): its entries are carried over')
    .option('--next-update-days <n>', 'days until the next CRL is due', '7')
    .requiredOption('-o, --out <file>', 'where to write the CRL (PEM)')
    .option('--force', 'replace --out even though it is not --previous')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples([
      'xlic pki crl --ca-cert pki/root.crt.pem --ca-key pki/root.key.pem --out pki/root.crl.pem',
      'xlic pki crl --ca-cert pki/root.crt.pem --ca-key pki/root.key.pem --previous pki/root.crl.pem --revoke pki/license-signer-2026.crt.pem --reason keyCompromise --out pki/root.crl.pem',
    ]))
    .action(async (opts) => {
      const { pkiCrlCommand } = await import('./pki.js');
      setStatus(await pkiCrlCommand(opts));
    });
}

function registerTrust(program: Command, setStatus: (status: number) => void): void {
  const trust = program
    .command('trust')
    .summary('create and edit trust lists (which allied roots you trust, for which roles)')
    .description('Create and edit an unsigned trust list (JSON). Every edit bumps "sequence", refreshes issuedAt and nextUpdate, validates the result and replaces the file atomically; nothing is written when the result would be invalid. Sign the list with `xlic sign` before publishing it.');

  agencyOptions(trust.command('create').summary('start a new, empty trust list').description('Start a new trust list (sequence 1, no entries) published by the given agency.'), 'publishing agency')
    .requiredOption('--id <id>', 'identifier of the trust list, stable across versions (e.g. DE-BAFA-TRUST)')
    .option('--next-update-days <n>', 'days until the next version is due', '30')
    .requiredOption('-o, --out <file>', 'where to write the list')
    .option('--force', 'replace an existing file')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic trust create --id DE-BAFA-TRUST --country DE --agency-id BAFA --name "Bundesamt für Wirtschaft und Ausfuhrkontrolle" --out trust-list.json']))
    .action(async (opts) => {
      const { trustCreateCommand } = await import('./trust-edit.js');
      setStatus(await trustCreateCommand(opts));
    });

  agencyOptions(
    trust
      .command('add')
      .summary('add an agency\'s root certificate(s) to a trust list')
      .description('Add root CA certificates of an agency. A new agency needs --roles; for an agency already listed the certificates are appended (key rollover) and its roles, name and trust window are updated when given. Without --valid-from and --valid-until the trust window covers the certificates\' validity.')
      .argument('<list>', 'the trust list (unsigned JSON), edited in place'),
    'trusted agency',
  )
    .requiredOption('--root <file>', 'root CA certificate(s) of the agency (PEM)')
    .option('--roles <roles>', 'comma-separated: license-issuer, declaration-certifier, end-user-certifier, customs, status-publisher, trust-list-publisher, rules-publisher, screening-list-publisher, denial-publisher')
    .option('--valid-from <time>', 'start of trust (RFC 3339; default: the certificate\'s notBefore)')
    .option('--valid-until <time>', 'end of trust (RFC 3339; default: the certificate\'s notAfter)')
    .option('--next-update-days <n>', 'days until the next version is due', '30')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples([
      'xlic trust add trust-list.json --root meti-root.crt.pem --country JP --agency-id METI --name "Ministry of Economy, Trade and Industry" --roles license-issuer,status-publisher,trust-list-publisher',
      'xlic trust add trust-list.json --root pki/root.crt.pem --country DE --agency-id BAFA --name "Bundesamt für Wirtschaft und Ausfuhrkontrolle" --roles license-issuer,trust-list-publisher --valid-until 2030-12-31',
    ]))
    .action(async (file: string, opts) => {
      const { trustAddCommand } = await import('./trust-edit.js');
      setStatus(await trustAddCommand(file, opts));
    });

  trust
    .command('remove')
    .summary('remove an agency, or one root certificate, from a trust list')
    .description('Remove an agency (--country and --agency-id) or one root certificate (--thumbprint). Removing an agency\'s last root removes the agency.')
    .argument('<list>', 'the trust list (unsigned JSON), edited in place')
    .option('--country <CC>', 'country of the agency to remove')
    .option('--agency-id <id>', 'identifier of the agency to remove')
    .option('--thumbprint <sha256>', 'SHA-256 thumbprint of the root certificate to remove')
    .option('--next-update-days <n>', 'days until the next version is due', '30')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic trust remove trust-list.json --country JP --agency-id METI', 'xlic trust remove trust-list.json --thumbprint 3f1c…']))
    .action(async (file: string, opts) => {
      const { trustRemoveCommand } = await import('./trust-edit.js');
      setStatus(await trustRemoveCommand(file, opts));
    });

  trust
    .command('show')
    .summary('show the agencies, roles and roots of a trust list')
    .description('Show a trust list: agencies, roles, trust windows, root subjects, serials, validity and thumbprints. A signed list (.jws) is decoded WITHOUT verifying its signature; use xlic trust verify to check it.')
    .argument('<list>', 'trust list: unsigned JSON or JWS')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic trust show trust-list.json', 'xlic trust show de-trust.jws --json | jq ".entries[].roots[].sha256"']))
    .action(async (file: string, opts) => {
      const { trustShowCommand } = await import('./trust-edit.js');
      setStatus(await trustShowCommand(file, opts));
    });
}

function registerStatus(program: Command, setStatus: (status: number) => void): void {
  const status = program
    .command('status')
    .summary('create and edit status lists (revoked, suspended, amended licenses)')
    .description('Create and edit an unsigned status list (JSON). Every edit bumps "sequence", refreshes issuedAt and nextUpdate, validates the result and replaces the file atomically. Sign the list with `xlic sign` before publishing it.');

  agencyOptions(status.command('create').summary('start a new, empty status list').description('Start a new status list (sequence 1, no entries) for the licenses of the given agency.'), 'issuing agency')
    .requiredOption('--id <id>', 'identifier of the status list, stable across versions (e.g. DE-BAFA-STATUS)')
    .option('--next-update-days <n>', 'days until the next version is due', '7')
    .requiredOption('-o, --out <file>', 'where to write the list')
    .option('--force', 'replace an existing file')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic status create --id DE-BAFA-STATUS --country DE --agency-id BAFA --name "Bundesamt für Wirtschaft und Ausfuhrkontrolle" --out status-list.json']))
    .action(async (opts) => {
      const { statusCreateCommand } = await import('./status-edit.js');
      setStatus(await statusCreateCommand(opts));
    });

  status
    .command('add')
    .summary('record that a license is revoked, suspended or amended')
    .description('Record a license\'s status. A license already listed gets its status replaced: a suspension may become a revocation or an amendment; a revocation is final; an amended license can only be revoked.')
    .argument('<list>', 'the status list (unsigned JSON), edited in place')
    .requiredOption('--license <id>', 'identifier of the license')
    .addOption(new Option('--status <status>', 'the new status').choices(STATUSES).makeOptionMandatory())
    .addOption(new Option('--reason <category>', 'reason category').choices(REASONS).makeOptionMandatory())
    .option('--text <text>', 'reason in plain language (at most 1000 characters)')
    .option('--effective <time>', 'from when the status applies (RFC 3339 or "now")', 'now')
    .option('--successor <id>', 'for --status amended: the license replacing this one')
    .option('--successor-sha256 <hex>', 'for --status amended: SHA-256 of the successor\'s signed payload')
    .option('--next-update-days <n>', 'days until the next version is due', '7')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples([
      'xlic status add status-list.json --license DE-BAFA-EA-2026-004410 --status suspended --reason compliance',
      'xlic status add status-list.json --license DE-BAFA-EA-2025-009931 --status revoked --reason end-use-concern --text "Diversion to an unauthorized end user." --effective 2026-10-14T12:00:00+02:00',
      'xlic status add status-list.json --license DE-BAFA-EA-2026-011872 --status amended --reason amendment --successor DE-BAFA-EA-2026-011872-A1 --successor-sha256 a3f1…',
    ]))
    .action(async (file: string, opts) => {
      const { statusAddCommand } = await import('./status-edit.js');
      setStatus(await statusAddCommand(file, opts));
    });

  status
    .command('remove')
    .summary('lift a suspension')
    .description('Remove a suspended license from the status list (lift the suspension). Revocations and amendments are final.')
    .argument('<list>', 'the status list (unsigned JSON), edited in place')
    .requiredOption('--license <id>', 'identifier of the suspended license')
    .option('--next-update-days <n>', 'days until the next version is due', '7')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic status remove status-list.json --license DE-BAFA-EA-2026-004410']))
    .action(async (file: string, opts) => {
      const { statusRemoveCommand } = await import('./status-edit.js');
      setStatus(await statusRemoveCommand(file, opts));
    });

  status
    .command('show')
    .summary('show the entries of a status list')
    .description('Show a status list: each license with its status, reason, effective time and successor. A signed list (.jws) is decoded WITHOUT verifying its signature; use xlic verify to check it.')
    .argument('<list>', 'status list: unsigned JSON or JWS')
    .option('--json', 'machine-readable output')
    .addHelpText('after', examples(['xlic status show status-list.json', 'xlic status show de-status.jws --json | jq ".entries[] | select(.status == \\"revoked\\")"']))
    .action(async (file: string, opts) => {
      const { statusShowCommand } = await import('./status-edit.js');
      setStatus(await statusShowCommand(file, opts));
    });
}
